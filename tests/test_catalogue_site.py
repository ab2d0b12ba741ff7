"""Built-site checks of the catalogue: both catalogues and both exports list every practice;
practice pages carry their panel, JSON-LD and, for offers, a way to request them."""

from __future__ import annotations

import csv
import io
import json

import pytest
from sitecheck import ROOT, parsed

from ctsite.catalogue import model

LANGUAGES = {"ar": "", "en": "en/"}
IDS = sorted(model.practice_files(ROOT / "docs", "ar"))


def soup_of(path):
    return parsed(path)


def test_the_catalogue_has_enough_real_entries():
    from ctsite.catalogue import frontmatter

    values = [
        frontmatter.read(path.read_text(encoding="utf-8")).values
        for path in model.practice_files(ROOT / "docs", "en").values()
    ]
    assert len(values) >= 12
    assert len({v["pillar"] for v in values}) >= 4
    assert len({v["institution"] for v in values}) >= 4
    offers = [v for v in values if v["kind"] == "offering"]
    assert len(offers) >= 4 and all(v["formats"] and v["open_to"] for v in offers)
    assert all(v["sources"] for v in values)


@pytest.mark.parametrize("language", LANGUAGES)
def test_each_catalogue_page_lists_every_practice_grouped_by_pillar(site, language):
    page = soup_of(site / LANGUAGES[language] / "best-practices" / "index.html")
    cards = page.select(".catalogue-card")
    links = sorted(card.select_one("a")["href"].strip("/").split("/")[-1] for card in cards)
    assert links == IDS
    for group in page.select(".catalogue-group"):
        count = group.select_one(".catalogue-group__count").get_text(strip=True)
        assert count == f"({len(group.select('.catalogue-card'))})"
        pillars = {card["data-pillar"] for card in group.select(".catalogue-card")}
        assert len(pillars) == 1
    # Without JavaScript the filters are hidden and every entry shows.
    assert page.select_one("[data-catalogue-filters]").has_attr("hidden")
    assert not any(card.has_attr("hidden") for card in cards)
    assert page.html["dir"] == ("rtl" if language == "ar" else "ltr")


@pytest.mark.parametrize("language", LANGUAGES)
def test_each_language_exports_every_practice_in_json_and_csv(site, site_url, language):
    folder = site / LANGUAGES[language] / "best-practices"
    document = json.loads((folder / "catalogue.json").read_text(encoding="utf-8"))
    assert document["language"] == language
    assert sorted(p["id"] for p in document["practices"]) == IDS
    other = "en" if language == "ar" else "ar"
    for practice in document["practices"]:
        assert practice["url"] == f"{site_url}{LANGUAGES[language]}best-practices/{practice['id']}/"
        assert practice["translation_url"] == (
            f"{site_url}{LANGUAGES[other]}best-practices/{practice['id']}/"
        )
        assert practice["sources"]
    data = (folder / "catalogue.csv").read_bytes()
    assert data.startswith(b"\xef\xbb\xbf")
    rows = list(csv.DictReader(io.StringIO(data.decode("utf-8-sig"))))
    assert sorted(row["id"] for row in rows) == IDS
    # Who may ask for each offer, in both exports.
    offers = {p["id"]: p["open_to"] for p in document["practices"] if p["kind"] == "offering"}
    assert offers and all(offers.values())
    assert {row["id"]: row["open_to"].split("; ") for row in rows if row["id"] in offers} == offers
    page = soup_of(folder / "index.html")
    assert {a["href"] for a in page.select(".catalogue-downloads a")} == {
        "catalogue.json",
        "catalogue.csv",
    }


@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize("practice_id", IDS)
def test_each_practice_page_has_its_panel_and_json_ld(site, language, practice_id):
    page = soup_of(site / LANGUAGES[language] / "best-practices" / practice_id / "index.html")
    exported = {
        p["id"]: p
        for p in json.loads(
            (site / LANGUAGES[language] / "best-practices" / "catalogue.json").read_text()
        )["practices"]
    }[practice_id]
    panel = page.select_one(".practice-panel")
    assert exported["pillar"]["label"] in panel.get_text()
    assert exported["institution"]["label"] in panel.get_text()
    assert [a["href"] for a in panel.select(".practice-panel__sources a")] == [
        s["url"] for s in exported["sources"]
    ]
    # The practice's own description (the page's breadcrumbs are another block).
    (ld,) = [
        data
        for script in page.select('script[type="application/ld+json"]')
        if (data := json.loads(script.string))["@type"] != "BreadcrumbList"
    ]
    described_page = ld.get("mainEntityOfPage", ld)  # an offer's page describes the Service
    assert (ld["name"], ld["url"], described_page["inLanguage"]) == (
        exported["title"],
        exported["url"],
        language,
    )
    request = page.select_one(".practice-request a")
    if exported["kind"] == "offering":
        assert request["href"].endswith("capacity-building/#request")
        assert ld["@type"] == "Service"
    else:
        assert request is None
