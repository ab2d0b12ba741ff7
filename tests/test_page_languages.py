"""Unit tests of a language's direction and of the alternates (the switcher and hreflang)."""

import pytest

from ctsite.languages import alternates as page_languages
from ctsite.languages.language import Language, direction

LANGUAGES = (Language("ar", "العربية", "", default=True), Language("en", "English", "en/"))


@pytest.mark.parametrize(
    ("code", "expected"),
    [("ar", "rtl"), ("ar-EG", "rtl"), ("fa", "rtl"), ("he", "rtl"), ("en", "ltr"), ("fr", "ltr")],
)
def test_the_direction_comes_from_the_locale_data(code, expected):
    assert direction(code) == expected


def test_alternates_point_to_the_same_page_in_each_language():
    alternates = page_languages.alternates(
        LANGUAGES, "en", {"ar": "unit/", "en": "en/unit/"}, "https://ct.example.test/"
    )
    assert [(a.code, a.path, a.url, a.current, a.direction) for a in alternates] == [
        ("ar", "unit/", "https://ct.example.test/unit/", False, "rtl"),
        ("en", "en/unit/", "https://ct.example.test/en/unit/", True, "ltr"),
    ]


def test_the_home_page_of_the_default_language_is_the_site_url():
    alternates = page_languages.alternates(
        LANGUAGES, "ar", {"ar": "", "en": "en/"}, "https://ct.example.test/sub"
    )
    assert [a.url for a in alternates] == [
        "https://ct.example.test/sub/",
        "https://ct.example.test/sub/en/",
    ]


def test_a_page_outside_the_site_points_to_each_home():
    alternates = page_languages.alternates(LANGUAGES, "en", None, "https://ct.example.test/")
    assert [a.path for a in alternates] == ["./", "en/"]
