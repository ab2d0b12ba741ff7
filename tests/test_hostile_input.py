"""Hostile or broken input gets a clear message naming the file and the field, never a crash, a
leak or a weaker policy: front matter (aliases, duplicate keys, encodings), addresses, invisible
and control characters, scripts in a page's text, the CSV exports, `make csp`."""

from __future__ import annotations

import csv
import io
import subprocess
import sys

import pytest
from catalogue_fixtures import FILE, VOCABULARIES, markdown, valid
from sitecheck import build, build_with_memory_cap, copy_project

from ctsite.catalogue import export, frontmatter, model, schema
from ctsite.content import guard

# Nine levels of nested aliases: a few hundred bytes that expand to billions of items.
ALIAS_BOMB = (
    "---\n"
    'a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]\n'
    "b: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a]\n"
    "c: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b]\n"
    "d: &d [*c,*c,*c,*c,*c,*c,*c,*c,*c]\n"
    "e: &e [*d,*d,*d,*d,*d,*d,*d,*d,*d]\n"
    "f: &f [*e,*e,*e,*e,*e,*e,*e,*e,*e]\n"
    "g: &g [*f,*f,*f,*f,*f,*f,*f,*f,*f]\n"
    "h: &h [*g,*g,*g,*g,*g,*g,*g,*g,*g]\n"
    "i: &i [*h,*h,*h,*h,*h,*h,*h,*h,*h]\n"
    "title: *i\n"
    "---\n\nText.\n"
)


def messages(values: dict) -> list[str]:
    return [p.message() for p in schema.validate(values, FILE, "azhar-observatory", VOCABULARIES)]


# --- Front matter ------------------------------------------------------------------------------


def test_an_alias_bomb_is_refused_before_anything_is_built_from_it():
    parsed = frontmatter.read(ALIAS_BOMB)
    assert parsed.values is None
    assert parsed.error == (
        "expected no YAML anchor, found '&a' at line 2 (write the value itself)"
    )


def test_an_alias_alone_is_refused_too():
    parsed = frontmatter.read("---\ntitle: *x\n---\n")
    assert parsed.error == "expected no YAML alias, found '*x' at line 2 (write the value itself)"


def test_a_key_given_twice_is_refused_naming_both_lines():
    parsed = frontmatter.read("---\ntitle: One\nid: x\ntitle: Two\n---\n")
    assert parsed.error == "expected each field once, found 'title' on lines 2 and 4"


def test_a_byte_order_mark_is_accepted_as_mkdocs_accepts_it():
    text, error = frontmatter.decode(b"\xef\xbb\xbf---\ntitle: A\n---\nBody\n")
    assert error is None
    parsed = frontmatter.read(text)
    assert (parsed.values, parsed.body) == ({"title": "A"}, "Body\n")


def test_a_file_that_is_not_utf8_names_the_byte_and_its_offset():
    text, error = frontmatter.decode("---\ntitle: Café\n---\n".encode("latin-1"))
    assert text is None
    assert error == (
        "expected UTF-8 text, found byte 0xe9 at byte offset 14, which is not UTF-8 "
        "(save the file as UTF-8)"
    )


def test_a_latin1_entry_is_reported_with_its_file_and_the_others_kept(tmp_path):
    docs = tmp_path / "docs"
    for language in ("ar", "en"):
        folder = docs / language / "best-practices"
        folder.mkdir(parents=True)
        (folder / "azhar-observatory.md").write_text(markdown(valid()), encoding="utf-8")
    broken = docs / "en" / "best-practices" / "azhar-observatory.md"
    broken.write_bytes(markdown(valid(title="Café")).encode("latin-1"))
    sources = model.read_sources(docs, ["ar", "en"], "ar", VOCABULARIES)
    assert [p.message() for p in sources.problems] == [
        "docs/en/best-practices/azhar-observatory.md: front matter: expected UTF-8 text, "
        "found byte 0xe9 at byte offset 36, which is not UTF-8 (save the file as UTF-8)"
    ]


# --- Addresses ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("url", "found"),
    [
        ("http://www.mfa.gov.eg/", "'http://www.mfa.gov.eg/' (scheme 'http')"),
        (
            "https://www.mfa.gov.eg/x\n",
            "U+000A at position 25 in 'https://www.mfa.gov.eg/x\\u000a'",
        ),
        (
            "https://www.mfa.gov.eg@evil.example/x",
            "'https://www.mfa.gov.eg@evil.example/x' (a user name before the host: the host "
            "is 'evil.example')",
        ),
        ("https://127.0.0.1/x", "'https://127.0.0.1/x' (host '127.0.0.1')"),
        ("https://intranet/x", "'https://intranet/x' (host 'intranet')"),
        ("javascript:alert(1)", "'javascript:alert(1)' (scheme 'javascript')"),
        ("https:///x", "'https:///x' (host 'none')"),
    ],
)
def test_source_addresses_are_parsed_not_pattern_matched(url, found):
    assert messages(valid(sources=[{"title": "T", "url": url}])) == [
        f"{FILE}: field 'sources[1].url': expected an https address of a public host "
        f"(https://host/...), found {found}"
    ]


def test_an_internationalised_host_is_a_real_host():
    assert messages(valid(sources=[{"title": "T", "url": "https://مثال.مصر/صفحة"}])) == []


# --- Invisible and control characters ---------------------------------------------------------


@pytest.mark.parametrize(
    ("title", "found"),
    [
        (
            "\u200b",
            "text with a visible character, found only spacing or invisible characters ('\\u200b')",
        ),
        (
            "Egypt \u202eevil",
            "text without control characters, found U+202E (RIGHT-TO-LEFT OVERRIDE) at position 7",
        ),
        (
            "Null\x00byte",
            "text without control characters, found U+0000 (a control character) at position 5",
        ),
        (
            "\x1b[31mred",
            "text without control characters, found U+001B (a control character) at position 1",
        ),
        (
            "Isolate \u2066x\u2069",
            "text without control characters, found U+2066 (LEFT-TO-RIGHT ISOLATE) at position 9",
        ),
    ],
)
def test_text_fields_refuse_control_and_invisible_characters(title, found):
    assert messages(valid(title=title)) == [f"{FILE}: field 'title': expected {found}"]


def test_a_source_title_is_checked_the_same_way():
    found = messages(valid(sources=[{"title": "A\u202eB", "url": "https://a.org/"}]))
    assert found == [
        f"{FILE}: field 'sources[1].title': expected text without control characters, found "
        "U+202E (RIGHT-TO-LEFT OVERRIDE) at position 2"
    ]


# --- Exports -----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "cell", ["=1+1", "+1", "-1", "@SUM(A1)", "＝1+1", "＋1", "－1", "＠x", "\u200b=1", "\ufeff=1"]
)
def test_a_cell_a_spreadsheet_would_run_is_written_as_text(cell):
    assert export._cell(cell) == "'" + cell


@pytest.mark.parametrize("cell", ["Egypt", "1-2", "Al-Azhar", "مرصد"])
def test_ordinary_cells_are_left_as_they_are(cell):
    assert export._cell(cell) == cell


# --- Active content in a page's text -----------------------------------------------------------


@pytest.mark.parametrize(
    ("html", "what"),
    [
        ("<p>a<script>alert(1)</script></p>", "a script element"),
        ('<p><img src="x" onerror="alert(1)"></p>', "an event-handler attribute"),
        ('<p><a href="javascript:alert(1)">x</a></p>', "a script address"),
        ('<p><a href=" JaVaScRiPt:alert(1)">x</a></p>', "a script address"),
        ('<iframe src="https://example.org/"></iframe>', "an embedded frame"),
        ('<object data="x.swf"></object>', "an embedded object"),
    ],
)
def test_active_content_is_found_and_shown_as_text(html, what):
    found = guard.active_content(html)
    assert [active.what for active in found] == [what]
    assert guard.active_content(guard.neutralise(html)) == []


def test_ordinary_markup_is_not_active_content():
    html = (
        '<p class="online">One <a href="https://a.org/?on=1">link</a> '
        "<details open><summary>s</summary></details> <code>&lt;script&gt;</code></p>"
    )
    assert guard.active_content(html) == []


@pytest.mark.slow  # builds a fixture copy of the project
def test_a_script_in_a_page_fails_the_strict_build_naming_file_and_line(tmp_path):
    project = copy_project(tmp_path / "project")
    page = project / "docs" / "en" / "privacy.md"
    lines = page.read_text(encoding="utf-8").splitlines()
    lines[2:2] = ["", "<script>alert(1)</script>", "", '<img src="x" onerror="alert(2)">', ""]
    page.write_text("\n".join(lines) + "\n", encoding="utf-8")
    result = build(project, tmp_path / "site")
    output = result.stdout + result.stderr
    assert result.returncode != 0
    assert (
        "docs/en/privacy.md, line 4: page text: expected no scripts or embedded content, found "
        "a script element: <script>" in output
    )
    assert (
        "docs/en/privacy.md, line 6: page text: expected no scripts or embedded content, found "
        "an event-handler attribute" in output
    )
    assert "Traceback" not in output
    # Shown as text in what was written, never run.
    written = (tmp_path / "site" / "en" / "privacy" / "index.html").read_text(encoding="utf-8")
    assert "<script>alert(1)" not in written and "&lt;script>alert(1)" in written


@pytest.mark.slow  # builds a fixture copy of the project
def test_an_alias_bomb_fails_the_strict_build_naming_the_file_and_expands_nothing(tmp_path):
    project = copy_project(tmp_path / "project")
    entry = project / "docs" / "en" / "best-practices" / "azhar-observatory.md"
    entry.write_text(ALIAS_BOMB, encoding="utf-8")
    page = project / "docs" / "ar" / "privacy.md"
    page.write_text(ALIAS_BOMB.replace("title: *i", "description: *i"), encoding="utf-8")
    # At most 1 GiB of memory: the bomb needs many times that once expanded.
    result = build_with_memory_cap(project, tmp_path / "site")
    output = result.stdout + result.stderr
    assert result.returncode != 0
    assert (
        "docs/en/best-practices/azhar-observatory.md: front matter: expected no YAML anchor, "
        "found '&a' at line 2" in output
    )
    assert "docs/ar/privacy.md: front matter: expected no YAML anchor, found '&a' at line 2" in (
        output
    )
    # The strict build goes on to report every other problem in the same run (behaviour changed
    # deliberately: issue "Editors without a terminal"), rendering these pages from none of their
    # front matter, and fails at its end.
    assert "problem(s) in this build" in output
    assert "Traceback" not in output and "MemoryError" not in output
    written = tmp_path / "site" / "en" / "best-practices" / "azhar-observatory" / "index.html"
    assert not written.exists() or "lol" not in written.read_text(encoding="utf-8")


# --- make csp ----------------------------------------------------------------------------------


def test_make_csp_refuses_to_allow_a_script_in_a_pages_text(tmp_path):
    site = tmp_path / "site"
    site.mkdir()
    (site / "index.html").write_text(
        '<html><head><script>var ok = 1;</script></head><body><article class="md-content__inner '
        'md-typeset"><p>x</p><script>alert("editor")</script></article></body></html>',
        encoding="utf-8",
    )
    result = subprocess.run(
        [sys.executable, "-m", "ctsite.tools.csp", str(site), "--check"],
        capture_output=True,
        text=True,
    )
    assert result.returncode == 2
    assert "expected no script in a page's text, found one in index.html" in result.stderr


def test_csv_export_of_hostile_titles_has_no_formula(tmp_path):
    docs = tmp_path / "docs"
    for language in ("ar", "en"):
        folder = docs / language / "best-practices"
        folder.mkdir(parents=True)
        (folder / "azhar-observatory.md").write_text(
            markdown(valid(title="＝HYPERLINK(1)")), encoding="utf-8"
        )
    sources = model.read_sources(docs, ["ar", "en"], "ar", VOCABULARIES)
    catalogue = model.build(
        sources, "en", {"ar": "", "en": "en/"}, "https://ct.example.test/", VOCABULARIES
    )
    rows = list(csv.DictReader(io.StringIO(export.to_csv(catalogue).decode("utf-8-sig"))))
    assert rows[0]["title"] == "'＝HYPERLINK(1)"
