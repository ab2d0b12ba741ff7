"""The one reader of the data files (`data/*.yml`): the limits front matter has, and the line of
every value.

Plain logic, no MkDocs import (its warnings go to the `mkdocs.hooks.data` logger, which MkDocs
counts under `--strict`). Every data file is read the same way before its own checks run:
- at most `MAX_BYTES`, UTF-8 (a byte-order mark is accepted), else an error naming the byte and
  its line; valid YAML, else the YAML error with its line;
- no alias or anchor (a few lines of nested aliases expand to gigabytes), no tag, no key given
  twice, nesting at most `MAX_DEPTH` deep (checked on the parser's events, before anything is
  built: a file nested ten thousand deep would exhaust Python's recursion);
- dates stay text (`2016-02-30` is then named by the file's own check, not a ValueError);
- every text (values and keys): no control or bidirectional character, at most `MAX_TEXT`
  characters; markup in a text goes through the text allowlist (`ctsite.content.sanitize`):
  what it removes is a warning naming the file and line, and the text is kept without it.

Then each file's own reader checks its values; a text per language, wherever a file has one, is
read by `texts_per_language`, so that every file says its problems the same way.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from pathlib import Path

import yaml

from ctsite.content import sanitize
from ctsite.text import describe, printable, text_problem

log = logging.getLogger("mkdocs.hooks.data")

MAX_BYTES = 1_000_000  # the largest data file today is about 10 KB
MAX_DEPTH = 12
MAX_TEXT = 2_000  # characters of one text (a definition, a sentence of the timeline)

_BASE = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
_TIMESTAMP = "tag:yaml.org,2002:timestamp"


class _Loader(_BASE):
    """The safe loader, with dates left as text."""


_Loader.yaml_implicit_resolvers = {
    first: [(tag, regexp) for tag, regexp in resolvers if tag != _TIMESTAMP]
    for first, resolvers in _BASE.yaml_implicit_resolvers.items()
}


def _structure_problem(text: str) -> str | None:
    """An alias, anchor, tag or nesting too deep, with its line; None when the events are fine."""
    depth = 0
    for event in yaml.parse(text, Loader=_Loader):
        line = event.start_mark.line + 1
        if isinstance(event, yaml.AliasEvent):
            return (
                f"line {line}: expected no YAML alias, found '*{event.anchor}' "
                "(write the value itself)"
            )
        if getattr(event, "anchor", None) is not None:
            return (
                f"line {line}: expected no YAML anchor, found '&{event.anchor}' "
                "(write the value itself)"
            )
        tag = getattr(event, "tag", None)
        if tag is not None:
            return f"line {line}: expected no YAML tag, found '{printable(tag)}'"
        if isinstance(event, (yaml.MappingStartEvent, yaml.SequenceStartEvent)):
            depth += 1
            if depth > MAX_DEPTH:
                return f"line {line}: expected at most {MAX_DEPTH} levels of nesting, found more"
        elif isinstance(event, (yaml.MappingEndEvent, yaml.SequenceEndEvent)):
            depth -= 1
    return None


def _lines(node, path: tuple, lines: dict, problems: list[str]) -> None:
    """Fill `lines` with the line of every value's path; a key given twice is a problem."""
    if isinstance(node, yaml.MappingNode):
        seen: dict[str, int] = {}
        for key, value in node.value:
            line = key.start_mark.line + 1
            name = key.value if isinstance(key, yaml.ScalarNode) else "?"
            if name in seen:
                problems.append(
                    f"line {line}: expected each key once, found '{printable(name)}' on lines "
                    f"{seen[name]} and {line}"
                )
            seen[name] = line
            lines[(*path, name)] = line
            _lines(value, (*path, name), lines, problems)
    elif isinstance(node, yaml.SequenceNode):
        for index, item in enumerate(node.value):
            lines[(*path, index)] = item.start_mark.line + 1
            _lines(item, (*path, index), lines, problems)


def _describe_yaml_error(error: yaml.YAMLError) -> str:
    mark = getattr(error, "problem_mark", None)
    problem = getattr(error, "problem", None) or " ".join(str(error).split())
    where = f"line {mark.line + 1}: " if mark is not None else ""
    return f"{where}expected valid YAML, found {printable(str(problem))}"


def read(path: Path, shown: str, error: type[Exception], lines: dict | None = None):
    """A data file's values, checked as the module's docstring says.

    Args:
        path: the file.
        shown: how the file is named in messages (`data/ui.yml`).
        error: the exception to raise, with every problem of the file.
        lines: filled, when given, with {path of keys and indexes: line}.
    Raises:
        error: "data/x.yml, line N: expected ..., found ..." for each problem.
    """
    try:
        size = path.stat().st_size
        if size > MAX_BYTES:
            raise error(
                f"{shown}: expected a data file of at most {MAX_BYTES:,} bytes, found "
                f"{size:,} bytes"
            )
        data = path.read_bytes()
    except OSError as problem:
        raise error(f"{shown}: cannot be read: {problem.strerror or problem}") from None
    try:
        text = data.decode("utf-8").removeprefix("\ufeff")
    except UnicodeDecodeError as problem:
        line = data[: problem.start].count(b"\n") + 1
        raise error(
            f"{shown}, line {line}: expected UTF-8 text, found byte 0x{data[problem.start]:02x} "
            f"at byte offset {problem.start}, which is not UTF-8 (save the file as UTF-8)"
        ) from None
    try:
        structure = _structure_problem(text)
        if structure:
            raise error(f"{shown}, {structure}")
        loader = _Loader(text)  # one pass: the nodes (for lines and repeated keys), then values
        try:
            root = loader.get_single_node()
            found_lines: dict = {}
            problems: list[str] = []
            _lines(root, (), found_lines, problems)
            if problems:
                raise error("\n".join(f"{shown}, {problem}" for problem in problems))
            values = loader.construct_document(root) if root is not None else None
        finally:
            loader.dispose()
    except yaml.YAMLError as problem:
        raise error(f"{shown}, {_describe_yaml_error(problem)}") from None
    values = _check_texts(values, (), shown, found_lines, error)
    if lines is not None:
        lines.update(found_lines)
    return values


def line_of(lines: dict, path: tuple) -> int | None:
    """The line of a path, or of its nearest parent that has one."""
    while path:
        if path in lines:
            return lines[path]
        path = path[:-1]
    return None


def where(shown: str, lines: dict, *path) -> str:
    """`data/x.yml, line N` for a path (or the file alone when no line is known)."""
    line = line_of(lines, tuple(str(p) if not isinstance(p, int) else p for p in path))
    return f"{shown}, line {line}" if line else shown


@dataclass(frozen=True)
class Problem:
    """One problem of a data file: its message (naming the file, the line, what was expected
    and what was found) and its line, for a reader that lists them in the file's order."""

    line: int | None
    message: str

    def __str__(self) -> str:
        return self.message


def texts_per_language(
    value: object,
    languages: list[str],
    shown: str,
    lines: dict,
    path: tuple,
    name: str,
    *,
    what: str = "a text",
    limit: int | None = None,
    required: list[str] | None = None,
    only_languages: bool = False,
    fold_spaces: bool = False,
) -> tuple[dict[str, str], list[Problem]]:
    """The one reader of a text per language (`{ar: ..., en: ...}`): a vocabulary's labels, an
    interface text, a kind of UN document, a statement's texts, a timeline entry, a glossary
    definition. Every problem is said the same way, with the line of the language's text:
    "data/x.yml, line N: NAME: expected WHAT for 'en', found ...".

    Args:
        value: the mapping of language to text (other keys are left alone, unless
            `only_languages`).
        languages: the built languages.
        shown, lines, path: the file as messages name it, the lines `read` found, and where the
            mapping is in the file (its keys and indexes).
        name: what the mapping is, at the start of each message (`'privacy'`,
            `statement 'x': summary`).
        what: what each text is (`a label`).
        limit: the longest text, in characters (after folding).
        required: the languages that must have a text (all of them by default); another
            language's text, where given, must be one too.
        only_languages: refuse a key that is not a built language.
        fold_spaces: runs of spacing folded to one space (texts written on several lines).
    Returns:
        ({language: text} of the usable texts, the problems).
    """
    required = languages if required is None else required
    problems: list[Problem] = []

    def problem(at: tuple, said: str) -> None:
        line = line_of(lines, tuple(p if isinstance(p, int) else str(p) for p in at))
        problems.append(Problem(line, f"{where(shown, lines, *at)}: {name}: {said}"))

    if value is None:  # the mapping is missing: each required text is
        value = {}
    if not isinstance(value, dict):
        expected = f"{what} per language ({', '.join(languages)})"
        problem(path, f"expected {expected}, found {describe(value)}")
        return {}, problems
    texts: dict[str, str] = {}
    for language in languages:
        text = value.get(language)
        if language not in value and language not in required:
            continue
        expected = f"{what} for '{language}'"
        if not isinstance(text, str) or not text.strip():
            problem((*path, language), f"expected {expected}, found {describe(text)}")
            continue
        if fold_spaces:
            text = " ".join(text.split())
        invisible = text_problem(text)
        if invisible:
            problem((*path, language), f"expected {expected}, found {invisible[1]}")
        elif limit is not None and len(text) > limit:
            problem(
                (*path, language),
                f"expected {expected} of at most {limit:,} characters, found {len(text):,}",
            )
        else:
            texts[language] = text
    if only_languages:
        for extra in sorted(set(value) - set(languages), key=str):
            problem(
                (*path, str(extra)),
                f"expected only the languages {', '.join(languages)}, found {describe(extra)}",
            )
    return texts, problems


def _check_texts(value, path: tuple, shown: str, lines: dict, error):
    """Every text of the file checked; markup removed from a text (a warning), other problems
    raised together."""
    problems: list[str] = []

    def visit(item, at: tuple):
        if isinstance(item, str):
            return text(item, at)
        if isinstance(item, dict):
            result = {}
            for key, child in item.items():
                key_at = (*at, str(key))
                if isinstance(key, str):
                    key = text(key, key_at, is_key=True)
                result[key] = visit(child, key_at)
            return result
        if isinstance(item, list):
            return [visit(child, (*at, index)) for index, child in enumerate(item)]
        return item

    def text(item: str, at: tuple, is_key: bool = False) -> str:
        location = where(shown, lines, *at)
        field = "/".join(str(p) for p in at) or "the file"
        what = "key" if is_key else "text"
        problem = text_problem(item) if item.strip() else None
        if problem and problem[0] == "text without control characters":
            problems.append(
                f"{location}: {field}: expected {what} without control or "
                f"bidirectional characters, found {problem[1]}"
            )
            return item
        if len(item) > MAX_TEXT:
            problems.append(
                f"{location}: {field}: expected a {what} of at most {MAX_TEXT:,} characters, "
                f"found {len(item):,}"
            )
            return item
        cleaned, removed = sanitize.clean_text(item)
        for gone in removed:
            log.warning(f"{location}: {field}: expected text, found {gone.what}: removed")
        return cleaned

    checked = visit(value, path)
    if problems:
        raise error("\n".join(problems))
    return checked
