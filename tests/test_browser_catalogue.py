"""Browser checks of the catalogue's filters, with and without JavaScript, and of the URL state."""

from __future__ import annotations

import json
import re

import pytest
from browser import DESKTOP

CATALOGUES = {"ar": "best-practices/", "en": "en/best-practices/"}


def visible_ids(page) -> list[str]:
    return page.eval_on_selector_all(
        ".catalogue-card:not([hidden]) a",
        "links => links.filter(a => a.offsetParent !== null)"
        ".map(a => a.getAttribute('href').replace(/\\/$/, '').split('/').pop()).sort()",
    )


def exported(site, language) -> list[dict]:
    folder = site / CATALOGUES[language]
    return json.loads((folder / "catalogue.json").read_text(encoding="utf-8"))["practices"]


@pytest.mark.parametrize("language", CATALOGUES)
def test_without_javascript_every_entry_shows_and_filters_stay_hidden(
    chromium, served, site, language
):
    context = chromium.new_context(viewport=DESKTOP, java_script_enabled=False)
    page = context.new_page()
    page.goto(served + CATALOGUES[language] + "?pillar=financial")
    ids = visible_ids(page)
    filters_visible = page.is_visible("[data-catalogue-filters]")
    context.close()
    assert ids == sorted(p["id"] for p in exported(site, language))
    assert not filters_visible


@pytest.mark.parametrize("language", CATALOGUES)
def test_filters_narrow_at_once_announce_the_count_and_keep_state_in_the_url(
    tab, served, site, language
):
    practices = exported(site, language)
    offers_financial = sorted(
        p["id"] for p in practices if p["kind"] == "offering" and p["pillar"]["key"] == "security"
    )
    security = sorted(p["id"] for p in practices if p["pillar"]["key"] == "security")
    assert offers_financial, "the test needs security offers in the catalogue"
    page = tab(viewport=DESKTOP)
    page.goto(served + CATALOGUES[language])
    assert page.is_visible("[data-catalogue-filters]")
    assert page.get_attribute("[data-catalogue-count]", "role") == "status"

    page.select_option("#filter-pillar", "security")
    assert visible_ids(page) == security
    assert re.search(r"[?&]pillar=security\b", page.url)
    count = page.text_content("[data-catalogue-count]")
    assert str(len(security)) in count and str(len(practices)) in count

    page.select_option("#filter-kind", "offering")
    assert visible_ids(page) == offers_financial
    assert "kind=offering" in page.url

    page.reload()
    assert visible_ids(page) == offers_financial
    assert page.input_value("#filter-kind") == "offering"

    page.go_back()
    assert visible_ids(page) == security
    assert page.input_value("#filter-kind") == ""

    page.goto(served + CATALOGUES[language] + "?pillar=security&kind=offering")
    assert visible_ids(page) == offers_financial

    page.click("[data-catalogue-filters] button[type=reset]")
    assert visible_ids(page) == sorted(p["id"] for p in practices)
    assert "?" not in page.url


def test_a_filter_with_no_match_says_so_and_hides_empty_groups(tab, served, site):
    practices = exported(site, "en")
    page = tab(viewport=DESKTOP)
    # Pick an audience and a pillar that no entry combines.
    audiences = {a for p in practices for a in p["audiences"]}
    pillars = {p["pillar"]["key"] for p in practices}
    pair = next(
        (a, pl)
        for a in sorted(audiences)
        for pl in sorted(pillars)
        if not any(a in p["audiences"] and p["pillar"]["key"] == pl for p in practices)
    )
    page.goto(served + f"en/best-practices/?audience={pair[0]}&pillar={pair[1]}")
    assert visible_ids(page) == []
    assert page.is_visible("[data-catalogue-empty]")
    assert page.locator(".catalogue-group:visible").count() == 0


def test_filters_are_reachable_and_usable_by_keyboard(tab, served, site):
    page = tab(viewport=DESKTOP)
    page.goto(served + "best-practices/")
    page.focus("#filter-pillar")
    page.keyboard.press("ArrowDown")  # selects the first pillar offered
    selected = page.input_value("#filter-pillar")
    assert selected != ""


@pytest.mark.parametrize("language", CATALOGUES)
def test_who_may_ask_filters_the_offers_from_the_url_and_the_form(tab, served, site, language):
    practices = exported(site, language)
    groups = sorted({key for p in practices for key in p["open_to"]})
    assert groups, "the test needs offers that say who may ask"
    group = groups[0]
    expected = sorted(p["id"] for p in practices if group in p["open_to"])
    page = tab(viewport=DESKTOP)
    page.goto(served + CATALOGUES[language] + f"?open-to={group}")
    from_url = visible_ids(page)
    chosen = page.input_value("#filter-open-to")
    label = page.text_content("label[for=filter-open-to]").strip()
    page.click("[data-catalogue-filters] button[type=reset]")
    page.select_option("#filter-open-to", group)
    from_form = visible_ids(page)
    url = page.url
    assert (from_url, chosen, from_form) == (expected, group, expected)
    assert f"open-to={group}" in url
    assert label == ("من يحق له الطلب" if language == "ar" else "Who may ask")


def shown_filters(page) -> dict:
    """The filters' values, the query of the URL and the entries shown."""
    return {
        "pillar": page.input_value("#filter-pillar"),
        "kind": page.input_value("#filter-kind"),
        "query": page.evaluate("location.search"),
        "ids": visible_ids(page),
    }


@pytest.mark.parametrize("language", CATALOGUES)
def test_back_returns_to_the_previous_choice_not_to_each_arrow_step(tab, served, site, language):
    """Stepping through a filter with the arrow keys narrows the list and updates the URL at each
    step, but adds one history entry per settled choice: Back goes to the view before it."""
    practices = exported(site, language)
    page = tab(viewport=DESKTOP)
    page.goto(served + CATALOGUES[language])
    start = page.evaluate("history.length")
    initial = shown_filters(page)

    page.focus("#filter-pillar")
    steps = []
    for _ in range(3):
        page.keyboard.press("ArrowDown")
        steps.append(shown_filters(page))
    page.keyboard.press("Tab")  # leaving the filter settles the choice
    pillar_chosen = shown_filters(page)

    page.focus("#filter-kind")
    page.keyboard.press("ArrowDown")
    page.keyboard.press("ArrowDown")
    page.keyboard.press("Tab")
    both_chosen = shown_filters(page)
    added = page.evaluate("history.length") - start

    page.go_back()
    back_once = shown_filters(page)
    page.go_back()
    back_twice = shown_filters(page)
    page.go_forward()
    forward = shown_filters(page)

    pillar = steps[-1]["pillar"]
    # Each step narrowed the list at once and put its choice in the URL.
    assert [s["pillar"] for s in steps] == [s["query"].split("pillar=")[1] for s in steps]
    assert len({s["pillar"] for s in steps}) == 3
    assert steps[-1]["ids"] == sorted(p["id"] for p in practices if p["pillar"]["key"] == pillar)
    assert both_chosen["kind"] == "offering" and "kind=offering" in both_chosen["query"]
    # Two settled choices, two entries; Back walks them, not the steps.
    assert added == 2
    assert back_once == pillar_chosen
    assert back_twice == initial
    assert initial["query"] == "" and len(initial["ids"]) == len(practices)
    assert forward == pillar_chosen
