"""The header's colour-scheme switch (overrides/partials/palette.html,
assets/javascripts/colour-scheme.js), as a keyboard and screen-reader user meets it, in both
languages: named for what it is, in a named group, its state read at load and after each key."""

from __future__ import annotations

import pytest
from browser import DESKTOP

PAGES = {"ar": "unit/", "en": "en/unit/"}
OTHER_PAGES = {"ar": "approach/", "en": "en/approach/"}
NAMES = {
    "ar": ('group "نظام الألوان"', 'switch "الوضع الداكن"'),
    "en": ('group "Colour scheme"', 'switch "Dark"'),
}
SWITCH = "[data-site-scheme] [role=switch]"


def state(page) -> dict:
    """What a screen reader reads of the group (its accessibility tree), which element has focus,
    and the scheme the page is drawn in."""
    return {
        "tree": page.locator("[data-site-scheme]").aria_snapshot(),
        "focused": page.evaluate("document.activeElement.getAttribute('role')"),
        "scheme": page.evaluate("document.body.getAttribute('data-md-color-scheme')"),
    }


def expected(language: str, on: bool) -> dict:
    group, switch = NAMES[language]
    return {
        "tree": f"- {group}:\n  - {switch}" + (" [checked]" if on else ""),
        "focused": "switch",
        "scheme": "slate" if on else "default",
    }


def tab_to_switch(page, limit: int = 30) -> None:
    for _ in range(limit):
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.getAttribute('role')") == "switch":
            return
    raise AssertionError("the Tab key never reaches the colour-scheme switch")


@pytest.mark.parametrize("language", PAGES)
def test_the_switch_is_named_grouped_and_turned_by_space_enter_and_arrows(tab, served, language):
    page = tab(viewport=DESKTOP, color_scheme="light")
    page.goto(served + PAGES[language], wait_until="load")
    tab_to_switch(page)
    seen = [state(page)]
    for key in ["Space", "Enter", "ArrowRight", "ArrowLeft", "ArrowDown", "ArrowUp", "Space"]:
        page.keyboard.press(key)
        seen.append(state(page))
    # The choice is kept: on reload and on the next page.
    page.reload(wait_until="load")
    reloaded = page.get_attribute(SWITCH, "aria-checked")
    page.goto(served + OTHER_PAGES[language], wait_until="load")
    next_page = (
        page.get_attribute(SWITCH, "aria-checked"),
        page.evaluate("document.body.getAttribute('data-md-color-scheme')"),
    )
    # Each key turns it over; focus stays on it, so screen readers read the new state.
    assert seen == [expected(language, on) for on in [0, 1, 0, 1, 0, 1, 0, 1]]
    assert reloaded == "true"
    assert next_page == ("true", "slate")


@pytest.mark.parametrize("language", PAGES)
@pytest.mark.parametrize("system", ["light", "dark"])
def test_until_a_visitor_chooses_it_reads_as_the_systems_scheme(tab, served, language, system):
    page = tab(viewport=DESKTOP, color_scheme=system)
    page.goto(served + PAGES[language], wait_until="load")
    page.focus(SWITCH)
    at_load = state(page)
    assert at_load == expected(language, system == "dark")


def test_without_javascript_the_switch_is_not_offered(chromium, served):
    """It could do nothing (the page is drawn in the light scheme): no dead control is read."""
    context = chromium.new_context(viewport=DESKTOP, java_script_enabled=False)
    page = context.new_page()
    page.goto(served + "en/unit/", wait_until="load")
    shown = page.is_visible("[data-site-scheme]")
    tree = page.locator("header").aria_snapshot()
    context.close()
    assert not shown
    assert "switch" not in tree and "Colour scheme" not in tree


def test_it_follows_the_system_until_a_visitor_chooses(tab, served):
    page = tab(viewport=DESKTOP, color_scheme="light")
    page.goto(served + PAGES["en"], wait_until="load")
    page.emulate_media(color_scheme="dark")
    followed = state(page)["scheme"], page.get_attribute(SWITCH, "aria-checked")
    page.click(SWITCH)  # the visitor chooses light
    page.emulate_media(color_scheme="light")
    page.emulate_media(color_scheme="dark")
    kept = state(page)["scheme"], page.get_attribute(SWITCH, "aria-checked")
    assert followed == ("slate", "true")
    assert kept == ("default", "false")
