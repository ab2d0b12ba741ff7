"""Small text helpers for messages to editors and page titles, shared by every concern.

Plain logic, no MkDocs import.
"""

from __future__ import annotations

import html
import re
import unicodedata
from pathlib import Path


def printable(text: str) -> str:
    """Text for a message: control and invisible characters shown by their code (`\\u202e`),
    never written out (they would reorder or hide the message in a terminal or a log)."""
    return "".join(c if c.isprintable() else f"\\u{ord(c):04x}" for c in text)


def look_alikes(text: str) -> str:
    """Where an id, a key or a file name holds letters that are not plain ASCII (a Cyrillic «о»
    looks like a Latin «o»): " (U+043E CYRILLIC SMALL LETTER O at position 7)", else ""."""
    found = [
        f"U+{ord(c):04X} {unicodedata.name(c, 'an unnamed character')} at position {position}"
        for position, c in enumerate(text, start=1)
        if not c.isascii()
    ]
    if not found:
        return ""
    more = f" and {len(found) - 3} more" if len(found) > 3 else ""
    return f" (with {', '.join(found[:3])}{more}: not plain ASCII)"


def plain(title) -> str:
    """A page's title as text: MkDocs may keep the heading's HTML in it (an apostrophe as
    `&#39;`, markup), which a template would escape once more."""
    return html.unescape(re.sub(r"<[^>]+>", "", str(title or ""))).strip()


def line_of(source: str, needle: str, ignore_case: bool = False) -> int | None:
    """The first line (1-based) of `source` that holds `needle`, or None."""
    if not needle:
        return None
    wanted = needle.lower() if ignore_case else needle
    for number, line in enumerate(source.splitlines(), start=1):
        if wanted in (line.lower() if ignore_case else line):
            return number
    return None


def read_yaml(path: Path, shown: str, error: type[Exception], lines: dict | None = None):
    """A data file's values, read by the one reader of data files (`ctsite.datafile`), or
    `error` raised with the file, the line and every problem."""
    from ctsite import datafile  # it imports this module

    return datafile.read(path, shown, error, lines)
