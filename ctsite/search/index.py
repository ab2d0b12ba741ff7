"""The search index of one language, split so a visitor downloads only what a query needs.

Plain logic, no MkDocs import. Files, under `<language home>/search/`:
- `manifest.json`: the analysis rules (analysis.RULES), the number of documents, the chunk
  size, the list of term shards and the name of each kind of result in the language;
- `terms/<key>.json`: {stem: [[document, weight], ...]} for the stems whose first two letters
  give `key` (their code points in hex, joined by "-", so file names stay ASCII);
- `docs/<n>.json`: consecutive documents as [url, title, excerpt, kind], fetched only for the
  results shown, to write their snippets and say what each is (KINDS); the manifest's `chunks`
  gives the first document of each.
A query needs the manifest, one shard per word and the chunks of the results it shows.

Bounded whatever a page's length: a page's words are indexed from its first INDEXED_CHARACTERS
characters, its snippets come from an excerpt of at most EXCERPT_BYTES bytes, and a chunk holds
as many documents as fit in CHUNK_LIMIT bytes once compressed (one document at least, which its
excerpt's bound keeps below the limit).
"""

from __future__ import annotations

import json
import re
import zlib
from collections import defaultdict
from dataclasses import dataclass
from html.parser import HTMLParser

from ctsite.search import analysis

TITLE_WEIGHT = 5
# A page's words are indexed from this many characters (the longest page of the site has about
# 20,000); a page's snippets come from an excerpt of this many bytes of UTF-8.
INDEXED_CHARACTERS = 200_000
EXCERPT_BYTES = 48_000
# The most a chunk of documents weighs compressed (gzip at its fastest level, as the least a
# server does), and the most documents in one.
CHUNK_LIMIT = 64_000
CHUNK_DOCUMENTS = 10


# What a result is, shown beside its title: a page, a catalogue entry, a UN document (an entry
# of the documents page) or a glossary term (an entry of the glossary page).
KINDS = ("page", "entry", "document", "term", "statement")


@dataclass(frozen=True)
class Document:
    """One result: its URL relative to the site root (with its anchor for an entry of a page),
    its title, its text and its kind (one of KINDS)."""

    url: str
    title: str
    text: str
    kind: str = "page"


class _TextOf(HTMLParser):
    """The readable text of a page's HTML, without its title (h1: indexed as the title),
    permalinks, footnote marks and scripts. Words are separated where a block ends or starts,
    never at an inline element's edge: «(<abbr>CTC</abbr>)» reads "(CTC)", not "( CTC )"."""

    SKIPPED = {"script", "style", "sup", "h1"}
    BLOCKS = {
        "address", "article", "aside", "blockquote", "dd", "details", "div", "dl", "dt",
        "figcaption", "figure", "footer", "h2", "h3", "h4", "h5", "h6", "header", "li", "nav",
        "ol", "p", "section", "summary", "table", "td", "th", "tr", "ul",
    }  # fmt: skip

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.skipping = 0

    def handle_starttag(self, tag, attrs):
        classes = dict(attrs).get("class") or ""
        if tag in self.SKIPPED or "headerlink" in classes or self.skipping:
            self.skipping += 1
        elif tag in self.BLOCKS:
            self.parts.append(" ")

    def handle_endtag(self, tag):
        if self.skipping:
            self.skipping -= 1
        elif tag in self.BLOCKS:
            self.parts.append(" ")

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
    return re.sub(r"\s+", " ", "".join(parser.parts)).strip()


def shard_key(stem: str) -> str:
    """The shard of a stem: its first two characters as hex code points."""
    return "-".join(f"{ord(char):x}" for char in stem[:2])


def build(
    documents: list[Document], language: str, kinds: dict[str, str] | None = None
) -> dict[str, str]:
    """Every file of one language's index: {path under search/: JSON text}.

    Documents are numbered in the order given (sort them for reproducible output). `kinds`:
    what each kind of result is called in the language (KINDS), carried by the manifest (read
    only by a visitor who searches, not written into every page).
    """
    postings: dict[str, dict[int, int]] = defaultdict(lambda: defaultdict(int))
    for number, document in enumerate(documents):
        indexed = document.text[:INDEXED_CHARACTERS]
        for weight, text in ((TITLE_WEIGHT, document.title), (1, indexed)):
            for stems in analysis.terms(text):
                for stem in stems:
                    postings[stem][number] += weight
    shards: dict[str, dict[str, list]] = defaultdict(dict)
    for stem in sorted(postings):
        shards[shard_key(stem)][stem] = sorted(postings[stem].items())
    files = {f"terms/{key}.json": _dump(entries) for key, entries in sorted(shards.items())}
    records = [[d.url, d.title, excerpt(d.text), d.kind] for d in documents]
    starts = chunk_starts(records)
    for number, start in enumerate(starts):
        end = starts[number + 1] if number + 1 < len(starts) else len(records)
        files[f"docs/{number}.json"] = _dump(records[start:end])
    files["manifest.json"] = _dump(
        {
            "language": language,
            "rules": analysis.RULES,
            "documents": len(documents),
            "chunks": starts,
            "shards": sorted(shards),
            "kinds": kinds or {},
        }
    )
    return files


def excerpt(text: str) -> str:
    """The first EXCERPT_BYTES bytes of a page's text, cut at a character boundary."""
    return text.encode("utf-8")[:EXCERPT_BYTES].decode("utf-8", "ignore")


def compressed_size(text: str) -> int:
    return len(zlib.compress(text.encode("utf-8"), 1))


def chunk_starts(records: list[list[str]]) -> list[int]:
    """The first document of each chunk: consecutive documents, as many as fit CHUNK_LIMIT
    compressed bytes and CHUNK_DOCUMENTS."""
    starts: list[int] = []
    current: list[list[str]] = []
    for number, record in enumerate(records):
        candidate = [*current, record]
        full = len(candidate) > CHUNK_DOCUMENTS or compressed_size(_dump(candidate)) > CHUNK_LIMIT
        if not current or full:
            starts.append(number)
            current = [record]
        else:
            current = candidate
    return starts


def _dump(value) -> str:
    return json.dumps(value, ensure_ascii=False, separators=(",", ":"), sort_keys=False)
