"""Where am I: the three subjects and the catalogue at the top of the navigation in both
languages; breadcrumbs above the title of every inner page, at every width, the same trail as the
page's BreadcrumbList; a way back at the top of a catalogue entry."""

from __future__ import annotations

import json

import pytest
from browser import DESKTOP, PHONE
from sitecheck import content_pages, resolve

HOMES = {"ar": "", "en": "en/"}
TOP_LEVEL = [
    "",
    "approach/",
    "international/ctc-chairmanship-2016/",
    "capacity-building/",
    "best-practices/",
]


@pytest.fixture(scope="session")
def pages(site):
    return [(page, page.soup()) for page in content_pages(site)]


def trail(soup) -> list[dict]:
    (data,) = [
        data
        for script in soup.select('script[type="application/ld+json"]')
        if (data := json.loads(script.string))["@type"] == "BreadcrumbList"
    ]
    return data["itemListElement"]


@pytest.mark.parametrize("language", HOMES)
def test_the_subjects_and_the_catalogue_are_the_top_of_the_navigation(pages, language):
    home = HOMES[language]
    soup = next(soup for page, soup in pages if page.url_path == home)
    top = soup.select("nav.md-nav--primary > ul.md-nav__list > li.md-nav__item")
    links = [item.select_one(":scope > a.md-nav__link") for item in top]
    targets = [resolve(home, link["href"]) for link in links if link]
    assert targets == [home + path for path in TOP_LEVEL]
    # Every other page is one level down, in one section.
    sections = [item for item in top if not item.select_one(":scope > a.md-nav__link")]
    assert len(sections) == 1
    assert len(sections[0].select("a.md-nav__link[href]")) >= 7


def test_every_inner_page_shows_its_breadcrumbs_above_its_title(pages, site_url):
    checked = 0
    for page, soup in pages:
        if page.url_path in HOMES.values():
            assert not soup.select(".site-breadcrumbs")
            continue
        crumbs = soup.select("article .site-breadcrumbs li a")
        items = trail(soup)
        assert [" ".join(link.get_text().split()) for link in crumbs] == [
            item["name"] for item in items
        ], page.url_path
        assert [site_url + resolve(page.url_path, link["href"]) for link in crumbs] == [
            item["item"]["@id"] for item in items
        ], page.url_path
        assert crumbs[-1].get("aria-current") == "page"
        # Before the title, in the text's order.
        nav = soup.select_one("article .site-breadcrumbs")
        assert nav.find_next("h1") is soup.select_one("article h1"), page.url_path
        assert not nav.find_previous("h1") or not nav.find_previous("h1").find_parent("article")
        checked += 1
    assert checked > 50


POSITIONS = """() => {
  const nav = document.querySelector('.site-breadcrumbs');
  const title = document.querySelector('article h1');
  const links = [...nav.querySelectorAll('a')];
  return {
    shown: getComputedStyle(nav).display !== 'none' && nav.getBoundingClientRect().height > 0,
    bottom: nav.getBoundingClientRect().bottom,
    titleTop: title.getBoundingClientRect().top,
    inView: links.every((link) => {
      const box = link.getBoundingClientRect();
      return box.left >= 0 && box.right <= innerWidth + 1 && box.height >= 24;
    }),
    first: links[0].textContent.trim(),
  };
}"""


@pytest.mark.parametrize("viewport", [PHONE, DESKTOP], ids=["phone", "desktop"])
@pytest.mark.parametrize(
    "path",
    [
        "international/ctc-chairmanship-2016/",
        "en/international/ctc-chairmanship-2016/",
        "best-practices/azhar-observatory/",
        "en/best-practices/azhar-observatory/",
        "en/glossary/",
    ],
)
def test_breadcrumbs_are_shown_above_the_title_at_every_width(tab, served, viewport, path):
    page = tab(viewport=viewport)
    page.goto(served + path, wait_until="load")
    page.evaluate("document.fonts.ready.then(() => true)")
    shown = page.evaluate(POSITIONS)
    assert shown["shown"] and shown["inView"]
    assert shown["bottom"] <= shown["titleTop"]


@pytest.mark.parametrize("language", HOMES)
def test_a_catalogue_entry_leads_back_to_the_catalogue_from_its_top(tab, served, language):
    home = HOMES[language]
    page = tab(viewport=PHONE)
    page.goto(served + home + "best-practices/azhar-observatory/", wait_until="load")
    back = page.evaluate(
        """() => [...document.querySelectorAll('.site-breadcrumbs a:not([aria-current])')].map(
          (link) => [link.getAttribute('href'), link.getBoundingClientRect().bottom])"""
    )
    targets = {resolve(home + "best-practices/azhar-observatory/", href): y for href, y in back}
    assert home + "best-practices/" in targets
    assert targets[home + "best-practices/"] <= PHONE["height"] / 2  # at the top of the page
