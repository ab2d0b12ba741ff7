"""What an editor's page may not carry: unsafe front matter, and active content in its text.

Plain logic, no MkDocs import.
- Front matter of any page is read with `ctsite.catalogue.frontmatter` (UTF-8, no alias or
  anchor, no key given twice, valid YAML, a mapping) and its `title` and `description` must be
  text: MkDocs would otherwise parse it itself, with none of these limits.
- A page's text may not carry a script, an inline event handler (`onclick=`...), a `javascript:`
  or `vbscript:` address, or an embedded frame or object. The site's policy would block most of
  them in a browser; the build refuses them first, naming the file and the line, and the preview
  shows them as text.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ctsite.catalogue import frontmatter

# Front matter fields MkDocs and Material read from any page that must be text.
TEXT_FIELDS = ("title", "description")


def front_matter_problem(data: bytes) -> str | None:
    """Why a page's front matter cannot be used, or None (also when it has none)."""
    text, undecodable = frontmatter.decode(data)
    if undecodable:
        return undecodable
    if not text.startswith("---"):
        return None
    parsed = frontmatter.read(text)
    if parsed.error and parsed.values is None and "found none" in parsed.error:
        return None  # a page starting with a rule, not front matter
    if parsed.error:
        return parsed.error
    for name in TEXT_FIELDS:
        value = parsed.values.get(name)
        if value is not None and not isinstance(value, str):
            return f"expected '{name}' to be text, found {type(value).__name__}"
    return None


@dataclass(frozen=True)
class Active:
    """One piece of active content in a page's HTML."""

    what: str  # "a script element", ...
    found: str  # the markup, shortened
    needle: str  # what to look for in the source to find the line


_ACTIVE = (
    (re.compile(r"<script\b[^>]*>", re.I), "a script element", "<script"),
    (re.compile(r"<iframe\b[^>]*>", re.I), "an embedded frame", "<iframe"),
    (re.compile(r"<(?:object|embed)\b[^>]*>", re.I), "an embedded object", "<object"),
    (
        re.compile(r"<[a-z][^>]*?\s(on[a-z]+)\s*=[^>]*>", re.I),
        "an event-handler attribute",
        None,
    ),
    (
        re.compile(
            r"""\b(?:href|src|action|formaction|xlink:href)\s*=\s*["']?\s*"""
            r"""(?:javascript|vbscript)\s*:""",
            re.I,
        ),
        "a script address",
        "script:",
    ),
)


def active_content(html: str) -> list[Active]:
    """Every piece of active content in a page's HTML (its text as Markdown made it)."""
    found = []
    for pattern, what, needle in _ACTIVE:
        for match in pattern.finditer(html):
            shown = match.group(0)
            shown = shown if len(shown) <= 60 else shown[:57] + "..."
            found.append(Active(what, shown, needle or match.group(1)))
    return found


def neutralise(html: str) -> str:
    """The HTML with every active piece shown as text instead of run: `<` of each offending tag
    escaped, so that a preview (`mkdocs serve`, which does not stop on warnings) runs nothing."""
    for pattern, what, _ in _ACTIVE:
        if what == "a script address":
            # The address becomes a fragment of this page: nothing runs when it is followed.
            html = pattern.sub(
                lambda match: re.sub(r"(?i)(javascript|vbscript)\s*:", r"#\1-", match.group(0)),
                html,
            )
        else:
            html = pattern.sub(lambda match: match.group(0).replace("<", "&lt;"), html)
    return html
