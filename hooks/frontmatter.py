"""Front matter of a Markdown file, read strictly.

Plain logic, no MkDocs import. MkDocs renders front matter that is not valid YAML as page text
and carries on (STACK-NOTES.md); here it is an error with the line where YAML failed.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

import yaml

_FENCE = re.compile(r"\A---[ \t]*\r?\n(.*?\r?\n)?---[ \t]*(?:\r?\n|\Z)", re.DOTALL)


@dataclass(frozen=True)
class FrontMatter:
    """What a file's front matter gave: its values, or the reason it could not be read."""

    values: dict | None
    error: str | None = None


def read(text: str) -> FrontMatter:
    """The front matter of a Markdown document.

    Args:
        text: the whole file.
    Returns:
        FrontMatter with `values` (a mapping) or with `error` saying what was expected and found.
    """
    if not text.startswith("---"):
        return FrontMatter(None, "expected front matter between '---' lines at the top, found none")
    match = _FENCE.match(text)
    if not match:
        return FrontMatter(None, "expected a closing '---' line after the front matter, found none")
    try:
        values = yaml.safe_load(match.group(1) or "")
    except yaml.YAMLError as error:
        return FrontMatter(None, f"expected valid YAML, found a YAML error: {_describe(error)}")
    if not isinstance(values, dict):
        return FrontMatter(
            None, f"expected 'field: value' lines, found {type(values).__name__} {values!r}"
        )
    return FrontMatter(values)


def _line(mark) -> int:
    """The file's line number of a YAML mark (the YAML starts on the file's second line)."""
    return mark.line + 2


def _describe(error: yaml.YAMLError) -> str:
    """A YAML error in an editor's words: what went wrong, and on which lines of the file."""
    problem = getattr(error, "problem", None)
    if problem is None:
        return str(error)
    problem = problem.replace("'<stream end>'", "the end of the front matter").replace(
        "unexpected end of stream", "the end of the front matter"
    )
    text = problem
    mark = getattr(error, "problem_mark", None)
    if mark is not None:
        text += f" at line {_line(mark)}"
    context, context_mark = getattr(error, "context", None), getattr(error, "context_mark", None)
    if context and context_mark is not None:
        text = f"{context} at line {_line(context_mark)}, {text}"
    return text
