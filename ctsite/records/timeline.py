"""The chairmanship timeline: dated entries in every language, from `data/timeline.yml`.

Plain logic, no MkDocs import. Each entry has a date (a day, or a month where the source gives
no day), one short text per language and the symbols of the UN documents of that day, which
must be in the register (`ctsite.records.register`). Every problem is reported at once.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from pathlib import Path

from ctsite import datafile
from ctsite.records.register import DocumentDate, Register
from ctsite.text import printable

# A Markdown line that the build replaces with the timeline.
MARKER = "<!-- timeline -->"


class TimelineError(ValueError):
    """The timeline cannot be used; the message lists every problem at once."""


@dataclass(frozen=True)
class Entry:
    date: DocumentDate
    texts: dict[str, str]  # language -> text (Markdown inline)
    documents: tuple[str, ...]  # symbols of the register


def load(path: Path, languages: list[str], register: Register) -> tuple[Entry, ...]:
    """Read and check the timeline, in the file's order, which must be the dates' order; none
    when the file does not exist.

    Raises:
        TimelineError: naming the file, the entry (by its number and date), the field, what was
            expected and what was found, for every problem at once.
    """
    shown = f"data/{path.name}"
    if not path.exists():
        return ()
    lines: dict = {}
    data = datafile.read(path, shown, TimelineError, lines)
    if not isinstance(data, list) or not data:
        raise TimelineError(f"{shown}: expected a list of entries, found {type(data).__name__}")
    problems: list[str] = []
    entries: list[Entry] = []
    for number, item in enumerate(data, start=1):
        where = f"{datafile.where(shown, lines, number - 1)}: entry {number}"
        if not isinstance(item, dict):
            problems.append(
                f"{where}: expected date, texts and documents, found {type(item).__name__}"
            )
            continue
        raw = item.get("date")
        text = raw.isoformat() if isinstance(raw, date) else str(raw)
        label = f"entry {number} ({printable(text)[:20]})"

        def at(field: str, number=number, label=label) -> str:
            return f"{datafile.where(shown, lines, number - 1, field)}: {label}: {field}"

        day = DocumentDate.parse(raw)
        if day is None:
            problems.append(f"{at('date')}: {DocumentDate.problem(raw)}")
        texts, found = datafile.texts_per_language(
            item, languages, shown, lines, (number - 1,), label, fold_spaces=True
        )
        problems += map(str, found)
        for language, value in list(texts.items()):
            if "[^" in value:
                problems.append(
                    f"{at(language)}: expected no footnote reference (cite the fact in the "
                    f"page's text), found {value[:60]!r}"
                )
                del texts[language]
        symbols = item.get("documents") or []
        if not isinstance(symbols, list):
            problems.append(
                f"{at('documents')}: expected a list of symbols, found {type(symbols).__name__}"
            )
            symbols = []
        for symbol in symbols:
            if not isinstance(symbol, str) or symbol not in register.documents:
                nearest = ", ".join(register.nearest(str(symbol))) or "none"
                problems.append(
                    f"{at('documents')}: expected a symbol of data/un-documents.yml, found "
                    f"'{symbol}' (nearest known: {nearest})"
                )
        if day is not None:
            if entries and day.sort_key < entries[-1].date.sort_key:
                problems.append(
                    f"{at('date')}: expected a date on or after {entries[-1].date.iso} "
                    "(entries in date order)"
                )
            entries.append(Entry(day, texts, tuple(str(s) for s in symbols)))
    if problems:
        raise TimelineError("\n".join(problems))
    return tuple(entries)
