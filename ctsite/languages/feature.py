"""Events of the languages concern: every page in every language, the switcher, the 404 pages.

- A page present in one language folder only fails the build naming the missing file: the i18n
  plugin would otherwise publish the default language's text under the other language's address
  (`fallback_to_default`), with no warning. A translation that has fallen behind its source is a
  warning (fatal under `--strict`).
- Templates get this page in every language (`page_alternates`: the switcher, canonical and
  hreflang links), the interface text (`ui`) and the language's home.
- Every page and 404 page is finished: Material's markup repaired, Latin runs isolated in a
  right-to-left language, `<html lang dir>` set.
- The root `404.html` stays in the default language: each language's build writes its own 404
  page at the site's root, so each later build's is moved to `<home>/404.html` and the default
  one put back.
"""

from __future__ import annotations

import logging

from mkdocs.exceptions import PluginError

from ctsite.languages import alternates, bidi, pairs, status

log = logging.getLogger("mkdocs.hooks.languages")


class LanguagesFeature:
    """One language's build; `run` keeps the default language's 404 page across the builds."""

    def __init__(self, context, run):
        self.context = context
        self.run = run

    def on_pre_build(self, config) -> None:
        """Fail on a missing translation; in the default language's build, warn of stale ones."""
        context = self.context
        missing = pairs.find_missing(
            pairs.pages_by_language(context.docs_dir, context.codes), context.docs_prefix
        )
        if missing:
            raise PluginError(pairs.report(missing))
        if not context.is_default_build:
            return
        registry_file = context.project / context.settings.translations
        try:
            registry = status.read_registry(registry_file)
        except status.RegistryError as error:
            raise PluginError(f"{context.settings.translations}: {error}") from None
        targets = [code for code in context.codes if code != context.default.code]
        for pair in status.statuses(context.docs_dir, registry, context.default.code, targets):
            if pair.state in ("stale", "unrecorded"):
                log.warning(pair.message(context.docs_prefix, context.settings.translations))

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
