"""Every Markdown source of every language, read once per build for the checks that need them all
(front matter, UN document symbols, terminology).

Plain logic, no MkDocs import.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True)
class Source:
    """One page's file in one language: `page` is its path inside the language's folder."""

    language: str
    page: str
    path: Path
    data: bytes

    @property
    def text(self) -> str:
        """The text, as far as it decodes (an undecodable file is reported by the front matter
        check with its byte and offset)."""
        return self.data.decode("utf-8-sig", errors="replace")


def read_all(docs_dir: Path, languages: list[str]) -> tuple[Source, ...]:
    """Every `docs/<language>/**/*.md`, in the languages' order, then the pages' order."""
    found = []
    for language in languages:
        folder = docs_dir / language
        for path in sorted(folder.rglob("*.md")) if folder.is_dir() else ():
            found.append(
                Source(language, path.relative_to(folder).as_posix(), path, path.read_bytes())
            )
    return tuple(found)
