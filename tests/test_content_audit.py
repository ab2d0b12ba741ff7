"""What the site states stays within its sources: the findings of the content audit.

- Every offer's "Request this offer" box says what the capacity-building page says: that no
  published procedure for requesting training was found, in both languages.
- The pages and data files cite no weak address: no `http://` link, no masress.com mirror, no
  `un.org/es/` page (the site's languages are Arabic and English).
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from sitecheck import LANGUAGES, ROOT, content_pages

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


# Text files an editor writes under docs/ and data/. The font licence is third-party text kept
# as published; an SVG's `xmlns` value is an XML namespace name, not an address anyone visits.
KEPT_AS_PUBLISHED = {Path("docs/assets/fonts/OFL.txt")}
TEXT_SUFFIXES = {".md", ".yml", ".yaml", ".html", ".css", ".js", ".json", ".svg", ".txt"}
NAMESPACE = re.compile(r'xmlns(?::\w+)?="http://www\.w3\.org/[^"]*"')
FORBIDDEN = {
    "an address under http://": re.compile(r"http://"),
    "a masress.com mirror": re.compile(r"masress\.com", re.IGNORECASE),
    "a Spanish UN page (un.org/es/)": re.compile(r"un\.org/es/", re.IGNORECASE),
}


def _editor_files():
    for folder in ("docs", "data"):
        for path in sorted((ROOT / folder).rglob("*")):
            relative = path.relative_to(ROOT)
            if path.suffix in TEXT_SUFFIXES and relative not in KEPT_AS_PUBLISHED:
                yield relative, path


def test_no_weak_addresses_in_pages_or_data():
    found = []
    for relative, path in _editor_files():
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            line = NAMESPACE.sub("", line)
            for what, pattern in FORBIDDEN.items():
                if pattern.search(line):
                    found.append(f"{relative}:{number}: {what}")
    assert not found, "\n".join(found)


def test_the_scan_sees_the_files_it_must():
    # A scan that silently read nothing could not fail.
    files = {str(relative) for relative, _ in _editor_files()}
    assert "data/un-documents.yml" in files
    assert "docs/ar/international/ctc-chairmanship-2016.md" in files
    assert "docs/en/capacity-building.md" in files
