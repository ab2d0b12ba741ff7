"""The one scan of `docs/`: every Markdown page of every language, found and read once per build
(`ctsite.run.Run.pages`) for what needs them all: front matter, page pairs and translations, UN
document symbols, terminology.

Plain logic, no MkDocs import. The tools and the tests use the same scan (`files`), so the build
and they see the same pages.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path

from ctsite.catalogue.frontmatter import MAX_PAGE_BYTES


@dataclass(frozen=True)
class Source:
    """One page's file in one language: `page` is its path inside the language's folder."""

    language: str
    page: str
    path: Path
    data: bytes

    @cached_property
    def text(self) -> str:
        """The text, as far as it decodes (an undecodable file is reported by the front matter
        check with its byte and offset); empty for a page over `MAX_PAGE_BYTES`, which is
        refused with its size (`ctsite.content.guard`) and read by no check: the glossary's
        patterns once took 5 s over a 20 MB title."""
        if len(self.data) > MAX_PAGE_BYTES:
            return ""
        return self.data.decode("utf-8-sig", errors="replace")


def files(docs_dir: Path, languages: list[str]) -> Iterator[tuple[str, str, Path]]:
    """(language, page, file) of every `docs/<language>/**/*.md` file, in the languages' order,
    then the pages' order; a language without a folder has none."""
    for language in languages:
        folder = docs_dir / language
        for path in sorted(folder.rglob("*.md")) if folder.is_dir() else ():
            if path.is_file():
                yield language, path.relative_to(folder).as_posix(), path


def read_all(docs_dir: Path, languages: list[str]) -> tuple[Source, ...]:
    """Every page of `files`, read."""
    return tuple(
        Source(language, page, path, path.read_bytes())
        for language, page, path in files(docs_dir, languages)
    )


def names(found, languages: list[str]) -> dict[str, set[str]]:
    """{language: {page}} from (language, page, ...) tuples (those of `files`), every language
    present (a language without pages has an empty set)."""
    pages: dict[str, set[str]] = {language: set() for language in languages}
    for language, page, *_ in found:
        pages.setdefault(language, set()).add(page)
    return pages
