"""Controlled vocabularies of the catalogue, from `data/*.yml`, with labels in every language.

Plain logic, no MkDocs import. Each file maps a key to its labels (`ar`, `en`) and, for
institutions, an optional official `url`. The order of the keys in a file is the order shown.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import yaml


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
        files: {vocabulary name: its file} (`extra.site.catalogue.vocabularies` in mkdocs.yml).
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
        try:
            data = yaml.safe_load(path.read_text(encoding="utf-8"))
        except (OSError, yaml.YAMLError) as error:
            problems.append(f"{shown}: cannot be read as YAML: {error}")
            continue
        if not isinstance(data, dict) or not data:
            problems.append(f"{shown}: expected a mapping of keys to labels, found {data!r}")
            continue
        entries[name] = {}
        for key, labels in data.items():
            if not isinstance(labels, dict):
                problems.append(f"{shown}: '{key}': expected labels per language, found {labels!r}")
                continue
            for language in languages:
                if not isinstance(labels.get(language), str) or not labels[language].strip():
                    problems.append(
                        f"{shown}: '{key}': expected a label for '{language}', "
                        f"found {labels.get(language)!r}"
                    )
            url = labels.get("url")
            if url is not None and not str(url).startswith("https://"):
                problems.append(
                    f"{shown}: '{key}': expected url to start with https://, found {url!r}"
                )
            entries[name][str(key)] = labels
    if problems:
        raise VocabularyError("\n".join(problems))
    return Vocabularies(entries)
