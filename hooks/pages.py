"""MkDocs hook: every page knows its language, its direction and its other-language versions.

Thin: the logic is in `page_languages.py`. This hook
- gives templates `page_alternates` (the switcher and the hreflang links use it);
- writes `lang` and `dir` on `<html>` of every page and of both 404 pages;
- isolates Latin runs in right-to-left pages (`bidi_isolation.py`), so that punctuation and
  digits next to a symbol such as «SC/12839» keep their place;
- keeps the root 404 page Arabic: the English build would overwrite it (STACK-NOTES.md).
"""

from __future__ import annotations

from pathlib import Path

import bidi_isolation
import html_repairs
import interface_text
import page_languages
import site_config
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority
from mkdocs.structure.pages import Page

# The root 404 page as the default language's build wrote it, restored after the other builds.
# Reset at the start of each default-language build (mkdocs serve rebuilds in the same process).
_default_404: dict[str, str] = {}
# The language being built: its code and home, the built languages, and its interface text
# ({key: text}); set at the start of every language's build.
_build: dict = {}


def _i18n(config: MkDocsConfig):
    return config.plugins["i18n"]


def on_pre_build(config: MkDocsConfig) -> None:
    """Read the interface text; forget the previous build's 404 page when the default language
    starts building."""
    i18n = _i18n(config)
    if i18n.is_default_language_build:
        _default_404.clear()
    languages = site_config.built_languages(i18n.config.languages)
    current = i18n.current_language
    path = Path(config.config_file_path).parent / "data" / "ui.yml"
    try:
        texts = interface_text.load(path, [language.code for language in languages])
    except interface_text.InterfaceTextError as error:
        raise PluginError(str(error)) from None
    _build.clear()
    _build.update(
        languages=languages,
        current=current,
        home=site_config.home_of(languages, current),
        ui=texts[current],
    )


# Priority -50: after the i18n plugin (50) has set the page's alternates.
@event_priority(-50)
def on_page_context(context, page: Page, config: MkDocsConfig, nav):
    """Add `page_alternates`: this page in every language."""
    alternates = getattr(page.file, "alternates", None) or {}
    paths = {code: file.url for code, file in alternates.items()}
    paths[_build["current"]] = page.url
    context["page_alternates"] = page_languages.alternates(
        _build["languages"], _build["current"], paths, config.site_url or ""
    )
    context["ui"] = dict(_build["ui"])
    context["language_home"] = _build["home"]
    return context


@event_priority(-50)
def on_template_context(context, template_name: str, config: MkDocsConfig):
    """The 404 page is no page of the site: its switcher points to each language's home."""
    if template_name == "404.html":
        context["page_alternates"] = page_languages.alternates(
            _build["languages"], _build["current"], None, config.site_url or ""
        )
        context["ui"] = dict(_build["ui"])
    context["language_home"] = _build["home"]
    return context


def _finish(html: str) -> str:
    """Material's invalid markup repaired; in a right-to-left language, Latin runs isolated
    (bidi_isolation); `<html lang dir>` in the page's language."""
    html = html_repairs.repair(html)
    if page_languages.direction(_build["current"]) == "rtl":
        html = bidi_isolation.isolate(html)
    return page_languages.set_html_language(html, _build["current"])


def on_post_page(output: str, page: Page, config: MkDocsConfig) -> str:
    """The page finished: see `_finish`."""
    return _finish(output)


def on_post_template(output: str, template_name: str, config: MkDocsConfig) -> str:
    """The 404 page finished the same way."""
    if template_name.endswith(".html"):
        return _finish(output)
    return output


# Priority 0: before the i18n plugin's on_post_build (-100), which starts the next language's
# build from inside the default language's on_post_build; so the default build saves its 404
# first, and each later build restores it once it has written its own.
@event_priority(0)
def on_post_build(config: MkDocsConfig) -> None:
    """Keep `404.html` at the root in the default language; move each other language's 404 page,
    which its build writes at the root too, to `<language>/404.html`. (Its links are absolute
    paths, so it works from there.)"""
    root_404 = Path(config.site_dir) / "404.html"
    if _i18n(config).is_default_language_build:
        if root_404.exists():
            _default_404["html"] = root_404.read_text(encoding="utf-8")
    elif "html" in _default_404 and root_404.exists():
        own_404 = Path(config.site_dir) / _build["home"] / "404.html"
        own_404.parent.mkdir(parents=True, exist_ok=True)
        root_404.replace(own_404)
        root_404.write_text(_default_404["html"], encoding="utf-8")
