"""The search index of one language, split so a visitor downloads only what a query needs.

Plain logic, no MkDocs import. Files, under `<language home>/search/`:
- `manifest.json`: the analysis rules (analysis.RULES), the number of documents, the chunk
  size and the list of term shards;
- `terms/<key>.json`: {stem: [[document, weight], ...]} for the stems whose first two letters
  give `key` (their code points in hex, joined by "-", so file names stay ASCII);
- `docs/<n>.json`: documents n*CHUNK .. n*CHUNK+CHUNK-1 as [url, title, text], fetched only for
  the results shown, to write their snippets.
A query needs the manifest, one shard per word and the chunks of the results it shows.
"""

from __future__ import annotations

import json
import re
from collections import defaultdict
from dataclasses import dataclass
from html.parser import HTMLParser

from ctsite.search import analysis

CHUNK = 10
TITLE_WEIGHT = 5


@dataclass(frozen=True)
class Document:
    """One page: its URL relative to the site root, its title and its text."""

    url: str
    title: str
    text: str


class _TextOf(HTMLParser):
    """The readable text of a page's HTML, without its title (h1: indexed as the title),
    permalinks, footnote marks and scripts."""

    SKIPPED = {"script", "style", "sup", "h1"}

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.skipping = 0

    def handle_starttag(self, tag, attrs):
        classes = dict(attrs).get("class") or ""
        if tag in self.SKIPPED or "headerlink" in classes or self.skipping:
            self.skipping += 1

    def handle_endtag(self, tag):
        if self.skipping:
            self.skipping -= 1

    def handle_data(self, data):
        if not self.skipping:
            self.parts.append(data)


_VOID = re.compile(r"<(?:br|hr|img|input|meta|link|wbr)\b[^>]*>", re.IGNORECASE)


def text_of(html: str) -> str:
    """The text of an HTML fragment, whitespace collapsed."""
    parser = _TextOf()
    # Void elements never close: drop them so the skip counter stays balanced.
    parser.feed(_VOID.sub(" ", html))
    parser.close()
    return re.sub(r"\s+", " ", " ".join(parser.parts)).strip()


def shard_key(stem: str) -> str:
    """The shard of a stem: its first two characters as hex code points."""
    return "-".join(f"{ord(char):x}" for char in stem[:2])


def build(documents: list[Document], language: str) -> dict[str, str]:
    """Every file of one language's index: {path under search/: JSON text}.

    Documents are numbered in the order given (sort them for reproducible output).
    """
    postings: dict[str, dict[int, int]] = defaultdict(lambda: defaultdict(int))
    for number, document in enumerate(documents):
        for weight, text in ((TITLE_WEIGHT, document.title), (1, document.text)):
            for stems in analysis.terms(text):
                for stem in stems:
                    postings[stem][number] += weight
    shards: dict[str, dict[str, list]] = defaultdict(dict)
    for stem in sorted(postings):
        shards[shard_key(stem)][stem] = sorted(postings[stem].items())
    files = {f"terms/{key}.json": _dump(entries) for key, entries in sorted(shards.items())}
    for start in range(0, len(documents), CHUNK):
        files[f"docs/{start // CHUNK}.json"] = _dump(
            [[d.url, d.title, d.text] for d in documents[start : start + CHUNK]]
        )
    files["manifest.json"] = _dump(
        {
            "language": language,
            "rules": analysis.RULES,
            "documents": len(documents),
            "chunk": CHUNK,
            "shards": sorted(shards),
        }
    )
    return files


def _dump(value) -> str:
    return json.dumps(value, ensure_ascii=False, separators=(",", ":"), sort_keys=False)
