"""Type that reads, in Chromium, both languages: a bold, dark title in both colour schemes; a
reading column of at most 85 characters a line on a desktop; no heading with an empty line under
it at any width; year ranges, symbols and counts never broken across lines; a separator only
between two footnote markers that stand side by side."""

from __future__ import annotations

import pytest
from browser import DESKTOP, PHONE, WIDTHS, show_scheme, site_paths
from bs4 import BeautifulSoup

PATHS = [path for path in site_paths() if "404" not in path]
# The pages whose paragraphs are longest, and a catalogue entry, in both languages.
READING = [
    prefix + path
    for prefix in ("", "en/")
    for path in (
        "",
        "approach/",
        "international/ctc-chairmanship-2016/",
        "capacity-building/",
        "unit/",
        "religious-institutions/",
        "best-practices/azhar-observatory/",
    )
]

# The contrast of an element's text with the page's background (WCAG relative luminance), the
# text's alpha composed over the background.
CONTRAST = """(element) => {
  const parse = (value) => value.match(/[\\d.]+/g).map(Number);
  const [br, bg, bb] = parse(getComputedStyle(document.body).backgroundColor);
  const [r, g, b, a = 1] = parse(getComputedStyle(element).color);
  const mix = (c, d) => c * a + d * (1 - a);
  const lum = (rgb) => {
    const [x, y, z] = rgb.map((c) => {
      c /= 255;
      return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
    });
    return 0.2126 * x + 0.7152 * y + 0.0722 * z;
  };
  const text = lum([mix(r, br), mix(g, bg), mix(b, bb)]);
  const back = lum([br, bg, bb]);
  return (Math.max(text, back) + 0.05) / (Math.min(text, back) + 0.05);
}"""

# The longest line, in characters, of every paragraph, list item or definition of the article
# drawn on three lines or more.
LONGEST_LINES = """() => {
  const found = [];
  const range = document.createRange();
  for (const block of document.querySelectorAll("article :is(p, li, dd)")) {
    if (block.querySelector("p, li, ul, ol") || !block.getClientRects().length) continue;
    const walker = document.createTreeWalker(block, NodeFilter.SHOW_TEXT);
    const lines = new Map();
    while (walker.nextNode()) {
      const node = walker.currentNode;
      for (let i = 0; i < node.nodeValue.length; i++) {
        range.setStart(node, i);
        range.setEnd(node, i + 1);
        const rect = range.getClientRects()[0];
        if (!rect || !rect.width) continue;
        const line = Math.round(rect.bottom / 4);
        lines.set(line, (lines.get(line) || 0) + 1);
      }
    }
    if (lines.size >= 3) {
      found.push([Math.max(...lines.values()), block.textContent.trim().slice(0, 50)]);
    }
  }
  return found;
}"""


@pytest.fixture(scope="session")
def desktop(chromium, served):
    context = chromium.new_context(viewport=DESKTOP)
    page = context.new_page()
    yield page
    context.close()


def visit(page, url):
    page.goto(url, wait_until="load")
    page.evaluate("document.fonts.ready.then(() => true)")


TITLED = ["", "en/", "approach/", "en/approach/", "best-practices/", "en/best-practices/"]


@pytest.fixture(scope="session")
def title_look(shared_tab, served):
    """`title_look(path)`: the title's weight, its contrast and the text's, per colour scheme, on
    a phone: the page loaded once, light then dark (the system's setting switched, which the site
    follows without a reload: browser.show_scheme), made when a test first asks for it."""
    found: dict[str, dict[str, dict]] = {}

    def look(path: str) -> dict[str, dict]:
        if path not in found:
            page = shared_tab.fresh(viewport=PHONE, color_scheme="light")
            visit(page, served + path)
            title = page.query_selector("article h1")
            seen = {}
            for scheme in ("light", "dark"):
                seen[scheme] = {
                    "drawn": show_scheme(page, scheme),
                    "weight": int(title.evaluate("(h1) => getComputedStyle(h1).fontWeight")),
                    "contrast": page.evaluate(CONTRAST, title),
                    "body": page.evaluate(CONTRAST, page.query_selector("article p")),
                }
            found[path] = seen
        return found[path]

    return look


# One worker loads each page (one load serves both schemes' tests).
@pytest.mark.xdist_group("title-look")
@pytest.mark.parametrize("scheme", ["light", "dark"])
@pytest.mark.parametrize("path", TITLED)
def test_the_title_is_bold_and_dark(title_look, path, scheme):
    seen = title_look(path)[scheme]
    assert seen["drawn"] == ("slate" if scheme == "dark" else "default")
    assert seen["weight"] >= 600
    assert seen["contrast"] >= 7, f"title contrast {seen['contrast']:.1f}:1"
    assert seen["contrast"] >= seen["body"] - 0.5  # no fainter than the text under it


def test_running_text_stays_within_85_characters_a_line(desktop, served):
    too_long = {}
    measured = []
    for path in READING:
        visit(desktop, served + path)
        lines = desktop.evaluate(LONGEST_LINES)
        measured += [length for length, _ in lines]
        over = [(length, text) for length, text in lines if length > 85]
        if over:
            too_long[path] = over
    assert not too_long
    assert len(measured) > 50 and max(measured) >= 60  # the check did measure long paragraphs


@pytest.mark.parametrize("width", WIDTHS)
@pytest.mark.parametrize("path", PATHS)
def test_no_heading_leaves_an_empty_line_under_it(visits, path, width):
    assert visits(path).layout[width]["gaps"] == []


@pytest.mark.parametrize("width", [360, PHONE["width"]])
@pytest.mark.parametrize("path", PATHS)
def test_year_ranges_symbols_and_counts_stay_on_one_line(visits, path, width):
    assert visits(path).layout[width]["broken"] == []


@pytest.mark.parametrize("path", PATHS)
def test_a_separator_stands_only_between_markers_side_by_side(visits, path):
    markers = visits(path).separators
    assert [marker for marker in markers if marker["adjacent"] != marker["separated"]] == []


def test_the_layout_checks_have_what_they_check_to_look_at(site):
    """The pages have what the checks above look at, counted with their selectors in the built
    pages: headings with permalinks, runs kept on one line, footnote markers alone and side by
    side (a check that found nothing to look at would pass wrongly)."""
    linked = kept = markers = pairs = 0
    for path in PATHS:
        article = BeautifulSoup(
            (site / path / "index.html").read_text(encoding="utf-8"), "html.parser"
        ).select_one("article")
        linked += len(article.select(":is(h1, h2, h3, h4, h5, h6) .headerlink"))
        kept += len(article.select(":is(.nobreak, a.un-document, .catalogue-group__count)"))
        for marker in article.select("sup[id^='fnref']"):
            markers += 1
            before = marker.previous_sibling
            while isinstance(before, str) and not before.strip():
                before = before.previous_sibling
            pairs += bool(
                before is not None
                and before.name == "sup"
                and str(before.get("id", "")).startswith("fnref")
            )
    assert linked > 100 and kept > 100
    assert markers > 200 and pairs > 0
