"""What an editor's page may not carry: unsafe front matter, an oversized file, a title that is
not text.

Plain logic, no MkDocs import.
- Front matter of any page is read with `ctsite.catalogue.frontmatter` (UTF-8, no alias or
  anchor, no key given twice, valid YAML, a mapping) and its `title` and `description` must be
  text without control or bidirectional characters, of a bounded length: MkDocs would otherwise
  parse it itself, with none of these limits, and write a title into every page's navigation.
- `template:` names one of the site's own page templates (the `.html` files at the top of
  `overrides/`), never a path: MkDocs would look it up anywhere its loader reaches.
- A page is at most `frontmatter.MAX_PAGE_BYTES`: a larger one is refused before Markdown
  reads it.
- The markup of a page's text and titles goes through the allowlist of
  `ctsite.content.sanitize` (ctsite/content/feature.py), not through patterns.
"""

from __future__ import annotations

from ctsite.catalogue import frontmatter
from ctsite.text import describe, text_problem

# Front matter fields MkDocs and Material read from any page that must be text, with their
# longest length (a title is written into every page's navigation: a long one multiplies).
TEXT_FIELDS = {"title": 300, "description": 500}


def size_problem(data: bytes) -> str | None:
    """Why a page is too large to be read, or None."""
    return frontmatter.decode(data)[1] if len(data) > frontmatter.MAX_PAGE_BYTES else None


def title_problem(name: str, value: str, limit: int) -> str | None:
    """Why a title (or description) is not usable text, or None."""
    problem = text_problem(value)
    if problem:
        return f"expected '{name}' to be {problem[0]}, found {problem[1]}"
    if len(value) > limit:
        return f"expected '{name}' of at most {limit} characters, found {len(value):,} characters"
    return None


def front_matter_problem(data: bytes, templates: frozenset[str] = frozenset()) -> str | None:
    """Why a page's front matter (or the page) cannot be used, or None (also when it has no
    front matter). `templates`: the names a page's `template:` may take."""
    too_large = size_problem(data)
    if too_large:
        return too_large
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
    for name, limit in TEXT_FIELDS.items():
        value = parsed.values.get(name)
        if value is None:
            continue
        if not isinstance(value, str):
            return f"expected '{name}' to be text, found {type(value).__name__} {describe(value)}"
        problem = title_problem(name, value, limit)
        if problem:
            return problem
    template = parsed.values.get("template")
    if template is not None and template not in templates:
        return (
            f"expected 'template' to be one of {', '.join(sorted(templates)) or 'none'}, "
            f"found {describe(template)}"
        )
    return None
