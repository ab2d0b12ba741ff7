"""The register of UN documents and the timeline: reading, checking, addresses and messages."""

from __future__ import annotations

from pathlib import Path

import pytest
from sitecheck import ROOT

from ctsite.records import register as un_documents
from ctsite.records import timeline

REGISTER = """
address: https://docs.un.org/{language}/{symbol}
languages: [ar, en, fr]
kinds:
  resolution: {ar: قرار مجلس الأمن, en: Security Council resolution}
  press-release: {ar: بيان صحفي, en: UN press release}
documents:
  S/RES/2354(2017):
    date: 2017-05-24
    kind: resolution
    title: {en: Resolution 2354 (2017)}
  S/2017/375:
    date: 2017-04-28
    kind: resolution
  SC/13110:
    date: 2017-12
    kind: press-release
    address: https://press.un.org/en/2017/sc13110.doc.htm
"""


def register_from(tmp_path: Path, text: str = REGISTER, languages=("ar", "en")):
    path = tmp_path / "un-documents.yml"
    path.write_text(text, encoding="utf-8")
    return un_documents.load(path, list(languages))


def test_the_address_is_the_official_document_in_the_pages_language(tmp_path):
    register = register_from(tmp_path)
    resolution = register.documents["S/RES/2354(2017)"]
    assert register.address(resolution, "ar") == (
        "https://docs.un.org/ar/S/RES/2354(2017)",
        "ar",
    )
    assert register.address(resolution, "en")[0] == "https://docs.un.org/en/S/RES/2354(2017)"
    # A language the UN does not publish in gets the English text; a press release has its own.
    assert register.address(resolution, "de")[1] == "en"
    release = register.documents["SC/13110"]
    assert register.address(release, "ar") == ("https://press.un.org/en/2017/sc13110.doc.htm", "en")


def test_a_document_without_a_title_in_a_language_is_described_by_kind_and_date(tmp_path):
    register = register_from(tmp_path)
    resolution = register.documents["S/RES/2354(2017)"]
    assert register.description(resolution, "en", "en_GB") == "Resolution 2354 (2017)"
    assert register.description(resolution, "ar", "ar_EG") == "قرار مجلس الأمن (24 مايو 2017)"
    release = register.documents["SC/13110"]
    assert register.description(release, "en", "en_GB") == "UN press release (December 2017)"
    assert register.description(release, "fr", "fr") == "UN press release (décembre 2017)"
    assert release.date.iso == "2017-12"
    assert resolution.shown == "S/RES/2354 (2017)"


def test_documents_are_listed_by_date(tmp_path):
    register = register_from(tmp_path)
    assert [d.symbol for d in register.by_date()] == [
        "S/2017/375",
        "S/RES/2354(2017)",
        "SC/13110",
    ]


def test_references_are_found_with_their_lines():
    text = "# Title\n\nSee [[S/2017/375]] and\n[[S/RES/2354(2017)]], [[S/2017/37]].\n"
    assert [(r.symbol, r.line) for r in un_documents.references(text)] == [
        ("S/2017/375", 3),
        ("S/RES/2354(2017)", 4),
        ("S/2017/37", 4),
    ]


def test_an_unknown_symbol_names_the_file_the_line_and_the_nearest_symbols(tmp_path):
    register = register_from(tmp_path)
    message = un_documents.unknown_reference_message(
        "docs/en/x.md", un_documents.Reference("S/2017/37", 4), register
    )
    assert message == (
        "docs/en/x.md, line 4: UN document reference: expected a symbol of "
        "data/un-documents.yml, found 'S/2017/37' (nearest known: S/2017/375); if you meant "
        "S/2017/375, in docs/en/x.md, on line 4, replace `[[S/2017/37]]` with `[[S/2017/375]]`; "
        "if it is another document, in data/un-documents.yml, at the end of `documents:`, add the "
        "lines `  S/2017/37:`, `    date: YYYY-MM-DD` (its date) and `    kind: KIND` (one of "
        "resolution, press-release)"
    )


def test_every_problem_of_the_register_is_reported_at_once(tmp_path):
    bad = REGISTER.replace("kind: press-release", "kind: speech").replace(
        "date: 2017-04-28", "date: 28 April 2017"
    )
    bad = bad.replace("en: UN press release}", "fr: Communiqué}")
    with pytest.raises(un_documents.RegisterError) as raised:
        register_from(tmp_path, bad)
    assert str(raised.value).splitlines() == [
        "data/un-documents.yml, line 6: kinds: 'press-release': expected a label for 'en', "
        "found nothing",
        "data/un-documents.yml, line 12: documents: 'S/2017/375': date: expected a date written "
        "YYYY-MM-DD or YYYY-MM, found '28 April 2017'",
        "data/un-documents.yml, line 15: documents: 'SC/13110': kind: expected one of "
        "resolution, press-release, found 'speech'",
    ]


def test_references_are_replaced_and_unknown_ones_left_as_text():
    rendered = un_documents.replace_references(
        "A [[S/2017/375]] B [[X/1]].", lambda s: None if s == "X/1" else f"<a>{s}</a>"
    )
    assert rendered == "A <a>S/2017/375</a> B X/1."


TIMELINE = """
- date: 2017-04-28
  ar: الإطار
  en: The framework
  documents: [S/2017/375]
- date: 2017-05-24
  ar: القرار
  en: The resolution
  documents: [S/RES/2354(2017)]
"""


def test_the_timeline_is_read_in_date_order_with_its_documents(tmp_path):
    register = register_from(tmp_path)
    path = tmp_path / "timeline.yml"
    path.write_text(TIMELINE, encoding="utf-8")
    entries = timeline.load(path, ["ar", "en"], register)
    assert [(e.date.iso, e.texts["en"], e.documents) for e in entries] == [
        ("2017-04-28", "The framework", ("S/2017/375",)),
        ("2017-05-24", "The resolution", ("S/RES/2354(2017)",)),
    ]


def test_every_problem_of_the_timeline_is_reported_at_once(tmp_path):
    register = register_from(tmp_path)
    path = tmp_path / "timeline.yml"
    bad = TIMELINE.replace("en: The framework", "en: The framework[^un]").replace(
        "documents: [S/RES/2354(2017)]", "documents: [S/RES/2345(2017)]"
    )
    bad = bad.replace("date: 2017-05-24", "date: 2017-03-01").replace("  ar: القرار\n", "")
    path.write_text(bad, encoding="utf-8")
    with pytest.raises(timeline.TimelineError) as raised:
        timeline.load(path, ["ar", "en"], register)
    assert str(raised.value).splitlines() == [
        "data/timeline.yml, line 4: entry 1 (2017-04-28): en: expected no footnote reference "
        "(cite the fact in the page's text), found 'The framework[^un]'",
        "data/timeline.yml, line 6: entry 2 (2017-03-01): expected a text for 'ar', found nothing",
        "data/timeline.yml, line 8: entry 2 (2017-03-01): documents: expected a symbol of "
        "data/un-documents.yml, found 'S/RES/2345(2017)' (nearest known: S/RES/2354(2017))",
        "data/timeline.yml, line 6: entry 2 (2017-03-01): date: expected a date on or after "
        "2017-04-28 (entries in date order)",
    ]


def test_the_projects_register_and_timeline_are_valid():
    register = un_documents.load(ROOT / "data" / "un-documents.yml", ["ar", "en"])
    entries = timeline.load(ROOT / "data" / "timeline.yml", ["ar", "en"], register)
    assert len(register.documents) >= 8
    assert len(entries) >= 8
