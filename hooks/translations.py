"""MkDocs hook: refuse a build where a page exists in one language only.

Thin: the logic is in `translation_pairs.py`. The i18n plugin would otherwise publish the Arabic
text under the English URL (fallback_to_default), with no warning.
"""

from __future__ import annotations

from pathlib import Path

import translation_pairs
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority


# Priority 0 (the default) runs before the i18n plugin's own on_config (-100), so a missing
# translation stops the build before anything is written. It runs once per language build; the
# check reads the file system and is the same each time.
@event_priority(0)
def on_config(config: MkDocsConfig) -> MkDocsConfig:
    """Fail with every missing translation named, relative to the project folder."""
    languages = [lang.locale for lang in config.plugins["i18n"].config.languages if lang.build]
    docs_dir = Path(config.docs_dir)
    project = Path(config.config_file_path).parent
    try:
        prefix = docs_dir.relative_to(project).as_posix()
    except ValueError:
        prefix = docs_dir.as_posix()
    missing = translation_pairs.find_missing(
        translation_pairs.pages_by_language(docs_dir, languages), prefix
    )
    if missing:
        raise PluginError(translation_pairs.report(missing))
    return config
