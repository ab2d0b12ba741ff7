"""Egypt's statements on the record: the data file's checks, the statements page of each
language, its feed and export, the statements where they belong (subject pages, the timeline,
search), and the editors' scaffold."""

from __future__ import annotations

import json
import re
from pathlib import Path
from urllib.parse import urlsplit

import feedparser
import pytest
import yaml
from bs4 import BeautifulSoup
from sitecheck import LANGUAGES, ROOT, build, html_files, parsed

from ctsite.records import register as registers
from ctsite.statements import data

HOME = {"ar": "", "en": "en/"}
LOCALE = {"ar": "ar_EG", "en": "en_GB"}  # extra.site.date_locales
STATEMENTS = "statements/index.html"
ARABIC = re.compile(r"[\u0600-\u06ff]")


@pytest.fixture(scope="session")
def register():
    return registers.load(ROOT / "data" / "un-documents.yml", list(LANGUAGES))


def _vocabulary(name: str) -> dict:
    return yaml.safe_load((ROOT / "data" / name).read_text(encoding="utf-8"))


@pytest.fixture(scope="session")
def statements(register):
    return data.load(
        ROOT / "data" / "statements.yml",
        "data/statements.yml",
        list(LANGUAGES),
        _vocabulary("venues.yml"),
        _vocabulary("pillars.yml"),
        register,
    )


def soup(site: Path, language: str, path: str) -> BeautifulSoup:
    return parsed(site / HOME[language] / path)


# -- the data ----------------------------------------------------------------------------------


def test_the_record_holds_statements_from_2016_to_2023_each_with_its_record(statements):
    assert len(statements) >= 8
    years = {statement.year for statement in statements}
    assert min(years) == 2016 and max(years) >= 2023
    for statement in statements:
        assert statement.documents or statement.sources, statement.id
        for language in LANGUAGES:
            sentences = re.split(r"(?<=[.!؟?])\s+", statement.summary[language])
            assert 1 <= len(sentences) <= 6, (statement.id, language)
            assert all(source.url.startswith("https://") for source in statement.sources)


BROKEN = """\
# a comment
- id: 2016-05-11-open-debate
  date: 2016-02-30
  venue: security-councel
  meeting: {ar: "الجلسة", en: "meeting"}
  speaker: {ar: "سامح شكري", en: "Sameh Shoukry"}
  role: {ar: "وزير الخارجية", en: "Minister"}
  subjects: [ideologicl]
  summary:
    ar: "ملخص."
  documents: [S/PV.7691]
  sources:
    - title: A page
      url: http://example.org/
  speker: typo
- id: 2016-05-11-open-debate
  date: 2016-05-11
"""


def test_every_problem_of_the_file_is_named_with_its_line_at_once(tmp_path, register):
    path = tmp_path / "statements.yml"
    path.write_text(BROKEN, encoding="utf-8")
    with pytest.raises(data.StatementsError) as raised:
        data.load(
            path,
            "data/statements.yml",
            list(LANGUAGES),
            _vocabulary("venues.yml"),
            _vocabulary("pillars.yml"),
            register,
        )
    messages = str(raised.value).splitlines()
    assert "Traceback" not in str(raised.value)
    expected = {
        3: "date: expected a real date",
        4: "venue: expected a key of data/venues.yml (did you mean 'security-council'?",
        8: "subjects: expected keys of data/pillars.yml (did you mean 'ideological'?",
        9: "summary: expected a text for 'en', found nothing",
        11: "documents: expected a symbol of data/un-documents.yml (nearest known: S/PV.7690",
        12: "sources: expected a public https address, found 'http://example.org/' (scheme",
        15: "speker: expected only the fields",
        16: "id: expected an id used once (already on line 2)",
    }
    for line, words in expected.items():
        assert any(
            message.startswith(f"data/statements.yml, line {line}: ") and words in message
            for message in messages
        ), (line, words, messages)
    assert any("did you mean 'speaker'" in message for message in messages)
    # The second entry misses its required fields: each named, with the entry's line.
    assert sum("line 16: statement '2016-05-11-open-debate': meeting" in m for m in messages) == 1


@pytest.mark.parametrize(
    ("content", "words"),
    [
        (b"id: not-a-list\n", "expected a list of statements"),
        (b"- &a {id: x}\n- *a\n", "expected no YAML"),
        ("- id: caf\u00e9\n".encode("latin-1"), "expected UTF-8 text, found byte 0xe9"),
        (b"- id: [unclosed\n", "expected valid YAML"),
        (b"- id: x\n" + b"  #" + b"a" * 1_100_000 + b"\n", "of at most 1,000,000 bytes"),
        (
            "- id: x\n  speaker: {en: Sameh \u202eShoukry}\n".encode(),
            "line 2: 0/speaker/en: expected text without control or bidirectional",
        ),
    ],
)
def test_an_unusable_file_is_refused_with_a_message_not_a_traceback(
    tmp_path, register, content, words
):
    path = tmp_path / "statements.yml"
    path.write_bytes(content)
    with pytest.raises(data.StatementsError, match=re.escape(words)):
        data.load(path, "data/statements.yml", list(LANGUAGES), {}, {}, register)


# -- the statements page -----------------------------------------------------------------------


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_statements_page_lists_every_statement_newest_first_grouped_by_year(
    site, statements, language
):
    page = soup(site, language, STATEMENTS)
    assert page.html["lang"] == language
    groups = page.select("section.statements-year")
    years = [int(group.select_one("h2")["id"].removeprefix("year-")) for group in groups]
    assert years == sorted({s.year for s in statements}, reverse=True)
    items = page.select("li.statement")
    assert [item["id"] for item in items] == [f"statement-{s.id}" for s in statements]
    for item, statement in zip(items, statements, strict=True):
        time = item.select_one("time")
        assert time["datetime"] == statement.date.iso
        assert time.get_text() == statement.date.written(LOCALE[language])
        assert statement.speaker[language] in item.select_one(".statement__title").get_text()
        assert item.select_one(".statement__summary").get_text() == statement.summary[language]
        assert item["data-venue"] == statement.venue
        assert item["data-subject"].split() == list(statement.subjects)
        # Symbols and Latin titles stay whole inside Arabic text.
        for link in item.select(".statement__facts a"):
            assert link.select_one("bdi") is not None
    # The filters offer every venue and subject used, with its count.
    venues = {o["value"] for o in page.select("select[name=venue] option") if o["value"]}
    assert venues == {s.venue for s in statements}


@pytest.mark.parametrize("language", LANGUAGES)
def test_each_language_has_an_atom_feed_a_reader_parses(site, site_url, statements, language):
    folder = site / HOME[language] / "statements"
    parsed = feedparser.parse((folder / "feed.xml").read_bytes())
    assert not parsed.bozo, parsed.get("bozo_exception")
    assert parsed.version == "atom10"
    assert parsed.feed["language"] == language
    assert parsed.feed["updated"].startswith(max(s.date.iso for s in statements)[:7])
    self_link = next(link for link in parsed.feed.links if link.rel == "self")
    assert self_link.href == f"{site_url}{HOME[language]}statements/feed.xml"
    entries = parsed.entries
    assert [e.id for e in entries] == [
        f"tag:{urlsplit(site_url).hostname},{s.date.year}:statements/{language}/{s.id}"
        for s in statements
    ]
    page = soup(site, language, STATEMENTS)
    for entry, statement in zip(entries, statements, strict=True):
        assert entry.summary == statement.summary[language]
        assert entry.published.startswith(statement.date.iso[:7])
        # The link leads to the statement on the built page of the feed's language.
        link = next(
            link for link in entry.links if link.rel == "alternate" and link.hreflang == language
        )
        address = urlsplit(link.href)
        assert f"{address.scheme}://{address.netloc}/" == site_url
        assert address.path == f"/{HOME[language]}statements/"
        assert page.find(id=address.fragment) is not None
        if language == "ar":
            assert ARABIC.search(entry.title)


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_page_of_a_language_announces_that_languages_feed(site, site_url, language):
    feed = f"{site_url}{HOME[language]}statements/feed.xml"
    checked = 0
    for path in html_files(site):
        relative = path.relative_to(site).as_posix()
        if (language == "en") != relative.startswith("en/"):
            continue
        page = parsed(path)
        links = page.select('link[rel=alternate][type="application/atom+xml"]')
        assert [link["href"] for link in links] == [feed], relative
        checked += 1
    assert checked > 20


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_json_export_holds_every_statement_in_the_language(site, statements, language):
    exported = json.loads(
        (site / HOME[language] / "statements" / "statements.json").read_text(encoding="utf-8")
    )
    assert exported["language"] == language
    assert [s["id"] for s in exported["statements"]] == [s.id for s in statements]
    first, statement = exported["statements"][0], statements[0]
    assert first["summary"] == statement.summary[language]
    assert first["date"] == statement.date.iso
    assert first["url"].endswith(f"{HOME[language]}statements/#statement-{statement.id}")


# -- where statements belong -------------------------------------------------------------------


@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize(
    ("path", "venues"),
    [
        ("approach/index.html", None),
        (
            "international/ctc-chairmanship-2016/index.html",
            {"security-council", "counter-terrorism-committee"},
        ),
        ("capacity-building/index.html", {"gctf", "au-peace-and-security-council"}),
    ],
)
def test_each_subject_page_lists_its_latest_statements(site, statements, language, path, venues):
    page = soup(site, language, path)
    links = page.select(".statements-latest__list a")
    wanted = [s for s in statements if venues is None or s.venue in venues][:3]
    assert [link["href"].split("#")[1] for link in links] == [f"statement-{s.id}" for s in wanted]
    statements_page = soup(site, language, STATEMENTS)
    for link in links:
        assert statements_page.find(id=link["href"].split("#")[1]) is not None
        assert link["href"].split("#")[0].endswith("statements/")


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_timeline_links_the_statements_made_on_its_days(site, statements, language):
    page = soup(site, language, "international/ctc-chairmanship-2016/index.html")
    linked = {link["href"].split("#")[1] for link in page.select(".timeline__statements a")}
    days = {entry.select_one("time")["datetime"] for entry in page.select(".timeline__entry")}
    expected = {f"statement-{s.id}" for s in statements if s.date.iso in days}
    assert expected and linked == expected


@pytest.mark.parametrize("language", LANGUAGES)
def test_search_finds_each_statement_as_its_own_result(site, statements, language):
    folder = site / HOME[language] / "search" / "docs"
    urls = set()
    for chunk in folder.glob("*.json"):
        urls |= {record[0] for record in json.loads(chunk.read_text(encoding="utf-8"))}
    for statement in statements:
        assert f"{HOME[language]}statements/#statement-{statement.id}" in urls


# -- editors -----------------------------------------------------------------------------------


def test_a_new_statement_is_scaffolded_then_named_field_by_field_until_filled(
    project_copy, tmp_path
):
    import subprocess
    import sys

    project = project_copy
    run = [sys.executable, "-m", "ctsite.tools.new_statement"]
    made = subprocess.run(
        [*run, "2024-02-01-new"], cwd=project, capture_output=True, text=True, check=False
    )
    assert made.returncode == 0, made.stderr
    again = subprocess.run([*run, "2024-02-01-new"], cwd=project, capture_output=True, text=True)
    assert again.returncode == 1 and "is taken" in again.stderr
    bad = subprocess.run([*run, "Bad Id"], cwd=project, capture_output=True, text=True)
    assert bad.returncode == 1 and "lower-case" in bad.stderr

    path = project / "data" / "statements.yml"
    result = build(project, tmp_path / "site")
    assert result.returncode != 0
    named = [line for line in result.stderr.splitlines() if "'2024-02-01-new'" in line]
    for field in ("date", "venue", "subjects"):
        assert any(f": {field}: expected" in line for line in named), (field, named)
    for field, language in (("meeting", "ar"), ("speaker", "en"), ("summary", "en")):
        said = f": {field}: expected a text for '{language}', found ''"
        assert any(said in line for line in named), (field, language, named)

    # The editor fills in the entry as the messages ask, with file edits only.
    text = path.read_text(encoding="utf-8")
    filled = (
        text.replace("  date: \n", "  date: 2024-02-01\n", 1)
        .replace("  venue: \n", "  venue: gctf\n", 1)
        .replace("  subjects: []\n", "  subjects: [international-cooperation]\n", 1)
        .replace("  documents: []\n", "  documents: [S/PV.7690]\n", 1)
        .replace("    - title: \n      url: \n", "", 1)
        .replace("  sources:\n", "  sources: []\n", 1)
    )
    filled = re.sub(r'(\n    (?:ar|en)): ""', r"\1: نص", filled, count=10)
    path.write_text(filled, encoding="utf-8")
    result = build(project, tmp_path / "site")
    assert result.returncode == 0, result.stderr
    assert (tmp_path / "site" / "statements" / "index.html").read_text(encoding="utf-8").count(
        'id="statement-2024-02-01-new"'
    ) == 1


# -- in a browser ------------------------------------------------------------------------------


def _shown_statements(page) -> list[str]:
    return page.eval_on_selector_all(
        "li.statement", "items => items.filter(i => i.offsetParent !== null).map(i => i.id)"
    )


@pytest.mark.parametrize("language", LANGUAGES)
def test_statements_filter_by_venue_and_subject_with_the_state_in_the_url(
    chromium, served, statements, language
):
    from browser import DESKTOP

    address = served + HOME[language] + "statements/"
    every = [f"statement-{s.id}" for s in statements]
    council = [f"statement-{s.id}" for s in statements if s.venue == "security-council"]
    council_legal = [
        f"statement-{s.id}"
        for s in statements
        if s.venue == "security-council" and "legal" in s.subjects
    ]
    assert council_legal, "the test needs a Security Council statement on the legal pillar"

    without = chromium.new_context(viewport=DESKTOP, java_script_enabled=False)
    page = without.new_page()
    page.goto(address + "?venue=gctf")
    assert _shown_statements(page) == every  # the baseline: everything, no filters
    assert not page.is_visible("[data-catalogue-filters]")
    without.close()

    context = chromium.new_context(viewport=DESKTOP)
    page = context.new_page()
    page.goto(address)
    assert _shown_statements(page) == every
    # Cards, not a numbered list, at every width (a rule of site.css once fell inside a phone's
    # media query and left desktops a plain numbered list).
    assert (
        page.eval_on_selector("ol.statements-list", "e => getComputedStyle(e).listStyleType")
        == "none"
    )
    assert (
        page.eval_on_selector("li.statement", "e => getComputedStyle(e).borderInlineStartWidth")
        == "3px"
    )
    page.select_option("#filter-venue", "security-council")
    assert _shown_statements(page) == council
    assert "venue=security-council" in page.url
    page.select_option("#filter-subject", "legal")
    assert _shown_statements(page) == council_legal
    count = page.text_content("[data-catalogue-count]")
    assert str(len(council_legal)) in count and str(len(every)) in count
    page.reload()
    assert _shown_statements(page) == council_legal
    page.goto(address + "?venue=gctf")
    assert _shown_statements(page) == [f"statement-{s.id}" for s in statements if s.venue == "gctf"]
    context.close()
