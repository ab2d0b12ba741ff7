"""Page weight on a first visit (bytes transferred, compressed, empty cache), measured with the
DevTools protocol in Chromium against the gzip server, once per page type in each language; and
screenshots for people to look at.

The figures go to reports/page-weight.md; the home pages have a budget.
"""

from __future__ import annotations

import pytest
from browser import DESKTOP, PAGE_TYPES, PHONE
from sitecheck import ROOT

REPORTS = ROOT / "reports"
HOME_BUDGET = 200_000  # bytes, compressed, fonts included
# And no home page heavier than before it became the front door (measured then, in the same way
# but without the published headers): it grew text, cards and share tags, and lost bytes in its
# fonts (ctsite/tools/fonts.py) and its logo (drawn inline).
# Then, when the home page became a first screen for phones (breadcrumbs, the ministry in the
# header, folded catalogue filters...), no heavier than just before (measured in this way:
# 146,941 and 115,940 bytes): our stylesheet and scripts are now published minified.
# Since then two additions of other issues, each measured: the colour-scheme switch's script
# (1,866 bytes, every page), and on the Arabic home the Latin face (6,874 bytes) that the name of
# the independent organisation Security Council Report needs, written in its own letters as the
# content audit asked. Then the home page drawn in parts without moving what is drawn
# (tests/test_home_page.py, `LATE_PARTS`): about 85 bytes on each home page (the stylesheet's
# rules 70, compressed; the mark before the navigation 15). Then the language switcher's size
# kept as its names arrive (the same test's pauses inside it): 135 bytes, the stylesheet's rules,
# compressed. Nothing else may grow.
HOME_CEILINGS = {"/": 155_235, "en/": 117_235}


def transferred_bytes(shared_tab, url: str) -> tuple[int, int]:
    """(bytes transferred, number of responses) for a first visit to `url` in the worker's tab,
    as a new tab would be (browser.Tab: nothing of the site stored, the cache emptied), counted
    with the DevTools protocol."""
    page = shared_tab.fresh(viewport=PHONE)
    sizes: dict[str, float] = {}

    def finished(event) -> None:
        sizes[event["requestId"]] = event["encodedDataLength"]

    shared_tab.devtools.on("Network.loadingFinished", finished)
    try:
        # Everything a first visit loads has arrived once the page has loaded and its fonts
        # (which load as text needs them) are ready: the same figures as waiting for an idle
        # network.
        page.goto(url, wait_until="load")
        page.evaluate("document.fonts.ready.then(() => true)")
        page.wait_for_timeout(100)
    finally:
        shared_tab.devtools.remove_listener("Network.loadingFinished", finished)
    return int(sum(sizes.values())), len(sizes)


@pytest.mark.xdist_group("weight")
def test_page_weight_report_and_home_page_budget(shared_tab, served):
    rows = []
    for kind, path in PAGE_TYPES.items():
        for prefix in ("", "en/"):
            size, requests = transferred_bytes(shared_tab, served + prefix + path)
            rows.append((kind, prefix + path or "/", size, requests))
    REPORTS.mkdir(exist_ok=True)
    lines = ["| page type | page | KB transferred (compressed) | requests |", "|---|---|---:|---:|"]
    lines += [f"| {k} | /{p.lstrip('/')} | {size / 1000:.1f} | {n} |" for k, p, size, n in rows]
    (REPORTS / "page-weight.md").write_text("\n".join(lines) + "\n", encoding="utf-8")
    print("\n" + "\n".join(lines))
    homes = {p: size for _, p, size, _ in rows if p in ("/", "en/")}
    assert set(homes) == {"/", "en/"}
    for path, size in homes.items():
        assert size <= HOME_BUDGET, f"{path}: {size} bytes over the {HOME_BUDGET} budget"
        ceiling = HOME_CEILINGS[path]
        assert size <= ceiling, f"{path}: {size} bytes, heavier than its {ceiling} of before"


SCREENSHOTS = {"ar-home": "", "ar-unit": "unit/", "en-home": "en/", "en-unit": "en/unit/"}


@pytest.mark.xdist_group("screenshots")
@pytest.mark.parametrize("name", SCREENSHOTS)
@pytest.mark.parametrize(("device", "viewport"), [("phone", PHONE), ("desktop", DESKTOP)])
def test_screenshots(tab, served, name, device, viewport):
    """reports/screenshots/<page>-<device>.png, once the fonts have loaded."""
    folder = REPORTS / "screenshots"
    folder.mkdir(parents=True, exist_ok=True)
    page = tab(viewport=viewport)
    page.goto(served + SCREENSHOTS[name], wait_until="networkidle")
    # Fonts are loaded before the picture is taken.
    assert page.evaluate("document.fonts.ready.then(() => document.fonts.status)") == "loaded"
    target = folder / f"{name}-{device}.png"
    page.screenshot(path=str(target), full_page=False)
    assert target.stat().st_size > 10_000


def test_our_stylesheet_and_scripts_are_published_without_comments(site):
    from ctsite.theme.feature import MINIFIED

    for name in MINIFIED:
        published = (site / "assets" / name).read_text(encoding="utf-8")
        source = (ROOT / "docs" / "assets" / name).read_text(encoding="utf-8")
        assert "/*" in source and "/*" not in published, name
        assert len(published) < 0.8 * len(source), name
