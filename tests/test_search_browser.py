"""Browser checks of the site's search: Arabic matching, one language per index, ?q=,
keyboard, highlighted snippets; and the JavaScript analyser against the Python one."""

from __future__ import annotations

import json
import time

import pytest
from browser import DESKTOP, PageLoad
from sitecheck import content_pages
from test_text_analysis import MUST_MATCH, MUST_NOT_MATCH

from ctsite.search import analysis as text_analysis


def open_page(tab, served, path):
    """(the worker's tab with `path` loaded, what the tab loads from then on): the test stops
    the recording (`load.unwatch(page)`) before it ends, or the tab would keep its listeners."""
    page = tab(viewport=DESKTOP)
    load = PageLoad(origin=served.rstrip("/"))
    load.watch(page)
    page.goto(served + path)
    return page, load


def until(page, function: str, argument=None, timeout: float = 10.0) -> None:
    """Wait until `function` (JavaScript, called with `argument`) returns something true."""
    deadline = time.monotonic() + timeout
    while not page.evaluate(function, argument):
        if time.monotonic() > deadline:
            raise AssertionError(f"timed out waiting for {function}")
        page.wait_for_timeout(20)


def results(page, query: str | None = None) -> list[str]:
    """The result links, once shown; with `query`, once they are that query's (not an earlier
    keystroke's)."""
    # Polled from here: Playwright's own wait_for_function evaluates its predicate with eval(),
    # which the site's Content-Security-Policy (sent by the test server) refuses.
    if query is None:
        until(page, "() => document.querySelector('[data-site-search-status]').textContent")
    else:
        until(
            page,
            "query => document.querySelector('[data-site-search-results]')"
            ".getAttribute('data-query') === query",
            query,
        )
    return [a.get_attribute("href") for a in page.query_selector_all(".site-search__link")]


def search(page, query: str) -> list[str]:
    page.fill("#site-search-input", "")
    page.evaluate("document.querySelector('[data-site-search-status]').textContent = ''")
    page.fill("#site-search-input", query)
    return results(page)


def test_the_javascript_analyser_gives_the_python_stems(tab, served):
    words = sorted(
        {w for pair in MUST_MATCH + MUST_NOT_MATCH for text in pair for w in text.split()}
    )
    words += ["الْمُمَارَسَاتُ", "وبالتعاون", "للمنتديات", "فالإرهاب", "Organisations", "٢٠٢٤"]
    page, load = open_page(tab, served, "")
    got = page.evaluate(
        """async (words) => {
          const a = await window.siteSearch.analyser();
          return words.map((w) => a.words(w).map((x) => a.stems(x)));
        }""",
        words,
    )
    load.unwatch(page)
    expected = [text_analysis.terms(word) for word in words]
    assert got == expected


@pytest.mark.parametrize(
    ("query", "must_contain"),
    [
        ("إرهاب", "الإرهاب"),
        ("الارهاب", "الإرهاب"),
        ("المنتدى", "المنتدي"),
        ("ممارسات", "الممارسات"),
    ],
)
def test_arabic_queries_find_the_variants_on_arabic_pages_only(
    tab, served, site, query, must_contain
):
    page, load = open_page(tab, served, "unit/")
    found = search(page, query)
    marks = page.eval_on_selector_all(".site-search__snippet mark", "m => m.length")
    load.unwatch(page)
    assert found, f"nothing found for {query}"
    assert all(not href.replace(served, "").startswith("en/") for href in found)
    # The variant the query must find is on a page among the results.
    pages_with_variant = {
        page.url_path
        for page in content_pages(site)
        if page.language == "ar" and must_contain in page.file.read_text(encoding="utf-8")
    }
    assert {href.replace(served, "") for href in found} & pages_with_variant
    assert marks > 0
    assert not [url for url in load.requests if "/en/search/" in url]


def test_english_search_is_stemmed_and_stays_in_english(tab, served):
    page, load = open_page(tab, served, "en/unit/")
    found = search(page, "practices")
    found_singular = search(page, "practice")
    typing = search(page, "counterterr")
    load.unwatch(page)
    assert found and set(found) == set(found_singular)
    assert typing, "a word matches while it is being typed"
    assert all(href.replace(served, "").startswith("en/") for href in found + typing)
    search_requests = [url for url in load.requests if "/search/" in url]
    assert search_requests and all("/en/search/" in url for url in search_requests)


def test_opening_a_page_with_q_runs_the_search(tab, served):
    page, load = open_page(tab, served, "international/?q=المنتدى العالمي")
    found = results(page)
    value = page.input_value("#site-search-input")
    load.unwatch(page)
    assert value == "المنتدى العالمي"
    assert served + "international/" in found


def test_search_is_usable_by_keyboard(tab, served):
    page, load = open_page(tab, served, "en/")
    page.focus("#site-search-input")
    page.keyboard.type("Security Council")
    results(page, "Security Council")
    page.keyboard.press("ArrowDown")
    first = page.evaluate("document.activeElement.classList.contains('site-search__link')")
    page.keyboard.press("ArrowDown")
    second = page.evaluate("document.activeElement.getAttribute('href')")
    page.keyboard.press("Escape")
    after_escape = page.evaluate("document.activeElement.id")
    hidden = page.is_hidden("[data-site-search-panel]")
    status_role = page.get_attribute("[data-site-search-status]", "role")
    load.unwatch(page)
    assert first
    assert second
    assert after_escape == "site-search-input" and hidden
    assert status_role == "status"


def test_each_index_holds_its_own_language_only(site):
    for home in ("", "en/"):
        manifest = json.loads((site / home / "search" / "manifest.json").read_text())
        chunks = [
            json.loads((site / home / "search" / "docs" / f"{n}.json").read_text())
            for n in range(len(manifest["chunks"]))
        ]
        urls = [record[0] for chunk in chunks for record in chunk]
        assert len(urls) == manifest["documents"] > 10
        if home == "en/":
            assert all(url.startswith("en/") for url in urls)
        else:
            assert not any(url.startswith("en/") for url in urls)
