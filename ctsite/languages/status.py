"""Which translations have fallen behind their source in the default language.

Plain logic, no MkDocs import, no language code of its own: the source language and the
translations' languages are given. `data/translations.yml` records, for each translation
language and page, the version of the source file that the translation translates: the first 16
hex digits of the SHA-256 of the source file's text. When the source changes, its version
changes and the translation is stale until an editor updates it and records the new version
(`make translations PAGE=<page>`). Works from a plain archive: no git needed.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass
from pathlib import Path

from ctsite import sources
from ctsite.datafile import read, where

# A recorded version: the first 16 hexadecimal digits of the source's SHA-256.
_VERSION = re.compile(r"^[0-9a-f]{16}$")

HEADER = (
    "# For each translation language, the version of its source (the default language's page)\n"
    "# that each translated page translates: the first 16 hex digits of the SHA-256 of\n"
    "# docs/<default>/<page>. A line here says that a person checked that the translated page\n"
    "# says what that version of the source says. Written by `make translations PAGE=<page>`, or\n"
    "# by hand (in the browser, too): when the build reports a stale or unrecorded translation,\n"
    "# its message gives the exact line to write here; write it only once the translation is\n"
    "# right.\n"
)
STATES = ("current", "stale", "unrecorded", "missing")

# {language: {page: version}}
Registry = dict[str, dict[str, str]]


class RegistryError(ValueError):
    """The registry file cannot be read; the message names the file and what was found."""


def version(text: str) -> str:
    """The version of a source file's text (line endings do not count)."""
    normal = text.replace("\r\n", "\n")
    return hashlib.sha256(normal.encode("utf-8")).hexdigest()[:16]


@dataclass(frozen=True)
class PairStatus:
    """One page in the source language and one translation language: `page` is its path inside
    each language folder."""

    page: str
    source: str  # the source language's code
    language: str  # the translation's language code
    state: str  # one of STATES
    recorded: str | None
    current: str | None

    def message(self, docs: str = "docs", registry: str = "data/translations.yml") -> str:
        """What an editor needs to know and do, for a page that is not current: the line to
        write in the registry (in the browser) or the command (in a terminal)."""
        translation = f"{docs}/{self.language}/{self.page}"
        source = f"{docs}/{self.source}/{self.page}"
        fix = record_instruction(self.page, self.language, self.recorded, self.current, registry)
        if self.state == "stale":
            return (
                f"{translation}: stale translation: expected the translation of version "
                f"{self.recorded} of {source}, found that {source} is now version "
                f"{self.current}; make {translation} say what {source} says, then record it: "
                f"{fix}"
            )
        if self.state == "unrecorded":
            return (
                f"{translation}: translation not recorded: expected an entry for "
                f"'{self.page}' under '{self.language}' in {registry}, found none; once "
                f"{translation} says what {source} says, record it: {fix}"
            )
        return f"{translation}: {self.state}"


def record_instruction(
    page: str, language: str, recorded: str | None, current: str, registry: str
) -> str:
    """The registry line to write (replacing the recorded one, if any), and the command that
    writes it."""
    line = f"`  {page}: {current}`"
    if recorded is None:
        where = f"in {registry}, under `{language}:`, add the line {line}"
    else:
        where = (
            f"in {registry}, under `{language}:`, replace the line `  {page}: {recorded}` "
            f"with {line}"
        )
    return f"{where} (or run `make translations PAGE={page}`)"


def read_registry(path: Path) -> Registry:
    """The recorded versions; empty when the file does not exist.

    Raises:
        RegistryError: when the file is not a mapping of languages to page versions.
    """
    if not path.exists():
        return {}
    shown = f"data/{path.name}"
    lines: dict = {}
    data = read(path, shown, RegistryError, lines) or {}
    if not isinstance(data, dict) or not all(isinstance(pages, dict) for pages in data.values()):
        raise RegistryError(
            f"{shown}: expected a mapping of each translation language to its pages' "
            f"versions, found {type(data).__name__}"
        )
    problems = [
        f"{where(shown, lines, language, page)}: {language}: '{page}': expected a version of 16 "
        f"hexadecimal digits written by `make translations`, found {value!r}"
        for language, pages in data.items()
        for page, value in pages.items()
        if not _VERSION.match(str(value))
    ]
    if problems:
        raise RegistryError("\n".join(problems))
    return {
        str(language): {str(page): str(value) for page, value in pages.items()}
        for language, pages in data.items()
    }


def write_registry(path: Path, registry: Registry) -> None:
    """Write the registry, languages and pages sorted, so the same versions give the same file."""
    lines = []
    for language in sorted(registry):
        lines.append(f"{language}:")
        lines += [f"  {page}: {registry[language][page]}" for page in sorted(registry[language])]
    path.write_text(HEADER + "\n".join(lines) + "\n", encoding="utf-8")


def statuses(
    docs_dir: Path,
    registry: Registry,
    source: str,
    languages: list[str],
    pages: dict[str, set[str]] | None = None,
) -> list[PairStatus]:
    """The status of every page of every translation language, sorted by page, then language.

    Args:
        docs_dir: the folder with one folder per language.
        registry: the recorded versions.
        source: the default language's code.
        languages: the translations' language codes.
        pages: {language: {page}} as the build found them; found by the one scan of `docs/`
            (`ctsite.sources.files`) when None.
    """
    if pages is None:
        pages = sources.names(sources.files(docs_dir, [source, *languages]), [source, *languages])
    source_pages = pages.get(source, set())
    result = []
    for language in languages:
        translated = pages.get(language, set())
        recorded_versions = registry.get(language, {})
        for page in sorted(source_pages | translated):
            recorded = recorded_versions.get(page)
            if page not in source_pages or page not in translated:
                result.append(PairStatus(page, source, language, "missing", recorded, None))
                continue
            current = version((docs_dir / source / page).read_text(encoding="utf-8"))
            if recorded is None:
                state = "unrecorded"
            else:
                state = "current" if recorded == current else "stale"
            result.append(PairStatus(page, source, language, state, recorded, current))
    return sorted(result, key=lambda status: (status.page, status.language))


def record(
    docs_dir: Path, registry: Registry, pages: list[str], source: str, languages: list[str]
) -> Registry:
    """The registry with the current source version recorded for `pages` in `languages`.

    Raises:
        ValueError: naming a page that is not in the source folder and every language folder.
    """
    updated = {language: dict(versions) for language, versions in registry.items()}
    for page in pages:
        files = [docs_dir / code / page for code in (source, *languages)]
        missing = [file for file in files if not file.is_file()]
        if missing:
            shown = ", ".join(f"docs/{f.relative_to(docs_dir).as_posix()}" for f in missing)
            raise ValueError(
                f"PAGE={page}: expected the page in every language folder, found it missing "
                f"as {shown}"
            )
        current = version((docs_dir / source / page).read_text(encoding="utf-8"))
        for language in languages:
            updated.setdefault(language, {})[page] = current
    return updated
