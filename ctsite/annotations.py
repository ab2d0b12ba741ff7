"""Problems on the line of a pull request: GitHub Actions workflow commands for the build's
warnings and errors.

Plain logic, no MkDocs import. When the build runs in GitHub Actions (`GITHUB_ACTIONS=true`),
`SiteBuild` adds `AnnotationHandler` to MkDocs' logger: each warning or error that concerns a
file is printed again as `::error file=...,line=...,title=...::message`, which GitHub shows on
that line of the pull request. The messages printed as usual stay as they are.

Where the message gives no line (MkDocs' own link warnings, a missing term), the line is found
in the file: the link's target, or line 1.
"""

from __future__ import annotations

import logging
import re
import sys
from dataclasses import dataclass
from pathlib import Path

from ctsite.catalogue.frontmatter import field_line
from ctsite.text import line_of

# Our messages: "docs/en/x.md, line 12: what: ..." or "docs/en/x.md: what: ..."
_OURS = re.compile(
    r"^(?P<file>(?:docs|data)/[^\s:,]+\.(?:md|yml)|mkdocs\.yml)(?:, line (?P<line>\d+))?: "
    r"(?P<rest>.*)$"
)
# A line the message itself gives: "... at line 4", "... on lines 2 and 7" (the second)
_AT_LINE = re.compile(r"\b(?:at line (\d+)|on lines \d+ and (\d+))\b")
# A front matter field: "field 'sources[2].url'" (its top-level name: sources)
_FIELD = re.compile(r"^field '([A-Za-z_]+)")
# MkDocs' link warnings: "Doc file 'en/x.md' contains a link 'y.md#z', but ..."
_LINK = re.compile(
    r"^Doc file '(?P<file>[^']+)' contains a link '(?P<target>[^']*)', but (?P<why>.*)$"
)
# Every project file a message names: a missing file's existing counterpart, the file the editor
# changed (the source of a stale translation), the file to fix (the registry, mkdocs.yml).
_PATHS = re.compile(r"(?<![\w/.-])(?:(?:docs|data)/[^\s:,;'\"`]+\.(?:md|yml)|mkdocs\.yml)\b")
# Where a message places a named file's line: "docs/ar/x.md line 12", "docs/en/x.md, on line 4",
# or the registry line it quotes ("replace the line `  x.md: 0123`").
_QUOTED_LINE = re.compile(r"the line `([^`]+)`")
# ... or the key, not indented, a line is to be added under ("under `nav:`", "at the end of
# `documents:`").
_UNDER = re.compile(r"(?:under|at the end of) `([^`]+)`")


@dataclass(frozen=True)
class Annotation:
    file: str
    line: int
    title: str
    message: str

    def command(self) -> str:
        """The workflow command, escaped as GitHub requires."""
        return (
            f"::error file={_property(self.file)},line={self.line},"
            f"title={_property(self.title)}::{_data(self.message)}"
        )


def _data(text: str) -> str:
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _property(text: str) -> str:
    return _data(text).replace(":", "%3A").replace(",", "%2C")


def _source(path: Path) -> str:
    """A file's text, or nothing when it cannot be read."""
    try:
        return path.read_text(encoding="utf-8-sig")
    except (OSError, UnicodeDecodeError):
        return ""


def annotate(message: str, project: Path, docs_prefix: str = "docs") -> list[Annotation]:
    """The annotations of one logged message (several lines give several), or none when it
    concerns no file of the project. A problem is shown on its own file and line, and on every
    other file of the project its message names: the file the editor changed and the file to
    fix, each at the line the message gives for it (else line 1)."""
    found = []
    for line in message.splitlines():
        text = line.strip().removeprefix("- ")
        annotation = _one(text, project, docs_prefix)
        if annotation:
            found.append(annotation)
            found += _others(annotation, text, project)
    return found


def _others(first: Annotation, text: str, project: Path) -> list[Annotation]:
    """The same problem on each other project file the message names."""
    others = []
    for path in dict.fromkeys(_PATHS.findall(text)):
        if path == first.file or not (project / path).is_file():
            continue
        line = re.search(rf"{re.escape(path)},? (?:on )?line (\d+)", text)
        number = int(line.group(1)) if line else None
        if number is None:
            source = _source(project / path)
            for quoted in _QUOTED_LINE.findall(text):
                number = line_of(source, quoted.strip())
                if number:
                    break
            field = re.search(r"field '([A-Za-z_]+)", text)
            if not number and field:  # the same field in the other language's file
                number = field_line(source, field.group(1))
            for under in [] if number else _UNDER.findall(text):
                lines = source.splitlines()
                number = lines.index(under) + 1 if under in lines else None
                if number:
                    break
        others.append(Annotation(path, number or 1, first.title, first.message))
    return others


def _one(text: str, project: Path, docs_prefix: str) -> Annotation | None:
    link = _LINK.match(text)
    if link:
        file = f"{docs_prefix}/{link['file']}"
        source, target = _source(project / file), link["target"]
        line = line_of(source, f"]({target}") or line_of(source, target) or 1
        title = "Broken anchor" if "anchor" in link["why"] else "Broken link"
        return Annotation(file, line, title, text)
    ours = _OURS.match(text)
    if not ours:
        return None
    file, rest = ours["file"], ours["rest"]
    if not (project / file).exists():
        # A missing translation: shown on the page that exists.
        existing = [p for p in _PATHS.findall(text) if (project / p).exists()]
        if not existing:
            return None
        file = existing[0]
    line = int(ours["line"]) if ours["line"] else 0
    at = _AT_LINE.search(rest)
    field = _FIELD.match(rest)
    if not line and at:
        line = int(at.group(1) or at.group(2))
    elif not line and field:
        # The line where the front matter field starts (line 1 when it is missing).
        source = _source(project / file)
        line = field_line(source, field.group(1)) or 1
    title = re.split(r"[:;]", rest, maxsplit=1)[0].strip()
    title = title if len(title) <= 40 else "Problem"
    return Annotation(file, line or 1, title[:1].upper() + title[1:], text)


class AnnotationHandler(logging.Handler):
    """Prints a workflow command for every warning or error about a project file."""

    def __init__(self, project: Path, docs_prefix: str = "docs", stream=None):
        super().__init__(level=logging.WARNING)
        self.project = project
        self.docs_prefix = docs_prefix
        self.stream = stream or sys.stdout

    def emit(self, record: logging.LogRecord) -> None:
        try:
            message = record.getMessage()
        except (TypeError, ValueError):
            return
        for annotation in annotate(message, self.project, self.docs_prefix):
            print(annotation.command(), file=self.stream, flush=True)


def install(project: Path, docs_prefix: str = "docs") -> None:
    """Add the handler to MkDocs' logger, once (serve rebuilds in the same process)."""
    logger = logging.getLogger("mkdocs")
    if not any(isinstance(handler, AnnotationHandler) for handler in logger.handlers):
        logger.addHandler(AnnotationHandler(project, docs_prefix))
