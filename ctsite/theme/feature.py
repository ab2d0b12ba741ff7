"""Events of the theme: every page's markup repaired where Material writes what the HTML
standard does not allow, and `<html lang dir>` set (`material.repair`,
`material.set_html_language`); our stylesheet and scripts published minified; Material's script
shipped without its alternate-sitemap prefetch (`material.drop_alternate_prefetch`), and none of
the theme's files that no page uses (`material.unused_theme_file`). The build stops if a
Material release changes that code. `TypographyFeature`: every page's typographic repairs
(`typography.finish`: year ranges kept on one line, a separator only between footnote markers
side by side, buttons' addresses for print), the last feature to see a page's content."""

from __future__ import annotations

from pathlib import Path

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
    "javascripts/colour-scheme.js": rjsmin.jsmin,
}


class ThemeFeature:
    def __init__(self, context, run):
        self.context = context

    def finish(self, html: str) -> str:
        """A page finished: Material's markup repaired, `<html lang dir>` in the page's
        language."""
        language = self.context.language
        html = material.repair(html)
        return material.set_html_language(html, language.code, language.direction)

    def on_post_page(self, output, page, config):
        return self.finish(output)

    def on_post_template(self, output, template_name, config):
        return self.finish(output) if template_name.endswith(".html") else output

    def on_files(self, files, config):
        """Leave out the theme's files that no page uses (maintenance files, Material's search
        worker and lunr languages, source maps)."""
        docs = Path(config.docs_dir).resolve()
        for file in list(files):
            if file.abs_src_path is None or Path(file.abs_src_path).resolve().is_relative_to(docs):
                continue  # ours: the editors' pages and assets, and generated files
            if material.unused_theme_file(file.src_uri):
                files.remove(file)
        return files

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
            patched = material.drop_source_map_comment(patched)
            if patched != script:
                bundle.write_text(patched, encoding="utf-8")
        for sheet in sorted((self.context.site_dir / "assets" / "stylesheets").glob("*.min.css")):
            text = sheet.read_text(encoding="utf-8")
            if material.drop_source_map_comment(text) != text:
                sheet.write_text(material.drop_source_map_comment(text), encoding="utf-8")

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


class TypographyFeature:
    """The page's typographic repairs, last of the features to see its content (`FEATURES` in
    ctsite/build.py)."""

    def __init__(self, context, run):
        self.context = context

    def on_page_content(self, html, page, config, files):
        return typography.finish(html, self.context.site_url + page.url)
