"""Small typographic repairs of a page's HTML that CSS alone cannot make.

Plain logic, no MkDocs import.

- A year range such as «(2016–2017)» may break after its dash, leaving «(2016–» at the end of a
  line and «2017)» on the next: each range, with its parentheses, is wrapped in
  `<span class="nobreak">` (site.css: `white-space: nowrap`).
- Two footnote markers side by side would read as one number («¹³»); the separator between them
  (site.css) goes only on a marker that follows another with nothing between them. CSS's
  `sup + sup` cannot say so: it ignores the words between two markers, and put a stray comma
  before every marker that followed another one anywhere in the same paragraph. The second
  marker of a pair gets the class `footnote-next`.
- A button prints as its address: paper has no links. Each `.md-button` link gets its absolute
  address in `data-address`, which site.css writes after it in print.
"""

from __future__ import annotations

import re
from html import escape, unescape
from urllib.parse import urljoin

from markupsafe import Markup

# A range of years (or a year and the last two digits of another), with the parentheses
# around it if any: «(2016–2017)», "2016-17".
YEAR_RANGE = re.compile(r"\(?\b\d{4}[\u2013\u2011-]\d{2,4}\b\)?")
NOBREAK_OPEN = '<span class="nobreak">'

# A footnote marker (Python-Markdown's footnotes) that directly follows another one.
_NEXT_MARKER = re.compile(r'(</sup>\s*)<sup id="fnref')

_TAG = re.compile(r"(<!--.*?-->|<[^>]*>)", re.S)
# Elements whose text is left alone (a range inside them is not running text).
_SKIPPED = re.compile(r"<(code|pre|script|style|kbd|samp|textarea)\b", re.I)


def keep_together(html: str) -> str:
    """HTML with each year range of its text wrapped in `<span class="nobreak">`.

    Text inside code, scripts, styles and form fields is left as it is; attributes are never
    touched.
    """
    pieces = _TAG.split(html)
    skipped: list[str] = []
    for index, piece in enumerate(pieces):
        if index % 2:  # a tag or a comment
            opening = _SKIPPED.match(piece)
            if opening:
                skipped.append(opening.group(1).lower())
            elif skipped and piece.lower().startswith(f"</{skipped[-1]}"):
                skipped.pop()
            continue
        if piece and not skipped:
            pieces[index] = YEAR_RANGE.sub(
                lambda match: f"{NOBREAK_OPEN}{match.group(0)}</span>", piece
            )
    return "".join(pieces)


def kept_together(text) -> Markup:
    """A template filter: plain text (a page's title) escaped, its year ranges kept on one
    line as in a page's content."""
    return Markup(keep_together(str(escape(str(text)))))


def mark_adjacent_footnotes(html: str) -> str:
    """HTML in which every footnote marker that follows another with nothing but white space
    between them carries the class `footnote-next`."""
    return _NEXT_MARKER.sub(r'\1<sup class="footnote-next" id="fnref', html)


_BUTTON = re.compile(r'<a (?=[^>]*\bclass="[^"]*\bmd-button\b)([^>]*?)href="([^"]*)"([^>]*)>')


def button_addresses(html: str, page_address: str) -> str:
    """HTML in which every button link (`.md-button`) carries its absolute address in
    `data-address`, for print (site.css writes it after the button: paper has no links).

    Args:
        html: a page's content.
        page_address: the page's own absolute address, against which relative links resolve.
    """

    def address(match: re.Match) -> str:
        before, href, after = match.groups()
        absolute = urljoin(page_address, unescape(href))
        return f'<a {before}href="{href}" data-address="{escape(absolute)}"{after}>'

    return _BUTTON.sub(address, html)


def finish(html: str, page_address: str = "") -> str:
    """Every repair, for a page's content at `page_address`."""
    html = mark_adjacent_footnotes(keep_together(html))
    return button_addresses(html, page_address) if page_address else html
