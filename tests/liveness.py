"""What in a built page could act on a visitor: the oracle of the hostile-input tests.

A page holds nothing live when it has no script but the templates' own (`make csp`'s patterns),
no event-handler attribute, no script or data address, no `<base>`, no refresh, no frame or
object, no form address elsewhere than the site, and no bidirectional control character.
"""

from __future__ import annotations

import html
from html.parser import HTMLParser

from ctsite.tools import csp

# Attributes that hold an address a browser follows or loads.
URL_ATTRIBUTES = frozenset(
    {"href", "src", "action", "formaction", "xlink:href", "data", "poster", "background", "ping"}
)
EMBEDDING = frozenset({"iframe", "frame", "frameset", "object", "embed", "applet", "base"})
BIDI_CONTROLS = frozenset("\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069")
_PATTERNS = None


def _template_patterns():
    global _PATTERNS  # noqa: PLW0603 - read once per test session
    if _PATTERNS is None:
        _PATTERNS = csp.template_scripts()
    return _PATTERNS


class _Live(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.found: list[str] = []
        self._script: list[str] | None = None

    def handle_starttag(self, tag, attrs):
        values = dict(attrs)
        if tag in EMBEDDING:
            self.found.append(f"<{tag}>")
        if tag == "meta" and (values.get("http-equiv") or "").lower() == "refresh":
            self.found.append("<meta http-equiv=refresh>")
        if tag == "script":
            source = values.get("src")
            if source is not None:
                if "//" in source or ":" in source:
                    self.found.append(f"<script src={source!r}>")
            elif not (values.get("type") or "").startswith("application/"):
                self._script = []
        for name, value in attrs:
            if name.startswith("on"):
                self.found.append(f"<{tag} {name}=...>")
            if name in URL_ATTRIBUTES and value:
                folded = "".join(c for c in html.unescape(value) if c.isprintable() and c != " ")
                if folded.lower().startswith(("javascript:", "vbscript:", "data:text")):
                    self.found.append(f"<{tag} {name}={value[:40]!r}>")
            if value and BIDI_CONTROLS & set(value):
                self.found.append(f"a bidirectional control in <{tag} {name}>")

    def handle_startendtag(self, tag, attrs):
        self.handle_starttag(tag, attrs)
        if tag == "script":
            self._script = None

    def handle_endtag(self, tag):
        if tag == "script" and self._script is not None:
            body = "".join(self._script).strip()
            if body and not any(p.fullmatch(body) for p in _template_patterns()):
                self.found.append(f"a script no template writes: {body[:40]!r}")
            self._script = None

    def handle_data(self, data):
        if self._script is not None:
            self._script.append(data)
        elif BIDI_CONTROLS & set(data):
            self.found.append(f"a bidirectional control in the text: {data.strip()[:40]!r}")


def live_markup(page_html: str) -> list[str]:
    """Everything live in a built page, described; empty when it holds nothing live."""
    parser = _Live()
    parser.feed(page_html)
    parser.close()
    return parser.found
