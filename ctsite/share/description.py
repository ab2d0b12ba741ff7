"""A page's description: its front matter's, or its first paragraph's text, shortened.

Plain logic, no MkDocs import. The description goes into `<meta name="description">` and the
share cards, which show about two hundred characters: a longer text is cut at a word and ends
with an ellipsis.
"""

from __future__ import annotations

import html
import re

LIMIT = 200  # characters

# The first paragraph of the page's own text: not one inside a block (an admonition, a card, a
# list, the footnotes), which is not the page's opening statement.
_PARAGRAPH = re.compile(r"<p>(.*?)</p>", re.S)
_BLOCK = re.compile(r"<(div|details|ul|ol|table|blockquote|aside|nav|figure)\b[^>]*>.*?</\1>", re.S)
_FOOTNOTE_REFERENCE = re.compile(r"<sup\b[^>]*>.*?</sup>", re.S)
_TAG = re.compile(r"<[^>]+>")
_SPACE = re.compile(r"\s+")


def first_paragraph(page_html: str) -> str:
    """The plain text of the first top-level paragraph of a page's HTML, or ''."""
    outer = page_html
    # Blocks can nest (a card in a grid): remove the innermost first until none is left.
    while True:
        stripped = _BLOCK.sub("", outer)
        if stripped == outer:
            break
        outer = stripped
    match = _PARAGRAPH.search(outer)
    if not match:
        return ""
    text = _TAG.sub("", _FOOTNOTE_REFERENCE.sub("", match.group(1)))
    return _SPACE.sub(" ", html.unescape(text)).strip()


def shorten(text: str, limit: int = LIMIT) -> str:
    """`text` if it is at most `limit` characters; else cut at the last space before the limit,
    with an ellipsis."""
    text = _SPACE.sub(" ", text).strip()
    if len(text) <= limit:
        return text
    cut = text[: limit - 1]
    if " " in cut:
        cut = cut[: cut.rindex(" ")]
    return cut.rstrip(" ,،؛;:.-–") + "…"


def describe(meta: dict, page_html: str, fallback: str) -> str:
    """The description of a page: front matter `description`, then `summary` (a catalogue
    entry's), then the first paragraph, then the site's description."""
    for key in ("description", "summary"):
        value = meta.get(key)
        if isinstance(value, str) and value.strip():
            return shorten(value)
    return shorten(first_paragraph(page_html)) or shorten(fallback)
