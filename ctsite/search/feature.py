"""Events of the search: one index per language, in that language's address space.

Material's own search is not used: it writes one index for both languages and does no Arabic
analysis (README, "Search"). Text analysis is `analysis.py`, the index format `index.py`.
"""

from __future__ import annotations

import shutil

from ctsite.search import entries, index
from ctsite.text import page_title


class SearchFeature:
    """One language's build: the documents of this language, written as its index at the end."""

    def __init__(self, context, run):
        self.context = context
        self.run = run
        self.documents: list[index.Document] = []

    def on_page_content(self, content, page, config, files) -> str:
        """Collect the page's title, text and kind (a catalogue entry or a page), and each of
        its glossary terms and UN documents as results of their own."""
        practice = (page.meta or {}).get("template") == "practice.html"
        self.documents.append(
            index.Document(
                url=page.url,
                title=page_title(page),
                text=index.text_of(content),
                kind="entry" if practice else "page",
            )
        )
        self.documents.extend(entries.entries(content, page.url))
        return content

    def on_post_build(self, config) -> None:
        """Write this language's index under `<language home>/search/`."""
        folder = self.context.home_dir / "search"
        if folder.exists():
            shutil.rmtree(folder)
        extra = self.run.search_documents.get(self.context.language.code, [])
        documents = sorted([*self.documents, *extra], key=lambda document: document.url)
        kinds = {kind: self.context.ui[f"search_kind_{kind}"] for kind in index.KINDS}
        for name, text in index.build(documents, self.context.language.code, kinds).items():
            path = folder / name
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(text, encoding="utf-8")
