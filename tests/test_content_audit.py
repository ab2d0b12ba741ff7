"""What the site states stays within its sources: the findings of the content audit.

- Every offer's "Request this offer" box says what the capacity-building page says: that no
  published procedure for requesting training was found, in both languages.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from sitecheck import LANGUAGES, content_pages

# What the capacity-building page and every offer's request box must both say, per language.
NO_PROCEDURE = {
    "ar": "لم يعثر هذا الموقع على إجراء منشور",
    "en": "This site has found no published application procedure",
}


def _text(page) -> str:
    return " ".join(page.soup().get_text(" ").split())


@pytest.mark.parametrize("language", LANGUAGES)
def test_offer_request_box_says_what_the_capacity_building_page_says(site: Path, language):
    pages = {page.path: page for page in content_pages(site) if page.language == language}
    capacity = pages["capacity-building/index.html"]
    assert NO_PROCEDURE[language] in _text(capacity)
    offers = []
    for page in pages.values():
        box = page.soup().select_one(".practice-request")
        if box is None:
            continue
        offers.append(page.path)
        text = " ".join(box.get_text(" ").split())
        assert NO_PROCEDURE[language] in text, page.path
        assert "diplomatic channels" not in text and "القنوات الدبلوماسية" not in text, page.path
    assert len(offers) >= 5, offers  # every offering of the catalogue has the box
