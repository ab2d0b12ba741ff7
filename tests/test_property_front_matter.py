"""Property-based (Hypothesis): whatever an editor's front matter holds, the result is a valid
entry whose every value is escaped where it is written, or messages naming the file and the
field; never a traceback, in bounded memory (time is not asserted: a wall-clock bound fails by
chance on a busy machine; `python -m ctsite.tools.bench_catalogue` measures it).

Two layers: the reading, validation and exports in-process, on hundreds of generated front
matters; and real strict builds of a fixture site, on a few, with a memory cap.
"""

from __future__ import annotations

import json
import re
import shutil

import pytest
import yaml
from catalogue_fixtures import FILE, SCHEMA, VALID
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sitecheck import build_with_memory_cap, record_translations

from ctsite.catalogue import export, frontmatter, model, schema

STEM = "azhar-observatory"
# What an attacker or a careless editor writes.
HOSTILE = [
    "<script>alert(1)</script>",
    '"><img src=x onerror=alert(1)>',
    '=HYPERLINK("https://evil.example")',
    "＝1+1",
    "\u202eevil",
    "\u200b",
    "\x00",
    "\x1b[31m",
    "{{ config.extra }}",
    "{% raw %}",
    "[[S/2017/375]]",
    "javascript:alert(1)",
    "https://www.mfa.gov.eg@evil.example/",
    "http://example.org/",
    " ",
    "*a",
    "&a",
    "x" * 400,
]
texts = st.one_of(
    st.sampled_from(HOSTILE),
    st.text(st.characters(codec="utf-8"), max_size=60),
    st.text(max_size=20),
)
scalars = st.one_of(texts, st.integers(), st.booleans(), st.none(), st.floats(allow_nan=False))
values = st.recursive(scalars, lambda inner: st.lists(inner, max_size=3), max_leaves=6)
sources = st.lists(
    st.fixed_dictionaries({"title": texts, "url": st.one_of(texts, st.just("https://a.org/"))}),
    max_size=3,
)


@st.composite
def front_matters(draw) -> dict:
    """A front matter: the valid one with some fields replaced, removed or added."""
    entry = dict(VALID)
    for name in draw(st.lists(st.sampled_from([*VALID, "extra", "title"]), max_size=4)):
        choice = draw(st.integers(0, 3))
        if choice == 0:
            entry.pop(name, None)
        elif name == "sources":
            entry[name] = draw(sources)
        else:
            entry[name] = draw(values)
    return entry


raw_yaml = st.one_of(
    st.text(max_size=200),
    st.sampled_from(
        [
            "a: &a [1,2]\nb: *a\n",
            "title: *missing\n",
            "title: a\ntitle: b\n",
            "? [a, b]\n: c\n",
            "!!python/object/apply:os.system ['true']\n",
            "title: !!binary aGVsbG8=\n",
            "- a\n- b\n",
            "title: 'unclosed\n",
            "{title: {{}}}\n",
        ]
    ),
)


def check_messages(problems) -> None:
    for problem in problems:
        message = problem.message()
        assert message.startswith(f"{FILE}: field '") or message.startswith(
            f"{FILE}: front matter: "
        ), message
        assert " expected " in message and ", found " in message, message
        assert all(c.isprintable() for c in message), repr(message)


def pipeline(text: str) -> None:
    """Read, validate and, when valid, export one entry; every failure is a message."""
    parsed = frontmatter.read(text)
    if parsed.values is None:
        assert isinstance(parsed.error, str) and parsed.error.startswith("expected ")
        assert all(c.isprintable() for c in parsed.error), repr(parsed.error)
        return
    problems = schema.validate(parsed.values, FILE, STEM, SCHEMA)
    check_messages(problems)
    if not problems:
        sources_ = model.Sources({STEM: {"ar": parsed.values, "en": parsed.values}}, [])
        catalogue = model.build(
            sources_, "en", {"ar": "", "en": "en/"}, "https://ct.example.test/", SCHEMA
        )
        json.loads(export.to_json(catalogue))
        cells = export.to_csv(catalogue).decode("utf-8-sig")
        assert "\n=" not in cells and ",=" not in cells


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(front_matters())
def test_any_front_matter_gives_a_valid_entry_or_messages_naming_the_field(entry):
    pipeline("---\n" + yaml.safe_dump(entry, allow_unicode=True) + "---\nText.\n")


@settings(max_examples=300, deadline=None)
@given(raw_yaml)
def test_any_yaml_text_is_read_or_refused_with_a_message(text):
    pipeline("---\n" + text + "\n---\nText.\n")


# --- Real builds ------------------------------------------------------------------------------


# Character references (`&amp;`, `&#39;`) and scripts' code (`a&&b`, JSON-LD, whose text JSON
# escapes) are not where a value could be written raw.
_REFERENCE = re.compile(
    r"&(?:#[0-9]+|#x[0-9a-fA-F]+|[A-Za-z][A-Za-z0-9]*);|<script\b[^>]*>.*?</script>", re.S
)


@pytest.fixture(scope="session")
def fixture_project(project_copies):
    return project_copies("hostile")


@settings(max_examples=6, deadline=None, suppress_health_check=list(HealthCheck))
@given(front_matters())
def test_the_build_escapes_every_value_or_names_the_file_and_field(fixture_project, entry):
    project = fixture_project
    name = "hostile-entry"
    entry = {**entry, "id": name} if "id" in entry else entry
    for language in ("ar", "en"):
        page = project / "docs" / language / "best-practices" / f"{name}.md"
        page.write_text(
            "---\n" + yaml.safe_dump(entry, allow_unicode=True) + "---\n\nText.\n",
            encoding="utf-8",
        )
    record_translations(project, [f"best-practices/{name}.md"])
    site = project / "site"
    shutil.rmtree(site, ignore_errors=True)
    result = build_with_memory_cap(project, site)
    output = result.stdout + result.stderr
    assert "Traceback" not in output and "MemoryError" not in output
    if result.returncode != 0:
        assert f"docs/ar/best-practices/{name}.md: " in output, output[-2000:]
        return
    for language, home in (("ar", ""), ("en", "en/")):
        # Without references and scripts (_REFERENCE): a value of a lone `&` is looked for where
        # it would be raw.
        html = _REFERENCE.sub(
            "",
            (site / home / "best-practices" / name / "index.html").read_text(encoding="utf-8"),
        )
        catalogue = _REFERENCE.sub(
            "", (site / home / "best-practices" / "index.html").read_text(encoding="utf-8")
        )
        for text in (entry.get("title"), entry.get("summary")):
            if isinstance(text, str) and any(c in text for c in '<>&"'):
                assert text not in html and text not in catalogue, (language, text)
