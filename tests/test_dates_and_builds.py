"""Last-updated dates from git in each language's format, edit links to each page's own source,
builds without git history, and byte-identical builds (with or without compiled templates)."""

from __future__ import annotations

import subprocess
from datetime import UTC, datetime

from bs4 import BeautifulSoup
from conftest import TEST_EDIT_BASE_URL, TEST_SITE_URL
from sitecheck import ROOT, build, content_pages


def git_date(path) -> str | None:
    out = subprocess.run(
        ["git", "-C", str(ROOT), "log", "-1", "--format=%ct", "--", str(path.relative_to(ROOT))],
        capture_output=True,
        text=True,
    ).stdout.strip()
    return datetime.fromtimestamp(int(out), UTC).date().isoformat() if out else None


def source_of(page) -> str:
    """docs/<language>/<path>.md of a built page."""
    stem = page.path[: -len("index.html")].rstrip("/")
    for candidate in (f"{stem}.md", f"{stem}/index.md" if stem else "index.md"):
        if (ROOT / "docs" / page.language / candidate).is_file():
            return f"{page.language}/{candidate}"
    raise AssertionError(f"no source for {page.file}")


def test_every_page_shows_its_last_update_from_git_in_its_language(site):
    checked = 0
    for page in content_pages(site):
        facts = page.soup().select_one("aside.page-facts")
        expected = git_date(ROOT / "docs" / source_of(page))
        if expected is None:  # not committed yet: no date from history
            continue
        time = facts.select_one("time")
        assert time["datetime"] == expected, page.file
        day = datetime.fromisoformat(expected)
        if page.language == "en":
            assert time.get_text() == f"{day.day} {day.strftime('%B')} {day.year}"
        else:
            assert time.get_text().startswith(f"{day.day} ") and "آخر تحديث" in facts.get_text()
        checked += 1
    assert checked > 10


def test_every_page_links_to_edit_its_own_source_file(site):
    for page in content_pages(site):
        link = page.soup().select_one("aside.page-facts a")
        assert link["href"] == TEST_EDIT_BASE_URL + source_of(page), page.file


def test_a_build_without_git_history_works_and_uses_source_date_epoch(project_copy, tmp_path):
    project = project_copy  # a plain copy: no .git
    without = build(project, tmp_path / "plain")
    assert without.returncode == 0, without.stdout + without.stderr
    page = BeautifulSoup((tmp_path / "plain" / "unit" / "index.html").read_text(), "html.parser")
    assert page.select_one("aside.page-facts time") is None
    epoch = build(project, tmp_path / "epoch", SOURCE_DATE_EPOCH="1764374400")
    assert epoch.returncode == 0
    page = BeautifulSoup(
        (tmp_path / "epoch" / "en" / "unit" / "index.html").read_text(), "html.parser"
    )
    assert page.select_one("aside.page-facts time")["datetime"] == "2025-11-29"


def test_a_second_build_of_the_same_sources_is_byte_identical_even_without_compiled_templates(
    site, tmp_path, own_build
):
    """The session's build and a second one, made the same way, later: every file the same. The
    second is made where the compiled templates cannot be kept (ctsite.build.TEMPLATE_CACHE: a
    file has the name of Jinja's private folder in its temporary directory): it goes on,
    compiling its templates as without the cache, and the cache changes nothing published."""
    import os

    scratch = tmp_path / "scratch"
    scratch.mkdir()
    (scratch / f"_jinja2-cache-{os.getuid()}").write_text("not a folder", encoding="utf-8")
    second = tmp_path / "second"
    result = own_build(
        ROOT,
        second,
        site_url=TEST_SITE_URL,
        EDIT_BASE_URL=TEST_EDIT_BASE_URL,
        TMPDIR=str(scratch),
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "Traceback" not in result.stderr
    files_one = sorted(p.relative_to(site) for p in site.rglob("*") if p.is_file())
    files_two = sorted(p.relative_to(second) for p in second.rglob("*") if p.is_file())
    assert files_one == files_two
    different = [str(p) for p in files_one if (site / p).read_bytes() != (second / p).read_bytes()]
    assert different == []
    assert (site / "sitemap.xml.gz").is_file()
    assert (site / "best-practices" / "catalogue.csv").is_file()
