"""Scaffold a statement: a new entry at the top of `data/statements.yml` (newest first), every
field present with a comment saying what it takes, the values left for the editor to fill in in
every language. Until they are, the strict build names each empty field with its line. Refuses
an id that is not kebab-case or that the file has already.

Usage: make new-statement ID=<id>   (or .venv/bin/python -m ctsite.tools.new_statement <id>)
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

import yaml

from ctsite.catalogue import declaration, vocabularies
from ctsite.tools import project as projects

ID_PATTERN = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")


class ScaffoldError(Exception):
    """The entry cannot be created; the message says why."""


def entry(statement_id: str, codes: list[str], venues: list[str], pillars: list[str]) -> str:
    """The new entry's lines: every field, a comment on each, the values empty."""

    def per_language(field: str, comment: str) -> list[str]:
        return [f"  # {comment}", f"  {field}:", *(f'    {code}: ""' for code in codes)]

    return "\n".join(
        [
            f"- id: {statement_id}",
            "  # YYYY-MM-DD, or YYYY-MM where the source gives no day",
            "  date: ",
            f"  # where it was said: one of {', '.join(venues)} (data/venues.yml)",
            "  venue: ",
            *per_language("meeting", 'the meeting, e.g. "7690th meeting (open debate)"'),
            *per_language("speaker", "who spoke"),
            *per_language("role", "their office, e.g. Minister of Foreign Affairs"),
            f"  # a list of keys of data/pillars.yml: {', '.join(pillars)}",
            "  # e.g. subjects: [ideological, international-cooperation]",
            "  subjects: []",
            *per_language(
                "summary",
                "two to four sentences from the sources; quotations «...» in Arabic, "
                "“...” in English",
            ),
            "  # UN symbols of data/un-documents.yml, e.g. documents: [S/PV.7690]",
            "  documents: []",
            "  # public pages (https); documents or sources, at least one",
            "  sources:",
            "    - title: ",
            "      url: ",
            "",
        ]
    )


def scaffold(project: projects.Project, statement_id: str) -> Path:
    """Add the entry to the statements file; return the file.

    Raises:
        ScaffoldError: when the id is not kebab-case or the file has it already.
    """
    settings = project.settings.statements
    if not settings.file:
        raise ScaffoldError("mkdocs.yml: extra.site.statements.file: expected a file, found none")
    path = Path(settings.file)
    if not ID_PATTERN.match(statement_id):
        raise ScaffoldError(
            "ID: expected lower-case letters, digits and hyphens (such as "
            f"2016-05-11-open-debate), found '{statement_id}'"
        )
    text = path.read_text(encoding="utf-8") if path.exists() else ""
    existing = yaml.safe_load(text) or []
    if any(isinstance(item, dict) and item.get("id") == statement_id for item in existing):
        raise ScaffoldError(
            f"ID: '{statement_id}' is taken in {path.relative_to(project.folder)}; choose "
            "another id or edit the existing entry"
        )
    codes = [language.code for language in project.languages]
    _, catalogue_files = declaration.read(
        Path(project.settings.catalogue.fields), codes, project.folder
    )
    vocab = vocabularies.load(
        {"venues": Path(settings.venues), "pillars": catalogue_files["pillars"]},
        codes,
        project.folder,
    )
    new = entry(statement_id, codes, vocab.keys("venues"), vocab.keys("pillars"))
    # At the top of the list: after the file's opening comments, before the first entry.
    lines = text.splitlines(keepends=True)
    first = next((n for n, line in enumerate(lines) if line.startswith("- ")), len(lines))
    path.write_text("".join(lines[:first]) + new + "\n" + "".join(lines[first:]), encoding="utf-8")
    return path


def main(argv: list[str]) -> int:
    if len(argv) != 1 or not argv[0]:
        print("usage: make new-statement ID=<id>", file=sys.stderr)
        return 2
    # The project in the current folder (a copy, in the tests), else this package's.
    here = Path.cwd()
    project = projects.load(here) if (here / "mkdocs.yml").exists() else projects.load()
    try:
        path = scaffold(project, argv[0])
    except ScaffoldError as error:
        print(f"error: {error}", file=sys.stderr)
        return 1
    print(f"added '{argv[0]}' at the top of {path.relative_to(project.folder)}")
    print("Fill in every field in every language; `make serve` shows what is still missing.")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
