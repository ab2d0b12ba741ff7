"""Events of the theme: every page's markup repaired where Material writes what the HTML
standard does not allow, and `<html lang dir>` set (`material.repair`,
`material.set_html_language`); Material's script shipped without its alternate-sitemap prefetch
(`material.drop_alternate_prefetch`), and none of the theme's files that no page uses
(`material.unused_theme_file`). The build stops if a Material release changes that code."""

from __future__ import annotations

from pathlib import Path

from mkdocs.exceptions import PluginError

from ctsite.theme import material


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
            patched = material.drop_source_map_comment(patched)
            if patched != script:
                bundle.write_text(patched, encoding="utf-8")
        for sheet in sorted((self.context.site_dir / "assets" / "stylesheets").glob("*.min.css")):
            text = sheet.read_text(encoding="utf-8")
            if material.drop_source_map_comment(text) != text:
                sheet.write_text(material.drop_source_map_comment(text), encoding="utf-8")
