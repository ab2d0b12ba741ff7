"""Any number of languages: a fixture copy of the site with a third language (French, left to
right) gets every feature, with no language code in the logic.

The French pages are copies of the English ones and every label gets a French entry (the English
label marked «(fr)»): what is checked is the machinery, not the translation.
"""

from __future__ import annotations

import json
import re
import shutil

import pytest
import yaml
from sitecheck import build, parsed

pytestmark = pytest.mark.xdist_group("third-language")

EPOCH = "1764374400"  # 29 November 2025: pages without git history take this date
FRENCH = """        - locale: fr
          name: Français
          build: true
          site_name: Lutte contre le terrorisme
          site_description: L'approche globale de l'Égypte
          nav_translations:
            أقسام أخرى: Plus sur ce site
"""


def add_french(value):
    """Every mapping with an English entry gets a French one, the English marked «(fr)»."""
    if isinstance(value, dict):
        value = {key: add_french(item) for key, item in value.items()}
        if isinstance(value.get("en"), str) and "fr" not in value:
            value["fr"] = value["en"] + " (fr)"
    elif isinstance(value, list):
        value = [add_french(item) for item in value]
    return value


def french_project(project):
    """A copy of the project made trilingual."""
    config = project / "mkdocs.yml"
    text = config.read_text(encoding="utf-8")
    # The languages are the last entries of the plugins section, which the next section's
    # heading follows: the French language goes at its end.
    section = "\n# " + "-" * 93 + "\n# Markdown extensions"
    assert text.count(section) == 1
    text = text.replace(section, "\n" + FRENCH.rstrip("\n") + "\n" + section)
    config.write_text(text, encoding="utf-8")
    shutil.copytree(project / "docs" / "en", project / "docs" / "fr")
    for name in (
        "ui.yml",
        "catalogue-fields.yml",
        "pillars.yml",
        "institutions.yml",
        "audiences.yml",
        "formats.yml",
        "kinds.yml",
        "open-to.yml",
        "un-documents.yml",
        "timeline.yml",
        "venues.yml",
        "statements.yml",
    ):
        path = project / "data" / name
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
        path.write_text(
            yaml.safe_dump(add_french(data), allow_unicode=True, sort_keys=False), encoding="utf-8"
        )
    registry = project / "data" / "translations.yml"
    versions = yaml.safe_load(registry.read_text(encoding="utf-8"))
    versions["fr"] = dict(versions["en"])
    registry.write_text(yaml.safe_dump(versions), encoding="utf-8")
    return project


@pytest.fixture(scope="session")
def french(tmp_path_factory, project_copies):
    """(project, built site) of the three-language fixture."""
    folder = tmp_path_factory.mktemp("french")
    project = french_project(project_copies("french"))
    result = build(
        project, folder / "site", site_url="https://ct.example.test/", SOURCE_DATE_EPOCH=EPOCH
    )
    assert result.returncode == 0, result.stdout + result.stderr
    return project, folder / "site"


def soup(path):
    return parsed(path)


def test_every_french_page_is_built_in_french_left_to_right(french):
    _, site = french
    pages = sorted((site / "fr").rglob("index.html"))
    assert len(pages) >= 25
    for page in pages:
        html = soup(page).html
        assert (html["lang"], html["dir"]) == ("fr", "ltr"), page


def test_the_switcher_and_hreflang_know_three_languages(french):
    _, site = french
    page = soup(site / "fr" / "unit" / "index.html")
    alternates = {
        link["hreflang"]: link["href"]
        for link in page.select('head link[rel="alternate"]')
        if link.get("hreflang")
    }
    assert alternates == {
        "ar": "https://ct.example.test/unit/",
        "en": "https://ct.example.test/en/unit/",
        "fr": "https://ct.example.test/fr/unit/",
        "x-default": "https://ct.example.test/unit/",
    }
    switcher = {a.get("hreflang"): a["href"] for a in page.select(".md-header a[hreflang]")}
    assert set(switcher) == {"ar", "en", "fr"}
    assert switcher["ar"].endswith("unit/") and switcher["en"].endswith("en/unit/")


def test_each_language_keeps_its_own_404_page(french):
    _, site = french
    found = {
        path: (soup(site / path).html["lang"], soup(site / path).html["dir"])
        for path in ("404.html", "en/404.html", "fr/404.html")
    }
    assert found == {
        "404.html": ("ar", "rtl"),
        "en/404.html": ("en", "ltr"),
        "fr/404.html": ("fr", "ltr"),
    }


def test_french_gets_its_own_search_index(french):
    _, site = french
    manifest = json.loads((site / "fr" / "search" / "manifest.json").read_text(encoding="utf-8"))
    assert manifest["language"] == "fr"
    chunk = json.loads((site / "fr" / "search" / "docs" / "0.json").read_text(encoding="utf-8"))
    assert chunk and all(record[0].startswith("fr/") for record in chunk)


def test_french_gets_its_catalogue_and_exports(french):
    _, site = french
    folder = site / "fr" / "best-practices"
    document = json.loads((folder / "catalogue.json").read_text(encoding="utf-8"))
    assert document["language"] == "fr"
    practice = document["practices"][0]
    assert practice["url"].startswith("https://ct.example.test/fr/best-practices/")
    assert practice["pillar"]["label"].endswith("(fr)")
    csv = (folder / "catalogue.csv").read_text(encoding="utf-8-sig")
    assert csv.count("https://ct.example.test/fr/best-practices/") == len(document["practices"])
    cards = soup(folder / "index.html").select(".catalogue-card")
    assert len(cards) == len(document["practices"])


def test_dates_are_written_in_french(french):
    _, site = french
    page = soup(site / "fr" / "unit" / "index.html")
    assert page.select_one("aside.page-facts time").get_text() == "29 novembre 2025"
    timeline = soup(site / "fr" / "international" / "ctc-chairmanship-2016" / "index.html")
    dates = [time.get_text() for time in timeline.select("ol.timeline time")]
    assert "11 mai 2016" in dates


@pytest.fixture(scope="session")
def french_mistakes(french, tmp_path_factory):
    """The output of a strict build of a copy of the three-language fixture with two mistakes
    in different pages (one build for both): the French privacy page missing, and the Arabic
    unit page changed after both its translations were recorded."""
    project, _ = french
    copy = tmp_path_factory.mktemp("french-mistakes") / "project"
    shutil.copytree(project, copy)
    (copy / "docs" / "fr" / "privacy.md").unlink()
    arabic = copy / "docs" / "ar" / "unit" / "index.md"
    arabic.write_text(arabic.read_text(encoding="utf-8") + "\nفقرة جديدة.\n", encoding="utf-8")
    result = build(copy, copy.parent / "site")
    assert result.returncode != 0
    return result.stdout + result.stderr


def test_a_missing_french_page_fails_the_build_naming_it(french_mistakes):
    assert "docs/fr/privacy.md: missing translation" in french_mistakes
    assert "Traceback" not in french_mistakes


def test_a_changed_arabic_page_makes_both_translations_stale(french_mistakes):
    stale = re.findall(r"docs/(\w+)/unit/index\.md: stale translation", french_mistakes)
    assert sorted(stale) == ["en", "fr"]
