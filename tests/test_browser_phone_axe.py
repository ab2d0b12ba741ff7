"""axe-core on a phone, both languages, both schemes, in the states this issue's changes add: the
home page's first screen, the catalogue with its filters folded and unfolded, an entry, the 404
page, and open search results. (The every-page axe check runs on a desktop.) Each state is loaded
once per language, and checked light then dark, as the page visits do (browser.show_scheme)."""

from __future__ import annotations

import pytest
from browser import PHONE, axe_violations, describe, show_scheme
from test_search_browser import results

HOMES = {"ar": "", "en": "en/"}


def unfold(page):
    page.click("[data-catalogue-toggle]")


def search(page):
    results(page)


STATES = {
    "home": ("", None),
    "catalogue-folded": ("best-practices/?kind=offering", None),
    "catalogue-unfolded": ("best-practices/", unfold),
    "entry": ("best-practices/cccpa-prelt-training/", None),
    "not-found": ("no-such-page/", None),
    "search": ("?q=CTC", search),
}


@pytest.fixture(scope="session")
def phone_axe(shared_tab, served):
    """`phone_axe(state, language)`: axe's violations in each scheme, light then dark, on one
    load of the state (the system's setting switched between them, which the site follows
    without a reload), made when a test first asks for it."""
    found: dict[tuple[str, str], dict[str, list[str]]] = {}

    def check(state: str, language: str) -> dict[str, list[str]]:
        if (state, language) not in found:
            path, action = STATES[state]
            page = shared_tab.fresh(viewport=PHONE, color_scheme="light")
            page.goto(served + HOMES[language] + path, wait_until="load")
            page.evaluate("document.fonts.ready.then(() => true)")
            if action:
                action(page)
            violations = {}
            for scheme, drawn in (("light", "default"), ("dark", "slate")):
                assert show_scheme(page, scheme) == drawn, f"{state} {language}: not {scheme}"
                violations[scheme] = describe(axe_violations(page))
            found[state, language] = violations
        return found[state, language]

    return check


# One worker makes every load (each serves both schemes' tests).
@pytest.mark.xdist_group("phone-axe")
@pytest.mark.parametrize("scheme", ["light", "dark"])
@pytest.mark.parametrize("language", HOMES)
@pytest.mark.parametrize("state", STATES)
def test_no_accessibility_violation_on_a_phone(phone_axe, state, language, scheme):
    assert phone_axe(state, language)[scheme] == []
