"""Events of the theme: every page's typographic repairs (`typography.finish`: year ranges kept
on one line, a separator only between footnote markers side by side, buttons' addresses for
print), and Material's script
shipped without its alternate-sitemap prefetch (`material.drop_alternate_prefetch`). The build
stops if a Material release changes that code."""

from __future__ import annotations

from mkdocs.exceptions import PluginError

from ctsite.theme import material, typography


class ThemeFeature:
    def __init__(self, context, run):
        self.context = context

    def on_page_content(self, html, page, config, files):
        """The page's typographic repairs (the last feature to see its content)."""
        return typography.finish(html, self.context.site_url + page.url)

    def on_post_build(self, config) -> None:
        """Patch every Material bundle in the site's `assets/javascripts/` (the default
        language's build copies the theme's files; later builds find them already patched)."""
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
