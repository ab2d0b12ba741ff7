"""The strict build's messages alone: the editors' loop.

make messages      the same `mkdocs build --strict` as the pull request's check, into a
                   temporary folder (site/ is left as it is), printing only its problems (no
                   INFO lines) and, when there is none, one line saying so; exits as the build
                   does (0 when green)

Never `--quiet`: MkDocs drops warnings before `--strict` counts them (MAINTAINERS.md).
"""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from ctsite.tools import PROJECT


def problems_only(output: str) -> list[str]:
    """The lines of MkDocs' output that are not INFO or DEBUG (a message's further lines
    included)."""
    kept, keep = [], False
    for line in output.splitlines():
        if line.startswith(("INFO", "DEBUG")):
            keep = False
            continue
        if line.startswith(("WARNING", "ERROR", "CRITICAL", "Aborted", "Error", "Traceback")):
            keep = True
        if keep and line.strip():
            kept.append(line)
    return kept


def main(argv: list[str]) -> int:
    folder = PROJECT
    mkdocs = Path(sys.executable).with_name("mkdocs")
    command = [str(mkdocs)] if mkdocs.exists() else [sys.executable, "-m", "mkdocs"]
    started = time.perf_counter()
    with tempfile.TemporaryDirectory(prefix="messages-site-") as site:
        result = subprocess.run(
            [*command, "build", "--strict", "--site-dir", site, *argv],
            cwd=folder,
            env={**os.environ, "NO_MKDOCS_2_WARNING": "1"},
            capture_output=True,
            text=True,
        )
    seconds = time.perf_counter() - started
    for line in problems_only(result.stdout + result.stderr):
        print(line)
    if result.returncode == 0:
        print(f"No problem: the strict build is green ({seconds:.1f} s).")
    return result.returncode


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
