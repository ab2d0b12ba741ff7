"""Unit tests of ctsite/languages/interface_text.py: interface text in every language, or a
clear error."""

import pytest

from ctsite.languages import interface_text


def test_texts_are_returned_per_language(tmp_path):
    path = tmp_path / "ui.yml"
    path.write_text("privacy:\n  ar: إشعار الخصوصية\n  en: Privacy notice\n", encoding="utf-8")
    assert interface_text.load(path, ["ar", "en"]) == {
        "ar": {"privacy": "إشعار الخصوصية"},
        "en": {"privacy": "Privacy notice"},
    }


def test_every_missing_language_is_reported_at_once(tmp_path):
    path = tmp_path / "ui.yml"
    path.write_text("privacy:\n  ar: إشعار\ncontact:\n  en: Contact\n  ar: ''\n", encoding="utf-8")
    with pytest.raises(interface_text.InterfaceTextError) as error:
        interface_text.load(path, ["ar", "en"])
    assert str(error.value) == (
        "data/ui.yml, line 1: 'privacy': expected a text for 'en', found nothing\n"
        "data/ui.yml, line 5: 'contact': expected a text for 'ar', found ''"
    )


def test_broken_yaml_names_the_file(tmp_path):
    path = tmp_path / "ui.yml"
    path.write_text("privacy: [\n", encoding="utf-8")
    with pytest.raises(
        interface_text.InterfaceTextError, match=r"^data/ui.yml, line 2: expected valid YAML"
    ):
        interface_text.load(path, ["ar"])


def test_the_projects_interface_text_is_complete():
    from sitecheck import LANGUAGES, ROOT

    texts = interface_text.load(ROOT / "data" / "ui.yml", list(LANGUAGES))
    assert set(texts["ar"]) == set(texts["en"])
