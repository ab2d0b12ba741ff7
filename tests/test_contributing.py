"""The editors' guide is whole in both languages: CONTRIBUTING.md's Arabic part has every section
of the English part, and names every file, field, command and message the English part names."""

from __future__ import annotations

import re

from sitecheck import ROOT

ARABIC_HEADING = "## دليل المحررين"
_FENCE = re.compile(r"^```[^\n]*\n(.*?)^```", re.MULTILINE | re.DOTALL)
_SPAN = re.compile(r"`([^`\n]+)`")
_ARABIC_LETTER = re.compile("[\u0621-\u064a]")


def parts() -> tuple[str, str]:
    text = (ROOT / "CONTRIBUTING.md").read_text(encoding="utf-8")
    english, heading, arabic = text.partition(ARABIC_HEADING)
    assert heading, f"CONTRIBUTING.md: expected the heading '{ARABIC_HEADING}', found none"
    return english, arabic


def named(text: str) -> list[str]:
    """Every code span and every command of a fenced block (its text before a comment)."""
    found = []
    for block in _FENCE.findall(text):
        found += [line.split("#")[0].strip() for line in block.splitlines() if line.strip()]
    return found + _SPAN.findall(_FENCE.sub("", text))


def test_the_arabic_part_has_a_section_for_each_english_section():
    english, arabic = parts()
    english_sections = re.findall(r"^## (.+)$", english, re.MULTILINE)
    arabic_sections = re.findall(r"^### (.+)$", arabic, re.MULTILINE)
    assert len(english_sections) >= 9  # browser, preview, page, new page, UN, timeline, ...
    assert len(arabic_sections) == len(english_sections), (english_sections, arabic_sections)


def test_the_arabic_part_names_everything_the_english_part_names():
    english, arabic = parts()
    missing = [name for name in dict.fromkeys(named(english)) if name not in arabic]
    assert missing == [], f"named in English, missing from the Arabic part: {missing}"


def test_the_arabic_part_is_arabic_prose():
    _, arabic = parts()
    for number, line in enumerate(arabic.splitlines(), start=1):
        prose = re.sub(r"https?://\S+", "", _SPAN.sub("", line))
        if re.sub(r"[\s\-.,:;()«»0-9]", "", prose):
            assert _ARABIC_LETTER.search(prose), f"Arabic part, line {number}: {line!r}"


def test_the_guide_covers_what_an_editor_without_a_terminal_needs():
    english, arabic = parts()
    for needed in (
        "nav:",  # adding a page
        "data/timeline.yml",
        "data/un-documents.yml",
        "data/glossary.yml",
        "site-preview",
        "data/translations.yml",
        "audiences: [diplomats, researchers]",
    ):
        assert needed in english and needed in arabic, needed
