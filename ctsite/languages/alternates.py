"""Where the same page lives in each language: for the switcher, canonical and hreflang links.

Plain logic, no MkDocs import: `ctsite.languages.feature` feeds it what MkDocs and the i18n
plugin know and hands the result to the templates (`overrides/main.html`,
`overrides/partials/alternate.html`).
"""

from __future__ import annotations

from dataclasses import dataclass
from urllib.parse import urljoin

from ctsite.languages.language import Language


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
    languages: tuple[Language, ...],
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
                direction=language.direction,
                path=path,
                url=urljoin(base, path),
                current=language.code == current,
                default=language.default,
            )
        )
    return result
