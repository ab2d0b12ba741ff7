"""Look at a pull request's preview: the built site CI uploads, served on 127.0.0.1.

Takes the artifact as downloaded (a .zip) or already unpacked (a folder), and serves it as the
tests do (gzip, each language's 404 page, the published security headers).

Usage: make preview SITE=~/Downloads/site-preview.zip   (then open http://127.0.0.1:8001/)
"""

from __future__ import annotations

import sys
import tempfile
import zipfile
from pathlib import Path

from ctsite.tools.static_server import SiteServer, security_headers


def main(argv: list[str]) -> int:
    if len(argv) != 1:
        print("usage: make preview SITE=<the artifact's .zip or folder>", file=sys.stderr)
        return 2
    source = Path(argv[0]).expanduser()
    with tempfile.TemporaryDirectory() as unpacked:
        if source.is_file() and zipfile.is_zipfile(source):
            with zipfile.ZipFile(source) as archive:
                archive.extractall(unpacked)
            root = Path(unpacked)
        elif source.is_dir():
            root = source
        else:
            print(f"error: {source}: expected a .zip or a folder, found neither", file=sys.stderr)
            return 2
        if not (root / "index.html").exists():
            found = next(root.rglob("index.html"), None)
            root = found.parent if found else root
        with SiteServer(root, 8001, headers=security_headers()) as server:
            print(f"Serving {source} on {server.url} (Ctrl-C to stop)")
            try:
                server.thread.join()
            except KeyboardInterrupt:
                pass
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
