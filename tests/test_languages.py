"""Built-site checks: both languages, the same pages, right lang/dir, switcher, head links, 404s,
sitemap. Against one strict build of the real site (conftest.py)."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET

import pytest
from sitecheck import DEFAULT_LANGUAGE, DIRECTION, LANGUAGES, content_pages, parsed, resolve

ARABIC_LETTER = re.compile(r"[\u0621-\u064A]")
LATIN_LETTER = re.compile(r"[A-Za-z]")


def pages_by_language(site):
    result = {language: {} for language in LANGUAGES}
    for page in content_pages(site):
        result[page.language][page.path] = page
    return result


def counterpart_url_path(path: str, language: str) -> str:
    """Site-relative URL of a page (language-relative `path`, e.g. "unit/index.html")."""
    prefix = "" if language == DEFAULT_LANGUAGE else f"{language}/"
    return prefix + path[: -len("index.html")]


def test_both_languages_have_exactly_the_same_pages(site):
    pages = pages_by_language(site)
    assert set(pages["ar"]) == set(pages["en"])
    # Every section of the site is there (best-practices/ comes with the catalogue).
    assert {
        "index.html",
        "approach/index.html",
        "religious-institutions/index.html",
        "international/index.html",
        "international/ctc-chairmanship-2016/index.html",
        "unit/index.html",
        "capacity-building/index.html",
        "accessibility/index.html",
        "privacy/index.html",
    } <= set(pages["ar"])


def test_every_page_declares_its_language_and_direction_on_html(site):
    for page in content_pages(site):
        html = page.soup().html
        assert (html.get("lang"), html.get("dir")) == (
            page.language,
            DIRECTION[page.language],
        ), page.file


def test_no_page_is_published_in_the_other_language(site):
    """The i18n plugin's fallback would put Arabic text under /en/: the main text of each page
    is written mostly in its own script."""
    for page in content_pages(site):
        text = page.soup().select_one("article").get_text(" ")
        arabic = len(ARABIC_LETTER.findall(text))
        latin = len(LATIN_LETTER.findall(text))
        if page.language == "ar":
            assert arabic > 3 * latin, page.file
        else:
            assert latin > 3 * arabic, page.file


def test_the_switcher_goes_to_the_same_page_in_the_other_language(site):
    for page in content_pages(site):
        links = page.soup().select("nav.site-languages a")
        assert [link["hreflang"] for link in links] == list(LANGUAGES), page.file
        for link in links:
            language = link["hreflang"]
            assert link["lang"] == language
            expected = counterpart_url_path(page.path, language)
            assert resolve(page.url_path, link["href"]) == expected, (page.file, link)
            assert (site / expected / "index.html").is_file()
            if language == page.language:
                assert link.get("aria-current") == "true"
            else:
                assert not link.has_attr("aria-current")


def test_head_has_canonical_and_absolute_hreflang_alternates(site, site_url):
    for page in content_pages(site):
        soup = page.soup()
        canonical = [link["href"] for link in soup.select('head link[rel="canonical"]')]
        assert canonical == [site_url + page.url_path], page.file
        alternates = {
            link["hreflang"]: link["href"]
            for link in soup.select('head link[rel="alternate"][hreflang]')
        }
        expected = {
            language: site_url + counterpart_url_path(page.path, language) for language in LANGUAGES
        }
        expected["x-default"] = expected[DEFAULT_LANGUAGE]
        assert alternates == expected, page.file


@pytest.mark.parametrize(
    ("path", "language", "heading"),
    [("404.html", "ar", "الصفحة غير موجودة"), ("en/404.html", "en", "Page not found")],
)
def test_each_language_has_its_404_page(site, path, language, heading):
    soup = parsed(site / path)
    assert (soup.html["lang"], soup.html["dir"]) == (language, DIRECTION[language])
    assert soup.select_one("article h1").get_text(strip=True) == heading
    # Not indexable, so no canonical or hreflang of another page.
    assert soup.select('head link[rel="canonical"], head link[hreflang]') == []
    # Its switcher leads to each language's home page, from whatever URL it is served at.
    homes = [
        resolve("some/missing/page/", link["href"]) for link in soup.select("nav.site-languages a")
    ]
    assert homes == ["", "en/"]


def test_the_sitemap_lists_both_languages_with_alternates(site, site_url):
    text = (site / "sitemap.xml").read_text(encoding="utf-8")
    assert "None" not in text
    ns = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9", "x": "http://www.w3.org/1999/xhtml"}
    root = ET.fromstring(text)
    entries = {
        url.find("s:loc", ns).text: {
            link.get("hreflang"): link.get("href") for link in url.findall("x:link", ns)
        }
        for url in root.findall("s:url", ns)
    }
    pages = content_pages(site)
    assert set(entries) == {site_url + page.url_path for page in pages}
    for page in pages:
        assert entries[site_url + page.url_path] == {
            language: site_url + counterpart_url_path(page.path, language) for language in LANGUAGES
        }


def test_arabic_headings_get_arabic_anchors(site):
    from sitecheck import ROOT

    # Ids an editor set on purpose ("## ... {#request}", for links from templates) are kept.
    explicit = {
        anchor
        for source in (ROOT / "docs" / "ar").rglob("*.md")
        for anchor in re.findall(r"\{#([\w-]+)\}", source.read_text(encoding="utf-8"))
    }
    ids = [
        heading["id"]
        for page in content_pages(site)
        if page.language == "ar"
        for heading in page.soup().select("article h2[id]")
        if heading.select_one("a.headerlink")  # written from Markdown, not by a template
        and heading["id"] not in explicit
    ]
    assert ids, "no h2 on the Arabic pages"
    for anchor in ids:
        assert ARABIC_LETTER.search(anchor), anchor
        assert not re.fullmatch(r"_\d+", anchor)
