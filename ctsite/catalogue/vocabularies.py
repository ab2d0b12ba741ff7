"""Controlled vocabularies of the catalogue, from `data/*.yml`, with labels in every language.

Plain logic, no MkDocs import. Each file maps a key to its labels (`ar`, `en`) and, for
institutions, an optional official `url`. The order of the keys in a file is the order shown.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from ctsite.addresses import address_problem
from ctsite.datafile import read, texts_per_language, where
from ctsite.text import describe

# A key: lower-case letters and digits, words joined by hyphens (it is written into the pages'
# data-* attributes and into the catalogue's addresses).
KEY = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")


# The longest label (it is written on every card of the catalogue).
MAX_LABEL = 200


class VocabularyError(ValueError):
    """A vocabulary file cannot be used; the message lists every problem."""


@dataclass(frozen=True)
class Term:
    """One entry of a vocabulary in one language."""

    key: str
    label: str
    url: str | None = None


@dataclass(frozen=True)
class Vocabularies:
    """Every vocabulary: {name: {key: {"ar": ..., "en": ..., "url": ...}}}, in file order."""

    entries: dict[str, dict[str, dict]]

    def keys(self, name: str) -> list[str]:
        """The keys of a vocabulary, in file order."""
        return list(self.entries[name])

    def term(self, name: str, key: str, language: str) -> Term:
        """A key with its label in `language` (and its url, if any)."""
        entry = self.entries[name][key]
        return Term(key=key, label=entry[language], url=entry.get("url"))


def load(files: dict[str, Path], languages: list[str], project: Path) -> Vocabularies:
    """Read every vocabulary and check each key has a label in every language.

    Args:
        files: {vocabulary name: its file} (`vocabularies:` of `data/catalogue-fields.yml`).
        languages: the built language codes.
        project: the project's folder, to name the files in messages.
    Returns:
        The vocabularies.
    Raises:
        VocabularyError: naming each file, key and language that is wrong, all at once.
    """
    problems = []
    entries: dict[str, dict[str, dict]] = {}
    for name, path in files.items():
        path = Path(path)
        try:
            shown = path.relative_to(project).as_posix()
        except ValueError:
            shown = path.as_posix()
        lines: dict = {}
        try:
            data = read(path, shown, VocabularyError, lines)
        except VocabularyError as error:
            problems.append(str(error))
            continue
        if not isinstance(data, dict) or not data:
            problems.append(
                f"{shown}: expected a mapping of keys to labels, found {type(data).__name__}"
            )
            continue
        entries[name] = {}
        for key, labels in data.items():
            at = where(shown, lines, key)
            if not isinstance(key, str) or not KEY.match(key):
                problems.append(
                    f"{at}: expected a key of lower-case letters and digits joined by hyphens, "
                    f"found {describe(key)}"
                )
                continue
            _, found = texts_per_language(
                labels, languages, shown, lines, (key,), f"'{key}'", what="a label", limit=MAX_LABEL
            )
            problems += map(str, found)
            if not isinstance(labels, dict):
                continue
            url = labels.get("url")
            problem = address_problem(url) if url is not None else None
            if problem:
                problems.append(
                    f"{where(shown, lines, key, 'url')}: '{key}': url: expected a public https "
                    f"address, found {problem}"
                )
            entries[name][key] = labels
    if problems:
        raise VocabularyError("\n".join(problems))
    return Vocabularies(entries)
