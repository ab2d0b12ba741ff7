"""Front matter of a Markdown file, read strictly.

Plain logic, no MkDocs import. MkDocs renders front matter that is not valid YAML as page text
and carries on (MAINTAINERS.md, "Silent failures"); here it is an error with the line where YAML
failed.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

import yaml

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


def read(text: str) -> FrontMatter:
    """The front matter of a Markdown document.

    Args:
        text: the whole file.
    Returns:
        FrontMatter with `values` (a mapping) or with `error` saying what was expected and found.
    """
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
    try:
        values = yaml.load(match.group(1) or "", Loader=_LOADER)  # noqa: S506 - a safe loader
    except yaml.YAMLError as error:
        return FrontMatter(
            None, f"expected valid YAML, found a YAML error: {_describe(error)}", body
        )
    if not isinstance(values, dict):
        return FrontMatter(
            None, f"expected 'field: value' lines, found {type(values).__name__} {values!r}", body
        )
    return FrontMatter(values, None, body)


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
