"""The catalogue on a phone and on a desktop, in Chromium, both languages: the filters folded
behind one control that says how many are set; the number of results always in view and
announced; the first result in the first screen, filtered or not; cards a visitor scans (the
title strongest, who offers · for whom · open to, a quiet kind tag); the desktop's width used;
without JavaScript, every entry and no control."""

from __future__ import annotations

import json

import pytest
import yaml
from browser import DESKTOP, PHONE
from sitecheck import ROOT

CATALOGUES = {"ar": "best-practices/", "en": "en/best-practices/"}
UI = yaml.safe_load((ROOT / "data" / "ui.yml").read_text(encoding="utf-8"))
# The fields' labels, as data/catalogue-fields.yml declares them.
FIELDS = yaml.safe_load((ROOT / "data" / "catalogue-fields.yml").read_text(encoding="utf-8"))[
    "fields"
]

STATE = """() => {
  const box = (selector) => {
    const element = document.querySelector(selector);
    if (!element || !element.getClientRects().length) return null;
    const rect = element.getBoundingClientRect();
    return {top: rect.top, bottom: rect.bottom, text: element.textContent.trim()};
  };
  const toggle = document.querySelector('[data-catalogue-toggle]');
  const count = document.querySelector('[data-catalogue-count]');
  return {
    toggle: box('[data-catalogue-toggle]'),
    expanded: toggle.getAttribute('aria-expanded'),
    controls: toggle.getAttribute('aria-controls'),
    form: box('[data-catalogue-filters]'),
    count: box('[data-catalogue-count]'),
    live: count.getAttribute('aria-live'),
    firstResult: box('.catalogue-card:not([hidden]) .catalogue-card__title a'),
    shown: document.querySelectorAll('.catalogue-card:not([hidden])').length,
  };
}"""


def open_catalogue(chromium, served, path, viewport=PHONE, **options):
    context = chromium.new_context(viewport=viewport, **options)
    page = context.new_page()
    page.goto(served + path, wait_until="load")
    page.evaluate("document.fonts.ready.then(() => true)")
    return context, page


def exported(site, language) -> list[dict]:
    folder = site / CATALOGUES[language]
    return json.loads((folder / "catalogue.json").read_text(encoding="utf-8"))["practices"]


@pytest.mark.parametrize("language", CATALOGUES)
@pytest.mark.parametrize("query", ["", "?kind=offering"], ids=["all", "filtered"])
def test_on_a_phone_the_first_result_is_in_the_first_screen(
    chromium, served, site, language, query
):
    context, page = open_catalogue(chromium, served, CATALOGUES[language] + query)
    state = page.evaluate(STATE)
    context.close()
    height = PHONE["height"]
    assert state["form"] is None  # folded
    assert state["expanded"] == "false" and state["controls"] == "catalogue-filters"
    assert state["toggle"]["bottom"] <= height
    assert state["count"]["bottom"] <= height and state["live"] == "polite"
    assert state["firstResult"]["bottom"] <= height
    offers = [p for p in exported(site, language) if p["kind"] == "offering"]
    total = len(exported(site, language))
    assert state["shown"] == (len(offers) if query else total)
    assert str(state["shown"]) in state["count"]["text"]
    active = UI["filter_active"][language].replace("{count}", "1").strip()
    assert state["toggle"]["text"].endswith(active) == bool(query)


@pytest.mark.parametrize("language", CATALOGUES)
def test_the_control_unfolds_the_filters_and_counts_those_set(chromium, served, site, language):
    context, page = open_catalogue(chromium, served, CATALOGUES[language])
    page.click("[data-catalogue-toggle]")
    opened = page.evaluate(STATE)
    page.select_option("#filter-kind", "offering")
    page.select_option("#filter-pillar", "security")
    filtered = page.evaluate(STATE)
    page.click("[data-catalogue-toggle]")
    closed = page.evaluate(STATE)
    context.close()
    assert opened["expanded"] == "true" and opened["form"] is not None
    assert opened["form"]["bottom"] > opened["form"]["top"]
    expected = [
        p
        for p in exported(site, language)
        if p["kind"] == "offering" and p["pillar"]["key"] == "security"
    ]
    assert filtered["shown"] == len(expected)
    # The new number is in view as soon as a filter is chosen (it stands above the filters).
    assert str(len(expected)) in filtered["count"]["text"]
    assert 0 <= filtered["count"]["top"] and filtered["count"]["bottom"] <= PHONE["height"]
    active = UI["filter_active"][language].replace("{count}", "2").strip()
    assert filtered["toggle"]["text"].endswith(active)
    assert closed["expanded"] == "false" and closed["form"] is None
    assert closed["firstResult"]["bottom"] <= PHONE["height"]


@pytest.mark.parametrize("language", CATALOGUES)
def test_without_javascript_a_phone_shows_every_entry_and_no_control(
    chromium, served, site, language
):
    context, page = open_catalogue(
        chromium, served, CATALOGUES[language], java_script_enabled=False
    )
    state = page.evaluate(STATE)
    context.close()
    assert state["toggle"] is None and state["form"] is None
    assert state["shown"] == len(exported(site, language))


CARDS = """() => [...document.querySelectorAll('.catalogue-card')].map((card) => {
  const style = (selector) => {
    const element = card.querySelector(selector);
    const computed = getComputedStyle(element);
    return {weight: Number(computed.fontWeight), size: parseFloat(computed.fontSize)};
  };
  const texts = [...card.querySelectorAll('p, dd, span')].map((element) => {
    const computed = getComputedStyle(element);
    return {weight: Number(computed.fontWeight), size: parseFloat(computed.fontSize)};
  });
  return {
    id: card.querySelector('.catalogue-card__title a').getAttribute('href'),
    title: style('.catalogue-card__title'),
    kind: style('.catalogue-kind'),
    others: texts,
    facts: [...card.querySelectorAll('.catalogue-card__facts dd')].map(
      (dd) => dd.textContent.trim()),
    factLabels: [...card.querySelectorAll('.catalogue-card__facts dt')].map(
      (dt) => dt.textContent.trim()),
  };
})"""


@pytest.mark.parametrize("viewport", [PHONE, DESKTOP], ids=["phone", "desktop"])
@pytest.mark.parametrize("language", CATALOGUES)
def test_cards_put_the_title_first_then_who_offers_for_whom_and_open_to(
    chromium, served, site, language, viewport
):
    context, page = open_catalogue(chromium, served, CATALOGUES[language], viewport)
    cards = page.evaluate(CARDS)
    context.close()
    practices = {p["id"]: p for p in exported(site, language)}
    audiences = yaml.safe_load((ROOT / "data" / "audiences.yml").read_text(encoding="utf-8"))
    assert len(cards) == len(practices)
    for card in cards:
        title = card["title"]
        assert title["weight"] >= 700
        assert all(title["size"] > other["size"] for other in card["others"]), card["id"]
        assert card["kind"]["weight"] < title["weight"] and card["kind"]["size"] < title["size"]
        practice = practices[card["id"].strip("/").split("/")[-1]]
        # Who offers first, then for whom, then who may ask, as the entry's fields say.
        assert card["facts"][0] == practice["institution"]["label"]
        labels = [FIELDS["institution"]["label"][language]]
        if practice["audiences"]:
            labels.append(FIELDS["audiences"]["label"][language])
            first = audiences[practice["audiences"][0]][language]
            assert first in card["facts"][1]
        if practice["open_to"]:
            labels.append(FIELDS["open_to"]["label"][language])
        assert card["factLabels"] == labels


WIDTH = """() => {
  const cards = [...document.querySelectorAll('.catalogue-card')].map(
    (card) => card.getBoundingClientRect());
  const content = document.querySelector('.md-content').getBoundingClientRect();
  const toc = document.querySelector('.md-sidebar--secondary');
  return {
    columns: new Set(cards.map((rect) => Math.round(rect.left))).size,
    left: Math.min(...cards.map((rect) => rect.left)),
    right: Math.max(...cards.map((rect) => rect.right)),
    contentWidth: content.width,
    tocShown: Boolean(toc && toc.getClientRects().length
      && getComputedStyle(toc).display !== 'none'),
  };
}"""


@pytest.mark.parametrize("language", CATALOGUES)
def test_a_desktop_lays_the_cards_over_its_width(chromium, served, language):
    context, page = open_catalogue(chromium, served, CATALOGUES[language], DESKTOP)
    layout = page.evaluate(WIDTH)
    context.close()
    assert not layout["tocShown"]
    assert layout["columns"] >= 2
    assert layout["right"] - layout["left"] >= 0.9 * layout["contentWidth"] - 40


PANEL = """() => {
  const panel = document.querySelector('.practice-panel');
  const box = panel.getBoundingClientRect();
  const pairs = [...panel.querySelectorAll('dt')].map((dt) => {
    const dd = dt.nextElementSibling;
    const a = dt.getBoundingClientRect();
    const b = dd.getBoundingClientRect();
    return {labelBottom: a.bottom, valueTop: b.top, valueWidth: b.width};
  });
  const sources = panel.querySelector('.practice-panel__sources').getBoundingClientRect();
  return {panelWidth: box.width, pairs, sourcesWidth: sources.width};
}"""


@pytest.mark.parametrize("width", [360, PHONE["width"]])
@pytest.mark.parametrize("language", CATALOGUES)
def test_an_entry_stacks_each_fact_under_its_label_on_a_phone(chromium, served, language, width):
    path = CATALOGUES[language] + "cccpa-prelt-training/"
    context, page = open_catalogue(chromium, served, path, {"width": width, "height": 800})
    panel = page.evaluate(PANEL)
    context.close()
    assert len(panel["pairs"]) >= 5
    for pair in panel["pairs"]:
        assert pair["valueTop"] >= pair["labelBottom"] - 1  # the value under its label
        assert pair["valueWidth"] >= 0.8 * panel["panelWidth"]  # and as wide as the panel
    assert panel["sourcesWidth"] >= 0.8 * panel["panelWidth"]
