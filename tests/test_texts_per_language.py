"""The one reader of a text per language (`ctsite.datafile.texts_per_language`): every data file
that gives a text or a label in each language says the same problem the same way, with the file,
the line of the language's text, what was expected and what was found."""

from __future__ import annotations

import re

import pytest
import yaml
from sitecheck import LANGUAGES, ROOT

from ctsite import datafile
from ctsite.catalogue import vocabularies
from ctsite.glossary import data as glossary
from ctsite.languages import interface_text
from ctsite.records import register as registers
from ctsite.records import timeline
from ctsite.statements import data as statements

AR = "نص"


def write(tmp_path, name: str, values) -> object:
    path = tmp_path / name
    path.write_text(yaml.safe_dump(values, allow_unicode=True, sort_keys=False), "utf-8")
    return path


def raised(error, load) -> list[str]:
    with pytest.raises(error) as caught:
        load()
    return str(caught.value).splitlines()


def ui_yml(tmp_path, texts):
    path = write(tmp_path, "ui.yml", {"privacy": texts})
    return raised(interface_text.InterfaceTextError, lambda: interface_text.load(path, LANGUAGES))


def vocabulary(tmp_path, texts):
    path = write(tmp_path, "pillars.yml", {"security": texts})
    return raised(
        vocabularies.VocabularyError,
        lambda: vocabularies.load({"pillars": path}, LANGUAGES, tmp_path),
    )


def kinds(tmp_path, texts):
    values = yaml.safe_load((ROOT / "data" / "un-documents.yml").read_text("utf-8"))
    values["kinds"]["resolution"] = texts
    path = write(tmp_path, "un-documents.yml", values)
    return raised(registers.RegisterError, lambda: registers.load(path, LANGUAGES))


def timeline_entry(tmp_path, texts):
    register = registers.load(ROOT / "data" / "un-documents.yml", LANGUAGES)
    path = write(tmp_path, "timeline.yml", [{"date": "2016-05-11", **texts}])
    return raised(timeline.TimelineError, lambda: timeline.load(path, LANGUAGES, register))


def statement(tmp_path, texts):
    register = registers.load(ROOT / "data" / "un-documents.yml", LANGUAGES)
    entry = yaml.safe_load((ROOT / "data" / "statements.yml").read_text("utf-8"))[0]
    entry["summary"] = texts
    path = write(tmp_path, "statements.yml", [entry])
    venues = yaml.safe_load((ROOT / "data" / "venues.yml").read_text("utf-8"))
    pillars = yaml.safe_load((ROOT / "data" / "pillars.yml").read_text("utf-8"))
    return raised(
        statements.StatementsError,
        lambda: statements.load(path, "data/statements.yml", LANGUAGES, venues, pillars, register),
    )


def glossary_definition(tmp_path, texts):
    path = write(tmp_path, "glossary.yml", {"terms": {"x": {"ar": AR, "definition": texts}}})
    return raised(glossary.GlossaryError, lambda: glossary.load(path, LANGUAGES))


# (reader, what it calls a text, how its messages name the mapping)
READERS = [
    (ui_yml, "a text", "'privacy'"),
    (vocabulary, "a label", "'security'"),
    (kinds, "a label", "kinds: 'resolution'"),
    (timeline_entry, "a text", "entry 1 (2016-05-11)"),
    (statement, "a text", "summary"),
]


@pytest.mark.parametrize(
    ("english", "found"),
    [
        (None, "nothing"),
        ("  ", "'  '"),
        ("\u200b", "only spacing or invisible characters ('\\u200b')"),
    ],
)
@pytest.mark.parametrize(("reader", "what", "name"), READERS)
def test_a_missing_text_is_reported_the_same_way_in_every_data_file(
    tmp_path, reader, what, name, english, found
):
    texts = {"ar": AR} if english is None else {"ar": AR, "en": english}
    messages = reader(tmp_path, texts)
    said = f"{name}: expected {what} for 'en', found {found}"
    # The file and the line of the text (or of its mapping), then the same words everywhere.
    assert [m for m in messages if re.match(rf"^\S+\.yml, line \d+: .*{re.escape(said)}$", m)], (
        said,
        messages,
    )


def test_the_glossary_needs_the_default_languages_definition_only(tmp_path):
    assert glossary_definition(tmp_path, {"en": "A definition"}) == [
        "data/glossary.yml, line 4: terms: 'x': definition: expected a text for 'ar', found nothing"
    ]
    assert glossary_definition(tmp_path, {"ar": AR, "en": "\u200b"}) == [
        "data/glossary.yml, line 6: terms: 'x': definition: expected a text for 'en', "
        "found only spacing or invisible characters ('\\u200b')"
    ]


def read_texts(tmp_path, text: str, key: str, **options):
    """(texts, problems) of `key` in a data file of `text`, named `k` in messages."""
    lines: dict = {}
    path = tmp_path / "x.yml"
    path.write_text(text, "utf-8")
    values = datafile.read(path, "data/x.yml", ValueError, lines)
    return datafile.texts_per_language(
        values[key], LANGUAGES, "data/x.yml", lines, (key,), "k", **options
    )


def test_the_line_is_the_languages_own_or_its_mappings(tmp_path):
    text = "key:\n  ar: نص\n  en: ''\nother:\n  ar: نص\n"
    problems = read_texts(tmp_path, text, "key")[1] + read_texts(tmp_path, text, "other")[1]
    assert [(p.line, p.message) for p in problems] == [
        (3, "data/x.yml, line 3: k: expected a text for 'en', found ''"),
        (4, "data/x.yml, line 4: k: expected a text for 'en', found nothing"),
    ]


def test_a_text_too_long_and_a_language_not_built_are_named(tmp_path):
    text = "key:\n  ar: نص\n  en: abcdef\n  fr: x\n"
    texts, problems = read_texts(tmp_path, text, "key", limit=5, only_languages=True)
    assert texts == {"ar": AR}
    assert [str(problem) for problem in problems] == [
        "data/x.yml, line 3: k: expected a text for 'en' of at most 5 characters, found 6",
        "data/x.yml, line 4: k: expected only the languages ar, en, found 'fr'",
    ]
