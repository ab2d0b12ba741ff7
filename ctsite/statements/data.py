"""Egypt's statements on counter-terrorism, from `data/statements.yml`: one entry per statement,
every language side by side.

Plain logic, no MkDocs import. An entry says when (a day, or a month where the source gives no
day), where (a key of the venues vocabulary and the meeting in every language), who (speaker and
role in every language), on what (keys of the pillars vocabulary), what was said (a summary of
two to four sentences per language) and where to read it (UN documents of the register by
symbol, and/or public pages). The file is read by `ctsite.datafile` (the limits of every data
file); then every problem of its entries is reported at once, each with the file, its line, the
entry, the field, what was expected and what was found.
"""

from __future__ import annotations

import difflib
import re
from dataclasses import dataclass
from pathlib import Path

from ctsite import datafile
from ctsite.addresses import address_problem
from ctsite.records.register import DocumentDate, Register
from ctsite.text import printable

_ID = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
# The fields of an entry: required ones first.
REQUIRED = ("id", "date", "venue", "meeting", "speaker", "role", "subjects", "summary")
OPTIONAL = ("documents", "sources")
# Texts of one language: a summary of two to four sentences stays well under this.
SUMMARY_MAX = 900
TEXT_MAX = 200


class StatementsError(ValueError):
    """The statements cannot be used; the message lists every problem at once."""


@dataclass(frozen=True)
class Source:
    title: str
    url: str


@dataclass(frozen=True)
class Statement:
    """One statement, in every language."""

    id: str
    date: DocumentDate
    venue: str  # a key of the venues vocabulary
    meeting: dict[str, str]  # language -> the meeting, e.g. "7690th meeting (open debate)"
    speaker: dict[str, str]
    role: dict[str, str]
    subjects: tuple[str, ...]  # keys of the pillars vocabulary
    summary: dict[str, str]
    documents: tuple[str, ...]  # symbols of the UN documents register
    sources: tuple[Source, ...]

    @property
    def year(self) -> int:
        return self.date.year


def _shown(value: object) -> str:
    text = printable(repr(value))
    return text if len(text) <= 80 else text[:77] + "..."


def _lines(lines: dict, index: int) -> tuple[int, dict[str, int]]:
    """An entry's first line and its fields' lines (nested ones as `summary.en`), from the
    lines `datafile.read` found."""
    fields = {
        ".".join(str(part) for part in path[1:]): line
        for path, line in lines.items()
        if path and path[0] == index and len(path) in (2, 3)
    }
    return lines.get((index,), 0), fields


def load(
    path: Path,
    shown: str,
    languages: list[str],
    venues: dict[str, dict],
    subjects: dict[str, dict],
    register: Register,
) -> tuple[Statement, ...]:
    """Read and check every statement; newest first (same day: file order). None when the file
    does not exist.

    Args:
        path: the statements file; `shown` its name in messages (`data/statements.yml`).
        languages: the built language codes: every text is needed in each.
        venues: the venues vocabulary, {key: labels}; `subjects` the pillars vocabulary.
        register: the UN documents register, for the `documents` symbols.
    Raises:
        StatementsError: every problem at once, each with the file and line.
    """
    if not path.exists():
        return ()
    lines: dict = {}
    values = datafile.read(path, shown, StatementsError, lines)
    if values is None:
        return ()
    if not isinstance(values, list):
        raise StatementsError(
            f"{shown}: expected a list of statements ('- id: ...' entries), found "
            f"{type(values).__name__}"
        )
    problems: list[str] = []
    statements: list[Statement] = []
    seen: dict[str, int] = {}
    for number, item in enumerate(values, start=1):
        first, fields = _lines(lines, number - 1)
        if not isinstance(item, dict):
            problems.append(
                f"{shown}, line {first}: entry {number}: expected the fields "
                f"{', '.join(REQUIRED)}, found {_shown(item)}"
            )
            continue
        check = _Entry(shown, number, item, first, fields, lines)
        statement = check.statement(languages, venues, subjects, register, seen)
        problems.extend(check.messages())
        if statement is not None:
            statements.append(statement)
    if problems:
        raise StatementsError("\n".join(problems))
    return tuple(sorted(statements, key=lambda s: s.date.sort_key, reverse=True))


def _hint(value: object, known) -> str:
    """ "did you mean 'x'? " for the nearest known key, or nothing."""
    nearest = difflib.get_close_matches(str(value), list(known), n=1)
    return f"did you mean '{nearest[0]}'? " if nearest else ""


class _Entry:
    """One entry's checks: every problem with its line, the statement when there is none."""

    def __init__(
        self, shown: str, number: int, item: dict, first: int, lines: dict[str, int], file_lines
    ):
        self.shown, self.item, self.first, self.lines = shown, item, first, lines
        # The lines of the whole file (`datafile.read`'s), and where the entry is in it.
        self.all_lines, self.index = file_lines, number - 1
        identifier = item.get("id")
        self.name = identifier if isinstance(identifier, str) else f"entry {number}"
        self.problems: list[tuple[int, str]] = []

    def problem(self, field: str, expected: str, found: object, said: str | None = None) -> None:
        """One problem of a field; `said`: what was found, in words, in place of its value."""
        line = self.lines.get(field) or self.lines.get(field.split(".")[0], self.first)
        self.problems.append(
            (
                line,
                f"{self.shown}, line {line}: statement '{self.name}': {field}: expected "
                f"{expected}, found {said or _shown(found)}",
            )
        )

    def messages(self) -> list[str]:
        return [message for _, message in sorted(self.problems)]

    def statement(self, languages, venues, subjects, register, seen) -> Statement | None:
        item = self.item
        fields = REQUIRED + OPTIONAL
        for field in item:
            if field not in fields:
                self.problem(
                    str(field),
                    f"only the fields {', '.join(fields)} ({_hint(field, fields)})",
                    field,
                )
        for field in REQUIRED:
            if field not in item:
                self.problem(field, "this field (it is required)", None)
        identifier = self._id(seen)
        day = DocumentDate.parse(item.get("date")) if "date" in item else None
        if "date" in item and day is None:
            self.problem(
                "date", "a real date, YYYY-MM-DD (or YYYY-MM where no day is known)", item["date"]
            )
        venue = item.get("venue")
        if "venue" in item and venue not in venues:
            known = ", ".join(venues)
            self.problem(
                "venue", f"a key of data/venues.yml ({_hint(venue, venues)}known: {known})", venue
            )
        texts = {
            field: self._texts(field, limit, languages)
            for field, limit in (
                ("meeting", TEXT_MAX),
                ("speaker", TEXT_MAX),
                ("role", TEXT_MAX),
                ("summary", SUMMARY_MAX),
            )
            if field in item
        }
        keys = self._subjects(subjects)
        symbols = self._documents(register)
        sources = self._sources()
        if not symbols and not item.get("sources"):
            self.problem(
                "sources", "the record to read: documents (UN symbols) or sources (pages)", None
            )
        if self.problems:
            return None
        return Statement(
            id=identifier,
            date=day,
            venue=venue,
            meeting=texts["meeting"],
            speaker=texts["speaker"],
            role=texts["role"],
            subjects=tuple(keys),
            summary=texts["summary"],
            documents=tuple(symbols),
            sources=tuple(sources),
        )

    def _id(self, seen: dict[str, int]) -> str | None:
        identifier = self.item.get("id")
        if "id" not in self.item:
            return None
        if not isinstance(identifier, str) or not _ID.match(identifier):
            self.problem(
                "id", "kebab-case letters and digits (e.g. 2016-05-11-open-debate)", identifier
            )
        elif identifier in seen:
            self.problem("id", f"an id used once (already on line {seen[identifier]})", identifier)
        else:
            seen[identifier] = self.lines.get("id", self.first)
        return identifier

    def _texts(self, field: str, limit: int, languages: list[str]) -> dict[str, str]:
        found, wrong = datafile.texts_per_language(
            self.item[field],
            languages,
            self.shown,
            self.all_lines,
            (self.index, field),
            f"statement '{self.name}': {field}",
            limit=limit,
            only_languages=True,
            fold_spaces=True,
        )
        self.problems += [(problem.line or self.first, problem.message) for problem in wrong]
        texts = {}
        for language, text in found.items():
            # Control and bidi characters are refused, with their line, by `datafile.read`.
            if "<" in text or "[^" in text:
                where = f"{field}.{language}"
                self.problem(where, "plain text (no HTML, no footnote: sources cite it)", text)
            else:
                texts[language] = text
        return texts

    def _subjects(self, subjects: dict) -> list[str]:
        keys = self.item.get("subjects")
        if "subjects" not in self.item:
            return []
        if not isinstance(keys, list) or not keys:
            self.problem("subjects", "a list of keys of data/pillars.yml, e.g. [ideological]", keys)
            return []
        for key in keys:
            if key not in subjects:
                known = ", ".join(subjects)
                self.problem(
                    "subjects",
                    f"keys of data/pillars.yml ({_hint(key, subjects)}known: {known})",
                    key,
                )
        return [str(key) for key in keys]

    def _documents(self, register: Register) -> list[str]:
        symbols = self.item.get("documents", [])
        if not isinstance(symbols, list):
            self.problem("documents", "a list of UN symbols of data/un-documents.yml", symbols)
            return []
        for symbol in symbols:
            if str(symbol) not in register.documents:
                nearest = ", ".join(register.nearest(str(symbol))) or "none"
                self.problem(
                    "documents",
                    f"a symbol of data/un-documents.yml (nearest known: {nearest})",
                    symbol,
                )
        return [str(symbol) for symbol in symbols]

    def _sources(self) -> list[Source]:
        raw = self.item.get("sources", [])
        if not isinstance(raw, list):
            self.problem("sources", "a list of '- title: ...' and 'url: https://...' pairs", raw)
            return []
        sources = []
        for source in raw:
            if not isinstance(source, dict) or set(source) != {"title", "url"}:
                self.problem("sources", "entries with exactly a title and a url", source)
                continue
            title, url = source["title"], source["url"]
            wrong = address_problem(url)
            if not isinstance(title, str) or not title.strip() or "<" in title:
                self.problem("sources", "a source's title as plain text", title)
            elif wrong:
                self.problem("sources", "a public https address", url, said=wrong)
            else:
                sources.append(Source(" ".join(title.split()), url))
        return sources
