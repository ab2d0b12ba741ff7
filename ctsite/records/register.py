"""The register of UN documents the site cites, and the `[[SYMBOL]]` references to them.

Plain logic, no MkDocs import. `data/un-documents.yml` holds one entry per document (symbol,
date, kind, titles where a source gives them, and an address only where it is not in the UN's
Official Document System). Editors write `[[S/RES/2354(2017)]]` in a page; the build links it to
the official document in the page's language. A symbol the register does not know is reported
with the file, the line and the nearest known symbols.
"""

from __future__ import annotations

import difflib
import re
import string
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from babel.dates import format_skeleton

from ctsite import datafile
from ctsite.addresses import address_problem
from ctsite.dates.history import written
from ctsite.text import printable

# `[[SYMBOL]]`: a UN symbol is letters, digits and / . ( ) - (no spaces, no brackets inside).
REFERENCE = re.compile(r"\[\[([A-Za-z][A-Za-z0-9/.()\-]*)\]\]")
# What a date field may hold: a day, or a month where the source gives no day.
_DATE = re.compile(r"^(\d{4})-(\d{2})(?:-(\d{2}))?$")
# The language of documents without a version in the page's language (the UN's press releases).
FALLBACK_LANGUAGE = "en"
# The keys an entry may have.
_ENTRY_KEYS = {"date", "kind", "title", "address"}


class RegisterError(ValueError):
    """The register cannot be used; the message lists every problem at once."""


@dataclass(frozen=True)
class DocumentDate:
    """A document's date: a day, or a month when the source gives no day."""

    year: int
    month: int
    day: int | None

    @property
    def iso(self) -> str:
        """For `<time datetime>`: 2017-05-24 or 2017-12."""
        text = f"{self.year:04d}-{self.month:02d}"
        return text if self.day is None else f"{text}-{self.day:02d}"

    def written(self, locale: str) -> str:
        """In a locale's long form: «24 مايو 2017», "24 May 2017", "December 2017"."""
        if self.day is not None:
            return written(date(self.year, self.month, self.day), locale)
        return format_skeleton("yMMMM", date(self.year, self.month, 1), locale=locale)

    @staticmethod
    def parse(raw: object) -> DocumentDate | None:
        """A date as YAML gives it (a date, or "YYYY-MM" text), or None when it is not one."""
        match = _DATE.match(raw.isoformat() if isinstance(raw, date) else str(raw))
        if not match:
            return None
        year, month, day = int(match[1]), int(match[2]), int(match[3]) if match[3] else None
        try:
            date(year, month, day or 1)
        except ValueError:
            return None
        return DocumentDate(year, month, day)

    @staticmethod
    def problem(raw: object) -> str:
        """What an editor reads for a value `parse` refused: a real date expected."""
        text = raw.isoformat() if isinstance(raw, date) else str(raw)
        shown = printable(text if len(text) <= 40 else text[:37] + "...")
        match = _DATE.match(text)
        if match:
            year, month, day = int(match[1]), int(match[2]), int(match[3]) if match[3] else None
            if not 1 <= month <= 12:
                return (
                    f"expected a real date (YYYY-MM-DD or YYYY-MM), found '{shown}': "
                    f"there is no month {month}"
                )
            return (
                f"expected a real date (YYYY-MM-DD or YYYY-MM), found '{shown}': "
                f"{date(year, month, 1):%B %Y} has no day {day}"
            )
        return f"expected a date written YYYY-MM-DD or YYYY-MM, found '{shown}'"

    @property
    def sort_key(self) -> tuple[int, int, int]:
        return (self.year, self.month, self.day or 0)


@dataclass(frozen=True)
class Document:
    """One UN document of the register."""

    symbol: str
    date: DocumentDate
    kind: str
    titles: dict[str, str]  # language -> title, only where a source gives it
    address: str | None  # set only when not in the Official Document System

    @property
    def shown(self) -> str:
        """The symbol as the UN prints it in text: `S/RES/2354 (2017)`."""
        return re.sub(r"(\S)\((\d{4})\)$", r"\1 (\2)", self.symbol)


@dataclass(frozen=True)
class Register:
    """Every document, the kinds with their labels, and how addresses are made."""

    documents: dict[str, Document]
    kinds: dict[str, dict[str, str]]
    address_pattern: str
    address_languages: tuple[str, ...]

    def address(self, document: Document, language: str) -> tuple[str, str]:
        """(address, its language) of a document for a page in `language`: the Official
        Document System in that language when it publishes it, else in English (the language of
        the UN's press releases, which have an address of their own)."""
        if document.address:
            return document.address, FALLBACK_LANGUAGE
        shown_in = language if language in self.address_languages else FALLBACK_LANGUAGE
        return (
            self.address_pattern.format(language=shown_in, symbol=document.symbol),
            shown_in,
        )

    def description(self, document: Document, language: str, locale: str) -> str:
        """The document's title in `language`, or, where no source gives one, its kind and its
        date written in `locale` («قرار مجلس الأمن (24 مايو 2017)»)."""
        if language in document.titles:
            return document.titles[language]
        return f"{self.kind_label(document, language)} ({document.date.written(locale)})"

    def kind_label(self, document: Document, language: str) -> str:
        """The document's kind in `language` («قرار مجلس الأمن»)."""
        labels = self.kinds[document.kind]
        return labels.get(language) or labels[FALLBACK_LANGUAGE]

    def nearest(self, symbol: str, count: int = 3) -> list[str]:
        """The known symbols closest to an unknown one, best first."""
        known = list(self.documents)
        found = difflib.get_close_matches(symbol, known, n=count, cutoff=0.5)
        if not found:  # a symbol that resembles none: the ones sharing its series
            series = symbol.split("/")[0]
            found = [s for s in known if s.startswith(series)][:count]
        return found

    def by_date(self) -> list[Document]:
        """Every document, oldest first (then by symbol)."""
        return sorted(self.documents.values(), key=lambda d: (d.date.sort_key, d.symbol))


@dataclass(frozen=True)
class Reference:
    """A `[[SYMBOL]]` in a file: its line (1-based, in the file as the editor sees it)."""

    symbol: str
    line: int


@dataclass
class Citations:
    """Which pages cite which documents, in one language: {symbol: [page source path]}."""

    pages: dict[str, list[str]] = field(default_factory=dict)

    def add(self, symbol: str, page: str) -> None:
        cited_by = self.pages.setdefault(symbol, [])
        if page not in cited_by:
            cited_by.append(page)


def references(text: str) -> list[Reference]:
    """Every `[[SYMBOL]]` of a file's text, with its line."""
    found = []
    for number, line in enumerate(text.splitlines(), start=1):
        found += [Reference(match.group(1), number) for match in REFERENCE.finditer(line)]
    return found


def unknown_reference_message(file: str, reference: Reference, register: Register) -> str:
    """What an editor reads for a symbol the register does not know."""
    nearest = register.nearest(reference.symbol)
    hint = ", ".join(nearest) if nearest else "none"
    symbol = reference.symbol
    kinds = ", ".join(register.kinds)
    # A correction only for a symbol that looks like a slip (not for a new document's series).
    close = difflib.get_close_matches(symbol, list(register.documents), n=1, cutoff=0.8)
    correct = (
        f"if you meant {close[0]}, in {file}, on line {reference.line}, replace "
        f"`[[{symbol}]]` with `[[{close[0]}]]`; "
        if close
        else ""
    )
    return (
        f"{file}, line {reference.line}: UN document reference: expected a symbol of "
        f"data/un-documents.yml, found '{symbol}' (nearest known: {hint}); {correct}"
        f"if it is another document, in data/un-documents.yml, at the end of `documents:`, add "
        f"the lines `  {symbol}:`, `    date: YYYY-MM-DD` (its date) and `    kind: KIND` "
        f"(one of {kinds})"
    )


def replace_references(markdown: str, render) -> str:
    """The Markdown with each known `[[SYMBOL]]` replaced by `render(symbol)`; `render` returns
    None for an unknown symbol, which is then left as its plain symbol."""

    def replace(match: re.Match) -> str:
        rendered = render(match.group(1))
        return match.group(1) if rendered is None else rendered

    return REFERENCE.sub(replace, markdown)


def load(path: Path, languages: list[str]) -> Register:
    """Read and check the register.

    Args:
        path: `data/un-documents.yml`.
        languages: the built language codes (each kind needs a label in each).
    Raises:
        RegisterError: naming the file, the entry, the field, what was expected and what was
            found, for every problem at once.
    """
    shown = f"data/{path.name}"
    lines: dict = {}
    data = datafile.read(path, shown, RegisterError, lines)
    if not isinstance(data, dict):
        raise RegisterError(f"{shown}: expected a mapping, found {type(data).__name__}")
    problems: list[str] = []
    pattern = data.get("address")
    problem = _pattern_problem(pattern)
    if problem:
        problems.append(
            f"{datafile.where(shown, lines, 'address')}: address: expected an https address "
            f"with {{language}} and {{symbol}} and no other field, found {problem}"
        )
        pattern = None
    address_languages = data.get("languages")
    if not isinstance(address_languages, list) or not all(
        isinstance(code, str) for code in address_languages
    ):
        problems.append(
            f"{shown}: languages: expected a list of language codes, found {address_languages!r}"
        )
        address_languages = []
    kinds = data.get("kinds")
    if not isinstance(kinds, dict) or not kinds:
        problems.append(f"{shown}: kinds: expected labels per kind, found {kinds!r}")
        kinds = {}
    for key, labels in kinds.items():
        _, found = datafile.texts_per_language(
            labels, languages, shown, lines, ("kinds", key), f"kinds: '{key}'", what="a label"
        )
        problems += map(str, found)
    entries = data.get("documents")
    if not isinstance(entries, dict) or not entries:
        problems.append(f"{shown}: documents: expected one entry per symbol, found {entries!r}")
        entries = {}
    documents = {}
    for symbol, entry in entries.items():
        at = datafile.where(shown, lines, "documents", symbol)
        document = _document(at, str(symbol), entry, kinds, problems)
        if document is not None:
            documents[document.symbol] = document
    if problems:
        raise RegisterError("\n".join(problems))
    return Register(documents, kinds, pattern, tuple(address_languages))


def _pattern_problem(pattern: object) -> str | None:
    """Why the Official Document System's address pattern cannot be used, or None: an https
    address whose only fields are {language} and {symbol} (any other, `{0}` included, would
    fail when a document's address is made)."""
    if not isinstance(pattern, str):
        return repr(pattern)
    try:
        fields = {name for _, name, _, _ in string.Formatter().parse(pattern) if name is not None}
    except ValueError:
        return f"{printable(pattern)!r} (unbalanced braces)"
    if fields != {"language", "symbol"}:
        return f"{printable(pattern)!r} (fields {', '.join(sorted(fields)) or 'none'})"
    problem = address_problem(pattern.format(language="en", symbol="S/RES/1(2000)"))
    return f"{printable(pattern)!r}" if problem else None


def _document(shown: str, symbol: str, entry, kinds: dict, problems: list[str]):
    """One entry as a Document, or None with its problems added."""
    where = f"{shown}: documents: '{printable(symbol)}'"
    before = len(problems)
    if not REFERENCE.fullmatch(f"[[{symbol}]]"):
        problems.append(f"{where}: expected a UN symbol without spaces, found '{symbol}'")
    if not isinstance(entry, dict):
        problems.append(f"{where}: expected date, kind and title, found {entry!r}")
        return None
    unknown = sorted(set(entry) - _ENTRY_KEYS)
    if unknown:
        problems.append(f"{where}: expected only {', '.join(sorted(_ENTRY_KEYS))}, found {unknown}")
    raw_date = entry.get("date")
    parsed_date = DocumentDate.parse(raw_date)
    if parsed_date is None:
        problems.append(f"{where}: date: {DocumentDate.problem(raw_date)}")
    if not isinstance(entry.get("kind"), str) or entry.get("kind") not in kinds:
        problems.append(
            f"{where}: kind: expected one of {', '.join(kinds)}, found {entry.get('kind')!r}"
        )
    titles = entry.get("title") or {}
    if not isinstance(titles, dict) or not all(
        isinstance(value, str) and value.strip() for value in titles.values()
    ):
        problems.append(f"{where}: title: expected a title per language, found {titles!r}")
        titles = {}
    address = entry.get("address")
    problem = address_problem(address) if address is not None else None
    if problem:
        problems.append(f"{where}: address: expected a public https address, found {problem}")
    if len(problems) > before:
        return None
    return Document(
        symbol=symbol,
        date=parsed_date,
        kind=entry["kind"],
        titles={str(k): " ".join(v.split()) for k, v in titles.items()},
        address=address,
    )
