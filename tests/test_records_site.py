"""The record on the built site: UN document links, the documents page, the timeline, and an
editor's unknown symbol failing the strict build."""

from __future__ import annotations

import json

import pytest
from sitecheck import LANGUAGES, ROOT, build, content_pages, parsed, resolve

from ctsite.records import register as un_documents
from ctsite.records import timeline

HOME = {"ar": "", "en": "en/"}
LOCALE = {"ar": "ar_EG", "en": "en_GB"}  # extra.site.date_locales
CHAIRMANSHIP = "international/ctc-chairmanship-2016/index.html"
DOCUMENTS = "documents/index.html"


@pytest.fixture(scope="session")
def register():
    return un_documents.load(ROOT / "data" / "un-documents.yml", list(LANGUAGES))


def page(site, language, path):
    return parsed(site / HOME[language] / path)


@pytest.mark.parametrize("language", LANGUAGES)
def test_document_references_link_the_official_text_in_the_pages_language(site, register, language):
    links = page(site, language, CHAIRMANSHIP).select("article a.un-document")
    assert len(links) >= 8
    for link in links:
        symbol = link.get_text()
        document = next(d for d in register.documents.values() if d.shown == symbol)
        address, address_language = register.address(document, language)
        assert link["href"] == address
        assert link.get("hreflang") == (None if address_language == language else address_language)
        assert link["title"] == register.description(document, language, LOCALE[language])
        assert link["dir"] == "ltr"
    hrefs = {link["href"] for link in links}
    assert f"https://docs.un.org/{language}/S/2017/375" in hrefs


def test_no_page_shows_a_reference_left_unresolved(site):
    for built in content_pages(site):
        text = built.soup().select_one("article").get_text()
        assert "[[" not in text, built.url_path
        assert "[^" not in text, built.url_path  # a footnote reference with no footnote


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_documents_page_lists_every_document_by_date_with_the_pages_citing_it(
    site, register, language
):
    documents_page = page(site, language, DOCUMENTS)
    entries = documents_page.select("ol.un-documents > li")
    assert [entry.select_one("a.un-document").get_text() for entry in entries] == [
        d.shown for d in register.by_date()
    ]
    for entry, document in zip(entries, register.by_date(), strict=True):
        assert entry.select_one("time")["datetime"] == document.date.iso
        assert entry.select_one("time").get_text() == document.date.written(LOCALE[language])
        cited = entry.select(".un-documents__cited a")
        assert cited, f"{document.symbol} is in the register but no page cites it"
        for link in cited:
            target = resolve(f"{HOME[language]}documents/", link["href"])
            citing = (site / target / "index.html").read_text(encoding="utf-8")
            address = register.address(document, language)[0]
            assert f'href="{address}"' in citing, (document.symbol, target)


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_documents_page_is_in_the_navigation_and_in_search(site, language):
    home = page(site, language, "index.html")
    assert any(
        resolve(HOME[language], a["href"]) == f"{HOME[language]}documents/"
        for a in home.select("nav.md-nav--primary a")
    )
    search = site / HOME[language] / "search"
    chunks = [json.loads(path.read_text(encoding="utf-8")) for path in search.glob("docs/*.json")]
    assert any(entry[0].endswith("documents/") for chunk in chunks for entry in chunk)


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_chairmanship_timeline_is_an_ordered_list_of_dated_entries(site, register, language):
    entries = timeline.load(ROOT / "data" / "timeline.yml", list(LANGUAGES), register)
    items = page(site, language, CHAIRMANSHIP).select("article ol.timeline > li")
    assert len(items) == len(entries)
    for item, entry in zip(items, entries, strict=True):
        time = item.select_one("time")
        assert time["datetime"] == entry.date.iso
        assert time.get_text() == entry.date.written(LOCALE[language])
        shown = [a.get_text() for a in item.select(".timeline__documents a.un-document")]
        assert shown == [register.documents[symbol].shown for symbol in entry.documents]
    months = {"ar": "مايو", "en": "May"}[language]
    assert any(months in item.select_one("time").get_text() for item in items)


def test_an_unknown_symbol_fails_the_build_naming_file_line_and_nearest_symbols(
    project_copy, tmp_path
):
    project = project_copy
    page_file = project / "docs" / "en" / "privacy.md"
    lines = page_file.read_text(encoding="utf-8").splitlines()
    lines.insert(2, "The framework [[S/2017/37]] and [[S/RES/2345(2017)]].")
    page_file.write_text("\n".join(lines) + "\n", encoding="utf-8")
    result = build(project, tmp_path / "site")
    output = result.stdout + result.stderr
    assert result.returncode != 0
    assert (
        "docs/en/privacy.md, line 3: UN document reference: expected a symbol of "
        "data/un-documents.yml, found 'S/2017/37' (nearest known: S/2017/375" in output
    )
    assert "found 'S/RES/2345(2017)' (nearest known: S/RES/2354(2017)" in output
    assert "Traceback" not in output
