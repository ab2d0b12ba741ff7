"""The site's own settings (`extra.site` in mkdocs.yml): typed, validated once, every mistake
named by its key."""

from __future__ import annotations

import pytest
from sitecheck import ROOT, build

from ctsite import settings

CONFIG = str(ROOT / "mkdocs.yml")
VALID = {
    "interface_text": "data/ui.yml",
    "date_locales": {"ar": "ar_EG"},
    "catalogue": {"fields": "data/catalogue-fields.yml"},
    "records": {"register": "data/un-documents.yml", "timeline": "data/timeline.yml"},
    "glossary": "data/glossary.yml",
    "contact_url": "https://www.mfa.gov.eg/",
    "preload_fonts": {"default": ["assets/fonts/x.woff2"]},
}


def problems(values) -> list[str]:
    with pytest.raises(settings.SettingsError) as raised:
        settings.load(values, CONFIG)
    return str(raised.value).splitlines()


def test_the_projects_settings_are_valid_and_typed():
    loaded = settings.load(VALID, CONFIG)
    assert loaded.catalogue.section == "best-practices"
    assert loaded.interface_text == str(ROOT / "data" / "ui.yml")


def test_an_unknown_key_is_named():
    assert problems({**VALID, "date_locale": {"ar": "ar_EG"}}) == [
        "mkdocs.yml: extra.site.date_locale: Unrecognised configuration name: date_locale"
    ]


def test_a_wrong_type_is_named():
    found = problems({**VALID, "catalogue": {**VALID["catalogue"], "section": 3}})
    assert found == [
        "mkdocs.yml: extra.site.catalogue: Sub-option 'section': Expected type: <class 'str'> "
        "but received: <class 'int'>"
    ]


def test_a_missing_file_is_named():
    found = problems({**VALID, "interface_text": "data/no-such-file.yml"})
    assert len(found) == 1
    assert found[0].startswith("mkdocs.yml: extra.site.interface_text: The path ")


def test_the_catalogues_declaration_of_fields_is_named_when_missing():
    # What the declaration holds, vocabularies' files included, is checked by its reader
    # (tests/test_field_declared_once.py).
    found = problems({**VALID, "catalogue": {"fields": "data/no-such-fields.yml"}})
    assert len(found) == 1
    assert found[0].startswith("mkdocs.yml: extra.site.catalogue: Sub-option 'fields': The path ")
    assert "no-such-fields.yml" in found[0]


def test_a_mistake_in_the_settings_stops_the_build_naming_the_key(project_copy, tmp_path):
    project = project_copy
    config = project / "mkdocs.yml"
    config.write_text(
        config.read_text(encoding="utf-8").replace(
            "    date_locales:\n", "    date_locale: x\n    date_locales:\n"
        ),
        encoding="utf-8",
    )
    result = build(project, tmp_path / "site")
    output = result.stdout + result.stderr
    assert result.returncode != 0
    assert "mkdocs.yml: extra.site.date_locale: Unrecognised configuration name" in output
    assert "Traceback" not in output
