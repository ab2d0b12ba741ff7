"""Every workaround for Material for MkDocs (9.8.1), in one place.

Plain logic, no MkDocs import. Each function changes what Material writes in one respect that the
HTML standard, a validator or our privacy rule does not accept, and nothing a browser does. A
Material release that changes what one of them works around makes a test fail
(`tests/test_material.py`): the repairs on Material's markup, the patch of its script, and the
templates we replace (recorded as a diff against Material's own, `overrides/material.diff`).
"""

from __future__ import annotations

import re

# The templates of Material's that overrides/ replaces whole (rather than extending a block),
# each for the reason given; `tests/test_material.py` compares each with the installed Material.
REPLACED_TEMPLATES = {
    "404.html": "the 404 page in the visitor's language, with a way home in both",
    "main.html": "head links (canonical, hreflang, preloaded font) and the site's search",
    "partials/alternate.html": "a plain link per language instead of Material's drop-down",
    "partials/copyright.html": "the ministry's contact link in the footer",
    "partials/header.html": "the site's own search field instead of Material's",
    "partials/palette.html": "a colour-scheme switch named for what it is, in a named group",
    "partials/source-file.html": "the last-update date and edit link, without a code host's API",
}

# --- <html lang dir> --------------------------------------------------------------------------

_HTML_TAG = re.compile(r"<html\b[^>]*>", re.IGNORECASE)
_ATTRIBUTE = re.compile(r'\s(lang|dir)="[^"]*"', re.IGNORECASE)


def set_html_language(html: str, language: str, direction: str) -> str:
    """Give the document's `<html>` element the page's `lang` and `dir`.

    Material writes `dir` on `<body>` only, and the root 404 page's `lang` can come from the last
    language built; screen readers and browsers read both from `<html>`.

    Args:
        html: a whole HTML document.
        language: the page's language code.
        direction: `rtl` or `ltr`.
    Returns:
        The document with `<html lang="..." dir="...">`; unchanged when it has no `<html>` tag.
    """
    match = _HTML_TAG.search(html)
    if not match:
        return html
    tag = _ATTRIBUTE.sub("", match.group(0))
    tag = f'<html lang="{language}" dir="{direction}"' + tag[len("<html") :]
    return html[: match.start()] + tag + html[match.end() :]


# --- Markup the HTML standard does not allow --------------------------------------------------

# Material's nav-item.html writes `tabindex=""` on section labels that are not focusable; an empty
# tabindex is invalid HTML and browsers ignore it, so removing it changes no behaviour.
_EMPTY_TABINDEX = re.compile(r'\stabindex=""')


def drop_empty_tabindex(html: str) -> str:
    """The document without `tabindex=""` attributes."""
    return _EMPTY_TABINDEX.sub("", html)


_LABEL_FOR = re.compile(r'(<label\b[^>]*?)\sfor="([^"]+)"')


def drop_dangling_label_for(html: str) -> str:
    """The document without `for` attributes that name no element.

    Material's toc.html writes `<label for="__toc">` on section index pages whose navigation
    (nav-item.html, with navigation.indexes) does not write the `__toc` toggle; the label then
    points nowhere and clicking it does nothing, with or without the attribute.
    """

    def repair(match: re.Match) -> str:
        if f'id="{match.group(2)}"' in html:
            return match.group(0)
        return match.group(1)

    return _LABEL_FOR.sub(repair, html)


_TOC_TOGGLE = '<input class="md-nav__toggle md-toggle" type="checkbox" id="__toc">'


def drop_unlabelled_toc_toggle(html: str) -> str:
    """The document without Material's table-of-contents toggle when nothing can toggle it.

    On a page whose table of contents is empty, nav-item.html still writes the hidden `__toc`
    checkbox but no label for it: an unlabelled form control that does nothing.
    """
    if 'for="__toc"' in html:
        return html
    return html.replace(_TOC_TOGGLE, "")


_SEARCH_TOGGLE = (
    '<input class="md-toggle" data-md-toggle="search" type="checkbox" id="__search" '
    'autocomplete="off">'
)


def hide_unused_search_toggle(html: str) -> str:
    """Material's search toggle, hidden, when nothing on the page opens Material's search.

    base.html always writes it; the site uses its own search (partials/site-search.html), so the
    checkbox has no label. Material's script still reads it, so it stays, marked hidden: out of
    sight, of the Tab order and of the accessibility tree. HTML_CodeSniffer still reports it as a
    control without a name; tests/htmlcs-allowlist.yml lists it, with this reason.
    """
    if 'for="__search"' in html:
        return html
    return html.replace(
        _SEARCH_TOGGLE,
        '<input class="md-toggle" data-md-toggle="search" type="checkbox" id="__search" hidden>',
    )


_DRAWER_AUTOCOMPLETE = (
    '<input class="md-toggle" data-md-toggle="drawer" type="checkbox" id="__drawer" '
    'autocomplete="off">'
)


def drop_drawer_autocomplete(html: str) -> str:
    """Material's drawer toggle without `autocomplete="off"`.

    base.html writes it so that a browser restoring form state on "back" does not reopen the
    navigation drawer; the attribute is not allowed on a checkbox (the Nu HTML Checker reports
    it on every page). `docs/assets/javascripts/search.js` closes the drawer on every `pageshow`
    instead (a browser test checks it).
    """
    return html.replace(
        _DRAWER_AUTOCOMPLETE,
        '<input class="md-toggle" data-md-toggle="drawer" type="checkbox" id="__drawer">',
    )


# --- One skip link, to the page's text ---------------------------------------------------------

# base.html writes its skip link outside any block, and only when the page's table of contents has
# a first heading: the 404 pages and the catalogue's entries (titled by the template) had none.
# main.html writes ours on every page, to the article; this drops Material's and names the target.
_THEME_SKIP = re.compile(
    r'(<div data-md-component="skip">)\s*<a href="[^"]*" class="md-skip">[^<]*</a>\s*(</div>)'
)
CONTENT_ARTICLE = '<article class="md-content__inner md-typeset">'
CONTENT_ID = "__content"


def skip_to_content(html: str) -> str:
    """The document with Material's skip link removed and its article named `__content`, the
    target of the skip link of main.html (the first article only: a page has one)."""
    html = _THEME_SKIP.sub(r"\1\2", html, count=1)
    return html.replace(
        CONTENT_ARTICLE,
        f'<article id="{CONTENT_ID}" class="md-content__inner md-typeset">',
        1,
    )


def repair(html: str) -> str:
    """Every repair of Material's markup, in order."""
    html = skip_to_content(html)
    html = drop_dangling_label_for(drop_empty_tabindex(html))
    html = drop_drawer_autocomplete(html)
    return hide_unused_search_toggle(drop_unlabelled_toc_toggle(html))


# --- Material's script: no fetch of sitemap.xml beside every hreflang link ---------------------
#
# Material's bundle calls, on every page view, a function that fetches `<alternate URL>/sitemap.xml`
# for each `<link rel="alternate">` in the head, to redirect clicks on its own language drop-down.
# Our hreflang links point at pages (as search engines need), so every view would make failed
# requests, to another origin when the site is served elsewhere than `site_url`. Our switcher
# links each language's page directly and needs none of it.

# The call as it stands in mkdocs-material 9.8.1's bundle. If Material changes, the build stops
# and says so rather than shipping the fetches again.
ALTERNATE_PREFETCH_CALL = "ui({document$:ct});"
PATCH_MARKER = "/* alternate sitemap prefetch removed by ctsite/theme/material.py */"


class ThemeScriptError(RuntimeError):
    """The bundle does not look as expected; the message says what was found."""


def drop_alternate_prefetch(script: str, name: str) -> str:
    """Remove Material's alternate-sitemap prefetch from its bundle, once.

    Args:
        script: the text of `assets/javascripts/bundle.*.min.js`.
        name: the file's name, for the message.
    Returns:
        The script without the call; unchanged when it was already removed.
    Raises:
        ThemeScriptError: when the call is not found exactly once.
    """
    if PATCH_MARKER in script:
        return script
    count = script.count(ALTERNATE_PREFETCH_CALL)
    if count != 1:
        raise ThemeScriptError(
            f"{name}: expected Material's call '{ALTERNATE_PREFETCH_CALL}' exactly once, found "
            f"{count}; Material was upgraded: check ctsite/theme/material.py against its bundle."
        )
    return script.replace(ALTERNATE_PREFETCH_CALL, PATCH_MARKER)


# --- What Material ships that no page of ours uses ---------------------------------------------

# Theme files that nothing the site serves refers to, by site-relative path: our maintenance diff
# of Material's templates (it lives in overrides/ beside them, and MkDocs copies every
# non-template file of a theme); Material's default favicon (ours is the SVG of
# `theme.favicon`); Material's lunr language files and search worker (its search plugin is off:
# the site's search is ours, ctsite/search/); source maps, which only a developer's tools fetch
# (the comments naming them are dropped with `drop_source_map_comment`).
UNUSED_THEME_FILES = re.compile(
    r"^(?:material\.diff"
    r"|assets/images/favicon\.png"
    r"|assets/javascripts/lunr/.*"
    r"|assets/javascripts/workers/.*"
    r"|assets/(?:javascripts|stylesheets)/.*\.map)$"
)

# `//# sourceMappingURL=x.map` at the end of Material's scripts, `/*# sourceMappingURL=x.map */`
# at the end of its stylesheets.
_SOURCE_MAP_COMMENT = re.compile(
    r"\n?(?://# sourceMappingURL=\S+|/\*# sourceMappingURL=\S+ \*/)\s*$"
)


def unused_theme_file(path: str) -> bool:
    """Whether a theme file (its site-relative path) is one no page uses."""
    return bool(UNUSED_THEME_FILES.match(path))


def drop_source_map_comment(text: str) -> str:
    """A Material script or stylesheet without its closing comment naming a source map (the map
    is not published)."""
    return _SOURCE_MAP_COMMENT.sub("\n", text).rstrip("\n") + "\n"
