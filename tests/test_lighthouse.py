"""Lighthouse (mobile) once per page type (browser.PAGE_TYPES: the home page, a content page, the
catalogue, an entry, the statements; the languages taking turns): accessibility, best practices
and SEO at 100. (The 404 page is left out: SEO marks a page down for its 404 status, which is
what it must answer.) `make audit` runs every key page in both languages, performance included:
performance moves a point or two between runs, so it is measured and reported, not asserted."""

from __future__ import annotations

import pytest
from browser import PAGE_TYPES
from node_tools import require_node_tool

CATEGORIES = ("accessibility", "best-practices", "seo")


# Each page type once, the languages taking turns: Arabic home, English content page...
AUDITED = {}
for number, kind in enumerate(kind for kind in PAGE_TYPES if kind != "not-found"):
    language, prefix = ("ar", "") if number % 2 == 0 else ("en", "en/")
    AUDITED[f"{language}-{kind}"] = prefix + PAGE_TYPES[kind]


@pytest.fixture
def lighthouse():
    """Lighthouse from node_modules (a missing one is named)."""
    return require_node_tool("lighthouse")


def test_lighthouse_gives_full_marks_in_accessibility_best_practices_and_seo(
    served, chromium, lighthouse
):
    """One test for the three categories: one Lighthouse over the pages in turn (a module fixture
    shared by three tests could run twice when `pytest -n` interleaves other tests between
    them)."""
    from browser import require_chromium

    from ctsite.tools.audit import failing_audits, run_lighthouse

    scores = run_lighthouse(
        {name: served + path for name, path in AUDITED.items()},
        chromium=require_chromium(),
        categories=CATEGORIES,
        screenshot=False,
    )
    assert len(scores) == 5
    below = {
        (name, category): failing_audits(name, category)
        for name, page_scores in scores.items()
        for category in CATEGORIES
        if page_scores[category] < 100
    }
    assert below == {}
