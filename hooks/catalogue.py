"""MkDocs hook: the catalogue of practices, from the front matter of one page per practice.

Thin: parsing, validation, the model and the exports live in `frontmatter.py`,
`practice_schema.py`, `vocabularies.py`, `catalogue_model.py` and `catalogue_export.py`.
This hook
- validates every practice in every language once per build and reports every problem as a
  warning naming the file and field (fatal under `mkdocs build --strict`);
- reads each practice page's front matter itself (strictly, once: MkDocs would render broken
  YAML as page text, and parse every file a second time), and renders `best-practices/index.md`
  with `overrides/catalogue.html` and each practice page with `overrides/practice.html`, giving
  them the catalogue in the page's language;
- writes `best-practices/catalogue.json` and `catalogue.csv` beside each language's catalogue.
"""

from __future__ import annotations

import functools
import logging
import os
import time
from pathlib import Path, PurePosixPath

import catalogue_export
import catalogue_model
import site_config
import vocabularies
from markupsafe import escape
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority
from mkdocs.structure.pages import Page

log = logging.getLogger("mkdocs.hooks.catalogue")

# State of the current build. The i18n plugin builds each language in turn in one process, and
# `mkdocs serve` rebuilds in the same process: reset when the default language starts building.
_state: dict = {}


# Seconds spent in this hook's events during the current build (both languages), read by
# scripts/bench_catalogue.py; reset when the default language starts building.
timing = {"seconds": 0.0}


def _timed(event):
    """Count an event's time in `timing`."""

    @functools.wraps(event)
    def timed(*args, **kwargs):
        start = time.perf_counter()
        try:
            return event(*args, **kwargs)
        finally:
            timing["seconds"] += time.perf_counter() - start

    return timed


def _i18n(config: MkDocsConfig):
    return config.plugins["i18n"]


def _section_path(page: Page) -> PurePosixPath | None:
    """The page's path inside the catalogue section (`index.md`, `x.md`), or None."""
    parts = PurePosixPath(page.file.src_uri).parts
    if parts and parts[0] in _state["codes"]:
        parts = parts[1:]
    if len(parts) == 2 and parts[0] == catalogue_model.SECTION:
        return PurePosixPath(parts[1])
    return None


# Priority 10: before the translation check (0), so that a build with a missing translation
# still reports every front matter problem first.
@event_priority(10)
@_timed
def on_pre_build(config: MkDocsConfig) -> None:
    """Validate every practice (default language build) and build this language's catalogue."""
    i18n = _i18n(config)
    languages = site_config.built_languages(i18n.config.languages)
    if i18n.is_default_language_build or "sources" not in _state:
        _state.clear()
        timing["seconds"] = 0.0
        project = Path(config.config_file_path).parent
        codes = [lang.code for lang in languages]
        try:
            vocab = vocabularies.load(project / "data", codes)
        except vocabularies.VocabularyError as error:
            raise PluginError(str(error)) from None
        docs_dir = Path(config.docs_dir)
        sources = catalogue_model.read_sources(
            docs_dir,
            codes,
            i18n.default_language,
            vocab,
            site_config.docs_prefix(docs_dir, project),
        )
        for problem in sources.problems:
            log.warning(problem.message())
        _state.update(vocabularies=vocab, sources=sources)
    _state["codes"] = {lang.code for lang in languages}
    homes = {lang.code: lang.home for lang in languages}
    _state["catalogue"] = catalogue_model.build(
        _state["sources"],
        i18n.current_language,
        homes,
        config.site_url or "",
        _state["vocabularies"],
    )
    _state["destination"] = None


@_timed
def on_page_read_source(page: Page, config: MkDocsConfig) -> str | None:
    """A practice page's Markdown without its front matter, already read in on_pre_build."""
    path = _section_path(page)
    if path is None or path.name == "index.md":
        return None
    parsed = _state["sources"].files.get(os.path.normpath(page.file.abs_src_path))
    return None if parsed is None else parsed.body


@_timed
def on_page_markdown(markdown: str, page: Page, config: MkDocsConfig, files) -> str:
    """Choose the catalogue's templates and give practice pages their front matter; its values
    are text, so the title is escaped."""
    path = _section_path(page)
    if path is None:
        return markdown
    if path.name == "index.md":
        page.meta["template"] = "catalogue.html"
        return markdown
    parsed = _state["sources"].files.get(os.path.normpath(page.file.abs_src_path))
    values = dict(parsed.values or {}) if parsed else {}
    title = values.get("title")
    page.meta = {**values, "template": "practice.html"}
    if isinstance(title, str):
        page.meta["title"] = escape(title)
    return markdown


# Priority -50: after the i18n plugin's own page context (50).
@event_priority(-50)
@_timed
def on_page_context(context, page: Page, config: MkDocsConfig, nav):
    """`catalogue` on the catalogue page; `practice` (and its JSON-LD) on a practice page."""
    path = _section_path(page)
    if path is None:
        return context
    catalogue = _state["catalogue"]
    context["catalogue"] = catalogue
    if path.name == "index.md":
        _state["destination"] = Path(page.file.abs_dest_path).parent
    else:
        practice = catalogue.by_id.get(path.stem)
        context["practice"] = practice
        if practice is not None:
            context["practice_jsonld"] = catalogue_model.json_ld(practice)
    return context


# Priority 0: before the i18n plugin's on_post_build (-100), which starts the next language.
@event_priority(0)
@_timed
def on_post_build(config: MkDocsConfig) -> None:
    """Write this language's exports beside its catalogue page."""
    destination = _state.get("destination")
    if destination is None:
        return
    catalogue = _state["catalogue"]
    (destination / "catalogue.json").write_text(
        catalogue_export.to_json(catalogue), encoding="utf-8"
    )
    (destination / "catalogue.csv").write_bytes(catalogue_export.to_csv(catalogue))
