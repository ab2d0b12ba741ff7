"""Events of the languages concern: every page in every language, the switcher, the 404 pages.

- A page present in one language folder only fails the build naming the missing file: the i18n
  plugin would otherwise publish the default language's text under the other language's address
  (`fallback_to_default`), with no warning. Under `--strict` it is a warning, like a translation
  that has fallen behind its source, and the build fails at its end with every other problem.
- Templates get this page in every language (`page_alternates`: the switcher, canonical and
  hreflang links), the interface text (`ui`) and the language's home.
- Every page and 404 page is finished: Material's markup repaired, Latin runs isolated in a
  right-to-left language, `<html lang dir>` set.
- The root `404.html` stays in the default language: each language's build writes its own 404
  page at the site's root, so each later build's is moved to `<home>/404.html` and the default
  one put back.
"""

from __future__ import annotations

from mkdocs.exceptions import PluginError

from ctsite.languages import alternates, bidi, pairs


class LanguagesFeature:
    """One language's build; `run` keeps the default language's 404 page across the builds."""

    def __init__(self, context, run):
        self.context = context
        self.run = run
        self.translation_problems: tuple[str, ...] = ()  # the site's, as reported once

    def on_pre_build(self, config) -> None:
        """Fail on a missing translation; under `--strict`, every missing, stale or unrecorded
        translation is a warning instead, reported once per build."""
        missing = self.run.missing_translations
        if missing and not config.strict:
            # A preview would show the default language's text under the other's address.
            raise PluginError(pairs.report(missing))
        # Under --strict, each missing file is one warning and the build goes on, so that every
        # other problem is reported by the same build (it fails at its end, published nowhere).
        self.translation_problems = self.run.translation_problems

    def on_page_context(self, context, page, config, nav):
        """`page_alternates`, `ui`, `language_home` and the fonts to preload."""
        found = getattr(page.file, "alternates", None) or {}
        paths = {code: file.url for code, file in found.items()}
        paths[self.context.language.code] = page.url
        context["page_alternates"] = alternates.alternates(
            self.context.languages, self.context.language.code, paths, self.context.site_url
        )
        return self._common(context)

    def on_template_context(self, context, template_name, config):
        """The 404 page is no page of the site: its switcher points to each language's home."""
        if template_name == "404.html":
            context["page_alternates"] = alternates.alternates(
                self.context.languages, self.context.language.code, None, self.context.site_url
            )
        return self._common(context)

    def _common(self, context):
        settings = self.context.settings
        context["ui"] = dict(self.context.ui)
        context["language_home"] = self.context.language.home
        context["contact_url"] = settings.contact_url
        fonts = settings.preload_fonts
        context["preload_fonts"] = fonts.get(self.context.language.code) or fonts.get("default", [])
        return context

    def finish(self, html: str) -> str:
        """A page finished: in a right-to-left language, Latin runs isolated (Material's markup
        is repaired before, by the theme's feature)."""
        if self.context.language.direction == "rtl":
            return bidi.isolate(html)
        return html

    def on_post_page(self, output, page, config):
        return self.finish(output)

    def on_post_template(self, output, template_name, config):
        return self.finish(output) if template_name.endswith(".html") else output

    def on_post_build(self, config) -> None:
        """Keep the default language's `404.html` at the root; move this language's own."""
        root_404 = self.context.site_dir / "404.html"
        if not root_404.exists():
            return
        if self.context.is_default_build:
            self.run.default_404 = root_404.read_text(encoding="utf-8")
        elif self.run.default_404 is not None:
            own_404 = self.context.home_dir / "404.html"
            own_404.parent.mkdir(parents=True, exist_ok=True)
            root_404.replace(own_404)
            root_404.write_text(self.run.default_404, encoding="utf-8")
