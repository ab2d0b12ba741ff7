"""The ministry's Arabic source appears in full on the Arabic site, with exactly the allowed fixes.

The source (`source/000_cfbea82a03efef35.txt`) has typing slips. The site may fix those listed in
`FIXES`, each one a whole word, and nothing else: every part of the source, with exactly those
fixes applied and only its spacing normalised, must appear in the text of an Arabic page. No
Arabic page may still show one of the slips.
"""

from __future__ import annotations

import re
import unicodedata

import pytest
from sitecheck import ROOT, content_pages

SOURCE = ROOT / "source" / "000_cfbea82a03efef35.txt"

# Each typing slip of the source -> its correction, as whole words. One spelling per word across
# the Arabic site. Every entry must occur in the source (test below): nothing else is allowed.
FIXES: dict[str, str] = {
    "علي": "على",  # the preposition
    "تري": "ترى",
    "بشتي": "بشتى",
    "إلي": "إلى",
    "المحتوي": "المحتوى",
    "ويحظي": "ويحظى",  # يحظي, written with the conjunction in the source
    "المستوي": "المستوى",
    "المنتدي": "المنتدى",
    "الدولى": "الدولي",
    "فى": "في",
    "وهى": "وهي",
    "الماضى": "الماضي",
    "العالمى": "العالمي",
    "الإستراتيجية": "الاستراتيجية",  # also in «مصالحها الإستراتيجية»
    "الارهاب": "الإرهاب",  # the hamza missing in the source's title «مكافحة الارهاب»
    "رئيسيفي": "رئيسي في",  # a missing space
    "المتطرف،وذلك": "المتطرف، وذلك",  # a missing space after the comma
}

# Arabic letters, marks and tatweel: a "whole word" is not preceded or followed by one of them.
# (`\b` is not enough: Python counts Arabic letters as word characters but not the marks.)
_ARABIC = "\u0621-\u063a\u0640-\u065f\u0670-\u06d3\u06d5-\u06ff\u0750-\u077f\u08a0-\u08ff"


def _whole_word(word: str, prefix: str = "") -> re.Pattern[str]:
    return re.compile(rf"(?<![{_ARABIC}]){prefix}{re.escape(word)}(?![{_ARABIC}])")


_FIX = re.compile(
    rf"(?<![{_ARABIC}])(?:{'|'.join(map(re.escape, sorted(FIXES, key=len, reverse=True)))})"
    rf"(?![{_ARABIC}])"
)
# A slip still on the site, with or without the conjunction و in front of it.
_SLIP = re.compile(
    rf"(?<![{_ARABIC}])و?(?:{'|'.join(map(re.escape, sorted(FIXES, key=len, reverse=True)))})"
    rf"(?![{_ARABIC}])"
)
# Invisible direction and zero-width characters: formatting, not text.
_INVISIBLE = re.compile("[\u200b-\u200f\u061c\u202a-\u202e\u2066-\u2069\ufeff]")


def apply_fixes(text: str) -> str:
    """`text` with every slip of `FIXES` corrected, where it stands as a whole word."""
    return _FIX.sub(lambda match: FIXES[match.group(0)], text)


def normalise(text: str) -> str:
    """`text` with its spacing normalised (and invisible formatting characters removed)."""
    text = _INVISIBLE.sub("", unicodedata.normalize("NFC", text))
    return re.sub(r"\s+", " ", text).strip()


def source_parts() -> list[str]:
    """The source's title, paragraphs and list items, each a unit that must appear whole."""
    parts = []
    for block in re.split(r"\n\s*\n", SOURCE.read_text(encoding="utf-8")):
        for item in re.split(r"\s*•\s*", block):
            if item.strip():
                parts.append(item.strip())
    return list(dict.fromkeys(parts))  # the title appears twice in the source


def _arabic_pages(site):
    pages = [page for page in content_pages(site) if page.language == "ar"]
    assert pages
    return pages


@pytest.fixture(scope="session")
def arabic_site_text(site) -> str:
    """The article text of every Arabic page, footnotes and their markers removed (read once
    for every part's test)."""
    texts = []
    for page in _arabic_pages(site):
        article = page.own_soup().select_one("article")
        for removable in article.select(".footnote, .headerlink, sup"):
            removable.decompose()
        texts.append(normalise(article.get_text("")))
    return "\n".join(texts)


def test_fixes_are_whole_words_only():
    assert apply_fixes("علي وجه") == "على وجه"
    assert apply_fixes("وعلي عليه العلي") == "وعلي عليه العلي"
    assert apply_fixes("بدور رئيسيفي التصدي") == "بدور رئيسي في التصدي"
    assert apply_fixes("المتطرف،وذلك عبر") == "المتطرف، وذلك عبر"
    assert apply_fixes("الإرهاب الدولى فى") == "الإرهاب الدولي في"
    assert apply_fixes("مكافحة الإرهاب") == "مكافحة الإرهاب"


def test_every_fix_corrects_a_slip_of_the_source():
    source = SOURCE.read_text(encoding="utf-8")
    assert FIXES
    unused = [slip for slip in FIXES if not _whole_word(slip).search(source)]
    assert unused == []
    assert apply_fixes(source) != source
    assert not _FIX.search(apply_fixes(source))


def test_the_source_has_the_expected_parts():
    parts = source_parts()
    assert len(parts) == 13  # the title, 5 paragraphs, 7 tasks
    assert parts[-1].startswith("تنسيق الزيارات الهامة")


@pytest.mark.parametrize("part", source_parts(), ids=lambda part: part[:30])
def test_every_part_of_the_source_is_on_the_arabic_site(arabic_site_text, part):
    assert normalise(apply_fixes(part)) in arabic_site_text


def test_no_arabic_page_still_shows_a_slip(site):
    found = {}
    for page in _arabic_pages(site):
        soup = page.own_soup()
        for invisible in soup.select("script, style"):
            invisible.decompose()
        slips = _SLIP.findall(normalise(soup.get_text(" ")))
        if slips:
            found["/" + page.url_path] = sorted(set(slips))
    assert found == {}
