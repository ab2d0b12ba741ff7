"""Small text helpers shared by every concern: how a value is shown in a message to editors
(`describe`, `printable`, `look_alikes`), whether a text is usable (`text_problem`: no control
or bidirectional character, a visible character), a page's title as text (`page_title`,
`source_title`: the one reader of titles).

Plain logic, no MkDocs import; the bottom of the package: it imports none of it.
"""

from __future__ import annotations

import html
import posixpath
import re
import unicodedata


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


# The one reader of a page's title: `page_title` once MkDocs has read the page,
# `source_title` from its file before (a list of pages made while the pages are rendered).


def page_title(page) -> str:
    """A page's title as text, as its navigation shows it: front matter `title` (cleaned by the
    content guard; a catalogue entry's, escaped), else its first heading, else MkDocs' title
    from its file name."""
    return plain((page.meta or {}).get("title") or page.title)


def source_title(text: str, path: str) -> str:
    """A page's title from its file's text, before MkDocs reads it: front matter `title`, else
    its first level-one heading (without an attribute list), else its file's name.

    Args:
        text: the file's text.
        path: the file's path (its name is the last resort).
    """
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    front = re.match(r"^---\s*\n(.*?)\n---\s*\n", text, re.S)
    if front:
        title = re.search(r"^title:\s*[\"']?(.*?)[\"']?\s*$", front.group(1), re.M)
        if title:
            return title.group(1)
        text = text[front.end() :]
    heading = re.search(r"^#\s+(.+?)\s*#*\s*$", text, re.M)
    if heading:
        return re.sub(r"\s*\{[^}]*\}\s*$", "", heading.group(1))
    return posixpath.splitext(posixpath.basename(path))[0]


def line_of(source: str, needle: str, ignore_case: bool = False) -> int | None:
    """The first line (1-based) of `source` that holds `needle`, or None."""
    if not needle:
        return None
    wanted = needle.lower() if ignore_case else needle
    for number, line in enumerate(source.splitlines(), start=1):
        if wanted in (line.lower() if ignore_case else line):
            return number
    return None


def describe(value: object) -> str:
    """How a found value is shown in a message."""
    if value is None:
        return "nothing"
    if isinstance(value, bool):
        return f"{str(value).lower()} (yes/no)"
    if isinstance(value, str):
        shown = value if len(value) <= 60 else value[:57] + "..."
        # Control and invisible characters are shown by their code, never written out.
        shown = printable(shown)
        return f"'{shown}'"
    if isinstance(value, (int, float)):
        return str(value)
    if isinstance(value, list):
        return f"a list of {len(value)}"
    if isinstance(value, dict):
        return "field: value pairs"
    return f"{type(value).__name__} {value!r}"


# Bidirectional embedding, override and isolate controls: they reorder the text around them (in
# the cards, the exports and wherever the value is shown).
BIDI_CONTROLS = frozenset("\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069")
# The control characters of a page's text, its spacing aside (tab, line feed, carriage return), and
# the bidirectional controls.
PAGE_TEXT_CONTROLS = re.compile(
    "[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f" + "".join(sorted(BIDI_CONTROLS)) + "]"
)


def text_problem(value: str) -> tuple[str, str] | None:
    """(expected, found) for text that has a control character, a bidirectional control, or no
    visible character; None for good text. Line breaks and tabs are spacing, not controls."""
    for position, character in enumerate(value, start=1):
        category = unicodedata.category(character)
        if character in BIDI_CONTROLS or (category == "Cc" and character not in "\n\t"):
            name = unicodedata.name(character, "a control character")
            return (
                "text without control characters",
                f"U+{ord(character):04X} ({name}) at position {position}",
            )
    if not any(unicodedata.category(c)[0] in "LNPS" for c in value):
        return (
            "text with a visible character",
            f"only spacing or invisible characters ({describe(value)})",
        )
    return None
