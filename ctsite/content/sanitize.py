"""One allowlist for the HTML editors bring: nh3 (Rust's ammonia) cleans it, and we say what it
removed.

Plain logic, no MkDocs import. Two policies share the same sanitizer:
- `PAGE`: a page's text as Markdown made it (Material's extensions, footnotes, abbreviations,
  admonitions, grid cards, buttons, tables, `<q>`, `<time>`...). Only the elements, attributes and
  address schemes listed here pass; everything else (scripts, handlers, `javascript:` however it
  is spelled or encoded, frames, forms, `<base>`, `<meta>`, SVG...) is removed.
- `TEXT`: a text an editor writes outside a page's body (a title, a label of `data/*.yml`): no
  element at all; what looks like markup is removed and the rest is text.

What is published is always nh3's output. To name what was removed (the strict build fails on
it), both the input and the output are read with Python's own HTML parser and compared: the
elements, attributes and addresses of the input that are not in the output. The comparison
only words the message; it never decides what is published.
"""

from __future__ import annotations

import html
from collections import Counter
from dataclasses import dataclass
from html.parser import HTMLParser

import nh3

from ctsite.text import printable

# Elements of a page's text: what Markdown, its extensions (abbr, admonition, attr_list, def_list,
# footnotes, md_in_html, tables, toc, pymdownx.details, pymdownx.superfences) and our own
# templates inserted into Markdown (timeline, glossary, documents, recent pages) write.
PAGE_TAGS = frozenset(
    {
        "a", "abbr", "article", "aside", "b", "bdi", "bdo", "blockquote", "br", "caption",
        "cite", "code", "col", "colgroup", "dd", "del", "details", "dfn", "div", "dl", "dt",
        "em", "figcaption", "figure", "h1", "h2", "h3", "h4", "h5", "h6", "hr", "i", "img",
        "ins", "kbd", "li", "mark", "nav", "ol", "p", "pre", "q", "s", "samp", "section", "small",
        "span", "strong", "sub", "summary", "sup", "table", "tbody", "td", "tfoot", "th",
        "thead", "time", "tr", "u", "ul", "var", "wbr",
    }
)  # fmt: skip
# Attributes on every element, then per element. No event handler, no `style` except a table
# cell's alignment (the tables extension writes it), no `target`, no `data-*`.
PAGE_ATTRIBUTES = {
    "*": {
        "class", "id", "title", "lang", "dir", "role", "aria-label", "aria-labelledby",
        "aria-describedby", "aria-hidden",
    },
    "a": {"href", "hreflang", "type", "download"},
    "img": {"src", "alt", "width", "height", "loading", "decoding"},
    "time": {"datetime"},
    "ol": {"start", "reversed", "type"},
    "li": {"value"},
    "details": {"open"},
    "td": {"colspan", "rowspan", "style"},
    "th": {"colspan", "rowspan", "scope", "style"},
    "col": {"span"},
    "colgroup": {"span"},
}  # fmt: skip
# Address schemes a link or an image may have; an address without one (relative, `#anchor`) is
# kept.
URL_SCHEMES = frozenset({"https", "http", "mailto"})
# Elements removed with everything inside them (their text is code, not prose).
CONTENT_REMOVED = frozenset({"script", "style"})
# Attributes whose value nh3 may rewrite while keeping them (a style reduced to its allowed
# properties): compared by name only.
_REWRITTEN = frozenset({"style"})


@dataclass(frozen=True)
class Removed:
    """One thing the allowlist removed: what it was, in an editor's words, and what to look for in
    the source file to find its line."""

    what: str
    needles: tuple[str, ...]  # the first found in the source gives the line


def _not_materials_own(element: str, attribute: str, value: str) -> str | None:
    """An `id` of the page's text may not take one of Material's own (`__config`, `__drawer`,
    `__search`...): its script would find the page's element first and stop working."""
    if attribute == "id" and value.startswith("__"):
        return None
    return value


def _cleaner(tags, attributes) -> nh3.Cleaner:
    return nh3.Cleaner(
        attribute_filter=_not_materials_own,
        tags=set(tags),
        clean_content_tags=set(CONTENT_REMOVED),
        attributes={name: set(values) for name, values in attributes.items()},
        url_schemes=set(URL_SCHEMES),
        filter_style_properties={"text-align"},
        strip_comments=False,  # markers such as <!-- recent-pages --> are ours to replace
        link_rel=None,
    )


_PAGE = _cleaner(PAGE_TAGS, PAGE_ATTRIBUTES)
_TEXT = _cleaner((), {})


class _Markup(HTMLParser):
    """The start tags (with attributes) of an HTML fragment, as a browser would read its tags."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.elements: Counter = Counter()
        self.attributes: Counter = Counter()
        self.first: dict = {}  # what each counted item looked like first, for the message

    def handle_starttag(self, tag, attrs):
        self.elements[tag] += 1
        self.first.setdefault(tag, self.get_starttag_text() or f"<{tag}>")
        for name, value in attrs:
            key = (tag, name, None if name in _REWRITTEN else (value or ""))
            self.attributes[key] += 1

    def handle_startendtag(self, tag, attrs):
        self.handle_starttag(tag, attrs)


def _read(fragment: str) -> _Markup:
    parser = _Markup()
    parser.feed(fragment)
    parser.close()
    return parser


def _shorten(text: str, limit: int = 60) -> str:
    text = printable(" ".join(text.split()))
    return text if len(text) <= limit else text[: limit - 3] + "..."


def removed(before: str, after: str) -> list[Removed]:
    """What the sanitizer removed from `before` to make `after`, in the order of the input."""
    if before == after or "<" not in before:
        return []
    source, kept = _read(before), _read(after)
    found = []
    gone_elements = source.elements - kept.elements
    for tag in gone_elements:
        found.append(Removed(f"the element {_shorten(source.first[tag])}", (f"<{tag}",)))
    for tag, name, value in source.attributes - kept.attributes:
        if tag in gone_elements and kept.elements[tag] == 0:
            continue  # its element went, already said
        if value:
            found.append(
                Removed(
                    f'the attribute {name}="{_shorten(value, 50)}" of <{tag}>',
                    (value, f"{name}=", name),
                )
            )
        else:
            found.append(Removed(f"the attribute {name} of <{tag}>", (f"{name}=", name)))
    return found


def clean_page(fragment: str) -> tuple[str, list[Removed]]:
    """A page's HTML through the page allowlist: (what to publish, what was removed)."""
    cleaned = _PAGE.clean(fragment)
    return cleaned, removed(fragment, cleaned)


def clean_text(text: str) -> tuple[str, list[Removed]]:
    """An editor's text (a title, a label) through the text allowlist, no element at all:
    (the text, markup removed, as plain text to be escaped where it is written; what was
    removed)."""
    if "<" not in text:
        return text, []
    cleaned = _TEXT.clean(text)
    return html.unescape(cleaned), removed(text, cleaned)


def clean_title(title_html: str) -> tuple[str, list[Removed]]:
    """A page's title as MkDocs keeps it (HTML: its entities mean characters) through the text
    allowlist: (HTML holding text only, safe to write as it is; what was removed)."""
    cleaned = _TEXT.clean(title_html)
    return cleaned, removed(title_html, cleaned)
