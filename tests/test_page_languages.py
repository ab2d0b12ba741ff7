"""Unit tests of hooks/page_languages.py: direction, <html lang dir>, alternates."""

import page_languages
import pytest
from page_languages import Language

LANGUAGES = [Language("ar", "العربية", "", default=True), Language("en", "English", "en/")]


@pytest.mark.parametrize(
    ("code", "expected"), [("ar", "rtl"), ("ar-EG", "rtl"), ("en", "ltr"), ("fr", "ltr")]
)
def test_direction(code, expected):
    assert page_languages.direction(code) == expected


def test_html_element_gets_lang_and_dir_once():
    html = '<!doctype html>\n<html lang="en" class="no-js"><body dir="rtl"></body></html>'
    out = page_languages.set_html_language(html, "ar")
    assert (
        out
        == '<!doctype html>\n<html lang="ar" dir="rtl" class="no-js"><body dir="rtl"></body></html>'
    )
    assert page_languages.set_html_language(out, "ar") == out


def test_document_without_html_element_is_left_alone():
    assert page_languages.set_html_language("<p>x</p>", "ar") == "<p>x</p>"


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


def test_empty_tabindex_is_removed_and_real_ones_kept():
    import html_repairs

    html = '<label for="a" tabindex="">A</label><label for="b" tabindex="0">B</label>'
    assert html_repairs.drop_empty_tabindex(html) == (
        '<label for="a">A</label><label for="b" tabindex="0">B</label>'
    )


def test_a_label_for_a_missing_element_loses_its_for_only():
    import html_repairs

    html = '<input id="a"><label for="a">A</label><label class="t" for="__toc">B</label>'
    assert html_repairs.repair(html) == (
        '<input id="a"><label for="a">A</label><label class="t">B</label>'
    )


def test_a_toc_toggle_nothing_can_toggle_is_removed():
    import html_repairs

    toggle = '<input class="md-nav__toggle md-toggle" type="checkbox" id="__toc">'
    assert html_repairs.repair(f"<li>{toggle}<a>Page</a></li>") == "<li><a>Page</a></li>"
    labelled = f'<li>{toggle}<label for="__toc">Page</label></li>'
    assert html_repairs.repair(labelled) == labelled


def test_an_unused_search_toggle_is_hidden():
    import html_repairs

    toggle = html_repairs._SEARCH_TOGGLE
    assert html_repairs.repair(toggle) == (
        '<input class="md-toggle" data-md-toggle="search" type="checkbox" id="__search" hidden>'
    )
    assert html_repairs.repair(toggle + '<label for="__search">S</label>').startswith(toggle)
