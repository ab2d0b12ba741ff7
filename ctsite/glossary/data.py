"""The glossary's data file (`data/glossary.yml`), read and checked.

Plain logic, no MkDocs import. Every problem is reported at once, naming the file, the entry and
the field.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

from ctsite import datafile
from ctsite.datafile import read, where
from ctsite.search import analysis

_ID = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")


class GlossaryError(ValueError):
    """The glossary cannot be used; the message lists every problem."""


@dataclass(frozen=True)
class Variant:
    """A form no page may use; matched whatever its case unless `exact`."""

    text: str
    exact: bool = False


@dataclass(frozen=True)
class Term:
    id: str
    forms: dict[str, str]  # language -> preferred form
    avoid: dict[str, tuple[Variant, ...]] = field(default_factory=dict)
    definitions: dict[str, str] = field(default_factory=dict)
    # language -> other accepted forms (an adjective form, a plural)
    also: dict[str, tuple[str, ...]] = field(default_factory=dict)

    def accepted(self, language: str) -> tuple[str, ...]:
        """Every form of the term in a language, the preferred one first."""
        return (self.forms[language], *self.also.get(language, ()))


@dataclass(frozen=True)
class Abbreviation:
    text: str
    expansions: dict[str, str]  # language -> expansion


@dataclass(frozen=True)
class Glossary:
    terms: tuple[Term, ...]
    abbreviations: tuple[Abbreviation, ...]
    # language -> prefixes left out when sorting (the Arabic article), from the data file
    ignore_when_sorting: dict[str, tuple[str, ...]] = field(default_factory=dict)

    def sorted_terms(self, language: str) -> list[Term]:
        """The terms that have a form in `language`, in that language's alphabetical order."""
        prefixes = self.ignore_when_sorting.get(language, ())

        def key(term: Term) -> str:
            text = term.forms[language]
            for prefix in prefixes:
                if text.startswith(prefix):
                    text = text[len(prefix) :]
                    break
            # Letter variants (hamza and alef forms...) compare as their letter, as in a
            # dictionary; the search's folding table says which they are.
            return analysis.fold(text)

        return sorted((t for t in self.terms if language in t.forms), key=key)


def load(path: Path, languages: list[str], shown: str = "data/glossary.yml") -> Glossary:
    """Read and check the glossary; an absent file is an empty glossary.

    Args:
        path: the data file.
        languages: the built languages; each term needs a form and a definition in the default
            language at least (the first), and an abbreviation an expansion in it.
    Raises:
        GlossaryError: naming every entry and field at fault.
    """
    if not path.exists():
        return Glossary((), ())
    lines: dict = {}
    data = read(path, shown, GlossaryError, lines) or {}
    if not isinstance(data, dict):
        raise GlossaryError(
            f"{shown}: expected sorting, terms and abbreviations, found {type(data).__name__}"
        )
    problems: list[str] = []
    sections = {}
    for section in ("terms", "abbreviations", "sorting"):
        value = data.get(section) or {}
        if not isinstance(value, dict):
            problems.append(
                f"{where(shown, lines, section)}: {section}: expected entries by key, found "
                f"{type(value).__name__}"
            )
            value = {}
        sections[section] = value
    terms = [
        _term((shown, lines), key, entry, languages, problems)
        for key, entry in sections["terms"].items()
    ]
    abbreviations = [
        _abbreviation((shown, lines), key, entry, languages, problems)
        for key, entry in sections["abbreviations"].items()
    ]
    sorting = {}
    for language, rules in sections["sorting"].items():
        prefixes = rules.get("ignore_prefixes") if isinstance(rules, dict) else None
        if not isinstance(prefixes, list) or not all(isinstance(p, str) for p in prefixes):
            problems.append(
                f"{where(shown, lines, 'sorting', language)}: sorting: {language}: expected "
                "ignore_prefixes, a list of texts"
            )
            continue
        sorting[str(language)] = tuple(prefixes)
    if problems:
        raise GlossaryError("\n".join(problems))
    return Glossary(
        tuple(t for t in terms if t is not None),
        tuple(a for a in abbreviations if a is not None),
        sorting,
    )


def _text(value) -> bool:
    return isinstance(value, str) and bool(value.strip())


def _term(file, key, entry, languages, problems) -> Term | None:
    """One term; `file`: (the file as messages name it, its lines)."""
    shown, lines = file
    where = f"{datafile.where(shown, lines, 'terms', key)}: terms: '{key}'"
    if not _ID.match(str(key)) or not isinstance(entry, dict):
        problems.append(f"{where}: expected a lower-case id with its forms, found {entry!r}")
        return None
    default = languages[0]
    forms, also = {}, {}
    for code in languages:
        value = entry.get(code)
        if isinstance(value, list) and value and all(_text(item) for item in value):
            forms[code], also[code] = value[0], tuple(value[1:])
        elif _text(value):
            forms[code] = value
    if default not in forms:
        problems.append(
            f"{where}: {default}: expected the term's form, found {entry.get(default)!r}"
        )
    definitions, wrong = datafile.texts_per_language(
        entry.get("definition"),
        languages,
        shown,
        lines,
        ("terms", key, "definition"),
        f"terms: '{key}': definition",
        required=[default],
    )
    problems += map(str, wrong)
    avoid: dict[str, tuple[Variant, ...]] = {}
    avoided = entry.get("avoid") or {}
    if not isinstance(avoided, dict):
        problems.append(
            f"{where}: avoid: expected forms per language, found {type(avoided).__name__}"
        )
        avoided = {}
    for code, variants in avoided.items():
        found = []
        if not isinstance(variants, list):
            problems.append(f"{where}: avoid: {code}: expected a list of forms")
            variants = []
        for variant in variants:
            if isinstance(variant, dict) and _text(variant.get("text")):
                found.append(Variant(variant["text"], bool(variant.get("exact"))))
            elif _text(variant):
                found.append(Variant(variant))
            else:
                problems.append(f"{where}: avoid: {code}: expected a form, found {variant!r}")
        avoid[str(code)] = tuple(found)
    return Term(str(key), forms, avoid, definitions, also)


def _abbreviation(file, key, entry, languages, problems) -> Abbreviation | None:
    """One abbreviation; `file`: (the file as messages name it, its lines)."""
    shown, lines = file
    expansions, wrong = datafile.texts_per_language(
        entry.get("expansion") if isinstance(entry, dict) else None,
        languages,
        shown,
        lines,
        ("abbreviations", key, "expansion"),
        f"abbreviations: '{key}': expansion",
        required=languages[:1],
    )
    problems += map(str, wrong)
    return Abbreviation(str(key), expansions) if not wrong else None
