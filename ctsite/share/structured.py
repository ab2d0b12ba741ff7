"""Structured data (JSON-LD, schema.org's types) for the home page and the inner pages.

Plain logic, no MkDocs import. The home page describes the ministry as a
`GovernmentOrganization` and the site as a `WebSite` with its languages; every inner page has a
`BreadcrumbList` from the home page down to itself. A catalogue entry keeps its own description
(ctsite/catalogue). A test validates every block against schema.org's types.
"""

from __future__ import annotations

import json
from dataclasses import dataclass

CONTEXT = "https://schema.org"


@dataclass(frozen=True)
class Crumb:
    """One step of a breadcrumb trail: a page's title and absolute address."""

    name: str
    url: str


@dataclass(frozen=True)
class Site:
    """The site in one language: its name, home address and language code."""

    name: str
    url: str
    language: str


def _website(site: Site) -> dict:
    return {
        "@type": "WebSite",
        "@id": site.url + "#website",
        "name": site.name,
        "url": site.url,
        "inLanguage": site.language,
    }


def home_graph(
    *, site: Site, translations: list[Site], description: str, ministry: str, ministry_url: str
) -> dict:
    """The ministry, and the site in this language with its translations, in one graph.

    schema.org gives a `WebSite` one language (`inLanguage`); the site in the default language
    is the work, each other language's site its translation (`workTranslation`,
    `translationOfWork`).
    """
    organization = {
        "@type": "GovernmentOrganization",
        "@id": ministry_url + "#organization",
        "name": ministry,
        "url": ministry_url,
    }
    website = _website(site) | {
        "description": description,
        "publisher": {"@id": organization["@id"]},
    }
    original, *others = translations
    if site == original:
        if others:
            website["workTranslation"] = [_website(other) for other in others]
    else:
        website["translationOfWork"] = _website(original)
    return {"@context": CONTEXT, "@graph": [organization, website]}


def breadcrumb_list(crumbs: list[Crumb]) -> dict:
    """A `BreadcrumbList` from the first crumb (the home page) to the last (the page)."""
    return {
        "@context": CONTEXT,
        "@type": "BreadcrumbList",
        "itemListElement": [
            {
                "@type": "ListItem",
                "position": position,
                "name": crumb.name,
                "item": {"@type": "WebPage", "@id": crumb.url, "url": crumb.url},
            }
            for position, crumb in enumerate(crumbs, start=1)
        ],
    }


def script(data: dict) -> str:
    """The JSON of a `<script type="application/ld+json">`, safe inside HTML: `<`, `>` and `&`
    escaped so that no text can end the script element."""
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":"))
    return text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")
