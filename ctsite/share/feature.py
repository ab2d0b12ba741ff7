"""Events of the share cards and structured data, for every page in its language.

- `page_description`: front matter `description` (or a catalogue entry's `summary`), else the
  page's first paragraph, shortened (`description.py`); `<meta name="description">` and the
  cards use it.
- `share`: the Open Graph and Twitter card of the page (overrides/partials/share.html): its
  title, description, canonical address, type, the site's full name, the locale of the page and
  of its translations, and the share image of its language with its size and alternative text
  (the image shows the site's name and description, so these are its alternative text).
- `structured_data`: on the home page the ministry and the site (`structured.home_graph`); on
  every other page its breadcrumb trail, from the home page through each folder that is a page.
- `breadcrumbs`: that same trail, for the breadcrumbs shown above an inner page's title.
"""

from __future__ import annotations

import logging

from babel import Locale
from babel.core import get_global

from ctsite.share import description, structured
from ctsite.share.image import SIZE, share_image_path
from ctsite.text import page_title

log = logging.getLogger("mkdocs.hooks.share")


def og_locale(babel_locale: str) -> str:
    """A locale as Open Graph writes it, language and territory: `ar_EG`, `en_GB`, `fr_FR` (a
    locale without a territory gets its likely one, from CLDR)."""
    locale = Locale.parse(babel_locale)
    if not locale.territory:
        locale = Locale.parse(get_global("likely_subtags").get(locale.language, locale.language))
    return f"{locale.language}_{locale.territory}" if locale.territory else locale.language


class ShareFeature:
    """One language's build."""

    def __init__(self, context, run):
        self.context = context
        self.run = run
        self.descriptions: dict[str, str] = {}
        self.pages_by_url: dict[str, object] = {}
        self.share_image: dict | None = None  # the same for every page of the language

    def on_page_content(self, html, page, config, files):
        """Keep the page's description, and the pages of this language by address."""
        self.descriptions[page.file.src_uri] = description.describe(
            page.meta or {}, html, config.site_description or ""
        )
        if not self.pages_by_url:
            # The root's address is "./" for a File and "" for its Page.
            self.pages_by_url = {
                "" if file.url == "./" else file.url: file for file in files.documentation_pages()
            }
        return html

    def on_page_context(self, context, page, config, nav):
        text = self.descriptions.get(page.file.src_uri) or config.site_description or ""
        context["page_description"] = text
        canonical = next(alt.url for alt in context["page_alternates"] if alt.current)
        # MkDocs knows only the root as the home page; each language has its own.
        home = page.url == self.context.language.home
        title = config.site_name if home else page_title(page)
        context["share"] = {
            "title": title,
            "description": text,
            "url": canonical,
            "type": "website" if home else "article",
            "site_name": config.site_name,
            "locale": og_locale(self.context.date_locale),
            "alternate_locales": [
                og_locale(self.context.locale_of(code))
                for code in self.context.codes
                if code != self.context.language.code
            ],
            "image": self.share_image or self.image(config),
        }
        if home:
            context["structured_data"] = structured.script(self.home_graph(config, text))
        else:
            crumbs = self.crumbs(page)
            context["structured_data"] = structured.script(structured.breadcrumb_list(crumbs))
            # The same trail, shown above the title (partials/breadcrumbs.html): each step's
            # address from the site's root, for the templates' `url` filter.
            context["breadcrumbs"] = [
                {"name": crumb.name, "path": crumb.url[len(self.context.site_url) :]}
                for crumb in crumbs
            ]
        return context

    def image(self, config) -> dict:
        """The share image of this language (the default language's while a language has none
        yet: `make share-image` draws it), found once per build."""
        path = share_image_path(self.context.language.code)
        if not (self.context.docs_dir / path).exists():
            log.info("no share image %s yet: `make share-image` draws it", path)
            path = share_image_path(self.context.default.code)
        width, height = SIZE
        name = config.site_name
        summary = config.site_description
        self.share_image = {
            "url": self.context.site_url + path,
            "width": width,
            "height": height,
            "type": "image/png",
            "alt": f"{name}: {summary}" if summary else name,
        }
        return self.share_image

    def sites(self, config) -> list[structured.Site]:
        """The site in every language, the default first."""
        ordered = sorted(self.context.languages, key=lambda language: not language.default)
        return [
            structured.Site(
                name=language.site_name or config.site_name,
                url=self.context.site_url + language.home,
                language=language.code,
            )
            for language in ordered
        ]

    def home_graph(self, config, text: str) -> dict:
        sites = self.sites(config)
        current = next(site for site in sites if site.language == self.context.language.code)
        return structured.home_graph(
            site=current,
            translations=sites,
            description=text,
            ministry=self.context.ui["ministry"],
            ministry_url=self.context.settings.contact_url,
        )

    def crumbs(self, page) -> list[structured.Crumb]:
        """From the home page, through every folder of the page's address that is a page, to
        the page: `/en/` › `/en/international/` › `/en/international/ctc-chairmanship-2016/`."""
        home = self.context.language.home
        parts = [part for part in page.url[len(home) :].split("/") if part]
        crumbs = []
        for depth in range(len(parts) + 1):
            url = home + "".join(part + "/" for part in parts[:depth])
            file = page.file if depth == len(parts) else self.pages_by_url.get(url)
            if file is None or file.page is None:
                continue
            name = page_title(file.page)
            crumbs.append(structured.Crumb(name=name, url=self.context.site_url + url))
        return crumbs
