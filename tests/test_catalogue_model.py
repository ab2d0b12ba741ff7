"""Unit tests of the catalogue model and its exports, on fixture files in a temporary folder."""

from __future__ import annotations

import csv
import io
import json

import pytest
from catalogue_fixtures import SCHEMA, markdown, valid

from ctsite.catalogue import export, model

HOMES = {"ar": "", "en": "en/"}
SITE = "https://ct.example.test/"


def write_entry(docs, practice_id, ar=None, en=None):
    for language, values in (("ar", ar), ("en", en)):
        if values is None:
            continue
        path = docs / language / "best-practices" / f"{practice_id}.md"
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(values if isinstance(values, str) else markdown(values), encoding="utf-8")


@pytest.fixture
def docs(tmp_path):
    docs = tmp_path / "docs"
    write_entry(
        docs, "azhar-observatory", ar=valid(title="مرصد الأزهر", summary="ملخص"), en=valid()
    )
    write_entry(
        docs,
        "fiu",
        ar=valid(
            id="fiu",
            pillar="financial",
            institution="emlcu",
            kind="practice",
            formats=None,
            open_to=None,
            audiences=None,
            since=None,
            title="وحدة التحريات",
            summary="ملخص",
        ),
        en=valid(
            id="fiu",
            pillar="financial",
            institution="emlcu",
            kind="practice",
            formats=None,
            open_to=None,
            audiences=None,
            since=None,
            title="=Financial unit",
            summary="S",
        ),
    )
    (docs / "ar" / "best-practices" / "index.md").write_text("# Index\n", encoding="utf-8")
    return docs


def catalogue_of(docs, language):
    sources = model.read_sources(docs, ["ar", "en"], "ar", SCHEMA)
    assert sources.problems == []
    return model.build(sources, language, HOMES, SITE, SCHEMA)


def test_practices_are_grouped_by_pillar_in_vocabulary_order_with_labels(docs):
    catalogue = catalogue_of(docs, "ar")
    assert [
        (g.pillar.key, g.pillar.label, [p.id for p in g.practices]) for g in catalogue.groups
    ] == [
        ("ideological", "فكري", ["azhar-observatory"]),
        ("financial", "مالي", ["fiu"]),
    ]
    first = catalogue.practices[0]
    assert (first.title, first.path, first.url, first.translations) == (
        "مرصد الأزهر",
        "best-practices/azhar-observatory/",
        "https://ct.example.test/best-practices/azhar-observatory/",
        {"en": "https://ct.example.test/en/best-practices/azhar-observatory/"},
    )


def test_facets_count_entries_and_leave_out_empty_terms(docs):
    facets = {f.name: [(t.key, n) for t, n in f.options] for f in catalogue_of(docs, "en").facets}
    assert facets == {
        "pillar": [("ideological", 1), ("financial", 1)],
        "institution": [("al-azhar", 1), ("emlcu", 1)],
        "kind": [("practice", 1), ("offering", 1)],
        "audience": [("diplomats", 1)],
        "format": [("training", 1)],
        "open-to": [("african-states", 1)],
    }


def test_a_misspelt_key_offers_the_nearest_one_and_the_line_to_write(docs):
    entry = valid(id="typo", pillar="ideologcal", audiences=["diplomat", "researchers"])
    write_entry(docs, "typo", ar=entry, en=entry)
    problems = [p.message() for p in model.read_sources(docs, ["ar", "en"], "ar", SCHEMA).problems]
    pillar_line = 1 + markdown(entry).splitlines().index("pillar: ideologcal")
    assert (
        "docs/ar/best-practices/typo.md: field 'pillar': expected one of ideological, financial, "
        "found 'ideologcal' (did you mean 'ideological'?); in docs/ar/best-practices/typo.md, "
        f"replace line {pillar_line} with `pillar: ideological`"
    ) in problems
    assert any(
        "(did you mean 'diplomats', 'researchers'?)" in p
        and "with `audiences: [diplomats, researchers]`" in p
        for p in problems
    ), problems
    # Reported once per language, not again as a field that differs between them.
    assert len(problems) == 4, problems


def test_a_shared_field_that_differs_is_reported_beside_another_problem_of_the_file(docs):
    write_entry(
        docs,
        "both",
        ar=valid(id="both"),
        en=valid(id="both", summary="x" * 400, institution="emlcu"),
    )
    problems = [p.message() for p in model.read_sources(docs, ["ar", "en"], "ar", SCHEMA).problems]
    assert [p.split(": expected")[0] for p in problems] == [
        "docs/en/best-practices/both.md: field 'summary'",
        "docs/en/best-practices/both.md: field 'institution'",
    ]


def test_an_invalid_or_inconsistent_entry_is_left_out_and_reported(docs):
    write_entry(docs, "bad", ar=valid(id="bad", pillar="nope"), en=valid(id="bad"))
    write_entry(docs, "differs", ar=valid(id="differs"), en=valid(id="differs", since=2016))
    write_entry(docs, "broken", ar="---\ntitle: [\n---\n", en=valid(id="broken"))
    sources = model.read_sources(docs, ["ar", "en"], "ar", SCHEMA)
    assert sorted(sources.values) == ["azhar-observatory", "fiu"]
    assert [p.message() for p in sources.problems] == [
        "docs/ar/best-practices/bad.md: field 'pillar': expected one of ideological, financial, "
        "found 'nope'",
        "docs/ar/best-practices/broken.md: front matter: expected valid YAML, found a YAML error: "
        "while parsing a flow node at line 3, did not find expected node content at line 3",
        "docs/en/best-practices/differs.md: field 'since': expected 2015 as in "
        "docs/ar/best-practices/differs.md (this field is the same in every language), "
        "found 2016; in docs/en/best-practices/differs.md, replace line 14 with `since: 2015`",
    ]


def test_json_export_lists_every_practice_with_keys_labels_and_urls(docs):
    document = json.loads(export.to_json(catalogue_of(docs, "en")))
    assert document["language"] == "en"
    assert [p["id"] for p in document["practices"]] == ["azhar-observatory", "fiu"]
    assert document["practices"][0] == {
        "id": "azhar-observatory",
        "title": "Al-Azhar Observatory",
        "summary": "An observatory that answers extremist content.",
        "pillar": {"key": "ideological", "label": "Ideological"},
        "institution": {"key": "al-azhar", "label": "Al-Azhar"},
        "kind": "offering",
        "audiences": ["diplomats"],
        "formats": ["training"],
        "open_to": ["african-states"],
        "since": 2015,
        "sources": [{"title": "Al-Azhar", "url": "https://azhar.eg/observer"}],
        "url": "https://ct.example.test/en/best-practices/azhar-observatory/",
        "translation_url": "https://ct.example.test/best-practices/azhar-observatory/",
    }


def test_csv_export_has_a_bom_one_row_per_practice_and_no_formulas(docs):
    data = export.to_csv(catalogue_of(docs, "en"))
    assert data.startswith(b"\xef\xbb\xbf")
    rows = list(csv.DictReader(io.StringIO(data.decode("utf-8-sig"))))
    assert [row["id"] for row in rows] == ["azhar-observatory", "fiu"]
    assert rows[0]["sources"] == "Al-Azhar <https://azhar.eg/observer>"
    assert (rows[0]["open_to"], rows[1]["open_to"]) == ("african-states", "")
    assert rows[1]["title"] == "'=Financial unit"
    assert tuple(rows[0]) == (
        "id",
        "title",
        "summary",
        "pillar",
        "pillar_label",
        "institution",
        "institution_label",
        "kind",
        "audiences",
        "formats",
        "open_to",
        "since",
        "sources",
        "url",
        "translation_url",
    )
    assert (rows[0]["pillar_label"], rows[1]["institution_label"]) == ("Ideological", "EMLCU")


def test_exports_are_the_same_bytes_for_the_same_sources(docs):
    assert export.to_csv(catalogue_of(docs, "ar")) == export.to_csv(catalogue_of(docs, "ar"))


def test_json_ld_describes_an_offer_as_a_service(docs):
    offer = catalogue_of(docs, "en").practices[0]
    data = model.json_ld(offer)
    assert (data["@type"], data["provider"]["url"], data["serviceType"]) == (
        "Service",
        "https://azhar.eg/",
        ["Training"],
    )
    assert data["areaServed"] == ["African states"]


def test_a_misspelt_field_name_offers_the_right_one_with_its_value(docs):
    entry = valid(id="misspelt")
    entry["pilar"] = entry.pop("pillar")
    write_entry(docs, "misspelt", ar=entry, en=valid(id="misspelt"))
    problems = model.read_sources(docs, ["ar", "en"], "ar", SCHEMA).problems
    line = 1 + markdown(entry).splitlines().index("pilar: ideological")
    # One problem for one slip: the field is not reported missing as well.
    assert [p.message() for p in problems] == [
        "docs/ar/best-practices/misspelt.md: field 'pilar': expected one of the fields id, title, "
        "summary, pillar, institution, kind, audiences, formats, open_to, since, sources, found "
        "an unknown field (did you mean 'pillar'?); in docs/ar/best-practices/misspelt.md, "
        f"replace line {line} with `pillar: ideological`"
    ]
