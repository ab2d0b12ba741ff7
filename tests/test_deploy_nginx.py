"""deploy/nginx.conf with Debian's nginx on 127.0.0.1 over the built site: headers, caching,
compression, both 404 pages, and every page in Chromium without a CSP violation or error."""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import time
import urllib.error
import urllib.request
from pathlib import Path

import pytest
from browser import CSP_WATCH, DESKTOP
from sitecheck import ROOT

# One nginx serves every test here: kept on one worker under `pytest -n`.
pytestmark = pytest.mark.xdist_group("nginx")

SECURITY_HEADERS = {
    "Strict-Transport-Security": "max-age=63072000; includeSubDomains",
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "same-origin",
    "X-Frame-Options": "DENY",
}


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture(scope="session")
def nginx(site, tmp_path_factory):
    """nginx serving the built site with deploy/nginx.conf; yields its base URL."""
    binary = shutil.which("nginx") or (
        "/usr/sbin/nginx" if Path("/usr/sbin/nginx").exists() else None
    )
    if binary is None:
        reason = "nginx is not installed (apt-get install -y nginx-light)"
        if os.environ.get("CI", "").lower() == "true":
            pytest.fail(f"CI=true and {reason}", pytrace=False)
        pytest.skip(reason)
    prefix = tmp_path_factory.mktemp("nginx")
    shutil.copytree(ROOT / "deploy", prefix / "ct-site")
    shutil.copy("/etc/nginx/mime.types", prefix / "mime.types")
    port = free_port()
    server = (prefix / "ct-site" / "nginx.conf").read_text(encoding="utf-8")
    server = server.replace("listen 80;", f"listen 127.0.0.1:{port};")
    server = server.replace("root /srv/ct-site;", f"root {site};")
    (prefix / "ct-site" / "nginx.conf").write_text(server, encoding="utf-8")
    temp = prefix / "temp"
    temp.mkdir()
    (prefix / "nginx.conf").write_text(
        f"""
user root;
daemon off;
worker_processes 1;
pid {prefix}/nginx.pid;
error_log {prefix}/error.log warn;
events {{ worker_connections 64; }}
http {{
    include mime.types;
    default_type application/octet-stream;
    access_log off;
    client_body_temp_path {temp}/body;
    proxy_temp_path {temp}/proxy;
    fastcgi_temp_path {temp}/fastcgi;
    uwsgi_temp_path {temp}/uwsgi;
    scgi_temp_path {temp}/scgi;
    include ct-site/nginx.conf;
}}
""",
        encoding="utf-8",
    )
    check = subprocess.run(
        [binary, "-t", "-p", str(prefix), "-c", str(prefix / "nginx.conf")],
        capture_output=True,
        text=True,
    )
    assert check.returncode == 0, check.stderr
    process = subprocess.Popen(
        [binary, "-p", str(prefix), "-c", str(prefix / "nginx.conf")],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    base = f"http://127.0.0.1:{port}/"
    for _ in range(100):
        try:
            urllib.request.urlopen(base, timeout=1)
            break
        except (urllib.error.URLError, ConnectionError):
            time.sleep(0.05)
    yield base
    process.terminate()
    process.wait(timeout=10)


def fetch(url: str, gzip: bool = False):
    request = urllib.request.Request(url, headers={"Accept-Encoding": "gzip"} if gzip else {})
    try:
        response = urllib.request.urlopen(request, timeout=5)
    except urllib.error.HTTPError as error:
        response = error
    return response.status, response.headers, response.read()


def test_security_headers_on_pages_assets_and_404s(nginx):
    for path in ["", "en/unit/", "assets/stylesheets/site.css", "no/such/page/", "en/nope/"]:
        status, headers, _ = fetch(nginx + path)
        for name, value in SECURITY_HEADERS.items():
            assert headers[name] == value, (path, name)
        csp = headers["Content-Security-Policy"]
        assert "default-src 'self'" in csp and "frame-ancestors 'none'" in csp
        assert "unsafe-inline" not in csp and "https:" not in csp
        assert "camera=()" in headers["Permissions-Policy"]


def test_caching_is_long_for_fingerprinted_assets_and_short_for_html(nginx, site):
    bundle = next((site / "assets" / "javascripts").glob("bundle.*.min.js")).name
    assert "immutable" in fetch(nginx + f"assets/javascripts/{bundle}")[1]["Cache-Control"]
    assert fetch(nginx + "assets/javascripts/search.js")[1]["Cache-Control"] == (
        "public, max-age=3600"
    )
    assert fetch(nginx)[1]["Cache-Control"] == "no-cache"
    assert fetch(nginx + "en/")[1]["Cache-Control"] == "no-cache"


def test_text_is_compressed(nginx):
    for path in ["", "assets/stylesheets/site.css", "search/manifest.json"]:
        assert fetch(nginx + path, gzip=True)[1]["Content-Encoding"] == "gzip", path


def test_each_language_gets_its_own_404_page(nginx):
    status, _, body = fetch(nginx + "no/such/page/")
    assert status == 404 and b'<html lang="ar" dir="rtl"' in body
    for path in [
        "en/no/such/page/",
        "en/search/nope.json",
        "en/assets/nope.css",
        "en/best-practices/catalogue.xlsx",
    ]:
        status, _, body = fetch(nginx + path)
        assert status == 404 and b'<html lang="en" dir="ltr"' in body, path


def raw_request(nginx: str, request: bytes) -> tuple[int, dict[str, str]]:
    """Send bytes as they are (urllib would refuse them); (status, headers) of the answer."""
    host, port = nginx.removeprefix("http://").rstrip("/").split(":")
    with socket.create_connection((host, int(port)), timeout=5) as connection:
        connection.sendall(request)
        answer = b""
        while b"\r\n\r\n" not in answer:
            piece = connection.recv(65536)
            if not piece:
                break
            answer += piece
    head = answer.split(b"\r\n\r\n", 1)[0].decode("latin-1").split("\r\n")
    headers = dict(line.split(": ", 1) for line in head[1:] if ": " in line)
    return int(head[0].split()[1]), headers


def test_answers_nginx_writes_itself_carry_the_security_headers(nginx):
    answers = {
        "400 (two Host headers)": raw_request(
            nginx, b"GET / HTTP/1.1\r\nHost: a\r\nHost: b\r\n\r\n"
        ),
        "414 (an over-long address)": raw_request(
            nginx, b"GET /" + b"a" * 20000 + b" HTTP/1.1\r\nHost: a\r\n\r\n"
        ),
        "404 (a dotfile)": raw_request(nginx, b"GET /.env HTTP/1.1\r\nHost: a\r\n\r\n"),
        # Refused before any location is chosen (issue "Untrusted text stays text").
        "405 (TRACE)": raw_request(nginx, b"TRACE / HTTP/1.1\r\nHost: a\r\n\r\n"),
        "400 (a 20 kB header)": raw_request(
            nginx, b"GET / HTTP/1.1\r\nHost: a\r\nX-Big: " + b"b" * 20000 + b"\r\n\r\n"
        ),
        "505 (HTTP/2.0 in the request line)": raw_request(
            nginx, b"GET / HTTP/2.0\r\nHost: a\r\n\r\n"
        ),
        "400 (a request line that is not HTTP)": raw_request(nginx, b"\x16\x03\x01\r\n\r\n"),
    }
    assert {name: status for name, (status, _) in answers.items()} == {
        "400 (two Host headers)": 400,
        "414 (an over-long address)": 414,
        "404 (a dotfile)": 404,
        "405 (TRACE)": 405,
        "400 (a 20 kB header)": 400,
        "505 (HTTP/2.0 in the request line)": 505,
        "400 (a request line that is not HTTP)": 400,
    }
    for name, (_, headers) in answers.items():
        for header, value in SECURITY_HEADERS.items():
            assert headers.get(header) == value, (name, header)
        assert "Content-Security-Policy" in headers, name


def test_files_starting_with_a_dot_are_never_served(nginx, site):
    secrets = [site / ".env", site / ".git" / "config", site / "en" / ".htpasswd"]
    for secret in secrets:
        secret.parent.mkdir(exist_ok=True)
        secret.write_text("SECRET=1\n", encoding="utf-8")
    try:
        answers = {path: fetch(nginx + path) for path in [".env", ".git/config", "en/.htpasswd"]}
    finally:
        for secret in secrets:
            secret.unlink()
    for path, (status, _, body) in answers.items():
        assert status == 404 and b"SECRET" not in body, path


def test_redirects_stay_relative(nginx):
    status, headers = raw_request(nginx, b"GET /en/unit HTTP/1.1\r\nHost: a\r\n\r\n")
    assert status == 301 and headers["Location"] == "/en/unit/"


def test_exports_and_index_have_their_types_with_a_charset_and_are_compressed(nginx):
    expected = {
        "best-practices/catalogue.csv": "text/csv; charset=utf-8",
        "en/best-practices/catalogue.csv": "text/csv; charset=utf-8",
        "best-practices/catalogue.json": "application/json; charset=utf-8",
        "en/search/manifest.json": "application/json; charset=utf-8",
        "sitemap.xml": "text/xml; charset=utf-8",
        "statements/feed.xml": "application/atom+xml; charset=utf-8",
        "en/statements/feed.xml": "application/atom+xml; charset=utf-8",
        "en/statements/statements.json": "application/json; charset=utf-8",
    }
    for path, content_type in expected.items():
        status, headers, _ = fetch(nginx + path, gzip=True)
        assert status == 200, path
        assert headers["Content-Type"] == content_type, path
        assert headers["Content-Encoding"] == "gzip", path


def test_the_policy_allows_exactly_the_sites_inline_scripts(site):
    result = subprocess.run(
        [str(Path(os.sys.executable)), "-m", "ctsite.tools.csp", str(site), "--check"],
        capture_output=True,
        text=True,
    )
    assert result.returncode == 0, result.stdout + result.stderr


# A page of each kind, in both languages, with the scripts each runs (every page is also loaded
# under the same policy by the tests' own server: test_browser_pages.py).
SAMPLE = [
    "",
    "en/",
    "best-practices/?pillar=security",
    "en/best-practices/",
    "best-practices/eapd-counter-terrorism-training/",
    "en/international/ctc-chairmanship-2016/",
    "documents/",
    "en/?q=terrorism",
]


def test_pages_of_each_kind_load_without_csp_violation_or_console_error(nginx, chromium):
    context = chromium.new_context(viewport=DESKTOP)
    context.add_init_script(CSP_WATCH)
    problems = {}
    for path in SAMPLE:
        page = context.new_page()
        errors = []
        page.on("console", lambda m, errors=errors: m.type == "error" and errors.append(m.text))
        page.goto(nginx + path, wait_until="networkidle")
        if "?q=" in path:
            page.wait_for_selector(".site-search__result")
        violations = page.evaluate("window.__violations")
        if violations or errors:
            problems[path] = violations + errors
        page.close()
    context.close()
    assert problems == {}
