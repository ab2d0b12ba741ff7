"""axe-core on a phone, both languages, both schemes, in the states this issue's changes add: the
home page's first screen, the catalogue with its filters folded and unfolded, an entry, the 404
page, and open search results. (The every-page axe check runs on a desktop.)"""

from __future__ import annotations

import pytest
from axe_playwright_python.sync_playwright import Axe
from browser import AXE_OPTIONS, PHONE, describe
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


@pytest.mark.parametrize("scheme", ["light", "dark"])
@pytest.mark.parametrize("language", HOMES)
@pytest.mark.parametrize("state", STATES)
def test_no_accessibility_violation_on_a_phone(chromium, served, state, language, scheme):
    path, action = STATES[state]
    context = chromium.new_context(viewport=PHONE, color_scheme=scheme)
    page = context.new_page()
    page.goto(served + HOMES[language] + path, wait_until="load")
    page.evaluate("document.fonts.ready.then(() => true)")
    if action:
        action(page)
    violations = Axe().run(page, options=AXE_OPTIONS).response["violations"]
    context.close()
    assert describe(violations) == []
