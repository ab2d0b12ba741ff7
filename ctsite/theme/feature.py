"""Events of the theme: every page's typographic repairs (`typography.finish`: year ranges kept
on one line, a separator only between footnote markers side by side, buttons' addresses for
print); our stylesheet and scripts published minified; Material's script shipped without its
alternate-sitemap prefetch (`material.drop_alternate_prefetch`). The build stops if a Material
release changes that code."""

from __future__ import annotations

import rcssmin
import rjsmin
from mkdocs.exceptions import PluginError

from ctsite.theme import material, typography

# Our stylesheet and scripts, published minified (fonts.css is written small by
# ctsite/tools/fonts.py), each with its minifier: rcssmin and rjsmin only remove comments and
# spaces.
MINIFIED = {
    "stylesheets/site.css": rcssmin.cssmin,
    "javascripts/search.js": rjsmin.jsmin,
    "javascripts/catalogue.js": rjsmin.jsmin,
}


class ThemeFeature:
    def __init__(self, context, run):
        self.context = context

    def on_page_content(self, html, page, config, files):
        """The page's typographic repairs (the last feature to see its content)."""
        return typography.finish(html, self.context.site_url + page.url)

    def on_post_build(self, config) -> None:
        """Publish our stylesheet and scripts minified, and patch every Material bundle in the
        site's `assets/javascripts/` (the default language's build copies the theme's files;
        later builds find them already patched)."""
        self.minify_assets()
        folder = self.context.site_dir / "assets" / "javascripts"
        bundles = sorted(folder.glob("bundle.*.min.js"))
        if not bundles:
            raise PluginError(
                "assets/javascripts/bundle.*.min.js: expected Material's script, found none"
            )
        for bundle in bundles:
            script = bundle.read_text(encoding="utf-8")
            try:
                patched = material.drop_alternate_prefetch(script, bundle.name)
            except material.ThemeScriptError as error:
                raise PluginError(str(error)) from None
            if patched != script:
                bundle.write_text(patched, encoding="utf-8")

    def minify_assets(self) -> None:
        """Our stylesheet and scripts without their comments and spaces: a visitor downloads
        the code, the source keeps the notes. Idempotent: every language's build may have
        copied the files anew."""
        for name, minify in MINIFIED.items():
            path = self.context.site_dir / "assets" / name
            if path.is_file():
                text = path.read_text(encoding="utf-8")
                minified = minify(text)
                if minified != text:
                    path.write_text(minified, encoding="utf-8")
