"""Events of the dates: every page says when it was last updated, and links to its own source.

Dates are read from git once per build (`history.py`); a build without git history still works.
The edit link uses `extra.site.edit_base_url` (from EDIT_BASE_URL): no code host's API is called
from a visitor's browser.

A page whose text has the marker `<!-- recent-pages -->` (the home page) shows there the pages of
its language updated last, each with the same date the page itself shows
(overrides/partials/recent-pages.html). The list is made when every page's title is known, once
every page's Markdown is converted, and it is not indexed for search.
"""

from __future__ import annotations

import os
from pathlib import Path

from mkdocs.utils import get_relative_url

from ctsite.dates import history
from ctsite.text import page_title

RECENT_MARKER = "<!-- recent-pages -->"
RECENT_COUNT = 5


class DatesFeature:
    """One language's build; every file's date is read once per build (`Run.git_dates`)."""

    def __init__(self, context, run):
        self.context = context
        self.run = run
        self.files = None

    def on_page_content(self, html, page, config, files):
        self.files = files
        return html

    def relative(self, file) -> str:
        source = Path(file.abs_src_path)
        return os.path.relpath(source, self.context.project).replace(os.sep, "/")

    def updated(self, file):
        """The day a page was last updated, as the page shows it (None without any history)."""
        return self.run.git_dates.get(self.relative(file)) or history.fallback_date()

    def recent_pages(self, page) -> str:
        """The list of the pages of this language updated last, newest first (on one day, in the
        order of their commits, newest first), the page itself left out."""
        # git_dates lists the files from the newest commit to the oldest.
        rank = {path: position for position, path in enumerate(self.run.git_dates)}
        entries = []
        for file in self.files.documentation_pages():
            other = file.page
            day = self.updated(file)
            title = page_title(other) if other is not None else ""
            if other is page or day is None or not title:
                continue
            order = rank.get(self.relative(file), len(rank))
            url = get_relative_url(other.url, page.url)
            entries.append((-day.toordinal(), order, title, url, day))
        entries.sort()
        items = [
            {
                "title": title,
                "url": url,
                "iso": day.isoformat(),
                "text": history.written(day, self.context.date_locale),
            }
            for _, _, title, url, day in entries[:RECENT_COUNT]
        ]
        return self.context.templates.get_template("partials/recent-pages.html").render(
            items=items, ui=self.context.ui
        )

    def on_page_context(self, context, page, config, nav):
        """`page_updated` (date, written in the page's language) and `page_edit_url`; the
        recently updated pages where the page asks for them."""
        if page.content and RECENT_MARKER in page.content:
            page.content = page.content.replace(RECENT_MARKER, self.recent_pages(page))
        source = Path(page.file.abs_src_path)
        day = self.updated(page.file)
        if day is not None:
            context["page_updated"] = {
                "iso": day.isoformat(),
                "text": history.written(day, self.context.date_locale),
            }
            page.update_date = day.isoformat()  # the sitemap's lastmod
        base = self.context.settings.edit_base_url
        if base:
            in_docs = os.path.relpath(source, self.context.docs_dir).replace(os.sep, "/")
            context["page_edit_url"] = base.rstrip("/") + "/" + in_docs
        return context
