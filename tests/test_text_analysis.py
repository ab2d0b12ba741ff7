"""Unit tests of the search analyser (ctsite/search/analysis.py): which words find which."""

from __future__ import annotations

import pytest

from ctsite.search import analysis as text_analysis

MUST_MATCH = [
    # (typed, in the text)
    ("إرهاب", "الإرهاب"),
    ("الارهاب", "الإرهاب"),
    ("الإرهاب", "للإرهاب"),
    ("المنتدى", "المنتدي"),
    ("المنتدي", "المنتدى"),
    ("ممارسات", "الممارسات"),
    ("ممارسة", "الممارسات"),
    ("مكافحة", "ومكافحة"),
    ("مكافحة", "بمكافحة"),
    ("مكافحة", "لمكافحة"),
    ("تمويل", "وتمويله"),
    ("الإرهاب", "الإرهابية"),
    ("وحدة", "الوحدة"),
    ("الدولي", "الدولى"),
    ("الأزهر", "والأزهر"),
    ("دار الإفتاء", "دار الافتاء"),
    ("مُكافَحة", "مكافحة"),
    ("مكافـــحة", "مكافحة"),
    ("2016", "٢٠١٦"),
    ("practices", "practice"),
    ("Practice", "practices"),
    ("countering", "counter"),
    ("organisations", "organisation"),
    ("trained", "training"),
    ("policies", "policy"),
]
MUST_NOT_MATCH = [
    ("مصر", "عصر"),
    ("الأزهر", "الإفتاء"),
    ("تمويل", "تمثيل"),
    ("إرهاب", "رهان"),
    ("terror", "error"),
    ("forum", "form"),
    ("2016", "2017"),
]


def all_match(typed: str, text: str) -> bool:
    return all(any(text_analysis.match(q, t) for t in text.split()) for q in typed.split())


@pytest.mark.parametrize(("typed", "text"), MUST_MATCH)
def test_words_that_must_match(typed, text):
    assert all_match(typed, text)


@pytest.mark.parametrize(("typed", "text"), MUST_NOT_MATCH)
def test_words_that_must_not_match(typed, text):
    assert not all_match(typed, text)


def test_folding_covers_hamza_alef_ya_ta_marbuta_tatweel_diacritics_and_digits():
    assert text_analysis.fold("أإآٱ ى ة ٠١٢٣٤٥٦٧٨٩ ۰۹ ABC") == "اااا ي ه 0123456789 09 abc"
    assert text_analysis.fold("مُكَافَحَةُ الإرهـــاب") == "مكافحه الارهاب"


def test_terms_keep_order_and_give_both_readings_of_a_leading_particle():
    assert text_analysis.terms("وحدة مكافحة الإرهاب") == [["وحد", "حده"], ["مكافح"], ["ارهاب"]]


def test_short_words_are_not_stripped_to_nothing():
    assert text_analysis.stems("ال") == ["ال"]
    assert text_analysis.stems("بها") == ["بها"]
