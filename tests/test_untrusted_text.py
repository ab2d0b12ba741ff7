"""Untrusted text stays text: every text an editor writes (a page's title and text, the interface
text, the vocabularies, the glossary, the register, the timeline) either is refused by the strict
build with its file and line, or reaches the site with nothing live (tests/liveness.py).

Fixture builds of a copy of the project; the Hypothesis test feeds generated hostile strings into
one text field at a time.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import time
import unicodedata

import pytest
import yaml
from bs4 import BeautifulSoup
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from liveness import live_markup
from sitecheck import ROOT, build, build_with_memory_cap, mkdocs_command

# Markup that acts if written raw: a script, a handler, a refresh, a base, a script address in
# several spellings, an attribute break-out with both quotes.
MARKUP = (
    '<script>alert(1)</script><img alt=">" src=x onerror=alert(2)>'
    '<meta http-equiv="refresh" content="0;url=https://evil.example/">'
    '<base href="https://evil.example/"><a href="&#x6A;avascript:alert(3)">x</a>'
    "<svg><set attributeName=href to=javascript:alert(4) /></svg>"
    "\" onmouseover='alert(5)' x=\""
)

# Where an editor's text goes: (file, path of keys in its YAML), and how messages name it.
DATA_FIELDS = [
    ("data/ui.yml", ("not_found_title", "en")),
    ("data/ui.yml", ("copyright", "ar")),
    ("data/ui.yml", ("search_placeholder", "en")),
    ("data/ui.yml", ("language_switcher", "ar")),
    ("data/pillars.yml", ("financial", "en")),
    ("data/institutions.yml", ("mfa", "ar")),
    ("data/kinds.yml", ("offering", "en")),
    ("data/glossary.yml", ("terms", "countering-terrorism", "definition", "ar")),
    ("data/un-documents.yml", ("kinds", "resolution", "en")),
    ("data/timeline.yml", (1, "en")),
    ("data/un-documents.yml", ("documents", "S/RES/1373(2001)", "title", "en")),
    ("data/glossary.yml", ("abbreviations", "CTC", "expansion", "en")),
    ("data/formats.yml", ("training", "ar")),
    ("data/audiences.yml", ("diplomats", "en")),
    ("data/catalogue-fields.yml", ("fields", "institution", "label", "en")),
    ("data/catalogue-fields.yml", ("fields", "audiences", "filter", "label", "ar")),
    ("data/catalogue-fields.yml", ("fields", "sources", "help", "en")),
]
PAGE = "docs/en/privacy.md"  # an English page: changing it leaves no translation stale


def set_value(project, file: str, path: tuple, value: str, append: bool = True) -> None:
    """Write `value` (after the current text, or in its place) at `path` of a data file."""
    target = project / file
    data = yaml.safe_load(target.read_text(encoding="utf-8"))
    holder = data
    for key in path[:-1]:
        holder = holder[key]
    current = holder[path[-1]]
    if isinstance(current, list):  # a form and its variants: the preferred form
        current = current[0]
    holder[path[-1]] = (str(current) + " " + value) if append else value
    target.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), "utf-8")


def set_page_title(project, value: str, field: str = "title") -> None:
    set_front_matter(
        project, yaml.safe_dump({field: value}, allow_unicode=True, width=1_000_000_000)
    )


def set_front_matter(project, front: str) -> None:
    """The page's front matter replaced by `front` (YAML), its text kept."""
    page = project / PAGE
    text = page.read_text(encoding="utf-8")
    body = text.split("\n---\n", 1)[1] if text.startswith("---\n") else text
    page.write_text(f"---\n{front}---\n{body}", encoding="utf-8")


def every_page(site) -> dict[str, list[str]]:
    """{page: what is live in it} for every built page that holds something live."""
    found = {}
    for page in sorted(site.rglob("*.html")):
        live = live_markup(page.read_text(encoding="utf-8"))
        if live:
            found[page.relative_to(site).as_posix()] = live
    return found


def build_lenient(project, site) -> subprocess.CompletedProcess:
    """`mkdocs build` without --strict: what a preview publishes."""
    return subprocess.run(
        [*mkdocs_command(), "build", "--site-dir", str(site)],
        cwd=project,
        env=dict(os.environ, NO_MKDOCS_2_WARNING="1"),
        capture_output=True,
        text=True,
    )


@pytest.fixture(scope="session")
def hostile_project(project_copies):
    """The project with markup added to a page's title and heading, and to text in every data
    file."""
    project = project_copies("untrusted")
    for file, path in DATA_FIELDS:
        set_value(project, file, path, MARKUP)
    set_page_title(project, "Privacy " + MARKUP)
    page = project / PAGE
    page.write_text(
        page.read_text(encoding="utf-8") + "\n## Heading <img src=x onerror=alert(7)> " + MARKUP,
        encoding="utf-8",
    )
    page = project / "docs" / "en" / "accessibility.md"
    page.write_text(
        "# <img src=x onerror=alert(6)> " + page.read_text(encoding="utf-8").removeprefix("# "),
        encoding="utf-8",
    )
    # Text that a bidirectional control would show reordered, in each language's page text.
    for page, line in BIDI_LINES.items():
        with (project / page).open("a", encoding="utf-8") as text:
            text.write("\n" + line + "\n")
    return project


@pytest.fixture(scope="session")
def hostile_builds(hostile_project, tmp_path_factory):
    """(the strict build's output, the site a lenient build published) of the hostile project:
    built once for the tests that read them."""
    folder = tmp_path_factory.mktemp("hostile-builds")
    strict = build(hostile_project, folder / "strict")
    assert strict.returncode != 0
    lenient = build_lenient(hostile_project, folder / "site")
    assert lenient.returncode == 0, lenient.stderr[-3000:]
    return strict.stdout + strict.stderr, folder / "site"


# {page: a line of text with a bidirectional control} (the Arabic page's change makes its
# English translation stale besides: one more warning of the same build).
BIDI_LINES = {
    PAGE: "Write to \u202eelpmaxe.live\u202c today.",
    "docs/ar/accessibility.md": "راسلونا على \u2067support@example.test\u2069 اليوم.",
}


def test_a_bidi_control_in_a_pages_text_is_named_with_line_and_column_and_removed(
    hostile_project, hostile_builds
):
    """A control in running text reorders what a visitor reads ("Write to \u202eelpmaxe.live"
    reads as "Write to evil.example"): titles and data refused it, page text published it."""
    output, site = hostile_builds
    for page, line in BIDI_LINES.items():
        number = (hostile_project / page).read_text(encoding="utf-8").splitlines().index(line) + 1
        for character in [c for c in line if c in "\u202c\u202e\u2067\u2069"]:
            assert (
                f"{page}, line {number}: page text: expected text without control characters, "
                f"found U+{ord(character):04X} ({unicodedata.name(character)}) at column "
                f"{line.index(character) + 1}: removed"
            ) in output, output[-3000:]

    for page, line in BIDI_LINES.items():
        built = site / page.removeprefix("docs/ar/").removeprefix("docs/")
        html = built.with_suffix("").joinpath("index.html").read_text(encoding="utf-8")
        assert not re.search("[\u202a-\u202e\u2066-\u2069]", html)
        text = " ".join(BeautifulSoup(html, "html.parser").select_one("article").get_text().split())
        assert re.sub("[\u202a-\u202e\u2066-\u2069]", "", line) in text


def test_markup_in_titles_and_data_is_removed_and_named_with_file_and_line(hostile_builds):
    output, site = hostile_builds
    assert "Traceback" not in output
    for file, path in DATA_FIELDS:
        field = "/".join(str(key) for key in path)
        assert re.search(
            rf"{re.escape(file)}, line \d+: {re.escape(field)}: expected text, found the "
            r"element <script>: removed",
            output,
        ), (file, field, output[-3000:])
    assert (
        re.search(
            r"docs/en/privacy\.md: front matter|docs/en/privacy\.md, line \d+: title", (output)
        )
        or "docs/en/privacy.md, line 2: title: expected text, found the element <script>" in output
    )
    assert re.search(r"docs/en/accessibility\.md, line \d+: .*onerror", output), output[-3000:]

    assert every_page(site) == {}
    english_404 = (site / "en" / "404.html").read_text(encoding="utf-8")
    assert "Page not found" in english_404  # the text stays, without its markup


def test_a_bidi_control_in_a_label_is_refused_naming_file_and_line(project_copy, tmp_path):
    project = project_copy
    set_value(project, "data/pillars.yml", ("financial", "en"), "\u202eevil")
    set_value(project, "data/un-documents.yml", ("kinds", "resolution", "ar"), "\u2066x")
    result = build(project, tmp_path / "site")
    output = result.stdout + result.stderr
    assert result.returncode != 0 and "Traceback" not in output
    assert re.search(
        r"data/pillars\.yml, line \d+: financial/en: expected text without control or "
        r"bidirectional characters, found U\+202E",
        output,
    ), output[-3000:]


@pytest.mark.parametrize(
    ("front", "expected"),
    [
        (
            "title: Privacy \u202eevil",
            "expected 'title' to be text without control characters, found U+202E "
            "(RIGHT-TO-LEFT OVERRIDE) at position 9",
        ),
        ("description: x\u2069", "expected 'description' to be text without control characters"),
        ("title: " + "x" * 20_000, "expected 'title' of at most 300 characters, found 20,000"),
        ("title: [a, b]", "expected 'title' to be text, found list"),
        ("title: x\ndate: 2016-02-30", "expected a real date, found '2016-02-30' at line 3"),
    ],
)
def test_a_page_title_is_text_of_a_bounded_length(front, expected):
    from ctsite.content import guard

    data = f"---\n{front}\n---\n\nText.\n".encode()
    assert expected in guard.front_matter_problem(data)


@pytest.mark.parametrize(
    ("file", "change", "expected"),
    [
        (
            "data/timeline.yml",
            lambda text: text.replace("date: 2016-03-23", "date: 2016-02-30"),
            r"data/timeline\.yml, line \d+: entry \d+ \(2016-02-30\): date: expected a real date "
            r"\(YYYY-MM-DD or YYYY-MM\), found '2016-02-30': February 2016 has no day 30",
        ),
        (
            "data/un-documents.yml",
            lambda text: text.replace(
                "address: https://docs.un.org/{language}/{symbol}",
                "address: https://docs.un.org/{language}/{symbol}/{0}",
            ),
            r"data/un-documents\.yml, line \d+: address: expected an https address with "
            r"\{language\} and \{symbol\} and no other field",
        ),
        (
            "data/glossary.yml",
            lambda text: "[" * 10_000 + "]" * 10_000,
            r"data/glossary\.yml, line 1: expected",
        ),
        (
            "data/pillars.yml",
            lambda text: "- a\n- b\n",
            r"data/pillars\.yml: expected a mapping of keys to labels, found list",
        ),
        (
            "data/kinds.yml",
            lambda text: text.replace("practice:", 'practice":'),
            r"data/kinds\.yml, line \d+: expected a key of lower-case letters and digits",
        ),
    ],
    ids=["impossible-date", "address-field", "nesting", "list-for-mapping", "quote-in-key"],
)
def test_broken_data_files_are_named_with_file_and_line_never_a_traceback(
    project_copy, tmp_path, file, change, expected
):
    project = project_copy
    target = project / file
    target.write_text(change(target.read_text(encoding="utf-8")), encoding="utf-8")
    result = build(project, tmp_path / "site")
    output = result.stdout + result.stderr
    assert result.returncode != 0
    assert "Traceback" not in output, output[-3000:]
    assert re.search(expected, output), output[-3000:]


def test_a_latin1_vocabulary_and_a_huge_glossary_are_refused_with_a_message(project_copy, tmp_path):
    project = project_copy
    (project / "data" / "formats.yml").write_bytes(
        (project / "data" / "formats.yml").read_text(encoding="utf-8").encode("utf-8")
        + "\nx:\n  ar: caf\xe9\n  en: caf\xe9\n".encode("latin-1")
    )
    result = build(project, tmp_path / "site")
    output = result.stdout + result.stderr
    assert result.returncode != 0 and "Traceback" not in output
    assert re.search(r"data/formats\.yml, line \d+: expected UTF-8 text, found byte 0xe9", output)

    (project / "data" / "formats.yml").write_text(
        (ROOT / "data" / "formats.yml").read_text(encoding="utf-8"), encoding="utf-8"
    )
    with (project / "data" / "glossary.yml").open("a", encoding="utf-8") as glossary:
        glossary.write("# " + "x" * 50_000_000 + "\n")
    started = time.monotonic()
    result = build_with_memory_cap(project, tmp_path / "site")
    output = result.stdout + result.stderr
    assert result.returncode != 0
    assert "Traceback" not in output and "MemoryError" not in output
    assert "data/glossary.yml: expected a data file of at most 1,000,000 bytes" in output
    assert time.monotonic() - started < 60


def test_a_link_out_of_the_repository_or_dangling_fails_the_build_naming_it(project_copy, tmp_path):
    project = project_copy
    (project / "docs" / "assets" / "passwd.txt").symlink_to("/etc/passwd")
    (project / ".git").mkdir()
    (project / ".git" / "config").write_text("[remote]\n", encoding="utf-8")
    (project / "docs" / "assets" / "config.txt").symlink_to("../../.git/config")
    (project / "data" / "gone.yml").symlink_to("nowhere.yml")
    result = build(project, tmp_path / "site")
    output = result.stdout + result.stderr
    assert result.returncode != 0 and "Traceback" not in output
    assert "docs/assets/passwd.txt: expected a link to a file in docs/, data/, overrides/" in (
        output
    )
    assert "docs/assets/config.txt: expected a link to a file in" in output
    assert "data/gone.yml: expected a file, found a link to 'nowhere.yml', which does not " in (
        output
    )
    assert not (tmp_path / "site" / "assets" / "passwd.txt").exists()


def test_a_template_outside_the_sites_own_is_refused(project_copy, tmp_path):
    project = project_copy
    set_page_title(project, "Privacy")
    page = project / PAGE
    page.write_text(
        page.read_text(encoding="utf-8").replace(
            "title: Privacy\n", "title: Privacy\ntemplate: ../../../etc/passwd\n"
        ),
        encoding="utf-8",
    )
    result = build(project, tmp_path / "site")
    output = result.stdout + result.stderr
    assert result.returncode != 0 and "Traceback" not in output
    assert (
        "docs/en/privacy.md: front matter: expected 'template' to be one of 404.html, "
        "catalogue.html, home.html, main.html, practice.html, statements.html, found "
        "'../../../etc/passwd'"
    ) in output


def test_a_20_mb_title_fails_in_seconds_within_1_gb(project_copy, tmp_path):
    """A 20 MB title built a 734 MB site (it is written into every page's navigation)."""
    project = project_copy
    # What yaml.safe_dump writes for this title, without its 16 s of processor time.
    set_front_matter(project, "title: " + "x" * 20_000_000 + "\n")
    started = time.monotonic()
    result = build_with_memory_cap(project, tmp_path / "site")
    output = result.stdout + result.stderr
    assert result.returncode != 0
    assert "Traceback" not in output and "MemoryError" not in output
    assert re.search(
        r"docs/en/privacy\.md: front matter: expected a page of at most 1,000,000 bytes, found "
        r"20,0\d\d,\d{3} bytes",
        output,
    )
    assert time.monotonic() - started < 60
    # The build goes on to list every problem (it fails at its end): the page is given to MkDocs
    # empty, never with the 20 MB of its front matter.
    page = tmp_path / "site" / "en" / "privacy" / "index.html"
    assert not page.exists() or page.stat().st_size < 1_000_000


# --- Generated hostile text, one field at a time, through real builds -------------------------

HOSTILE = [
    MARKUP,
    "<script>alert(1)</script>",
    '"><img src=x onerror=alert(1)>',
    "<meta http-equiv=refresh content=0;url=https://evil.example/>",
    "javascript&colon;alert(1)",
    "\u202eevil",
    "\u2067x",
    "\x1b[31m",
    "{{ config }}",
    "' onfocus='alert(1)",
    "x" * 3000,
]
hostile_text = st.one_of(
    st.sampled_from(HOSTILE),
    st.lists(st.sampled_from([*HOSTILE[:6], "a", " ", "<", ">", '"', "'", "&", "="]), max_size=6)
    .map("".join)
    .filter(lambda s: s.strip()),
    st.text(st.characters(codec="utf-8", exclude_categories=["Cs"]), min_size=1, max_size=40),
)
FIELDS = [*DATA_FIELDS, (PAGE, ("title",)), (PAGE, ("description",))]


@pytest.fixture(scope="session")
def pristine(project_copies):
    return project_copies("generated")


@settings(max_examples=8, deadline=None, suppress_health_check=list(HealthCheck))
@given(field=st.sampled_from(FIELDS), value=hostile_text)
def test_any_text_in_any_field_is_refused_with_file_and_line_or_holds_nothing_live(
    pristine, tmp_path_factory, field, value
):
    project = tmp_path_factory.mktemp("case") / "project"
    shutil.copytree(pristine, project)
    file, path = field
    if file == PAGE:
        set_page_title(project, value, path[0])
    else:
        set_value(project, file, path, value, append=False)
    site = project / "site"
    result = build_with_memory_cap(project, site)
    output = result.stdout + result.stderr
    assert "Traceback" not in output and "MemoryError" not in output, output[-3000:]
    if result.returncode != 0:
        assert re.search(rf"{re.escape(file)}(, line \d+)?: ", output), output[-3000:]
        return
    assert every_page(site) == {}


def test_the_markup_of_every_markdown_extension_the_site_uses_passes_the_allowlist():
    """Footnotes, abbreviations, attr_list ids and buttons, admonitions, details, aligned tables,
    definition lists, code blocks, grid cards, images, quotations, <q> and <time>: Markdown with
    the site's own extensions (mkdocs.yml) gives markup the allowlist keeps whole."""
    import markdown
    from mkdocs.config import load_config

    from ctsite.content import sanitize

    config = load_config(str(ROOT / "mkdocs.yml"))
    converter = markdown.Markdown(
        extensions=config["markdown_extensions"], extension_configs=config["mdx_configs"]
    )
    sample = (ROOT / "tests" / "fixtures" / "every-markdown-feature.md").read_text("utf-8")
    rendered = converter.convert(sample)
    for expected in (
        'class="md-button',
        'class="admonition note"',
        "<details",
        'id="fn:a"',
        '<abbr title="United Nations">',
        "<table>",
        '<div class="grid cards">',
        '<time datetime="2016-05-01">',
        "<q>",
        'id="custom-id"',
    ):
        assert expected in rendered, expected
    cleaned, removed = sanitize.clean_page(rendered)
    assert removed == []
    assert 'style="text-align:center"' in cleaned and '<img alt="An image"' in cleaned


def test_a_catalogue_entry_or_page_over_1_mb_is_refused_before_it_is_read():
    from ctsite.catalogue import frontmatter

    text, problem = frontmatter.decode(b"---\ntitle: " + b"x" * 2_000_000 + b"\n---\n")
    assert text is None
    assert problem == (
        "expected a page of at most 1,000,000 bytes, found 2,000,016 bytes (split it into "
        "several pages)"
    )


@pytest.mark.parametrize(
    "content",
    [
        "- a\n- b\n",
        "terms: [a, b]\nabbreviations: 3\nsorting: {ar: [x]}\n",
        "a: {b: {c: {d: {e: {f: {g: {h: {i: {j: {k: {l: {m: {n: 1}}}}}}}}}}}}}\n",
        "kinds: {x: {ar: [1], en: {a: b}}}\ndocuments: [1, 2]\naddress: 3\n",
        "x: 2016-02-30\n",
        "? [a, b]\n: c\n",
        "a: !!binary aGVsbG8=\n",
        "\ufeffa: b\n",
        "a: 'unclosed\n",
    ],
)
def test_every_data_reader_names_the_file_never_a_traceback(tmp_path, content):
    """Whatever a data file holds, each reader returns its values or raises its own error naming
    the file (a list where a mapping is expected once raised AttributeError)."""
    from ctsite.catalogue import declaration, vocabularies
    from ctsite.glossary import data as glossary
    from ctsite.languages import interface_text, status
    from ctsite.records import register, timeline

    for name, read, error in [
        (
            "ui.yml",
            lambda p: interface_text.load(p, ["ar", "en"]),
            interface_text.InterfaceTextError,
        ),
        ("glossary.yml", lambda p: glossary.load(p, ["ar", "en"]), glossary.GlossaryError),
        ("un-documents.yml", lambda p: register.load(p, ["ar", "en"]), register.RegisterError),
        ("translations.yml", status.read_registry, status.RegistryError),
        (
            "pillars.yml",
            lambda p: vocabularies.load({"pillars": p}, ["ar", "en"], tmp_path),
            vocabularies.VocabularyError,
        ),
        (
            "catalogue-fields.yml",
            lambda p: declaration.read(p, ["ar", "en"], tmp_path),
            declaration.DeclarationError,
        ),
    ]:
        path = tmp_path / name
        path.write_text(content, encoding="utf-8")
        try:
            read(path)
        except error as raised:
            assert f"{name}" in str(raised) and " expected " in str(raised), str(raised)
    path = tmp_path / "timeline.yml"
    path.write_text(content, encoding="utf-8")
    empty = register.Register({}, {}, "https://docs.un.org/{language}/{symbol}", ())
    with pytest.raises(timeline.TimelineError, match=r"^data/timeline\.yml"):
        timeline.load(path, ["ar", "en"], empty)


def test_an_id_with_a_look_alike_letter_is_shown_with_its_code_point():
    from catalogue_fixtures import FILE, SCHEMA, VALID

    from ctsite.catalogue import schema

    values = {**VALID, "id": "azhar-\u043ebservatory"}
    messages = [p.message() for p in schema.validate(values, FILE, "azhar-observatory", SCHEMA)]
    assert len(messages) == 1
    assert (
        "found 'azhar-\u043ebservatory' (with U+043E CYRILLIC SMALL LETTER O at position 7: "
        in (messages[0])
    )
