"""A 404 page that helps, in the language of the address: a search of the site that runs, the
three subjects and the catalogue, and the home page."""

from __future__ import annotations

import pytest
from browser import PHONE
from sitecheck import resolve

MISSING = {"ar": "no-such-page/", "en": "en/no-such-page/"}
HOMES = {"ar": "", "en": "en/"}
SUBJECTS = [
    "approach/",
    "international/ctc-chairmanship-2016/",
    "capacity-building/",
    "best-practices/",
]
QUERIES = {"ar": "الإرهاب", "en": "terrorism"}


@pytest.mark.parametrize("language", MISSING)
def test_a_missing_page_offers_search_the_subjects_and_the_catalogue(tab, served, language):
    page = tab(viewport=PHONE)
    response = page.goto(served + MISSING[language], wait_until="load")
    shown = page.evaluate(
        """() => ({
          lang: document.documentElement.lang,
          field: Boolean(document.querySelector('article input[type=search]')?.offsetParent),
          label: document.querySelector('article input[type=search]').labels[0].textContent,
          links: [...document.querySelectorAll('article .not-found-subjects a')].map(
            (link) => [link.getAttribute('href'), link.textContent.trim()]),
        })"""
    )
    page.fill("article input[type=search]", QUERIES[language])
    page.press("article input[type=search]", "Enter")
    page.wait_for_selector(".site-search__results li", timeout=10000)
    landed = page.url
    results = page.locator(".site-search__results li").count()
    home = HOMES[language]
    assert response.status == 404
    assert shown["lang"] == language
    assert shown["field"] and shown["label"].strip()
    assert [resolve(MISSING[language], href) for href, _ in shown["links"]] == [
        home + path for path in SUBJECTS
    ]
    assert all(title for _, title in shown["links"])
    # The search runs on the home page of the language, with the query in the address.
    assert landed.split("?")[0] == served + home and "q=" in landed
    assert results > 0
