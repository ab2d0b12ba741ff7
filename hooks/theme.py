"""MkDocs hook: ship Material's script without its alternate-sitemap prefetch.

Thin: the logic is in `theme_script.py`.
"""

from __future__ import annotations

from pathlib import Path

import theme_script
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority


# Priority 0: before the i18n plugin's on_post_build (-100). The theme's files are copied to the
# site root by the default language's build; later builds find the file already patched.
@event_priority(0)
def on_post_build(config: MkDocsConfig) -> None:
    """Patch every Material bundle in the site's `assets/javascripts/`."""
    bundles = sorted((Path(config.site_dir) / "assets" / "javascripts").glob("bundle.*.min.js"))
    if not bundles:
        raise PluginError(
            "assets/javascripts/bundle.*.min.js: expected Material's script, found none"
        )
    for bundle in bundles:
        script = bundle.read_text(encoding="utf-8")
        try:
            patched = theme_script.drop_alternate_prefetch(script, bundle.name)
        except theme_script.ThemeScriptError as error:
            raise PluginError(str(error)) from None
        if patched != script:
            bundle.write_text(patched, encoding="utf-8")
