"""The entries of a page that are results of their own: each term and abbreviation of the
glossary page, each UN document of the documents page.

Plain logic, no MkDocs import. The markup read here is our own templates'
(overrides/partials/glossary.html and un-documents.html): a `<dt id>` with its `<dd>` in a
`dl.glossary`, an `li.un-documents__entry` with an id and the document's link.
"""

from __future__ import annotations

import html
import re

from ctsite.search.index import Document, text_of

_GLOSSARY = re.compile(r'<dl class="glossary[^"]*">(.*?)</dl>', re.S)
_TERM = re.compile(r'<dt id="([^"]+)"[^>]*>(.*?)</dt>\s*<dd>(.*?)</dd>', re.S)
_DOCUMENT = re.compile(r'<li class="un-documents__entry" id="([^"]+)">(.*?)</li>', re.S)
_SYMBOL = re.compile(r'<a class="un-document"[^>]*>(.*?)</a>', re.S)
_TAGS = re.compile(r"<[^>]+>")


def _plain(fragment: str) -> str:
    return re.sub(r"\s+", " ", html.unescape(_TAGS.sub("", fragment))).strip()


def entries(content: str, url: str) -> list[Document]:
    """The glossary terms and UN documents of a page's HTML, each a result with the page's
    address and its own anchor."""
    found = []
    for block in _GLOSSARY.findall(content):
        for anchor, term, definition in _TERM.findall(block):
            found.append(Document(f"{url}#{anchor}", _plain(term), text_of(definition), "term"))
    for anchor, body in _DOCUMENT.findall(content):
        symbol = _SYMBOL.search(body)
        title = _plain(symbol.group(1)) if symbol else anchor
        found.append(Document(f"{url}#{anchor}", title, text_of(body), "document"))
    return found
