"""MkDocs hook: every page says when it was last updated, and links to its own source to edit.

Thin: the dates come from `page_dates.py`. Dates are read from git once per build; a build
without git history still works (see page_dates). The edit link uses `extra.edit_base_url`
(mkdocs.yml, from EDIT_BASE_URL): no code host's API is called from a visitor's browser.
"""

from __future__ import annotations

import os
from pathlib import Path

import page_dates
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import event_priority
from mkdocs.structure.pages import Page

# {path relative to the project: date}, read when the default language starts building.
_dates: dict = {}


def on_pre_build(config: MkDocsConfig) -> None:
    """Read every file's last commit date (once per build, in the default language's build)."""
    if config.plugins["i18n"].is_default_language_build or not _dates:
        project = Path(config.config_file_path).parent
        _dates.clear()
        _dates["files"] = page_dates.git_dates(project, Path(config.docs_dir))
        _dates["project"] = project


# Priority -50: after the i18n plugin's page context (50).
@event_priority(-50)
def on_page_context(context, page: Page, config: MkDocsConfig, nav):
    """`page_updated` (date, written in the page's language) and `page_edit_url`."""
    source = Path(page.file.abs_src_path)
    relative = os.path.relpath(source, _dates["project"]).replace(os.sep, "/")
    day = _dates["files"].get(relative) or page_dates.fallback_date()
    if day is not None:
        language = config.plugins["i18n"].current_language
        context["page_updated"] = {
            "iso": day.isoformat(),
            "text": page_dates.written(day, language),
        }
        page.update_date = day.isoformat()  # the sitemap's lastmod
    base = config.extra.get("edit_base_url") or ""
    if base:
        in_docs = os.path.relpath(source, config.docs_dir).replace(os.sep, "/")
        context["page_edit_url"] = base.rstrip("/") + "/" + in_docs
    return context
