"""Events of the dates: every page says when it was last updated, and links to its own source.

Dates are read from git once per build (`history.py`); a build without git history still works.
The edit link uses `extra.site.edit_base_url` (from EDIT_BASE_URL): no code host's API is called
from a visitor's browser.
"""

from __future__ import annotations

import os
from pathlib import Path

from ctsite.dates import history


class DatesFeature:
    """One language's build; `run` keeps every file's date, read in the default language's."""

    def __init__(self, context, run):
        self.context = context
        self.run = run

    def on_pre_build(self, config) -> None:
        """Read every file's last commit date (once per build)."""
        if self.context.is_default_build or self.run.git_dates is None:
            self.run.git_dates = history.git_dates(self.context.project, self.context.docs_dir)

    def on_page_context(self, context, page, config, nav):
        """`page_updated` (date, written in the page's language) and `page_edit_url`."""
        source = Path(page.file.abs_src_path)
        relative = os.path.relpath(source, self.context.project).replace(os.sep, "/")
        day = self.run.git_dates.get(relative) or history.fallback_date()
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
