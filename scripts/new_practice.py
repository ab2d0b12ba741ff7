"""Scaffold a catalogue entry: docs/ar/best-practices/<id>.md and docs/en/best-practices/<id>.md.

Writes every field of the schema (hooks/practice_schema.py) with a comment on each, in the
file's language, and leaves the values for the editor to fill in: until they are, the strict
build names each empty field. Refuses an id that is not kebab-case or that exists already.

Usage: make new-practice ID=<id>   (or .venv/bin/python scripts/new_practice.py <id>)
"""

from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "hooks"))

import practice_schema  # noqa: E402 - needs the path above
import vocabularies  # noqa: E402

LANGUAGES = ("ar", "en")
BODY = {
    "ar": "اكتب هنا وصف الممارسة بالعربية: ما هي، ومن يقوم بها، وما الذي تحقق، "
    "مع الإشارة إلى المصادر.\n",
    "en": "Describe the practice here in English: what it is, who runs it, what it has achieved, "
    "citing the sources.\n",
}
KEYS_NOTE = {"ar": "المفاتيح المتاحة", "en": "keys"}


class ScaffoldError(Exception):
    """The entry cannot be created; the message says why."""


def front_matter(practice_id: str, language: str, vocab: vocabularies.Vocabularies) -> str:
    """The front matter of a new entry: every field, a comment on each, values to fill in."""
    lines = ["---"]
    for field in practice_schema.FIELDS:
        lines.append(f"# {field.help[language]}")
        if field.vocabulary:
            lines.append(f"# {KEYS_NOTE[language]}: {', '.join(vocab.keys(field.vocabulary))}")
        if field.kind == "id":
            lines.append(f"id: {practice_id}")
        elif field.kind == "keys":
            lines.append(f"{field.name}: []")
        elif field.kind == "sources":
            lines += [f"{field.name}:", "  - title: ", "    url: "]
        else:
            lines.append(f"{field.name}: ")
    lines.append("---")
    return "\n".join(lines) + "\n\n"


def scaffold(root: Path, practice_id: str) -> list[Path]:
    """Write both files of a new entry; return their paths.

    Raises:
        ScaffoldError: when the id is not kebab-case or a file for it exists.
    """
    if not practice_schema.ID_PATTERN.match(practice_id):
        raise ScaffoldError(
            f"ID: expected lower-case letters, digits and hyphens (such as azhar-observatory), "
            f"found '{practice_id}'"
        )
    targets = [
        root / "docs" / language / "best-practices" / f"{practice_id}.md" for language in LANGUAGES
    ]
    existing = [str(path.relative_to(root)) for path in targets if path.exists()]
    if existing:
        verb = "exists" if len(existing) == 1 else "exist"
        raise ScaffoldError(
            f"ID: '{practice_id}' is taken: {', '.join(existing)} {verb} already; "
            "choose another id or edit the existing files"
        )
    vocab = vocabularies.load(root / "data", list(LANGUAGES))
    for language, path in zip(LANGUAGES, targets, strict=True):
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(
            front_matter(practice_id, language, vocab) + BODY[language], encoding="utf-8"
        )
    return targets


def main(argv: list[str]) -> int:
    if len(argv) != 1 or not argv[0]:
        print("usage: make new-practice ID=<id>", file=sys.stderr)
        return 2
    try:
        paths = scaffold(ROOT, argv[0])
    except ScaffoldError as error:
        print(f"error: {error}", file=sys.stderr)
        return 1
    for path in paths:
        print(f"wrote {path.relative_to(ROOT)}")
    print("Fill in every field in both files; `make serve` shows what is still missing.")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
