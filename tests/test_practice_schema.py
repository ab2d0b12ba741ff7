"""Schema unit tests: the exact message an editor gets for each kind of mistake."""

from __future__ import annotations

from datetime import date

import pytest
from catalogue_fixtures import FILE, SCHEMA, valid

from ctsite.catalogue import frontmatter, schema

STEM = "azhar-observatory"


def messages(values: dict) -> list[str]:
    return [p.message() for p in schema.validate(values, FILE, STEM, SCHEMA)]


def test_a_valid_entry_has_no_problem():
    assert messages(valid()) == []


def test_a_practice_needs_no_formats_and_no_one_who_may_ask():
    assert messages(valid(kind="practice", formats=None, open_to=None)) == []


@pytest.mark.parametrize(
    ("changes", "expected"),
    [
        (
            {"pillar": None},
            "field 'pillar': expected one of ideological, financial, "
            "found nothing (the field is empty or missing); "
            "in docs/en/best-practices/azhar-observatory.md, add to the front matter a line "
            "such as "
            "`pillar: ideological`",
        ),
        (
            {"sources": None},
            "field 'sources': expected a list of at least one {title, url}, "
            "found nothing (the field is empty or missing)",
        ),
        (
            {"pilar": "financial"},
            "field 'pilar': expected one of the fields id, title, summary, pillar, institution, "
            "kind, audiences, formats, open_to, since, sources, found an unknown field",
        ),
        (
            {"since": "twenty"},
            f"field 'since': expected a year between 1900 and {date.today().year}, "
            "such as 2015, found 'twenty'",
        ),
        (
            {"since": 3015},
            f"field 'since': expected a year between 1900 and {date.today().year}, "
            "such as 2015, found 3015",
        ),
        (
            {"audiences": "diplomats"},
            "field 'audiences': expected a list of keys among diplomats, "
            "researchers, found 'diplomats'",
        ),
        (
            {"pillar": "economic"},
            "field 'pillar': expected one of ideological, financial, found 'economic'",
        ),
        (
            {"formats": ["training", "webinar"]},
            "field 'formats': expected keys among training, study-visit, found 'webinar'",
        ),
        (
            {"summary": "x" * 301},
            "field 'summary': expected text of at most 300 characters, found 301 characters",
        ),
        ({"title": ["a", "b"]}, "field 'title': expected text, found a list of 2"),
        (
            {"id": "azhar"},
            "field 'id': expected 'azhar-observatory' (the file's name: lower-case "
            "letters, digits and hyphens), found 'azhar'",
        ),
        (
            {"formats": None},
            "field 'formats': expected a list of keys among training, study-visit "
            "when kind is 'offering', found nothing (the field is empty or missing); "
            "in docs/en/best-practices/azhar-observatory.md, add to the front matter a line "
            "such as "
            "`formats: [training, study-visit]`",
        ),
        (
            {"open_to": None},
            "field 'open_to': expected a list of keys among african-states, cen-sad-members "
            "when kind is 'offering', found nothing (the field is empty or missing); "
            "in docs/en/best-practices/azhar-observatory.md, add to the front matter a line "
            "such as "
            "`open_to: [african-states, cen-sad-members]`",
        ),
        (
            {"open_to": ["everyone"]},
            "field 'open_to': expected keys among african-states, cen-sad-members, "
            "found 'everyone'",
        ),
        (
            {"sources": [{"title": "T", "url": "www.example.org"}]},
            "field 'sources[1].url': expected an https address of a public host "
            "(https://host/...), found 'www.example.org' (scheme 'none')",
        ),
        ({"kind": True}, "field 'kind': expected one of practice, offering, found true (yes/no)"),
    ],
)
def test_each_mistake_gives_its_message(changes, expected):
    assert messages(valid(**changes)) == [f"{FILE}: {expected}"]


def test_every_problem_of_a_file_is_reported_at_once():
    found = messages(valid(pillar="economic", since="soon", summary=None))
    assert [m.split(": ")[1] for m in found] == [
        "field 'summary'",
        "field 'pillar'",
        "field 'since'",
    ]


def test_a_shared_field_that_differs_names_the_other_file_and_the_reference():
    problems = schema.compare_shared(
        {"ar": valid(), "en": valid(pillar="financial", title="Another title")},
        {"ar": "docs/ar/best-practices/x.md", "en": "docs/en/best-practices/x.md"},
        "ar",
        SCHEMA,
    )
    assert [p.message() for p in problems] == [
        "docs/en/best-practices/x.md: field 'pillar': expected 'ideological' as in "
        "docs/ar/best-practices/x.md (this field is the same in every language), found "
        "'financial'; in docs/en/best-practices/x.md, write the line `pillar: ideological` in the "
        "front matter"
    ]


@pytest.mark.parametrize(
    ("text", "error"),
    [
        (
            '---\ntitle: "unclosed\n---\n',
            "expected valid YAML, found a YAML error: while "
            "scanning a quoted scalar at line 2, found the end of the front matter at line 3",
        ),
        (
            "---\ntitle: a: b\n---\n",
            "expected valid YAML, found a YAML error: "
            "mapping values are not allowed in this context at line 2",
        ),
        ("---\n- a\n- b\n---\n", "expected 'field: value' lines, found list ['a', 'b']"),
        ("---\ntitle: x\n", "expected a closing '---' line after the front matter, found none"),
        ("# Title\n", "expected front matter between '---' lines at the top, found none"),
    ],
)
def test_front_matter_that_is_not_yaml_is_an_error_not_page_text(text, error):
    result = frontmatter.read(text)
    assert result.values is None
    assert result.error.startswith(error)


def test_front_matter_values_are_read():
    assert frontmatter.read("---\nid: x\nsince: 2015\n---\n\nBody\n").values == {
        "id": "x",
        "since": 2015,
    }


def test_the_scaffold_shows_how_a_list_is_written_in_each_language():
    import yaml

    from ctsite.tools import new_practice

    english = new_practice.front_matter("x", "en", SCHEMA)
    arabic = new_practice.front_matter("x", "ar", SCHEMA)
    assert "# a list is written: audiences: [diplomats, researchers]" in english
    assert "# مثال لقائمة: audiences: [diplomats, researchers]" in arabic
    # The example is itself a valid value of its field.
    example = english.split("# a list is written: ")[1].splitlines()[0]
    values = yaml.safe_load(example)
    assert (
        SCHEMA.by_name["audiences"].type.check(
            "audiences", values["audiences"], SCHEMA.vocabularies, "x"
        )
        == []
    )


def test_a_misspelt_field_with_a_hostile_value_gets_no_line_to_copy():
    values = valid()
    values["pilar"] = values.pop("pillar") + "\u202e"
    [message] = [p.message() for p in schema.validate(values, FILE, "azhar-observatory", SCHEMA)]
    assert "(did you mean 'pillar'?)" in message and "`" not in message
    assert all(c.isprintable() for c in message)
