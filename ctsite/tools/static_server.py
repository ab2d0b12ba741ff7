"""A static server for the built site on 127.0.0.1, as a host would serve it.

Gzip for text when the browser accepts it (so weights and Lighthouse figures are those of a real
deployment), the Arabic 404 page at the root and the English one under /en/, directory URLs.
Used by the browser tests and `make audit`; `python -m ctsite.tools.static_server site` serves
by hand.
"""

from __future__ import annotations

import gzip
import mimetypes
import re
import sys
import threading
from functools import partial
from http import HTTPStatus
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import unquote, urlsplit

from ctsite.tools import PROJECT

COMPRESSIBLE = (
    "text/",
    "application/javascript",
    "application/json",
    "application/xml",
    "image/svg+xml",
)


class SiteHandler(BaseHTTPRequestHandler):
    """Serves files from `root`, compressed when it helps, with each language's 404 page."""

    def __init__(self, *args, root: Path, headers: tuple[tuple[str, str], ...] = (), **kwargs):
        self.root = root
        self.extra_headers = headers
        super().__init__(*args, **kwargs)

    def log_message(self, format: str, *args) -> None:  # noqa: A002 - the base class's name
        """Quiet: tests read results, not access logs."""

    def _file_for(self, url_path: str) -> Path | None:
        relative = unquote(url_path).lstrip("/")
        candidate = (self.root / relative).resolve()
        if not candidate.is_relative_to(self.root):
            return None
        if candidate.is_dir():
            candidate = candidate / "index.html"
        return candidate if candidate.is_file() else None

    def _not_found_page(self, url_path: str) -> Path:
        """The 404 page of the language folder the address is in (a top-level folder with a
        404.html of its own), else the root's."""
        first = url_path.lstrip("/").split("/", 1)[0]
        own = self.root / first / "404.html" if first else None
        return own if own and own.is_file() else self.root / "404.html"

    def do_HEAD(self) -> None:  # noqa: N802 - http.server's naming
        self._respond(head=True)

    def do_GET(self) -> None:  # noqa: N802 - http.server's naming
        self._respond(head=False)

    def _respond(self, head: bool) -> None:
        url_path = urlsplit(self.path).path
        file = self._file_for(url_path)
        status = HTTPStatus.OK
        if file is None:
            status = HTTPStatus.NOT_FOUND
            file = self._not_found_page(url_path)
        elif file.name == "index.html" and not url_path.endswith(("/", ".html")):
            self.send_response(HTTPStatus.MOVED_PERMANENTLY)
            self._send_extra_headers()
            self.send_header("Location", url_path + "/")
            self.send_header("Content-Length", "0")
            self.end_headers()
            return
        body = file.read_bytes()
        content_type = mimetypes.guess_type(file.name)[0] or "application/octet-stream"
        if content_type.startswith("text/") or content_type.endswith(("javascript", "json", "xml")):
            content_type += "; charset=utf-8"
        self.send_response(status)
        self._send_extra_headers()
        self.send_header("Content-Type", content_type)
        if content_type.startswith(COMPRESSIBLE) and "gzip" in self.headers.get(
            "Accept-Encoding", ""
        ):
            body = gzip.compress(body, compresslevel=6, mtime=0)
            self.send_header("Content-Encoding", "gzip")
            self.send_header("Vary", "Accept-Encoding")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        if not head:
            try:
                self.wfile.write(body)
            except (BrokenPipeError, ConnectionResetError):
                pass  # the browser went elsewhere before the answer was sent: nothing to do

    def _send_extra_headers(self) -> None:
        for name, value in self.extra_headers:
            self.send_header(name, value)


_ADD_HEADER = re.compile(r'^\s*add_header\s+(\S+)\s+"([^"]*)"\s+always;', re.M)


def security_headers(conf: Path = PROJECT / "deploy" / "security-headers.conf"):
    """The headers nginx adds to every answer (`add_header ... always;` lines), as pairs, so
    that pages are tested under the policy they are published with."""
    return tuple(_ADD_HEADER.findall(conf.read_text(encoding="utf-8")))


class SiteServer:
    """The server in a background thread; a context manager that gives its base URL.

    `headers` are added to every answer (`security_headers()` gives the production ones)."""

    def __init__(self, root: Path, port: int = 0, headers: tuple[tuple[str, str], ...] = ()):
        handler = partial(SiteHandler, root=Path(root).resolve(), headers=tuple(headers))
        self.httpd = ThreadingHTTPServer(("127.0.0.1", port), handler)
        self.thread = threading.Thread(target=self.httpd.serve_forever, daemon=True)

    @property
    def url(self) -> str:
        host, port = self.httpd.server_address[:2]
        return f"http://{host}:{port}/"

    def __enter__(self) -> SiteServer:
        self.thread.start()
        return self

    def __exit__(self, *exc) -> None:
        self.httpd.shutdown()
        self.httpd.server_close()


if __name__ == "__main__":
    root = Path(sys.argv[1] if len(sys.argv) > 1 else "site")
    port = int(sys.argv[2]) if len(sys.argv) > 2 else 8001
    with SiteServer(root, port, headers=security_headers()) as server:
        print(f"Serving {root} on {server.url} (Ctrl-C to stop)")
        try:
            server.thread.join()
        except KeyboardInterrupt:
            pass
