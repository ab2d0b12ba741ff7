"""Status of every page's translations, and recording translations as up to date.

make translations                 print every page in every translation language: current,
                                  stale, unrecorded, missing; exit 1 when any is not current
make translations PAGE=unit/index.md [PAGE=...]
                                  record the current version of the default language's page(s)
                                  for every translation language, once the translations are up
                                  to date (a space-separated list in one PAGE="...")
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from ctsite.languages import status
from ctsite.tools import project as projects


def show(project: projects.Project) -> int:
    registry_file = project.folder / project.settings.translations
    registry = status.read_registry(registry_file)
    rows = status.statuses(project.docs, registry, project.default.code, project.translations)
    width = max(len(row.page) for row in rows)
    for row in rows:
        print(f"{row.state:10s}  {row.language:3s} {row.page:{width}s}")
    behind = [row for row in rows if row.state != "current"]
    counts = {state: sum(row.state == state for row in rows) for state in status.STATES}
    print(", ".join(f"{count} {state}" for state, count in counts.items()))
    for row in behind:
        print(row.message(registry=project.settings.translations))
    return 1 if behind else 0


def record(project: projects.Project, pages: list[str]) -> int:
    registry_file = project.folder / project.settings.translations
    registry = status.read_registry(registry_file)
    try:
        updated = status.record(
            project.docs, registry, pages, project.default.code, project.translations
        )
    except ValueError as error:
        print(f"error: {error}", file=sys.stderr)
        return 2
    if updated == registry:
        print("up to date: the recorded versions are already current")
        return 0
    status.write_registry(registry_file, updated)
    for page in pages:
        versions = {language: updated[language][page] for language in project.translations}
        print(f"recorded {page}: " + ", ".join(f"{k} {v}" for k, v in versions.items()))
    return 0


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("pages", nargs="*", help="pages to record, relative to a language folder")
    parser.add_argument("--project", type=Path, default=None, help="the project's folder")
    args = parser.parse_args(argv)
    project = projects.load(args.project) if args.project else projects.load()
    pages = [page for argument in args.pages for page in argument.split()]
    return record(project, pages) if pages else show(project)


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
