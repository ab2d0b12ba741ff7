"""The files a build reads: no symbolic link that dangles or leads out of the build's folders,
and page templates that are the site's own.

Plain logic, no MkDocs import. MkDocs copies what a link under `docs/` points to into the site
(a link to `/etc/passwd` or to `.git/config` would be published), and Jinja would load a
`template:` from wherever its loader reaches.
"""

from __future__ import annotations

import os
from pathlib import Path


def _shown(path: Path, project: Path) -> str:
    try:
        return path.relative_to(project).as_posix()
    except ValueError:
        return path.as_posix()


def link_problems(project: Path, folders: list[Path]) -> list[str]:
    """Every symbolic link under `folders` that dangles or resolves outside them, as messages.

    Args:
        project: the project's folder, to name files in messages.
        folders: the folders the build reads (docs/, overrides/, data/).
    """
    project = Path(project).resolve()
    roots = [Path(folder).resolve() for folder in folders if Path(folder).is_dir()]
    allowed = ", ".join(f"{_shown(root, project)}/" for root in roots)
    problems = []
    for root in roots:
        for folder, names, files in os.walk(root):  # does not follow links to folders
            for name in sorted(names + files):
                path = Path(folder) / name
                if not path.is_symlink():
                    continue
                shown = _shown(path, project)
                try:
                    target = path.resolve(strict=True)
                except (OSError, RuntimeError):
                    problems.append(
                        f"{shown}: expected a file, found a link to '{os.readlink(path)}', "
                        "which does not exist"
                    )
                    continue
                if not any(target == r or target.is_relative_to(r) for r in roots):
                    problems.append(
                        f"{shown}: expected a link to a file in {allowed}, found a link to "
                        f"'{os.readlink(path)}' ({target.as_posix()}): it would be published"
                    )
    return problems


def page_templates(custom_dir) -> frozenset[str]:
    """The templates a page's `template:` may name: the `.html` files at the top of the theme's
    own folder (overrides/)."""
    if not custom_dir or not Path(custom_dir).is_dir():
        return frozenset()
    return frozenset(p.name for p in Path(custom_dir).glob("*.html") if p.is_file())
