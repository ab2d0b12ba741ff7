"""Scaffold a catalogue entry: `docs/<language>/best-practices/<id>.md` in every language.

Writes every field declared in `data/catalogue-fields.yml` (`ctsite.catalogue.declaration`) with
a comment on each, its `help:` in the file's language (in the default language's where it has
none in that language), and leaves the values for the editor to fill in: until they are, the
strict build names each empty field. Refuses an id that is not kebab-case or that exists
already.

Usage: make new-practice ID=<id>   (or .venv/bin/python -m ctsite.tools.new_practice <id>)
"""

from __future__ import annotations

import sys
from pathlib import Path

from ctsite.catalogue import declaration, schema
from ctsite.text import look_alikes, printable
from ctsite.tools import project as projects

# What to write under the front matter, per language (the default language's for others).
BODY = {
    "ar": "اكتب هنا وصف الممارسة بالعربية: ما هي، ومن يقوم بها، وما الذي تحقق، "
    "مع الإشارة إلى المصادر.\n",
    "en": "Describe the practice here in English: what it is, who runs it, what it has achieved, "
    "citing the sources.\n",
}
KEYS_NOTE = {"ar": "المفاتيح المتاحة", "en": "keys"}
EXAMPLE_NOTE = {"ar": "مثال لقائمة", "en": "a list is written"}


class ScaffoldError(Exception):
    """The entry cannot be created; the message says why."""


def _in(texts: dict[str, str], language: str, default: str) -> str:
    return texts.get(language) or texts[default]


def front_matter(
    practice_id: str, language: str, declared: schema.Schema, default: str = "ar"
) -> str:
    """The front matter of a new entry: every field, a comment on each, values to fill in."""
    lines = ["---"]
    for field in declared.fields:
        lines.append(f"# {_in(field.help, language, default)}")
        if field.vocabulary:
            keys = declared.vocabularies.keys(field.vocabulary)
            lines.append(f"# {_in(KEYS_NOTE, language, default)}: {', '.join(keys)}")
            if isinstance(field.type, schema.Keys):
                # The list syntax, with the vocabulary's first keys: `audiences: [a, b]`.
                example = schema.yaml_line(field.name, list(keys[:2]))
                lines.append(f"# {_in(EXAMPLE_NOTE, language, default)}: {example}")
        if isinstance(field.type, schema.Id):
            lines.append(f"id: {practice_id}")
        elif isinstance(field.type, schema.Sources):
            lines += [f"{field.name}:", "  - title: ", "    url: "]
        else:
            lines.append(f"{field.name}: {field.type.blank}")
    lines.append("---")
    return "\n".join(lines) + "\n\n"


def scaffold(project: projects.Project, practice_id: str) -> list[Path]:
    """Write the files of a new entry, one per language; return their paths.

    Raises:
        ScaffoldError: when the id is not kebab-case or a file for it exists.
    """
    root = project.folder
    section = project.settings.catalogue.section
    codes = [language.code for language in project.languages]
    if not schema.ID_PATTERN.match(practice_id):
        raise ScaffoldError(
            f"ID: expected lower-case letters, digits and hyphens (such as azhar-observatory), "
            f"found '{printable(practice_id)}'{look_alikes(practice_id)}"
        )
    targets = [root / "docs" / code / section / f"{practice_id}.md" for code in codes]
    existing = [str(path.relative_to(root)) for path in targets if path.exists()]
    if existing:
        verb = "exists" if len(existing) == 1 else "exist"
        raise ScaffoldError(
            f"ID: '{practice_id}' is taken: {', '.join(existing)} {verb} already; "
            "choose another id or edit the existing files"
        )
    declared = declaration.load(Path(project.settings.catalogue.fields), codes, root)
    default = project.default.code
    for code, path in zip(codes, targets, strict=True):
        path.parent.mkdir(parents=True, exist_ok=True)
        text = front_matter(practice_id, code, declared, default) + _in(BODY, code, default)
        path.write_text(text, encoding="utf-8")
    return targets


def main(argv: list[str]) -> int:
    if len(argv) != 1 or not argv[0]:
        print("usage: make new-practice ID=<id>", file=sys.stderr)
        return 2
    project = projects.load()
    try:
        paths = scaffold(project, argv[0])
    except (ScaffoldError, declaration.DeclarationError) as error:
        print(f"error: {error}", file=sys.stderr)
        return 1
    for path in paths:
        print(f"wrote {path.relative_to(project.folder)}")
    print("Fill in every field in every file; `make serve` shows what is still missing.")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
