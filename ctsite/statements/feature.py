"""Events of the statements: Egypt's statements on counter-terrorism, by date, in every language.

- `data/statements.yml` (checked by `data.py`, once per build, `Run.statements`: every problem a
  warning with the file and line, fatal under `--strict`) holds one entry per statement.
- The statements page (`extra.site.statements.page`) is rendered with
  `overrides/statements.html`: newest first, grouped by year, filters by venue and subject (the
  catalogue's script: URL state, no-JavaScript baseline).
- Where a page has a line `<!-- latest-statements ... -->`, its latest statements are listed
  (`partials/statements-latest.html`); options `venue=a,b`, `subject=a,b`, `limit=N`.
- The chairmanship timeline links the statements made on its days (`ctsite/records/feature.py`
  reads `Run.statements`; where the statements page is, `page.py`, both ask).
- Each language gets an Atom feed and a JSON export beside its statements page, announced on
  every page of that language (`<link rel="alternate" type="application/atom+xml">`), and one
  search result per statement.
"""

from __future__ import annotations

import re
from datetime import date
from itertools import groupby

from babel.dates import format_skeleton
from mkdocs.utils import get_relative_url

from ctsite.search import index
from ctsite.statements import data, feed
from ctsite.statements.page import folder_of, is_statements_page

LATEST = re.compile(r"^<!-- latest-statements((?:\s+[a-z]+=[a-z0-9,-]+)*)\s*-->$", re.M)
FEED = "feed.xml"
EXPORT = "statements.json"


class StatementsFeature:
    """One language's build; `Run.statements` are the checked statements of every language."""

    def __init__(self, context, run):
        self.context = context
        self.run = run
        self.settings = context.settings.statements
        self.views: list[feed.View] = []
        self.folder = folder_of(self.settings.page) if self.settings.file else ""

    # -- reading ----------------------------------------------------------------------------

    def on_pre_build(self, config) -> None:
        """This language's views of the statements (read and checked once per build,
        `Run.statements`), and one search result per statement."""
        if not self.settings.file:
            return
        language = self.context.language.code
        self.views = [self._view(statement, language) for statement in self.run.statements]
        self.run.search_documents.setdefault(language, []).extend(
            index.Document(
                url=f"{self._url(language, absolute=False)}#{view.anchor}",
                title=view.title,
                text=view.statement.summary[language],
                kind="statement",
            )
            for view in self.views
        )

    def _url(self, language: str, absolute: bool = True) -> str:
        home = self.context.homes()[language]
        return (self.context.site_url if absolute else "") + home + self.folder

    def _view(self, statement: data.Statement, language: str) -> feed.View:
        pillars = self.run.schema.vocabularies.entries["pillars"]
        register = self.run.register
        anchor = feed.anchor(statement)
        documents = []
        for symbol in statement.documents:
            document = register.documents[symbol]
            address, address_language = register.address(document, language)
            documents.append((document.shown, address, address_language))
        return feed.View(
            statement=statement,
            language=language,
            venue=self.run.venues[statement.venue][language],
            subjects=tuple((key, pillars[key][language]) for key in statement.subjects),
            documents=tuple(documents),
            url=f"{self._url(language)}#{anchor}",
            translations={
                other: f"{self._url(other)}#{anchor}"
                for other in self.context.codes
                if other != language
            },
            anchor=anchor,
            date_written=statement.date.written(self.context.date_locale),
        )

    # -- pages ------------------------------------------------------------------------------

    def _is_statements_page(self, page) -> bool:
        return is_statements_page(page.file.src_uri, self.context.codes, self.settings)

    def on_page_markdown(self, markdown, page, config, files) -> str:
        """The statements page's template; the latest statements where a page asks for them."""
        if not self.settings.file:
            return markdown
        if self._is_statements_page(page):
            page.meta["template"] = "statements.html"
        return LATEST.sub(lambda match: self._latest(match.group(1), page), markdown)

    def _latest(self, options: str, page) -> str:
        wanted = dict(option.split("=", 1) for option in options.split())
        venues = set(filter(None, wanted.get("venue", "").split(",")))
        subjects = set(filter(None, wanted.get("subject", "").split(",")))
        limit = int(wanted.get("limit", "3"))
        chosen = [
            view
            for view in self.views
            if (not venues or view.statement.venue in venues)
            and (not subjects or subjects & set(view.statement.subjects))
        ][:limit]
        statements_url = get_relative_url(self._url(self.context.language.code, False), page.url)
        return self.context.render(
            "partials/statements-latest.html",
            views=chosen,
            statements_url=statements_url,
            ui=self.context.ui,
        )

    def on_page_context(self, context, page, config, nav):
        """`statements` on the statements page; the feed's address on every page."""
        if not self.settings.file:
            return context
        context["statements_feed"] = self._url(self.context.language.code) + FEED
        if self._is_statements_page(page):
            context["statements"] = self._page_model()
        return context

    def on_template_context(self, context, template_name, config):
        """The feed's address on the pages made from templates alone (404)."""
        if self.settings.file:
            context.setdefault("statements_feed", self._url(self.context.language.code) + FEED)
        return context

    def _page_model(self) -> dict:
        """Groups by year (newest first) and the filters' options with their counts."""
        language = self.context.language.code
        years = [
            {
                "year": year,
                "label": format_skeleton("y", date(year, 1, 1), locale=self.context.date_locale),
                "views": list(views),
            }
            for year, views in groupby(self.views, key=lambda view: view.statement.year)
        ]
        venue_counts: dict[str, int] = {}
        subject_counts: dict[str, int] = {}
        for view in self.views:
            venue_counts[view.statement.venue] = venue_counts.get(view.statement.venue, 0) + 1
            for key in view.statement.subjects:
                subject_counts[key] = subject_counts.get(key, 0) + 1
        pillars = self.run.schema.vocabularies.entries["pillars"]
        facets = [
            {
                "name": "venue",
                "options": [
                    (key, labels[language], venue_counts[key])
                    for key, labels in self.run.venues.items()
                    if key in venue_counts
                ],
            },
            {
                "name": "subject",
                "options": [
                    (key, labels[language], subject_counts[key])
                    for key, labels in pillars.items()
                    if key in subject_counts
                ],
            },
        ]
        return {"years": years, "facets": facets, "total": len(self.views)}

    # -- files ------------------------------------------------------------------------------

    def on_post_build(self, config) -> None:
        """This language's feed and export, beside its statements page."""
        if not self.settings.file:
            return
        folder = self.context.site_dir / self.context.homes()[self.context.language.code]
        folder = folder / self.folder
        if not (folder / "index.html").exists():
            return
        language = self.context.language.code
        ui = self.context.ui
        (folder / FEED).write_bytes(
            feed.atom(
                self.views,
                language=language,
                site_url=self.context.site_url,
                feed_url=self._url(language) + FEED,
                page_url=self._url(language),
                title=f"{ui['statements_feed_title']} | {ui['site_short_name']}",
                subtitle=ui["statements_feed_subtitle"],
                author=ui["ministry"],
            )
        )
        (folder / EXPORT).write_text(feed.to_json(self.views, language), encoding="utf-8")
