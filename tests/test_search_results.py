"""Search results a visitor can tell apart, in Chromium, both languages, on a phone: each says
what it is (a page, a catalogue entry, a UN document, a glossary term); no two look the same;
snippets read "(CTC)" without stray spaces; the results panel is as wide as the screen."""

from __future__ import annotations

import pytest
import yaml
from browser import PHONE
from sitecheck import ROOT
from test_search_browser import results

UI = yaml.safe_load((ROOT / "data" / "ui.yml").read_text(encoding="utf-8"))
HOMES = {"ar": "", "en": "en/"}
# Queries that find pages, catalogue entries, UN documents and glossary terms.
QUERIES = {"ar": ["الأزهر", "CTC", "2354"], "en": ["Azhar", "CTC", "2354"]}

SHOWN = """() => ({
  panel: document.querySelector('[data-site-search-panel]').getBoundingClientRect().width,
  screen: document.documentElement.clientWidth,
  results: [...document.querySelectorAll('.site-search__link')].map((link) => ({
    kind: link.querySelector('.site-search__kind').textContent,
    title: link.querySelector('.site-search__title').textContent,
    snippet: link.querySelector('.site-search__snippet').textContent,
  })),
})"""


@pytest.mark.parametrize("language", HOMES)
def test_results_say_what_they_are_and_fill_a_phones_width(tab, served, language):
    page = tab(viewport=PHONE)
    seen = []
    for query in QUERIES[language]:
        page.goto(served + HOMES[language] + "?q=" + query, wait_until="load")
        results(page)
        seen.append(page.evaluate(SHOWN))
    kinds = {
        UI[f"search_kind_{kind}"][language]: kind for kind in ("page", "entry", "document", "term")
    }
    found = set()
    for shown in seen:
        assert abs(shown["panel"] - shown["screen"]) <= 1
        assert shown["results"]
        assert all(result["kind"] in kinds for result in shown["results"])
        found |= {kinds[result["kind"]] for result in shown["results"]}
        pairs = [(result["kind"], result["title"]) for result in shown["results"]]
        assert len(pairs) == len(set(pairs)), pairs  # no two alike
        for result in shown["results"]:
            assert "( " not in result["snippet"] and " )" not in result["snippet"]
    assert found == {"page", "entry", "document", "term"}
    if language == "en":  # the Arabic pages write the committee's name without the abbreviation
        assert any("(CTC)" in r["snippet"] for shown in seen for r in shown["results"])
