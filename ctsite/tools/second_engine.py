"""Build the site with a second engine, ProperDocs, and compare it byte for byte with MkDocs.

MkDocs 1.6.1 is the last MkDocs 1.x release. ProperDocs (a maintained fork of MkDocs 1.x) loads
the same configuration, hooks and plugins: the `mkdocs` package is not installed beside it, and
its own aliasing answers our hooks' `mkdocs.*` imports. This tool keeps that true:
1. `.venv-properdocs` gets requirements.txt without mkdocs (this package included, by its line
   `-e .`), plus requirements-second-engine.txt (ProperDocs), all pinned and installed without
   resolving (`--no-deps`);
   it is made again only when one of those files changes;
2. both engines build the site with `--strict` and the same SOURCE_DATE_EPOCH;
3. every file of the two sites is compared; any difference is listed and fails (exit 1).

Usage: make second-engine   (prints the timings; README, "If MkDocs or Material stop")
"""

from __future__ import annotations

import filecmp
import hashlib
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from ctsite.tools import PROJECT

VENV = PROJECT / ".venv-properdocs"
REQUIREMENTS = PROJECT / "requirements.txt"
SECOND = PROJECT / "requirements-second-engine.txt"
# A fixed moment for both builds, so that dates without git history agree too.
EPOCH = "1764374400"


def _stamp() -> str:
    digest = hashlib.sha256()
    for path in (REQUIREMENTS, SECOND, PROJECT / "pyproject.toml"):
        digest.update(path.read_bytes())
    return digest.hexdigest()


def _run(command: list[str], **options) -> subprocess.CompletedProcess:
    return subprocess.run(command, cwd=PROJECT, text=True, capture_output=True, **options)


def ensure_environment() -> Path:
    """The second engine's environment, made or refreshed; its `properdocs` command."""
    stamp_file = VENV / ".installed"
    if stamp_file.exists() and stamp_file.read_text() == _stamp():
        return VENV / "bin" / "properdocs"
    _run([sys.executable, "-m", "venv", "--clear", str(VENV)]).check_returncode()
    pip = [str(VENV / "bin" / "python"), "-m", "pip", "install", "--quiet", "--no-deps"]
    with tempfile.NamedTemporaryFile("w", suffix=".txt", delete=False) as without_mkdocs:
        for line in REQUIREMENTS.read_text(encoding="utf-8").splitlines():
            if not line.startswith("mkdocs=="):
                without_mkdocs.write(line + "\n")
    try:
        # The lock file's `-e .` installs this package too (pip reads `.` from the working
        # directory, the project).
        result = _run([*pip, "-r", without_mkdocs.name, "-r", str(SECOND)])
        if result.returncode != 0:
            raise SystemExit(f"installing the second engine failed:\n{result.stderr}")
    finally:
        os.unlink(without_mkdocs.name)
    if _run([str(VENV / "bin" / "python"), "-c", "import mkdocs"]).returncode == 0:
        raise SystemExit(f"{VENV.name}: expected no mkdocs package beside ProperDocs, found one")
    stamp_file.write_text(_stamp())
    return VENV / "bin" / "properdocs"


def timed_build(command: list[str], site: Path) -> float:
    """Seconds of one strict build into `site`; stops with the build's output on failure."""
    environment = dict(os.environ, SOURCE_DATE_EPOCH=EPOCH, NO_MKDOCS_2_WARNING="1")
    start = time.perf_counter()
    result = _run([*command, "build", "--strict", "--site-dir", str(site)], env=environment)
    elapsed = time.perf_counter() - start
    if result.returncode != 0:
        raise SystemExit(f"{command[0]} build failed:\n{result.stdout}{result.stderr}")
    return elapsed


def differences(left: Path, right: Path) -> list[str]:
    """Files present in one site only, or with different bytes, as paths relative to the site."""
    found = []

    def walk(comparison: filecmp.dircmp, prefix: str) -> None:
        found.extend(f"only in {left.name}: {prefix}{name}" for name in comparison.left_only)
        found.extend(f"only in {right.name}: {prefix}{name}" for name in comparison.right_only)
        for name in comparison.common_files:
            if not filecmp.cmp(left / prefix / name, right / prefix / name, shallow=False):
                found.append(f"differs: {prefix}{name}")
        for name, sub in comparison.subdirs.items():
            walk(sub, f"{prefix}{name}/")

    walk(filecmp.dircmp(left, right), "")
    return sorted(found)


def main() -> int:
    properdocs = ensure_environment()
    mkdocs = Path(sys.executable).with_name("mkdocs")
    with tempfile.TemporaryDirectory() as folder:
        sites = {"mkdocs": Path(folder) / "mkdocs", "properdocs": Path(folder) / "properdocs"}
        seconds = {
            "mkdocs": timed_build([str(mkdocs)], sites["mkdocs"]),
            "properdocs": timed_build([str(properdocs)], sites["properdocs"]),
        }
        found = differences(sites["mkdocs"], sites["properdocs"])
        files = sum(1 for path in sites["mkdocs"].rglob("*") if path.is_file())
    for engine, elapsed in seconds.items():
        print(f"{engine:10s} strict build {elapsed:5.2f} s")
    if found:
        print(f"{len(found)} of {files} files differ:")
        print("\n".join(found))
        return 1
    print(f"identical: all {files} files, byte for byte")
    return 0


if __name__ == "__main__":
    sys.exit(main())
