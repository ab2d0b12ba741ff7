"""The plain recipe of MkDocs hosts works in a fresh clone: a new virtual environment,
`pip install -r requirements.txt`, then `mkdocs build --strict` (or `mkdocs serve`), with no
`make` and nothing installed by hand. Hosts (Read the Docs, Netlify, Cloudflare Pages, GitLab
Pages templates, Material's publishing workflow) run exactly this."""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from sitecheck import ROOT

# A Python that cannot import `ctsite`, as in an environment made without the lock file.
WITHOUT_CTSITE = """
import sys
class Refuse:
    def find_spec(self, name, path=None, target=None):
        if name == "ctsite" or name.startswith("ctsite."):
            raise ModuleNotFoundError(f"No module named {name!r}", name=name)
sys.meta_path.insert(0, Refuse())
from mkdocs.__main__ import cli
cli(["build", "--strict", "--site-dir", sys.argv[1]])
"""


def test_without_the_package_the_build_says_what_to_install_in_one_line(tmp_path):
    result = subprocess.run(
        [sys.executable, "-c", WITHOUT_CTSITE, str(tmp_path / "site")],
        cwd=ROOT,
        env=dict(os.environ, NO_MKDOCS_2_WARNING="1"),
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode != 0
    assert "Traceback" not in result.stderr
    assert "pip install -r requirements.txt" in result.stderr
    assert "hooks/site.py" in result.stderr


def _pins(lock_file: str) -> dict[str, str]:
    """{package: version} of a pip-compile lock file."""
    pins = {}
    for line in (ROOT / lock_file).read_text(encoding="utf-8").splitlines():
        name, equals, version = line.partition("==")
        if equals and not line.startswith((" ", "#")):
            pins[name.strip().lower()] = version.strip()
    return pins


def test_the_tests_run_the_site_on_the_versions_hosts_install():
    """requirements.txt (what hosts install) holds only the site's packages; the tests' lock file,
    requirements-dev.txt, has every one of them at the same version, and its own besides."""
    site, dev = _pins("requirements.txt"), _pins("requirements-dev.txt")
    assert {name: dev.get(name) for name in site} == site
    assert "mkdocs" in site and "nh3" in site and "pillow" in site
    for tool in ("pytest", "playwright", "hypothesis", "ruff"):
        assert tool in dev and tool not in site, tool
    lines = (ROOT / "requirements.txt").read_text(encoding="utf-8").splitlines()
    assert "-e ." in lines  # the site's own package, for the hook


def _clean_environment() -> dict[str, str]:
    """The environment of a host's shell: none of this test run's virtual environment."""
    env = {
        key: value
        for key, value in os.environ.items()
        if key not in {"VIRTUAL_ENV", "PYTHONPATH", "PYTHONHOME", "SITE_URL", "EDIT_BASE_URL"}
    }
    venv_bin = str(Path(sys.executable).parent)
    env["PATH"] = os.pathsep.join(
        part for part in env.get("PATH", "").split(os.pathsep) if part != venv_bin
    )
    env["NO_MKDOCS_2_WARNING"] = "1"
    return env


def _fresh_clone(destination: Path) -> Path:
    """What a clone of this checkout holds once its changes are committed: every file git
    tracks or would add (not ignored), as it is in the working tree; nothing else (no .venv,
    no installed package, no node_modules)."""
    listed = subprocess.run(
        ["git", "ls-files", "-z", "--cached", "--others", "--exclude-standard"],
        cwd=ROOT,
        capture_output=True,
        check=True,
    ).stdout.decode()
    for name in filter(None, listed.split("\0")):
        source = ROOT / name
        if not source.exists():  # deleted in the working tree, not yet committed
            continue
        target = destination / name
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copy2(source, target, follow_symlinks=False)
    return destination


@pytest.fixture(scope="session")
def recipe(tmp_path_factory: pytest.TempPathFactory):
    """A fresh clone and a new virtual environment made with the host's recipe; yields the
    clone, the environment's bin folder and the shell environment."""
    base = tmp_path_factory.mktemp("plain-recipe")
    clone = _fresh_clone(base / "clone")
    venv = base / "venv"
    env = _clean_environment()
    base_python = getattr(sys, "_base_executable", sys.executable)
    # The environment is made without pip and the tests' own pip installs into it (`--python`):
    # the same install, without 4 s of processor time spent installing pip itself.
    subprocess.run([base_python, "-m", "venv", "--without-pip", str(venv)], check=True, env=env)
    installed = subprocess.run(
        [
            sys.executable,
            "-m",
            "pip",
            "--python",
            str(venv / "bin" / "python"),
            "install",
            "--disable-pip-version-check",
            "-r",
            "requirements.txt",
        ],
        cwd=clone,
        env=env,
        capture_output=True,
        text=True,
        timeout=900,
    )
    assert installed.returncode == 0, (
        f"pip install -r requirements.txt failed:\n{installed.stdout}\n{installed.stderr}"
    )
    return clone, venv / "bin", env


# Slow (its `recipe` fixture): the recipe installs a whole environment (about 20 s with pip's
# cache, longer without); one worker runs both of its tests, on one environment.
@pytest.mark.xdist_group("plain-recipe")
def test_pip_install_then_mkdocs_build_strict_builds_both_languages(recipe):
    clone, bin_dir, env = recipe
    # The package the hook imports is the clone's own, installed by the lock file.
    where = subprocess.run(
        [str(bin_dir / "python"), "-c", "import ctsite; print(ctsite.__file__)"],
        cwd="/",
        env=env,
        capture_output=True,
        text=True,
    )
    assert where.returncode == 0, where.stderr
    assert Path(where.stdout.strip()).resolve().is_relative_to(clone.resolve())

    built = subprocess.run(
        [str(bin_dir / "mkdocs"), "build", "--strict"],
        cwd=clone,
        env=env,
        capture_output=True,
        text=True,
        timeout=600,
    )
    output = built.stdout + built.stderr
    assert built.returncode == 0, f"mkdocs build --strict failed:\n{output}"
    assert "Traceback" not in output
    for home, language in (("index.html", "ar"), ("en/index.html", "en")):
        page = BeautifulSoup((clone / "site" / home).read_text(encoding="utf-8"), "html.parser")
        assert page.html["lang"] == language


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def _get(url: str) -> str | None:
    try:
        with urllib.request.urlopen(url, timeout=5) as answer:
            return answer.read().decode("utf-8")
    except (urllib.error.URLError, ConnectionError, TimeoutError):
        return None


# Slow (its `recipe` fixture): the recipe installs a whole environment (about 20 s with pip's
# cache, longer without); one worker runs both of its tests, on one environment.
@pytest.mark.xdist_group("plain-recipe")
def test_mkdocs_serve_from_the_same_recipe_serves_both_home_pages(recipe, tmp_path):
    clone, bin_dir, env = recipe
    port = _free_port()
    # Where `mkdocs serve` makes its temporary site: the test's own folder, which pytest removes.
    scratch = tmp_path / "scratch"
    scratch.mkdir()
    server = subprocess.Popen(
        [str(bin_dir / "mkdocs"), "serve", "--dev-addr", f"127.0.0.1:{port}", "--no-livereload"],
        cwd=clone,
        env=dict(env, TMPDIR=str(scratch)),
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )
    try:
        pages: dict[str, str | None] = {"ar": None, "en": None}
        deadline = time.monotonic() + 180
        while time.monotonic() < deadline and server.poll() is None and None in pages.values():
            pages["ar"] = pages["ar"] or _get(f"http://127.0.0.1:{port}/")
            pages["en"] = pages["en"] or _get(f"http://127.0.0.1:{port}/en/")
            time.sleep(0.5)
    finally:
        # Terminated, `mkdocs serve` leaves its temporary site behind (in `scratch`). Not Ctrl-C:
        # on a busy machine its shutdown once hung until the 30 s below ran out.
        server.terminate()
        try:
            log, _ = server.communicate(timeout=30)
        except subprocess.TimeoutExpired:
            server.kill()
            log, _ = server.communicate()
    assert None not in pages.values(), f"mkdocs serve did not serve both homes:\n{log}"
    assert "Traceback" not in log, log
    for language, html in pages.items():
        page = BeautifulSoup(html, "html.parser")
        assert page.html["lang"] == language
        assert page.html["dir"] == ("rtl" if language == "ar" else "ltr")
