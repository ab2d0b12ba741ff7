"""Events of the record: the UN documents behind it, linked wherever a page cites them.

- Every `[[SYMBOL]]` of a page becomes a link to the official document in the page's language;
  an unknown symbol is a warning (fatal under `--strict`) with the file, the line and the
  nearest known symbols.
- Where a page has the line `<!-- timeline -->`, the chairmanship timeline is put.
- Where the documents page has the line `<!-- un-documents -->`, every document is listed with
  the pages of this language that cite it.

The register and the timeline are read and checked by `register.py` and `timeline.py`; the HTML
comes from `overrides/partials/un-document.html`, `timeline.html` and `un-documents.html`.
"""

from __future__ import annotations

import logging
import re

from markupsafe import Markup, escape
from mkdocs.utils import get_relative_url

from ctsite.records import register as registers
from ctsite.records import timeline
from ctsite.statements.feed import anchor
from ctsite.statements.page import folder_of, is_statements_page
from ctsite.text import source_title

log = logging.getLogger("mkdocs.hooks.records")

# A Markdown line that the build replaces with the list of documents.
DOCUMENTS_MARKER = "<!-- un-documents -->"


class RecordsFeature:
    """One language's build: the register, the timeline, and which pages cite which document."""

    def __init__(self, context, run):
        self.context = context
        self.run = run
        self.register: registers.Register | None = None
        self.timeline: tuple[timeline.Entry, ...] = ()
        self.unknown: tuple[str, ...] = ()  # the site's unknown symbols, as reported once
        self.citations = registers.Citations()
        self.titles: dict[str, str] = {}
        self.links: dict[str, Markup] = {}

    def on_pre_build(self, config) -> None:
        """The register and the timeline (read once per build), and every unknown
        `[[SYMBOL]]` of every language reported, before anything is rendered (so that a build
        stopped by front matter problems still lists them)."""
        self.register = self.run.register
        self.timeline = self.run.timeline
        self.unknown = self.run.unknown_references

    def on_files(self, files, config):
        """Find which pages of this language cite which documents."""
        # The pages as the run read them (one read of docs/ per build), by their source path.
        read = {f"{source.language}/{source.page}": source for source in self.run.pages}
        for file in files.documentation_pages():
            source = read.get(file.src_uri)
            text = source.text if source is not None else file.content_string
            self.titles[file.src_uri] = source_title(text, file.src_uri)
            for reference in registers.references(text):
                if reference.symbol in self.register.documents:
                    self.citations.add(reference.symbol, file.src_uri)
            if is_statements_page(
                file.src_uri, self.context.codes, self.context.settings.statements
            ):
                # The statements page cites the documents of every statement (its template
                # links them).
                for statement in self.run.statements:
                    for symbol in statement.documents:
                        self.citations.add(symbol, file.src_uri)
        return files

    def on_page_markdown(self, markdown, page, config, files) -> str:
        """The timeline and the documents list where their lines are; links for `[[SYMBOL]]`."""
        if timeline.MARKER in markdown:
            if not self.timeline:
                log.warning(
                    f"{self.context.shown(page.file.src_uri)}: {timeline.MARKER}: expected "
                    "entries in the timeline file (extra.site.records.timeline), found none"
                )
            markdown = markdown.replace(timeline.MARKER, self._timeline_html(page), 1)
        if DOCUMENTS_MARKER in markdown:
            markdown = markdown.replace(DOCUMENTS_MARKER, self._documents_html(page, files), 1)
        return registers.replace_references(markdown, self._link)

    def _link(self, symbol: str) -> Markup | None:
        """A document's link, rendered once per build; None for an unknown symbol."""
        if symbol not in self.links:
            document = self.register.documents.get(symbol)
            if document is None:
                return None
            language = self.context.language.code
            address, address_language = self.register.address(document, language)
            description = self.register.description(document, language, self.context.date_locale)
            self.links[symbol] = Markup(
                self.context.render(
                    "partials/un-document.html",
                    document=document,
                    address=address,
                    address_language=address_language,
                    description=description,
                ).strip()
            )
        return self.links[symbol]

    def _statements_of(self, entry, page) -> list[tuple[str, str]]:
        """(address relative to `page`, speaker) of each statement made on an entry's day."""
        settings = self.context.settings.statements
        if not settings.file or not self.run.statements:
            return []
        language = self.context.language.code
        folder = self.context.homes()[language] + folder_of(settings.page)
        base = get_relative_url(folder, page.url)
        return [
            (f"{base}#{anchor(statement)}", statement.speaker[language])
            for statement in self.run.statements
            if statement.date.iso == entry.date.iso
        ]

    def _timeline_html(self, page) -> str:
        language = self.context.language.code
        texts = [
            Markup(registers.replace_references(str(escape(entry.texts[language])), self._link))
            for entry in self.timeline
        ]
        documents = [[self._link(symbol) for symbol in entry.documents] for entry in self.timeline]
        statements = [self._statements_of(entry, page) for entry in self.timeline]
        return self.context.render(
            "partials/timeline.html",
            entries=self.timeline,
            texts=texts,
            documents=documents,
            statements=statements,
            ui=self.context.ui,
        )

    def _documents_html(self, page, files) -> str:
        language = self.context.language.code
        rows = []
        for document in self.register.by_date():
            cited = []
            for src_uri in self.citations.pages.get(document.symbol, []):
                file = files.get_file_from_path(src_uri)
                if file is None or file is page.file:
                    continue
                url = file.url_relative_to(page.file)
                cited.append({"url": url, "title": self.titles[src_uri]})
            rows.append(
                {
                    "document": document,
                    "anchor": _anchor(document.symbol),
                    "link": self._link(document.symbol),
                    # The date is shown beside it: a document without a title in this language
                    # is described by its kind only.
                    "description": document.titles.get(language)
                    or self.register.kind_label(document, language),
                    "in_other_language": self.register.address(document, language)[1] != language,
                    "pages": cited,
                }
            )
        return self.context.render("partials/un-documents.html", rows=rows, ui=self.context.ui)


def _anchor(symbol: str) -> str:
    """A document's anchor on the documents page: `doc-s-res-2354-2017`."""
    return "doc-" + re.sub(r"[^a-z0-9]+", "-", symbol.lower()).strip("-")
