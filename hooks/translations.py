"""MkDocs hook: refuse a build where a page exists in one language only, or where an English
page has fallen behind its Arabic source.

Thin: the logic is in `translation_pairs.py` and `translation_status.py`. The i18n plugin would
otherwise publish the Arabic text under the English URL (fallback_to_default), with no warning.
"""

from __future__ import annotations

import logging
from pathlib import Path

import site_config
import translation_pairs
import translation_status
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority

log = logging.getLogger("mkdocs.hooks.translations")


# on_pre_build runs before any file is read or written. Priority 0: after the catalogue's
# front matter check (10), so one build reports both. It runs once per language build; the check
# reads the file system and is the same each time.
@event_priority(0)
def on_pre_build(config: MkDocsConfig) -> None:
    """Fail with every missing translation named, relative to the project folder."""
    languages = [
        lang.code for lang in site_config.built_languages(config.plugins["i18n"].config.languages)
    ]
    docs_dir = Path(config.docs_dir)
    project = Path(config.config_file_path).parent
    prefix = site_config.docs_prefix(docs_dir, project)
    missing = translation_pairs.find_missing(
        translation_pairs.pages_by_language(docs_dir, languages), prefix
    )
    if missing:
        raise PluginError(translation_pairs.report(missing))
    if not config.plugins["i18n"].is_default_language_build:
        return
    registry = translation_status.read_registry(project / translation_status.REGISTRY)
    for pair in translation_status.statuses(docs_dir, registry):
        if pair.state in ("stale", "unrecorded"):
            log.warning(pair.message(prefix))
