"""Build tests on fixture copies of the project: editors' mistakes in catalogue entries, all
reported at once by the strict build; front matter text escaped wherever it is written."""

from __future__ import annotations

import json

from bs4 import BeautifulSoup
from catalogue_fixtures import markdown, valid
from sitecheck import build, record_translations


def add_entry(project, practice_id, ar, en):
    """Write an entry's files; when both exist, record the English as up to date."""
    for language, content in (("ar", ar), ("en", en)):
        if content is None:
            continue
        path = project / "docs" / language / "best-practices" / f"{practice_id}.md"
        path.write_text(
            content if isinstance(content, str) else markdown(content), encoding="utf-8"
        )
    if ar is not None and en is not None:
        record_translations(project, [f"best-practices/{practice_id}.md"])


REAL = {"pillar": "ideological", "institution": "al-azhar"}


def test_every_mistake_of_a_build_is_reported_at_once_without_traceback(project_copy, tmp_path):
    project = project_copy
    add_entry(
        project,
        "wrong-pillar",
        valid(id="wrong-pillar", **{**REAL, "pillar": "economic"}),
        valid(id="wrong-pillar", **REAL),
    )
    add_entry(
        project,
        "long-summary",
        valid(id="long-summary", **REAL),
        valid(id="long-summary", summary="x" * 320, **REAL),
    )
    add_entry(
        project,
        "broken-yaml",
        '---\ntitle: "unclosed\n---\n\nText\n',
        valid(id="broken-yaml", **REAL),
    )
    add_entry(
        project,
        "differs",
        valid(id="differs", **REAL),
        valid(id="differs", **{**REAL, "institution": "emlcu"}),
    )
    add_entry(project, "no-english", valid(id="no-english", **REAL), None)
    result = build(project, tmp_path / "site")
    output = result.stdout + result.stderr
    assert result.returncode != 0
    assert "Traceback" not in output
    for expected in [
        "docs/ar/best-practices/wrong-pillar.md: field 'pillar': expected one of ideological, "
        "security, financial, legal, development, media, international-cooperation, "
        "found 'economic'",
        "docs/en/best-practices/long-summary.md: field 'summary': expected text of at most 300 "
        "characters, found 320 characters",
        "docs/ar/best-practices/broken-yaml.md: front matter: expected valid YAML, found a YAML "
        "error: while scanning a quoted scalar at line 2, found the end of the front matter at "
        "line 3",
        "docs/en/best-practices/differs.md: field 'institution': expected 'al-azhar' as in "
        "docs/ar/best-practices/differs.md (this field is the same in every language), "
        "found 'emlcu'",
        "docs/en/best-practices/no-english.md: missing translation; expected this file because "
        "docs/ar/best-practices/no-english.md exists.",
    ]:
        assert expected in output, expected


HOSTILE_EN = '<script>alert("en")</script> & "Co"'
HOSTILE_AR = "<img src=x onerror=alert(1)> عنوان"


def test_front_matter_text_is_escaped_everywhere_it_is_written(project_copy, tmp_path):
    project = project_copy
    add_entry(
        project,
        "hostile",
        valid(id="hostile", title=HOSTILE_AR, summary='<b>bold</b> "summary"', **REAL),
        valid(id="hostile", title=HOSTILE_EN, summary="</script><script>x()</script>", **REAL),
    )
    site = tmp_path / "site"
    result = build(project, site, site_url="https://ct.example.test/")
    assert result.returncode == 0, result.stdout + result.stderr
    pages = {
        "en": site / "en" / "best-practices" / "hostile" / "index.html",
        "ar": site / "best-practices" / "hostile" / "index.html",
        "en-catalogue": site / "en" / "best-practices" / "index.html",
        "ar-catalogue": site / "best-practices" / "index.html",
    }
    for name, page in pages.items():
        html = page.read_text(encoding="utf-8")
        assert "<script>alert" not in html and "<script>x()" not in html, name
        assert "<img src=x" not in html and "<b>bold</b>" not in html, name
    english = BeautifulSoup(pages["en"].read_text(encoding="utf-8"), "html.parser")
    assert english.title.get_text().startswith(HOSTILE_EN)
    assert english.select_one("article h1").get_text() == HOSTILE_EN
    assert english.select_one('meta[name="description"]')["content"] == (
        "</script><script>x()</script>"
    )
    (ld,) = [
        data
        for script in english.select('script[type="application/ld+json"]')
        if (data := json.loads(script.string))["@type"] != "BreadcrumbList"
    ]
    assert (ld["name"], ld["description"]) == (HOSTILE_EN, "</script><script>x()</script>")
    arabic_catalogue = BeautifulSoup(
        pages["ar-catalogue"].read_text(encoding="utf-8"), "html.parser"
    )
    titles = [a.get_text() for a in arabic_catalogue.select(".catalogue-card__title a")]
    assert HOSTILE_AR in titles
    exported = json.loads((site / "en" / "best-practices" / "catalogue.json").read_text())
    assert HOSTILE_EN in [p["title"] for p in exported["practices"]]
