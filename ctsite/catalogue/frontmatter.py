"""Front matter of a Markdown file, read strictly.

Plain logic, no MkDocs import. MkDocs renders front matter that is not valid YAML as page text
and carries on (MAINTAINERS.md, "Silent failures"); here it is an error with the line where YAML
failed.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

import yaml

from ctsite.text import printable

# libyaml's loader where PyYAML has it (the wheels do): ten times faster on a large catalogue.
_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
_FENCE = re.compile(r"\A---[ \t]*\r?\n(.*?\r?\n)?---[ \t]*(?:\r?\n|\Z)", re.DOTALL)


@dataclass(frozen=True)
class FrontMatter:
    """What a file's front matter gave: its values, or the reason it could not be read; and the
    Markdown after it (the whole text when there is no closing line)."""

    values: dict | None
    error: str | None = None
    body: str = ""


BOM = "\ufeff"
# The largest page (the longest today is about 25 KB): a larger one is refused before anything
# reads it (a 20 MB title once built a 734 MB site).
MAX_PAGE_BYTES = 1_000_000


def decode(data: bytes) -> tuple[str | None, str | None]:
    """A file's bytes as text, or why they are not: (text, None) or (None, error).

    UTF-8 only; a leading byte-order mark is dropped, as MkDocs drops it from ordinary pages.
    At most `MAX_PAGE_BYTES`.
    """
    if len(data) > MAX_PAGE_BYTES:
        return None, (
            f"expected a page of at most {MAX_PAGE_BYTES:,} bytes, found {len(data):,} bytes "
            "(split it into several pages)"
        )
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as error:
        return None, (
            f"expected UTF-8 text, found byte 0x{data[error.start]:02x} at byte offset "
            f"{error.start}, which is not UTF-8 (save the file as UTF-8)"
        )
    return text.removeprefix(BOM), None


def _unsafe(yaml_text: str) -> str | None:
    """Why a front matter may not be constructed, before anything is built from it: an alias or
    an anchor (a few lines of nested aliases expand to gigabytes once read), or a key given twice
    (YAML would silently keep the second). None when it is safe."""
    try:
        for event in yaml.parse(yaml_text, Loader=_LOADER):
            if isinstance(event, yaml.AliasEvent):
                return (
                    f"expected no YAML alias, found '*{event.anchor}' at line "
                    f"{_line(event.start_mark)} (write the value itself)"
                )
            anchor = getattr(event, "anchor", None)
            if anchor is not None:
                return (
                    f"expected no YAML anchor, found '&{anchor}' at line "
                    f"{_line(event.start_mark)} (write the value itself)"
                )
        root = yaml.compose(yaml_text, Loader=_LOADER)
    except yaml.YAMLError:
        return None  # reported by the loader, with its own words and line
    return _duplicate(root)


def _duplicate(node) -> str | None:
    """The first key given twice in a mapping of the document, as a message."""
    if isinstance(node, yaml.MappingNode):
        seen: dict[str, int] = {}
        for key, value in node.value:
            if isinstance(key, yaml.ScalarNode):
                line = _line(key.start_mark)
                if key.value in seen:
                    return (
                        f"expected each field once, found '{key.value}' on lines "
                        f"{seen[key.value]} and {line}"
                    )
                seen[key.value] = line
            found = _duplicate(value)
            if found:
                return found
    elif isinstance(node, yaml.SequenceNode):
        for item in node.value:
            found = _duplicate(item)
            if found:
                return found
    return None


def read(text: str) -> FrontMatter:
    """The front matter of a Markdown document.

    Args:
        text: the whole file (a leading byte-order mark is allowed).
    Returns:
        FrontMatter with `values` (a mapping) or with `error` saying what was expected and found.
        Nothing is constructed from a front matter with an alias, an anchor or a key given twice.
    """
    text = text.removeprefix(BOM)
    if not text.startswith("---"):
        return FrontMatter(
            None, "expected front matter between '---' lines at the top, found none", text
        )
    match = _FENCE.match(text)
    if not match:
        return FrontMatter(
            None, "expected a closing '---' line after the front matter, found none", text
        )
    body = text[match.end() :]
    unsafe = _unsafe(match.group(1) or "")
    if unsafe:
        return FrontMatter(None, unsafe, body)
    try:
        values = yaml.load(match.group(1) or "", Loader=_LOADER)  # noqa: S506 - a safe loader
    except yaml.YAMLError as error:
        return FrontMatter(
            None, f"expected valid YAML, found a YAML error: {_describe(error)}", body
        )
    except (ValueError, OverflowError):  # a date YAML recognises but the calendar has not
        return FrontMatter(None, _impossible_date(match.group(1) or ""), body)
    if not isinstance(values, dict):
        found = printable(repr(values))
        found = found if len(found) <= 60 else found[:57] + "..."
        return FrontMatter(
            None, f"expected 'field: value' lines, found {type(values).__name__} {found}", body
        )
    return FrontMatter(values, None, body)


_DATE_LIKE = re.compile(r"\b(\d{4})-(\d{1,2})-(\d{1,2})\b")


def _impossible_date(yaml_text: str) -> str:
    """The message for a date that is not in the calendar (2016-02-30), with its line."""
    for number, line in enumerate(yaml_text.splitlines(), start=2):
        for found in _DATE_LIKE.finditer(line):
            try:
                date(*(int(part) for part in found.groups()))
            except ValueError:
                return f"expected a real date, found '{found.group(0)}' at line {number}"
    return "expected a real date, found a date the calendar does not have"


def _line(mark) -> int:
    """The file's line number of a YAML mark (the YAML starts on the file's second line)."""
    return mark.line + 2


def _describe(error: yaml.YAMLError) -> str:
    """A YAML error in an editor's words: what went wrong, and on which lines of the file."""
    if isinstance(error, yaml.reader.ReaderError):
        return (
            f"a character YAML does not allow, U+{error.character:04X} ({error.reason}), at "
            f"character {error.position + 1} of the front matter"
        )
    problem = getattr(error, "problem", None)
    if problem is None:
        return printable(" ".join(str(error).split()))
    problem = (
        printable(problem)
        .replace("'<stream end>'", "the end of the front matter")
        .replace("unexpected end of stream", "the end of the front matter")
    )
    text = problem
    mark = getattr(error, "problem_mark", None)
    if mark is not None:
        text += f" at line {_line(mark)}"
    context, context_mark = getattr(error, "context", None), getattr(error, "context_mark", None)
    if context and context_mark is not None:
        text = f"{context} at line {_line(context_mark)}, {text}"
    return text


def field_line(text: str, name: str) -> int | None:
    """The line of the file where a top-level front matter field starts (the opening `---` is
    line 1), or None when the front matter does not have it."""
    fence = _FENCE.match(text)
    if not fence:
        return None
    found = re.search(rf"^{re.escape(name)}[ \t]*:", fence.group(1) or "", re.MULTILINE)
    return None if found is None else fence.group(1).count("\n", 0, found.start()) + 2
