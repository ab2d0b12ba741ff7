"""The glossary's data file (`data/glossary.yml`), read and checked.

Plain logic, no MkDocs import. Every problem is reported at once, naming the file, the entry and
the field.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

from ctsite.search import analysis
from ctsite.text import read_yaml

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
    data = read_yaml(path, shown, GlossaryError) or {}
    problems: list[str] = []
    lines = _entry_lines(path.read_text(encoding="utf-8"))
    terms = [
        _term(_at(shown, lines, "terms", key), key, entry, languages, problems)
        for key, entry in (data.get("terms") or {}).items()
    ]
    abbreviations = [
        _abbreviation(_at(shown, lines, "abbreviations", key), key, entry, languages, problems)
        for key, entry in (data.get("abbreviations") or {}).items()
    ]
    sorting = {
        str(language): tuple(rules.get("ignore_prefixes") or ())
        for language, rules in (data.get("sorting") or {}).items()
    }
    if problems:
        raise GlossaryError("\n".join(problems))
    return Glossary(tuple(terms), tuple(abbreviations), sorting)


def _entry_lines(text: str) -> dict[tuple[str, str], int]:
    """The line of each entry's key, {(section, key): line}, for messages: `terms:` and
    `abbreviations:` at the top level, each entry indented by two spaces."""
    found: dict[tuple[str, str], int] = {}
    section = ""
    for number, line in enumerate(text.splitlines(), start=1):
        top = re.match(r"^([A-Za-z_]+):", line)
        if top:
            section = top.group(1)
            continue
        key = re.match(r"^  ([^\s#:'\"][^:]*?|'[^']*'|\"[^\"]*\"):(?:\s|$)", line)
        if key:
            found.setdefault((section, key.group(1).strip("'\"")), number)
    return found


def _at(shown: str, lines: dict[tuple[str, str], int], section: str, key) -> str:
    """The file as messages name it, with the entry's line where it is known."""
    line = lines.get((section, str(key)))
    return f"{shown}, line {line}" if line else shown


def _text(value) -> bool:
    return isinstance(value, str) and bool(value.strip())


def _term(shown, key, entry, languages, problems) -> Term | None:
    where = f"{shown}: terms: '{key}'"
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
    definitions = entry.get("definition") or {}
    if not isinstance(definitions, dict) or not _text(definitions.get(default)):
        problems.append(f"{where}: definition: expected a definition in '{default}', found none")
        definitions = {}
    avoid: dict[str, tuple[Variant, ...]] = {}
    for code, variants in (entry.get("avoid") or {}).items():
        found = []
        for variant in variants or []:
            if isinstance(variant, dict) and _text(variant.get("text")):
                found.append(Variant(variant["text"], bool(variant.get("exact"))))
            elif _text(variant):
                found.append(Variant(variant))
            else:
                problems.append(f"{where}: avoid: {code}: expected a form, found {variant!r}")
        avoid[str(code)] = tuple(found)
    definitions = {k: v for k, v in definitions.items() if _text(v)}
    return Term(str(key), forms, avoid, definitions, also)


def _abbreviation(shown, key, entry, languages, problems) -> Abbreviation | None:
    where = f"{shown}: abbreviations: '{key}'"
    expansions = (entry or {}).get("expansion") if isinstance(entry, dict) else None
    if not isinstance(expansions, dict) or not _text(expansions.get(languages[0])):
        problems.append(f"{where}: expansion: expected one in '{languages[0]}', found none")
        return None
    return Abbreviation(str(key), {k: v for k, v in expansions.items() if _text(v)})
