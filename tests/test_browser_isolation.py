"""In Chromium, Latin runs in Arabic text keep their neighbours where an Arabic reader expects
them: the character before a run is drawn to its right, the one after it to its left
(browser.NEIGHBOURS checks every run of a page)."""

from __future__ import annotations

import pytest
from browser import DESKTOP, site_paths

from ctsite.languages import bidi

ARABIC_PATHS = [path for path in site_paths() if not path.startswith("en/")]

# The x-centres of the given words in a paragraph, in the order given.
CENTRES = """
(words) => {
  const paragraph = document.querySelector("#case");
  const text = paragraph.textContent;
  const walker = document.createTreeWalker(paragraph, NodeFilter.SHOW_TEXT);
  const nodes = [];
  while (walker.nextNode()) nodes.push(walker.currentNode);
  let searchFrom = 0;
  return words.map((word) => {
    const start = text.indexOf(word, searchFrom);
    searchFrom = start + word.length;
    let offset = start;
    for (const node of nodes) {
      if (offset < node.nodeValue.length) {
        const range = document.createRange();
        range.setStart(node, offset);
        range.setEnd(node, Math.min(node.nodeValue.length, offset + word.length));
        const rect = range.getBoundingClientRect();
        return rect.left + rect.width / 2;
      }
      offset -= node.nodeValue.length;
    }
    return null;
  });
}
"""

CASES = [
    ("وثيقة SC/12839، 24 مايو 2017", ["SC/12839", "،", "24", "مايو", "2017"]),
    ("القرار S/RES/2354 (2017)، 24 مايو", ["S/RES/2354 (2017)", "،", "24", "مايو"]),
    ("الوثيقة S/2017/375، 28 أبريل 2017", ["S/2017/375", "،", "28", "أبريل"]),
]


def centres(page, html: str, words: list[str]) -> list[float]:
    page.set_content(f'<html lang="ar" dir="rtl"><body><p id="case">{html}</p></body></html>')
    return page.evaluate(CENTRES, words)


@pytest.mark.parametrize(("text", "words"), CASES, ids=[case[1][0] for case in CASES])
def test_isolation_keeps_digits_and_punctuation_beside_their_arabic_words(chromium, text, words):
    page = chromium.new_page()
    isolated = centres(page, bidi.isolate_text(text), words)
    raw = centres(page, text, words)
    page.close()
    # Read right to left: each word stands left of the one before it.
    assert all(a > b for a, b in zip(isolated, isolated[1:], strict=False)), isolated
    # Without isolation the digits are torn from their month (the check would catch it).
    assert not all(a > b for a, b in zip(raw, raw[1:], strict=False)), raw


@pytest.mark.parametrize("path", ARABIC_PATHS)
def test_every_latin_run_of_an_arabic_page_keeps_its_neighbours_in_place(visits, path):
    """The check (browser.NEIGHBOURS) runs on each page's one visit."""
    assert visits(path).isolation == []


def test_footnote_markers_side_by_side_read_as_two_in_both_directions(tab, served):
    page = tab(viewport=DESKTOP)
    found = {}
    # The second marker of a pair as the build marks it (ctsite/theme/typography.py).
    for path, language in (("approach/", "ar"), ("en/approach/", "en")):
        page.goto(served + path, wait_until="load")
        found[language] = page.evaluate(
            """() => {
              const paragraph = document.createElement("p");
              paragraph.innerHTML = 'نص<sup id="fnref:a"><a class="footnote-ref" href="#">1</a>'
                + '</sup><sup class="footnote-next" id="fnref:b">'
                + '<a class="footnote-ref" href="#">3</a></sup>';
              document.querySelector("article").append(paragraph);
              const [first, second] = paragraph.querySelectorAll("sup");
              return {
                separator: getComputedStyle(second, "::before").content,
                firstRight: first.getBoundingClientRect().right,
                secondRight: second.getBoundingClientRect().right,
              };
            }"""
        )
    assert found["ar"]["separator"] == '"،"'
    assert found["ar"]["firstRight"] > found["ar"]["secondRight"]  # the first to the right
    assert found["en"]["separator"] == '","'
    assert found["en"]["firstRight"] < found["en"]["secondRight"]
