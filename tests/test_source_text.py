"""The ministry's Arabic source appears in full on the Arabic site.

Compared after folding the usual spelling variants (hamza and alef forms, alef maqsura and ya,
ta marbuta and ha, diacritics, tatweel, digits) and all spacing, so that fixing a typing slip
such as «رئيسيفي» or a missing space after a comma does not count as a change, and any change
of wording does.
"""

from __future__ import annotations

import re
import unicodedata

import pytest
from sitecheck import ROOT, content_pages

SOURCE = ROOT / "source" / "000_cfbea82a03efef35.txt"

_FOLD = str.maketrans(
    {
        "أ": "ا",
        "إ": "ا",
        "آ": "ا",
        "ٱ": "ا",
        "ى": "ي",
        "ئ": "ي",
        "ة": "ه",
        "ؤ": "و",
        **{chr(0x0660 + digit): str(digit) for digit in range(10)},
        **{chr(0x06F0 + digit): str(digit) for digit in range(10)},
    }
)
_DROP = re.compile(r"[\u064B-\u065F\u0670\u0640\u200B-\u200F\u061C\s•]+")


def fold(text: str) -> str:
    """Text with spelling variants and all spacing folded away."""
    return _DROP.sub("", unicodedata.normalize("NFKC", text).translate(_FOLD))


def source_parts() -> list[str]:
    """The source's title, paragraphs and list items, each a unit that must appear whole."""
    parts = []
    for block in re.split(r"\n\s*\n", SOURCE.read_text(encoding="utf-8")):
        for item in re.split(r"\s*•\s*", block):
            if item.strip():
                parts.append(item.strip())
    return list(dict.fromkeys(parts))  # the title appears twice in the source


def arabic_site_text(site) -> str:
    texts = []
    for page in content_pages(site):
        if page.language != "ar":
            continue
        article = page.soup().select_one("article")
        for removable in article.select(".footnote, .headerlink, sup"):
            removable.decompose()
        texts.append(fold(article.get_text("")))
    return "\n".join(texts)


def test_fold_equates_spelling_variants_and_spacing_only():
    assert fold("بدور رئيسيفي التصدي") == fold("بدور رئيسي في التصدي")
    assert fold("الإرهاب الدولى") == fold("الارهاب الدولي")
    assert fold("مكافحة الإرهاب") != fold("محاربة الإرهاب")


def test_the_source_has_the_expected_parts():
    parts = source_parts()
    assert len(parts) == 13  # the title, 5 paragraphs, 7 tasks
    assert parts[-1].startswith("تنسيق الزيارات الهامة")


@pytest.mark.parametrize("part", source_parts(), ids=lambda part: part[:30])
def test_every_part_of_the_source_is_on_the_arabic_site(site, part):
    assert fold(part) in arabic_site_text(site)
