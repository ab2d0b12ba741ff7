"""A second accessibility engine beside axe: HTML_CodeSniffer (WCAG 2 AA), over every page in both
languages, in the light and the dark colour scheme, run in the one visit each page gets
(browser.Visits, as pa11y runs it). Its errors are fixed, or listed with the reason in
tests/htmlcs-allowlist.yml."""

from __future__ import annotations

import pytest
import yaml
from browser import checked_paths, html_codesniffer
from sitecheck import ROOT

PATHS = checked_paths()
ALLOWLIST = ROOT / "tests" / "htmlcs-allowlist.yml"
# A page with one known fault (an image without a text alternative): its error proves the engine
# ran and reported (an engine that ran nothing finds nothing).
CANARY = "<!doctype html><html lang=en><title>x</title><img src=x.png></html>"
CANARY_CODE = "WCAG2AA.Principle1.Guideline1_1.1_1_1.H37"


def allowlist() -> list[dict]:
    return yaml.safe_load(ALLOWLIST.read_text(encoding="utf-8"))


def allowed_by(issue: dict, entries: list[dict]) -> dict | None:
    """The allowlist entry that covers an error, if any."""
    for entry in entries:
        if issue["code"] == entry["code"] and entry["element"] in issue["context"]:
            return entry
    return None


def test_the_engine_reports_a_known_fault(chromium):
    context = chromium.new_context()
    page = context.new_page()
    page.set_content(CANARY)
    errors = html_codesniffer(page)
    context.close()
    assert [error["code"] for error in errors] == [CANARY_CODE]
    assert errors[0]["context"] == '<img src="x.png">'
    assert errors[0]["selector"] == "html > body > img"


@pytest.mark.parametrize("scheme", ["light", "dark"])
@pytest.mark.parametrize("path", PATHS)
def test_html_codesniffer_finds_no_error_beyond_the_allowlist(visits, path, scheme):
    visit = visits(path)
    entries = allowlist()
    errors = [
        f"{issue['code']} at {issue['selector']}: {issue['message']}"
        for issue in visit.htmlcs[scheme]
        if not allowed_by(issue, entries)
    ]
    assert visit.drawn[scheme] == ("slate" if scheme == "dark" else "default")
    assert errors == []


# The pages where each entry of the allowlist is reported (its reason says so): Material's search
# toggle is on every page; the filter forms are on the catalogue and the statements.
ALLOWLIST_PAGES = ["best-practices/", "en/statements/"]


def test_every_allowlist_entry_has_a_reason_and_is_still_needed(chromium, served):
    entries = allowlist()
    used = set()
    context = chromium.new_context()
    for path in ALLOWLIST_PAGES:
        page = context.new_page()
        page.goto(served + path, wait_until="load")
        used |= {id(allowed_by(issue, entries)) for issue in html_codesniffer(page)}
        page.close()
    context.close()
    for entry in entries:
        assert set(entry) == {"code", "element", "reason"}, entry
        assert len(entry["reason"]) > 40, entry
        assert id(entry) in used, f"no longer reported, remove it: {entry['code']}"
