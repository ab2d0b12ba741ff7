"""Build the site of an earlier commit and of the working tree, and compare them byte for byte.

For a change that must not change what visitors get (a restructuring of ctsite/, the templates
or the tests' set-up): `make compare-builds REF=<commit>` builds the commit's tree with the
commit's own build logic, then the working tree, with the same SITE_URL and the same
SOURCE_DATE_EPOCH, and lists every file that differs, that only the working tree's site has, or
that only the commit's site had (a removed file).

The commit's tree is checked out with `git worktree add --detach` (so that its pages keep their
git history, which gives their dates) and removed afterwards. Its build imports its own `ctsite`:
PYTHONPATH puts its folder before the editable install of this project. It uses this project's
virtual environment: where the commit's requirements.txt differs, a note says so (a change of
the packages is compared by building the same tree in two environments instead).

Exit status: 0 when no file differs and none was added (files removed are listed, and allowed
only with --allow-removed); 1 otherwise; 2 when a build cannot be made.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
from pathlib import Path

from ctsite.tools import PROJECT
from ctsite.tools.second_engine import EPOCH, differences

SITE_URL = "https://ct.example.test/"


def _git(*arguments: str, cwd: Path = PROJECT) -> subprocess.CompletedProcess:
    return subprocess.run(["git", *arguments], cwd=cwd, text=True, capture_output=True)


def build(project: Path, site: Path) -> str | None:
    """Build `project` strictly into `site` with its own ctsite; the build's output on failure."""
    environment = dict(
        os.environ,
        SOURCE_DATE_EPOCH=EPOCH,
        NO_MKDOCS_2_WARNING="1",
        SITE_URL=SITE_URL,
        PYTHONPATH=os.pathsep.join([str(project), os.environ.get("PYTHONPATH", "")]).rstrip(
            os.pathsep
        ),
    )
    mkdocs = Path(sys.executable).with_name("mkdocs")
    done = subprocess.run(
        [str(mkdocs), "build", "--strict", "--site-dir", str(site)],
        cwd=project,
        env=environment,
        text=True,
        capture_output=True,
    )
    return None if done.returncode == 0 else done.stdout + done.stderr


def compare(reference: str, project: Path = PROJECT) -> tuple[list[str], int]:
    """(the differences, the number of files in the working tree's site) between the site of
    `reference` and the site of the working tree of `project`. Raises SystemExit(2) with a
    message when either cannot be built."""
    resolved = _git("rev-parse", "--verify", f"{reference}^{{commit}}", cwd=project)
    if resolved.returncode != 0:
        raise SystemExit(f"compare-builds: '{reference}' is not a commit of {project}")
    commit = resolved.stdout.strip()
    old_requirements = _git("show", f"{commit}:requirements.txt", cwd=project).stdout
    if old_requirements != (project / "requirements.txt").read_text(encoding="utf-8"):
        print(
            f"compare-builds: note: requirements.txt of {commit[:12]} differs from the working "
            "tree's; both sites are built with this environment's packages",
            file=sys.stderr,
        )
    with tempfile.TemporaryDirectory(prefix="compare-builds-") as folder:
        tree = Path(folder) / "tree"
        added = _git("worktree", "add", "--detach", str(tree), commit, cwd=project)
        if added.returncode != 0:
            raise SystemExit(f"compare-builds: cannot check out {commit[:12]}: {added.stderr}")
        try:
            sites = {"before": Path(folder) / "before", "after": Path(folder) / "after"}
            for name, source in (("before", tree), ("after", project)):
                failure = build(source, sites[name])
                if failure is not None:
                    raise SystemExit(f"compare-builds: the {name} build failed:\n{failure}")
            found = differences(sites["before"], sites["after"])
            files = sum(1 for path in sites["after"].rglob("*") if path.is_file())
        finally:
            _git("worktree", "remove", "--force", str(tree), cwd=project)
    return found, files


def main(arguments: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("reference", help="the commit whose site is the reference")
    parser.add_argument(
        "--allow-removed", action="store_true", help="files only the reference's site had pass"
    )
    options = parser.parse_args(arguments)
    try:
        found, files = compare(options.reference)
    except SystemExit as stop:
        print(stop, file=sys.stderr)
        return 2
    removed = [line for line in found if line.startswith("only in before: ")]
    failing = [line for line in found if line not in removed or not options.allow_removed]
    for line in found:
        print(line)
    same = files - sum(1 for line in found if not line.startswith("only in before: "))
    print(f"{same} of {files} files identical, byte for byte; {len(removed)} removed")
    return 1 if failing else 0


if __name__ == "__main__":
    sys.exit(main())
