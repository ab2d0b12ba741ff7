"""The dark scheme, in Chromium, both languages: the primary button's edge and the search
panel stand out from the background (3:1 for a control's boundary, WCAG 1.4.11), in both
schemes."""

from __future__ import annotations

import pytest
from browser import PHONE
from test_search_browser import results

HOMES = {"ar": "", "en": "en/"}

# The contrast of a colour (its alpha composed over `under`) with `against`.
EDGES = """() => {
  const parse = (value) => value.match(/[\\d.]+/g).map(Number);
  const over = (top, under) => {
    const [r, g, b, a = 1] = parse(top);
    const [br, bg, bb] = parse(under);
    return [r * a + br * (1 - a), g * a + bg * (1 - a), b * a + bb * (1 - a)];
  };
  const lum = (rgb) => {
    const [x, y, z] = rgb.map((c) => {
      c /= 255;
      return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
    });
    return 0.2126 * x + 0.7152 * y + 0.0722 * z;
  };
  const ratio = (a, b) => {
    const [x, y] = [lum(a), lum(b)];
    return (Math.max(x, y) + 0.05) / (Math.min(x, y) + 0.05);
  };
  const page = getComputedStyle(document.body).backgroundColor;
  const ground = over(page, 'rgb(0, 0, 0)');
  const button = getComputedStyle(document.querySelector('.md-button--primary'));
  const panel = getComputedStyle(document.querySelector('[data-site-search-panel]'));
  return {
    button: ratio(over(button.borderTopColor, page), ground),
    buttonWidth: parseFloat(button.borderTopWidth),
    panel: ratio(over(panel.borderBottomColor, page), ground),
    panelWidth: parseFloat(panel.borderBottomWidth),
    panelGround: panel.backgroundColor !== page || panel.boxShadow !== 'none',
  };
}"""


@pytest.mark.parametrize("scheme", ["light", "dark"])
@pytest.mark.parametrize("language", HOMES)
def test_the_primary_button_and_the_search_panel_stand_out(tab, served, language, scheme):
    page = tab(viewport=PHONE, color_scheme=scheme)
    page.goto(served + HOMES[language] + "?q=CTC", wait_until="load")
    results(page)
    edges = page.evaluate(EDGES)
    assert edges["buttonWidth"] >= 1 and edges["button"] >= 3, edges
    assert edges["panelWidth"] >= 1 and edges["panel"] >= 3, edges
    assert edges["panelGround"]
