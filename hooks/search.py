"""MkDocs hook: one search index per language, in that language's URL space.

Thin: text analysis is `text_analysis.py`, the index format `search_index.py`. Material's own
search (one index for both languages, no Arabic analysis) is not used: see README, "Search".
"""

from __future__ import annotations

import html
import shutil
from pathlib import Path

import search_index
import site_config
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import event_priority
from mkdocs.structure.pages import Page

# Documents of the language being built; reset at the start of every language's build.
_documents: list[search_index.Document] = []


def on_pre_build(config: MkDocsConfig) -> None:
    """Start this language's index afresh."""
    _documents.clear()


def on_page_content(content: str, page: Page, config: MkDocsConfig, files) -> str:
    """Collect the page's title and text."""
    _documents.append(
        search_index.Document(
            url=page.url,
            title=html.unescape(str(page.title or "")),
            text=search_index.text_of(content),
        )
    )
    return content


# Priority 0: before the i18n plugin's on_post_build (-100), which starts the next language.
@event_priority(0)
def on_post_build(config: MkDocsConfig) -> None:
    """Write this language's index under `<language home>/search/`."""
    i18n = config.plugins["i18n"]
    languages = site_config.built_languages(i18n.config.languages)
    folder = (
        Path(config.site_dir) / site_config.home_of(languages, i18n.current_language) / "search"
    )
    if folder.exists():
        shutil.rmtree(folder)
    documents = sorted(_documents, key=lambda document: document.url)
    for name, text in search_index.build(documents, i18n.current_language).items():
        path = folder / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
