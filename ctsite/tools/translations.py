"""Status of every page's translations, and recording translations as up to date.

make translations                 print every page in every translation language: current,
                                  stale, unrecorded, missing; exit 1 when any is not current
make translations PAGE=unit/index.md [PAGE=...]
                                  record the current version of the default language's page(s)
                                  for every translation language, once the translations are up
                                  to date (a space-separated list in one PAGE="...";
                                  a page whose name has spaces is found whole)

Only pages of the default language's folder are recorded: anything else (an absolute path, a
path out of the folder, a page that does not exist) is refused by name, and nothing is written.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from ctsite import sources
from ctsite.languages import status
from ctsite.text import look_alikes, printable
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


def default_pages(project: projects.Project) -> set[str]:
    """Every page of the default language, as `make translations PAGE=` names it."""
    code = project.default.code
    return sources.names(sources.files(project.docs, [code]), [code])[code]


def split_pages(arguments: list[str], known: set[str]) -> tuple[list[str], list[str]]:
    """The pages named by the arguments, and the words that name none.

    Each argument may hold several pages separated by spaces (`PAGE="a.md b.md"`), and a page's
    own name may hold a space: the longest run of words that names a known page is taken."""
    pages, refused = [], []
    for argument in arguments:
        if argument in known:
            pages.append(argument)
            continue
        words = argument.split()
        start = 0
        while start < len(words):
            end = next(
                (
                    end
                    for end in range(len(words), start, -1)
                    if " ".join(words[start:end]) in known
                ),
                None,
            )
            if end is None:
                refused.append(words[start])
                start += 1
            else:
                pages.append(" ".join(words[start:end]))
                start = end
    return pages, refused


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("pages", nargs="*", help="pages to record, relative to a language folder")
    parser.add_argument("--project", type=Path, default=None, help="the project's folder")
    args = parser.parse_args(argv)
    project = projects.load(args.project) if args.project else projects.load()
    arguments = [argument for argument in args.pages if argument.strip()]
    if not arguments:
        return show(project)
    pages, refused = split_pages(arguments, default_pages(project))
    if refused:
        folder = f"docs/{project.default.code}/"
        shown = ", ".join(f"'{printable(word)}'{look_alikes(word)}" for word in refused)
        print(
            f"error: PAGE: expected pages of {folder} (such as unit/index.md), found {shown}, "
            f"which {'is' if len(refused) == 1 else 'are'} not; nothing was recorded",
            file=sys.stderr,
        )
        return 2
    return record(project, pages)


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
