"""Every page exists in every language, or the build says which file is missing.

Plain logic, no MkDocs import: `ctsite.languages.feature` calls it, tests call it directly.
With `docs_structure: folder`, `docs/<lang>/<path>.md` is a page of language `<lang>`. A page
present in one language folder and absent from another would be published, silently, in the
default language under the other language's URL (MAINTAINERS.md, "Silent failures"); this
module turns that into a list of missing files an editor can act on.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from ctsite import sources


@dataclass(frozen=True)
class MissingTranslation:
    """A page that exists in `present_in` but has no file at `missing` (paths relative to the
    project, with forward slashes)."""

    missing: str
    present_in: tuple[str, ...]

    def message(self) -> str:
        """One line for an editor: what is missing, where the page exists, what to do."""
        found = ", ".join(self.present_in)
        return (
            f"{self.missing}: missing translation; expected this file because {found} "
            f"exists. Create {self.missing} (same relative path in every language folder)."
        )


def pages_by_language(docs_dir: Path, languages: list[str]) -> dict[str, set[str]]:
    """The Markdown pages of each language folder, as paths relative to that folder, from the
    one scan of `docs/` (`ctsite.sources.files`; the build gives `find_missing` the pages it has
    read already).

    Args:
        docs_dir: the `docs/` folder holding one folder per language.
        languages: the language codes to look for (`["ar", "en"]`).
    Returns:
        {language: {"index.md", "unit/index.md", ...}}; an absent folder gives an empty set.
    """
    return sources.names(sources.files(docs_dir, languages), languages)


def find_missing(pages: dict[str, set[str]], docs_prefix: str = "docs") -> list[MissingTranslation]:
    """Every (language, page) pair where the page exists in another language but not in this one.

    Args:
        pages: the result of `pages_by_language`.
        docs_prefix: how the docs folder is named in messages, relative to the project.
    Returns:
        Missing translations sorted by path, then language; empty when every page is paired.
    """
    every_page = set().union(*pages.values()) if pages else set()
    missing = []
    for page in sorted(every_page):
        have = [lang for lang in pages if page in pages[lang]]
        for language in pages:
            if page not in pages[language]:
                missing.append(
                    MissingTranslation(
                        missing=f"{docs_prefix}/{language}/{page}",
                        present_in=tuple(f"{docs_prefix}/{lang}/{page}" for lang in have),
                    )
                )
    return missing


def report(missing: list[MissingTranslation]) -> str:
    """All missing translations in one message, one line each."""
    lines = [f"{len(missing)} page(s) without a translation:"]
    lines += [f"  - {item.message()}" for item in missing]
    return "\n".join(lines)
