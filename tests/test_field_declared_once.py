"""A field of the catalogue is declared once, in `data/catalogue-fields.yml`: a fixture copy of the
project that adds two fields there (a key field with a new vocabulary, a filter and on the cards,
and a year), and gives two entries their values, gets them in the exports, the fact box, the
cards and the filters, with no other edit. A declaration that cannot be used is named with its
file and line, never a traceback.
"""

from __future__ import annotations

import csv
import dataclasses
import io
import json
import re

import pytest
from sitecheck import ROOT, build, parsed, record_translations

DECLARATION = "data/catalogue-fields.yml"
# Added at the end of the declaration's fields (the last part of the file).
NEW_FIELDS = """
  region:
    type: key
    vocabulary: regions
    shared: true
    help:
      ar: "اختياري: المنطقة، مفتاح واحد من data/regions.yml"
      en: "optional: the region, one key of data/regions.yml"
    label:
      ar: المنطقة
      en: Region
    fact_box: true
    card: fact
    filter:
      parameter: region
      label:
        ar: المنطقة الجغرافية
        en: World region
    export_label: true
  reviewed:
    type: year
    shared: true
    help:
      ar: "اختياري: سنة آخر مراجعة"
      en: "optional: the year of the last review"
    label:
      ar: آخر مراجعة
      en: Last reviewed
    fact_box: true
"""
REGIONS = """\
africa:
  ar: أفريقيا
  en: Africa
arab-region:
  ar: المنطقة العربية
  en: Arab region
asia:
  ar: آسيا
  en: Asia
"""
LABELS = {
    "africa": {"ar": "أفريقيا", "en": "Africa"},
    "arab-region": {"ar": "المنطقة العربية", "en": "Arab region"},
}
# Two entries get the new fields; the others leave them empty.
GIVEN = {
    "azhar-observatory": ("africa", 2024),
    "emlcu-financial-intelligence-unit": ("arab-region", 2023),
}
WITHOUT = "ctc-chairmanship"
HOMES = {"ar": "", "en": "en/"}
WORDS = {
    "ar": {"region": "المنطقة", "reviewed": "آخر مراجعة", "filter": "المنطقة الجغرافية"},
    "en": {"region": "Region", "reviewed": "Last reviewed", "filter": "World region"},
}


def soup(path):
    return parsed(path)


def facts(dl) -> dict[str, str]:
    """{label: value} of a definition list (the fact box, a card's facts)."""
    return {
        dt.get_text(" ", strip=True): dt.find_next_sibling("dd").get_text(" ", strip=True)
        for dt in dl.find_all("dt")
    }


@pytest.fixture(scope="session")
def built(tmp_path_factory, project_copies):
    """The built site of a copy of the project with the two fields declared and given."""
    folder = tmp_path_factory.mktemp("declared")
    project = project_copies("declared")
    declaration = project / DECLARATION
    text = declaration.read_text(encoding="utf-8")
    vocabulary_line = "  open_to: data/open-to.yml\n"
    assert text.count(vocabulary_line) == 1
    text = text.replace(vocabulary_line, vocabulary_line + "  regions: data/regions.yml\n")
    declaration.write_text(text.rstrip("\n") + "\n" + NEW_FIELDS, encoding="utf-8")
    (project / "data" / "regions.yml").write_text(REGIONS, encoding="utf-8")
    for practice_id, (region, year) in GIVEN.items():
        for language in HOMES:
            page = project / "docs" / language / "best-practices" / f"{practice_id}.md"
            text = page.read_text(encoding="utf-8")
            assert text.startswith("---\n")
            page.write_text(
                f"---\nregion: {region}\nreviewed: {year}\n" + text.removeprefix("---\n"),
                encoding="utf-8",
            )
    record_translations(project, [f"best-practices/{practice_id}.md" for practice_id in GIVEN])
    site = folder / "site"
    result = build(project, site, site_url="https://ct.example.test/")
    assert result.returncode == 0, (result.stdout + result.stderr)[-5000:]
    return site


@pytest.mark.parametrize("language", HOMES)
def test_a_declared_field_is_in_both_exports_with_its_label(built, language):
    folder = built / HOMES[language] / "best-practices"
    document = json.loads((folder / "catalogue.json").read_text(encoding="utf-8"))
    records = {record["id"]: record for record in document["practices"]}
    for practice_id, (region, year) in GIVEN.items():
        record = records[practice_id]
        assert list(record)[-5:] == ["sources", "region", "reviewed", "url", "translation_url"]
        assert record["region"] == {"key": region, "label": LABELS[region][language]}
        assert record["reviewed"] == year
    assert (records[WITHOUT]["region"], records[WITHOUT]["reviewed"]) == (None, None)

    data = (folder / "catalogue.csv").read_bytes().decode("utf-8-sig")
    rows = list(csv.reader(io.StringIO(data)))
    header = rows[0]
    assert header[header.index("sources") :] == [
        "sources",
        "region",
        "region_label",
        "reviewed",
        "url",
        "translation_url",
    ]
    by_id = {row[0]: dict(zip(header, row, strict=True)) for row in rows[1:]}
    for practice_id, (region, year) in GIVEN.items():
        row = by_id[practice_id]
        assert (row["region"], row["region_label"], row["reviewed"]) == (
            region,
            LABELS[region][language],
            str(year),
        )
    assert (by_id[WITHOUT]["region"], by_id[WITHOUT]["reviewed"]) == ("", "")


@pytest.mark.parametrize("language", HOMES)
def test_a_declared_field_is_in_the_fact_box_with_its_label(built, language):
    words = WORDS[language]
    for practice_id, (region, year) in GIVEN.items():
        page = soup(built / HOMES[language] / "best-practices" / practice_id / "index.html")
        shown = facts(page.select_one(".practice-panel dl"))
        assert shown[words["region"]] == LABELS[region][language]
        assert shown[words["reviewed"]] == str(year)
        # In the declared order: after the sources, the fields declared before them first.
        assert list(shown)[-3:] == [list(shown)[-3], words["region"], words["reviewed"]]
    page = soup(built / HOMES[language] / "best-practices" / WITHOUT / "index.html")
    shown = facts(page.select_one(".practice-panel dl"))
    assert words["region"] not in shown and words["reviewed"] not in shown


@pytest.mark.parametrize("language", HOMES)
def test_a_declared_field_is_on_the_cards_and_a_filter(built, language):
    words = WORDS[language]
    page = soup(built / HOMES[language] / "best-practices" / "index.html")
    cards = {
        card.select_one(".catalogue-card__title a")["href"].strip("/").split("/")[-1]: card
        for card in page.select(".catalogue-card")
    }
    for practice_id, (region, _) in GIVEN.items():
        card = cards[practice_id]
        assert card["data-region"] == region
        assert (
            facts(card.select_one(".catalogue-card__facts"))[words["region"]]
            == (LABELS[region][language])
        )
    assert cards[WITHOUT]["data-region"] == ""
    assert words["region"] not in facts(cards[WITHOUT].select_one(".catalogue-card__facts"))
    # The year is not declared for the cards.
    assert all(words["reviewed"] not in card.get_text() for card in cards.values())

    select = page.select_one("select#filter-region")
    assert select["name"] == "region"
    assert page.select_one('label[for="filter-region"]').get_text(strip=True) == words["filter"]
    options = [(o["value"], o.get_text(strip=True)) for o in select.find_all("option")]
    # Every key some entry has, with its count, in the vocabulary's order; `asia` has none.
    assert [value for value, _ in options] == ["", "africa", "arab-region"]
    assert options[1][1] == f"{LABELS['africa'][language]} (1)"


# --- A declaration that cannot be used ---------------------------------------------------------


def problems_of(tmp_path, old: str, new: str) -> tuple[str, list[str]]:
    """The declaration's text with `old` replaced by `new`, and its reader's messages."""
    from ctsite.catalogue import declaration

    text = (ROOT / DECLARATION).read_text(encoding="utf-8")
    assert text.count(old) == 1, old
    text = text.replace(old, new)
    path = tmp_path / "catalogue-fields.yml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(declaration.DeclarationError) as raised:
        declaration.load(path, ["ar", "en"], ROOT, DECLARATION)
    return text, str(raised.value).splitlines()


def line_of(text: str, line: str, after: str = "") -> int:
    """The number of the first line `line` after the line `after`."""
    lines = text.splitlines()
    start = lines.index(after) if after else 0
    return lines.index(line, start) + 1


@pytest.mark.parametrize(
    ("old", "new", "line", "after", "expected"),
    [
        (
            "  since:\n    type: year\n",
            "  since:\n    type: yaer\n",
            "    type: yaer",
            "",
            "field 'since': expected a type: id, text, key, keys, year, sources, found 'yaer'",
        ),
        (
            "    fact_box: true\n  sources:",
            "    fact_box: true\n    lable: Since\n  sources:",
            "    lable: Since",
            "",
            "field 'since': expected only the keys type, max_length, vocabulary, required, "
            "shared, help, label, fact_box, card, filter, export_label, found 'lable' "
            "(did you mean 'label'?)",
        ),
        (
            "    vocabulary: open_to\n",
            "    vocabulary: open-to\n",
            "    vocabulary: open-to",
            "",
            "field 'open_to': expected a vocabulary: one of pillars, institutions, audiences, "
            "formats, kinds, open_to (under vocabularies:), found 'open-to'",
        ),
        (
            "  open_to: data/open-to.yml\n",
            "  open_to: data/open_to.yml\n",
            "  open_to: data/open_to.yml",
            "",
            "vocabulary 'open_to': expected the file of its keys in the project, such as "
            "data/pillars.yml, found 'data/open_to.yml' (no such file)",
        ),
        (
            "      parameter: open-to\n",
            "      parameter: format\n",
            "      parameter: format",
            "  open_to:",
            "field 'open_to': expected a filter parameter of its own, found 'format', the filter "
            "of 'formats'",
        ),
        (
            "      parameter: open-to\n",
            "      parameter: q\n",
            "      parameter: q",
            "",
            "field 'open_to': filter: expected a parameter other than q (the search's), found 'q'",
        ),
        (
            "      ar: منذ\n      en: Since\n",
            "      ar: منذ\n",
            "    label:",
            "  since:",
            "field 'since': label: expected a text for 'en', found nothing",
        ),
        (
            "    fact_box: true\n  sources:",
            "    fact_box: true\n    card: tag\n  sources:",
            "    card: tag",
            "  since:",
            "field 'since': expected card: tag only on a field of type key or keys, found a year "
            "field",
        ),
        (
            "  since:\n    type: year\n",
            "  since:\n    type: year\n    required: sometimes\n",
            "    required: sometimes",
            "",
            "field 'since': required: expected true, false or {when: <a key field>, is: <one of "
            "its keys>}, found 'sometimes'",
        ),
        (
            "  since:\n",
            "  url:\n",
            "  url:",
            "",
            "field 'url': expected a name other than is_offering, keys, language, path, "
            "translation_url, translations, url, values (the entry's own), found 'url'",
        ),
        (
            "  pillar:\n    type: key\n    vocabulary: pillars\n    required: true\n",
            "  pillar:\n    type: key\n    vocabulary: pillars\n",
            "  pillar:",
            "",
            "field 'pillar': expected type: key and required: true (the catalogue is grouped by "
            "it), found type: key, not always required",
        ),
    ],
    ids=[
        "unknown-type",
        "misspelt-key",
        "unknown-vocabulary",
        "missing-vocabulary-file",
        "filter-twice",
        "search-parameter",
        "missing-label",
        "year-as-tag",
        "bad-condition",
        "reserved-name",
        "relied-on",
    ],
)
def test_a_malformed_declaration_names_the_file_line_expected_and_found(
    tmp_path, old, new, line, after, expected
):
    text, found = problems_of(tmp_path, old, new)
    assert found == [f"{DECLARATION}, line {line_of(text, line, after)}: {expected}"]


def test_a_condition_on_a_key_the_vocabulary_lacks_is_named(tmp_path):
    old = "  formats:\n    type: keys\n    vocabulary: formats\n"
    old += "    required: {when: kind, is: offering}\n"
    text, found = problems_of(tmp_path, old, old.replace("is: offering", "is: offer"))
    line = line_of(text, "    required: {when: kind, is: offer}")
    assert found == [
        f"{DECLARATION}, line {line}: field 'formats': expected required: is: a key of kinds, "
        "one of practice, offering, found 'offer'"
    ]


def test_every_attribute_of_an_entry_is_a_name_no_field_may_take():
    from ctsite.catalogue import declaration, model

    own = {f.name for f in dataclasses.fields(model.Practice)}
    own |= {name for name in vars(model.Practice) if not name.startswith("_")}
    # `id` is both: the entry's id is its field's value.
    assert own - {"id"} <= declaration.RESERVED


def test_a_malformed_declaration_stops_the_build_with_its_file_and_line(project_copy, tmp_path):
    project = project_copy
    declaration = project / DECLARATION
    text = declaration.read_text(encoding="utf-8").replace(
        "  since:\n    type: year\n", "  since:\n    type: yaer\n"
    )
    declaration.write_text(text, encoding="utf-8")
    result = build(project, tmp_path / "site")
    output = result.stdout + result.stderr
    assert result.returncode != 0
    assert "Traceback" not in output, output[-3000:]
    line = line_of(text, "    type: yaer")
    assert re.search(
        rf"{re.escape(DECLARATION)}, line {line}: field 'since': expected a type: id, text, key, "
        r"keys, year, sources, found 'yaer'",
        output,
    ), output[-3000:]
