"""Hostile or broken input gets a clear message naming the file and the field, never a crash, a
leak or a weaker policy: front matter (aliases, duplicate keys, encodings), addresses, invisible
and control characters, scripts in a page's text, the CSV exports, `make csp`."""

from __future__ import annotations

import csv
import io
import re
import subprocess
import sys
from pathlib import Path

import pytest
from catalogue_fixtures import FILE, SCHEMA, markdown, valid
from sitecheck import build, build_with_memory_cap

from ctsite.catalogue import export, frontmatter, model, schema
from ctsite.content import sanitize
from ctsite.tools import csp

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
    return [p.message() for p in schema.validate(values, FILE, "azhar-observatory", SCHEMA)]


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
    sources = model.read_sources(docs, ["ar", "en"], "ar", SCHEMA)
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
        ("<p>a<script>alert(1)</script></p>", "the element <script>"),
        ('<p><img src="x" onerror="alert(1)"></p>', 'the attribute onerror="alert(1)" of <img>'),
        ('<p><a href="javascript:alert(1)">x</a></p>', "the attribute href"),
        ('<p><a href=" JaVaScRiPt:alert(1)">x</a></p>', "the attribute href"),
        ('<iframe src="https://example.org/"></iframe>', "the element <iframe"),
        ('<object data="x.swf"></object>', "the element <object"),
        # Spellings the old patterns missed (issue "Untrusted text stays text"):
        ('<a href="&#x6A;avascript:alert(1)">x</a>', 'href="javascript:alert(1)" of <a>'),
        ('<a href="javascript&colon;alert(1)">x</a>', 'href="javascript:alert(1)" of <a>'),
        ('<a href="java&#x09;script:alert(1)">x</a>', "the attribute href"),
        ('<img alt=">" src=x onerror=alert(1)>', 'the attribute onerror="alert(1)" of <img>'),
        ('<svg><set attributeName="href" to="javascript:alert(1)"/></svg>', "the element <set"),
        ('<svg><a xlink:href="&#106;avascript:alert(1)">x</a></svg>', "the element <svg>"),
        ('<form><button formaction="javascript:alert(1)">x</button></form>', "<button"),
        ('<base href="https://evil.example/">', "the element <base"),
        ('<meta http-equiv="refresh" content="0;url=https://evil.example/">', "<meta"),
        ('<a href="data:text/html,<script>alert(1)</script>">x</a>', "the attribute href"),
        # Material's own ids: its scripts would find the page's element first.
        ('<p id="__config">{}</p>', 'the attribute id="__config" of <p>'),
    ],
)
def test_active_content_is_removed_and_named(html, what):
    cleaned, removed = sanitize.clean_page(html)
    assert any(what in item.what for item in removed), [item.what for item in removed]
    for live in ("<script", "onerror", "javascript", "<iframe", "<object", "<base", "<meta"):
        assert live not in cleaned.lower()
    assert "<svg" not in cleaned and "formaction" not in cleaned and "data:" not in cleaned


def test_the_sites_own_markup_passes_the_allowlist_unchanged():
    html = (
        '<p class="online">One <a href="https://a.org/?on=1&amp;b=2">link</a> '
        '<code>&lt;script&gt;</code></p><details open=""><summary>s</summary></details>'
        '<div class="grid cards"><ul><li><p><a class="md-button md-button--primary" '
        'href="best-practices/?kind=offering">Offers</a></p></li></ul></div>'
        '<div class="admonition note"><p class="admonition-title">Note</p></div>'
        '<p>The <abbr title="United Nations">UN</abbr> <q>cited</q> '
        '<time datetime="2016-05-01">1 May</time><sup id="fnref:a"><a class="footnote-ref" '
        'href="#fn:a">1</a></sup> <a href="mailto:x@example.org">mail</a></p>'
        '<h2 id="x">X<a class="headerlink" href="#x" title="Permanent link">¶</a></h2>'
        "<table><thead><tr><th>a</th></tr></thead><tbody><tr><td>b</td></tr></tbody></table>"
        "<!-- recent-pages -->"
    )
    cleaned, removed = sanitize.clean_page(html)
    assert removed == []
    assert cleaned == html


def test_a_title_keeps_only_text():
    cleaned, removed = sanitize.clean_title('Home <meta http-equiv="refresh" content="0"> &amp; b')
    assert cleaned == "Home  &amp; b"
    assert [item.what for item in removed] == [
        'the element <meta http-equiv="refresh" content="0">'
    ]


def test_a_script_in_a_page_fails_the_strict_build_naming_file_and_line(project_copy, tmp_path):
    project = project_copy
    page = project / "docs" / "en" / "privacy.md"
    lines = page.read_text(encoding="utf-8").splitlines()
    lines[2:2] = ["", "<script>alert(1)</script>", "", '<img src="x" onerror="alert(2)">', ""]
    page.write_text("\n".join(lines) + "\n", encoding="utf-8")
    result = build(project, tmp_path / "site")
    output = result.stdout + result.stderr
    assert result.returncode != 0
    assert (
        "docs/en/privacy.md, line 4: page text: expected only the markup of the allowlist "
        "(README, 'Hostile or broken input'), found the element <script>: removed" in output
    )
    assert (
        "docs/en/privacy.md, line 6: page text: expected only the markup of the allowlist "
        "(README, 'Hostile or broken input'), found the attribute onerror=\"alert(2)\" of <img>: "
        "removed" in output
    )
    assert "Traceback" not in output
    # Removed from what was written (the sanitizer's output is what is published).
    written = (tmp_path / "site" / "en" / "privacy" / "index.html").read_text(encoding="utf-8")
    assert "alert(1)" not in written and "alert(2)" not in written


def test_an_alias_bomb_fails_the_strict_build_naming_the_file_and_expands_nothing(
    project_copy, tmp_path
):
    project = project_copy
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
    sources = model.read_sources(docs, ["ar", "en"], "ar", SCHEMA)
    catalogue = model.build(
        sources, "en", {"ar": "", "en": "en/"}, "https://ct.example.test/", SCHEMA
    )
    rows = list(csv.DictReader(io.StringIO(export.to_csv(catalogue).decode("utf-8-sig"))))
    assert rows[0]["title"] == "'＝HYPERLINK(1)"


def test_make_csp_never_allows_a_script_no_template_writes(tmp_path):
    """A script outside a page's text (a title in the header, a data file's text) that no
    template writes is refused, never hashed into the policy."""
    site = tmp_path / "site"
    site.mkdir()
    import material as material_package

    template = Path(material_package.__file__).parent / "templates/partials/javascripts/base.html"
    body = csp._TEMPLATE_SCRIPT.findall(template.read_text(encoding="utf-8"))[0]
    material = re.sub(r"\{\{.*?\}\}", "..", body).strip()  # Material's script, one level deep
    (site / "index.html").write_text(
        f"<html><head><script>{material}</script></head><body><header><span>Home"
        '<script>alert("title")</script></span></header></body></html>',
        encoding="utf-8",
    )
    result = subprocess.run(
        [sys.executable, "-m", "ctsite.tools.csp", str(site), "--check"],
        capture_output=True,
        text=True,
    )
    assert result.returncode == 2
    assert "found scripts no template writes" in result.stderr
    assert "index.html: 'alert(\"title\")'" in result.stderr
    assert material[:20] not in result.stderr
