"""Events of the glossary: terminology checks, `<abbr>` in every page, the glossary pages.

- Once per build (`Run.terminology`), every page of every language is checked against the
  glossary (`check.py`): a form to avoid, or a term of the Arabic page missing from its
  translation, is a warning naming the page and line (fatal under `--strict`).
- Every page gets the glossary's abbreviations defined in its language, so that Markdown's `abbr`
  extension marks each one up as `<abbr title="expansion">`.
- Where the glossary page has the line `<!-- glossary-terms -->` or `<!-- glossary-abbreviations
  -->`, the terms (sorted in the page's language, an anchor each, a link to the same entry in
  every other language) or the abbreviations are put (`overrides/partials/glossary.html`).
"""

from __future__ import annotations

import posixpath

from ctsite.glossary import data

TERMS_MARKER = "<!-- glossary-terms -->"
ABBREVIATIONS_MARKER = "<!-- glossary-abbreviations -->"


class GlossaryFeature:
    def __init__(self, context, run):
        self.context = context
        self.run = run
        self.glossary: data.Glossary | None = None
        self.definitions = ""
        self.terminology: tuple[str, ...] = ()  # the site's findings, as reported once

    def on_pre_build(self, config) -> None:
        """The glossary (read once per build), its abbreviations in this language, and every
        page of every language checked against it (once per build)."""
        self.glossary = self.run.glossary
        # Markdown's abbreviation definitions in this language, added to every page's Markdown.
        language = self.context.language.code
        definitions = [
            f"*[{abbreviation.text}]: {abbreviation.expansions[language]}"
            for abbreviation in self.glossary.abbreviations
            if language in abbreviation.expansions
        ]
        self.definitions = "\n\n" + "\n".join(definitions) + "\n" if definitions else ""
        self.terminology = self.run.terminology

    def on_page_markdown(self, markdown, page, config, files) -> str:
        if TERMS_MARKER in markdown or ABBREVIATIONS_MARKER in markdown:
            markdown = markdown.replace(TERMS_MARKER, self._terms_html(page), 1)
            markdown = markdown.replace(ABBREVIATIONS_MARKER, self._abbreviations_html(), 1)
        return markdown + self.definitions

    def _terms_html(self, page) -> str:
        language = self.context.language.code
        page_path = page.url  # e.g. "glossary/" or "en/glossary/"
        in_home = page_path.removeprefix(self.context.language.home)
        others = [
            {
                "code": other.code,
                "name": other.name,
                "direction": other.direction,
                "href": posixpath.relpath(other.home + in_home, page_path or ".") + "/",
            }
            for other in self.context.languages
            if other.code != language
        ]
        return self.context.render(
            "partials/glossary.html",
            part="terms",
            terms=self.glossary.sorted_terms(language),
            others=others,
        )

    def _abbreviations_html(self) -> str:
        language = self.context.language.code
        abbreviations = sorted(
            (a for a in self.glossary.abbreviations if language in a.expansions),
            key=lambda a: a.text,
        )
        return self.context.render(
            "partials/glossary.html", part="abbreviations", abbreviations=abbreviations
        )
