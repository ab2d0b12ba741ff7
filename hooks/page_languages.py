"""Which language a page is in, its direction, and where the same page lives in each language.

Plain logic, no MkDocs import: the hook `pages.py` feeds it what MkDocs and the i18n plugin know
and hands the result to the templates (`overrides/main.html`, `overrides/partials/alternate.html`).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from urllib.parse import urljoin

# Languages written right to left; every other language is left to right.
RIGHT_TO_LEFT = frozenset({"ar", "fa", "he", "ur"})

_HTML_TAG = re.compile(r"<html\b[^>]*>", re.IGNORECASE)
_ATTRIBUTE = re.compile(r'\s(lang|dir)="[^"]*"', re.IGNORECASE)


def direction(language: str) -> str:
    """`rtl` or `ltr` for a language code such as `ar` or `en-GB`."""
    return "rtl" if language.split("-")[0].lower() in RIGHT_TO_LEFT else "ltr"


def set_html_language(html: str, language: str) -> str:
    """Give the document's `<html>` element the page's `lang` and `dir`.

    Material writes `dir` on `<body>` only, and the root 404 page's `lang` can come from the last
    language built; screen readers and browsers read both from `<html>`.

    Args:
        html: a whole HTML document.
        language: the page's language code.
    Returns:
        The document with `<html lang="..." dir="...">`; unchanged when it has no `<html>` tag.
    """
    match = _HTML_TAG.search(html)
    if not match:
        return html
    tag = _ATTRIBUTE.sub("", match.group(0))
    tag = f'<html lang="{language}" dir="{direction(language)}"' + tag[len("<html") :]
    return html[: match.start()] + tag + html[match.end() :]


@dataclass(frozen=True)
class Language:
    """A built language: its code, its name in itself, and its home path (`""`, `"en/"`)."""

    code: str
    name: str
    home: str
    default: bool = False


@dataclass(frozen=True)
class Alternate:
    """The current page in one language, as the switcher and the `<head>` need it."""

    code: str
    name: str
    direction: str
    path: str  # site-relative, for relative links: "./", "en/", "en/unit/"
    url: str  # absolute, for canonical, hreflang and the sitemap
    current: bool
    default: bool


def alternates(
    languages: list[Language],
    current: str,
    paths: dict[str, str] | None,
    site_url: str,
) -> list[Alternate]:
    """The same page in every built language, in the order of `languages`.

    Args:
        languages: the built languages.
        current: the code of the page's language.
        paths: {code: site-relative URL of this page in that language}; None for pages that are
            not pages of the site (the 404 page), which then point to each language's home.
        site_url: the site's absolute URL, ending with "/".
    Returns:
        One Alternate per language; a language without its own version of the page points to its
        home (a guard elsewhere makes that impossible for content pages).
    """
    base = site_url if site_url.endswith("/") else site_url + "/"
    result = []
    for language in languages:
        path = (paths or {}).get(language.code, language.home)
        path = "./" if path in ("", ".", "./") else path
        result.append(
            Alternate(
                code=language.code,
                name=language.name,
                direction=direction(language.code),
                path=path,
                url=urljoin(base, path),
                current=language.code == current,
                default=language.default,
            )
        )
    return result
