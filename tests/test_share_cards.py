"""Share cards: every page, in both languages, says in its own language what a shared link
shows: title, description, canonical address, locale, the site's full name and the share image
of its language, with its real size and alternative text."""

from __future__ import annotations

import pytest
import yaml
from PIL import Image
from sitecheck import ROOT, content_pages

from ctsite.settings import i18n_languages
from ctsite.share.description import describe, first_paragraph, shorten

OG_LOCALES = {"ar": "ar_EG", "en": "en_GB"}


def site_names() -> dict[str, tuple[str, str]]:
    """{language: (site_name, site_description)} from mkdocs.yml's i18n languages."""
    return {
        lang["locale"]: (lang["site_name"], lang["site_description"])
        for lang in i18n_languages(ROOT / "mkdocs.yml")
    }


def meta(soup, key: str) -> list[str]:
    """The content of every <meta property=key> or <meta name=key>, in order."""
    return [
        tag["content"]
        for tag in soup.select("head meta")
        if tag.get("property") == key or tag.get("name") == key
    ]


def one(soup, key: str) -> str:
    values = meta(soup, key)
    assert len(values) == 1, f"{key}: expected one tag, found {values}"
    return values[0]


@pytest.fixture(scope="session")
def pages(site):
    return [(page, page.soup()) for page in content_pages(site)]


def test_every_page_has_a_share_card_in_its_own_language(pages, site, site_url):
    names = site_names()
    assert {page.language for page, _ in pages} == set(OG_LOCALES)
    for page, soup in pages:
        where = page.url_path or "/"
        language = page.language
        canonical = soup.select_one('head link[rel="canonical"]')["href"]
        assert one(soup, "og:url") == canonical == site_url + page.url_path, where
        assert one(soup, "og:locale") == OG_LOCALES[language], where
        assert meta(soup, "og:locale:alternate") == [
            locale for code, locale in OG_LOCALES.items() if code != language
        ], where
        name, summary = names[language]
        assert one(soup, "og:site_name") == name, where
        title = one(soup, "og:title")
        if page.path == "index.html":
            assert (one(soup, "og:type"), title) == ("website", name), where
        else:
            heading = soup.select_one("article h1").get_text(" ", strip=True).rstrip("¶").strip()
            assert (one(soup, "og:type"), title) == ("article", heading), where
        description = one(soup, "og:description")
        assert description == one(soup, "description"), where
        assert 20 <= len(description) <= 200, where
        # The image of the page's language, as published, with its real size.
        image_url = one(soup, "og:image")
        assert image_url == site_url + f"assets/images/share-{language}.png", where
        image = site / image_url[len(site_url) :]
        with Image.open(image) as picture:
            assert (
                picture.size
                == (
                    int(one(soup, "og:image:width")),
                    int(one(soup, "og:image:height")),
                )
                == (1200, 630)
            ), where
        assert one(soup, "og:image:alt") == f"{name}: {summary}", where
        # The Twitter card says the same.
        assert one(soup, "twitter:card") == "summary_large_image", where
        for key in ("title", "description", "image"):
            assert one(soup, f"twitter:{key}") == one(soup, f"og:{key}"), (where, key)
        assert one(soup, "twitter:image:alt") == one(soup, "og:image:alt"), where


def test_a_page_is_described_by_its_front_matter_or_its_first_paragraph(pages):
    by_path = {(page.language, page.path): soup for page, soup in pages}
    # The home page's front matter description.
    home = (ROOT / "docs" / "en" / "index.md").read_text(encoding="utf-8")
    front = yaml.safe_load(home.split("---")[1])
    assert one(by_path[("en", "index.html")], "og:description") == shorten(front["description"])
    # The unit page has none: its first paragraph, without footnote markers.
    unit = by_path[("en", "unit/index.html")]
    first = unit.select_one("article p").get_text()
    described = one(unit, "og:description")
    assert described.rstrip("…") in first
    assert not any(character.isdigit() for character in described[-3:])


def test_description_rules():
    html = (
        '<h1>T</h1><div class="admonition"><p>Aside</p></div>'
        '<p>Egypt <a href="x">chaired</a> the CTC<sup id="fnref:1"><a href="#fn:1">1</a></sup>.'
        "</p><p>Second.</p>"
    )
    assert first_paragraph(html) == "Egypt chaired the CTC."
    long = "word " * 100
    short = shorten(long)
    assert len(short) <= 200 and short.endswith("…") and not short.endswith(" …")
    assert describe({"summary": "A practice."}, html, "site") == "A practice."
    assert describe({}, "<p></p>", "The site.") == "The site."


def test_the_share_images_are_the_languages_own(site):
    for language in OG_LOCALES:
        published = site / "assets" / "images" / f"share-{language}.png"
        committed = ROOT / "docs" / "assets" / "images" / f"share-{language}.png"
        assert published.read_bytes() == committed.read_bytes()
        assert published.stat().st_size <= 100_000


def test_the_header_names_the_site_in_full_and_in_short(pages):
    texts = yaml.safe_load((ROOT / "data" / "ui.yml").read_text(encoding="utf-8"))
    names = site_names()
    for page, soup in pages:
        topic = soup.select_one(".md-header__topic")
        full = topic.select_one(".site-name--full").get_text(strip=True)
        # The short form: the ministry (in full, and shorter for phones) above the subject.
        short = topic.select_one(".site-name--short .site-subject").get_text(strip=True)
        assert (full, short) == (
            names[page.language][0],
            texts["site_short_name"][page.language],
        ), page.url_path
        assert len(short) < len(full)
        ministry = [
            topic.select_one(f".site-name--short .site-ministry--{form}").get_text(strip=True)
            for form in ("full", "short")
        ]
        assert ministry == [
            texts["ministry"][page.language],
            texts["ministry_short"][page.language],
        ]
        # <title> keeps the full name.
        assert soup.title.get_text().endswith(names[page.language][0]), page.url_path
