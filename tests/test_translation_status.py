"""Stale translations: unit tests of ctsite/languages/status.py, the strict build that refuses
a stale translation, and `make translations` (ctsite/tools/translations.py)."""

from __future__ import annotations

import subprocess
import sys

from sitecheck import ROOT, build

from ctsite.languages import status


def write(path, text):
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")


def test_statuses_are_current_stale_unrecorded_or_missing(tmp_path):
    docs = tmp_path / "docs"
    for page in ("a.md", "b.md", "c.md"):
        write(docs / "ar" / page, f"# {page}\n")
        write(docs / "en" / page, f"# {page}\n")
    write(docs / "ar" / "d.md", "# d\n")
    write(docs / "fr" / "a.md", "# a.md\n")
    registry = {
        "en": {"a.md": status.version("# a.md\n"), "b.md": status.version("# an older b\n")},
        "fr": {"a.md": status.version("# an older a\n")},
    }
    states = {
        (s.language, s.page): s.state for s in status.statuses(docs, registry, "ar", ["en", "fr"])
    }
    assert states == {
        ("en", "a.md"): "current",
        ("en", "b.md"): "stale",
        ("en", "c.md"): "unrecorded",
        ("en", "d.md"): "missing",
        ("fr", "a.md"): "stale",
        ("fr", "b.md"): "missing",
        ("fr", "c.md"): "missing",
        ("fr", "d.md"): "missing",
    }


def test_line_endings_do_not_make_a_page_stale():
    assert status.version("a\r\nb\r\n") == status.version("a\nb\n")


def test_the_stale_message_names_both_files_and_the_fix():
    pair = status.PairStatus(
        "unit/index.md", "ar", "en", "stale", "0123456789abcdef", "fedcba9876543210"
    )
    assert pair.message() == (
        "docs/en/unit/index.md: stale translation: expected the translation of version "
        "0123456789abcdef of docs/ar/unit/index.md, found that docs/ar/unit/index.md is now "
        "version fedcba9876543210; make docs/en/unit/index.md say what docs/ar/unit/index.md "
        "says, then record it: in data/translations.yml, under `en:`, replace the line "
        "`  unit/index.md: 0123456789abcdef` with `  unit/index.md: fedcba9876543210` (or run "
        "`make translations PAGE=unit/index.md`)"
    )


def test_every_page_of_the_site_is_recorded_as_current():
    registry = status.read_registry(ROOT / "data" / "translations.yml")
    rows = status.statuses(ROOT / "docs", registry, "ar", ["en"])
    assert [r.page for r in rows if r.state != "current"] == []


def test_changing_an_arabic_page_fails_the_build_until_recorded(project_copy, tmp_path):
    project = project_copy
    arabic = project / "docs" / "ar" / "privacy.md"
    arabic.write_text(arabic.read_text(encoding="utf-8") + "\nفقرة جديدة.\n", encoding="utf-8")
    result = build(project, tmp_path / "site")
    output = result.stdout + result.stderr
    assert result.returncode != 0
    assert "docs/en/privacy.md: stale translation: expected the translation of version" in output
    assert "(or run `make translations PAGE=privacy.md`)" in output
    assert "Traceback" not in output

    script = [sys.executable, "-m", "ctsite.tools.translations", "--project", str(project)]
    shown = subprocess.run(script, capture_output=True, text=True)
    assert shown.returncode == 1
    assert "stale       en  privacy.md" in shown.stdout
    recorded = subprocess.run([*script, "privacy.md"], capture_output=True, text=True)
    assert recorded.returncode == 0 and "recorded privacy.md" in recorded.stdout
    again = subprocess.run([*script, "privacy.md"], capture_output=True, text=True)
    assert again.stdout.startswith("up to date")
    assert subprocess.run(script, capture_output=True, text=True).returncode == 0
    assert build(project, tmp_path / "site2").returncode == 0


def test_recording_a_page_missing_in_one_language_is_refused(project_copy, tmp_path):
    project = project_copy
    result = subprocess.run(
        [sys.executable, "-m", "ctsite.tools.translations", "--project", str(project), "nope.md"],
        capture_output=True,
        text=True,
    )
    assert result.returncode == 2
    # Not a page of the default language: refused by name before anything else.
    assert (
        "PAGE: expected pages of docs/ar/ (such as unit/index.md), found 'nope.md', which is "
        "not; nothing was recorded" in result.stderr
    )
    (project / "docs" / "ar" / "nope.md").write_text("# لا\n", encoding="utf-8")
    result = subprocess.run(
        [sys.executable, "-m", "ctsite.tools.translations", "--project", str(project), "nope.md"],
        capture_output=True,
        text=True,
    )
    assert result.returncode == 2
    assert (
        "PAGE=nope.md: expected the page in every language folder, found it missing as "
        "docs/en/nope.md" in result.stderr
    )


def test_only_pages_of_the_default_language_are_recorded_named_as_given(project_copy, tmp_path):
    """`make translations PAGE=/etc/passwd` or `PAGE=../../mkdocs.yml` wrote them into the
    registry; a page whose name has a space could never be recorded; a Cyrillic «о» gave a
    message with two identical-looking names."""
    project = project_copy
    registry = project / "data" / "translations.yml"
    before = registry.read_text(encoding="utf-8")
    script = [sys.executable, "-m", "ctsite.tools.translations", "--project", str(project)]
    for page in ("/etc/passwd", "../../mkdocs.yml", "../en/privacy.md", "priv\u0430cy.md"):
        result = subprocess.run([*script, page], capture_output=True, text=True)
        assert result.returncode == 2, page
        assert "expected pages of docs/ar/" in result.stderr and "nothing was recorded" in (
            result.stderr
        )
        assert registry.read_text(encoding="utf-8") == before
    assert "'priv\u0430cy.md' (with U+0430 CYRILLIC SMALL LETTER A at position 5" in (result.stderr)
    both = subprocess.run([*script, "privacy.md /etc/passwd"], capture_output=True, text=True)
    assert both.returncode == 2 and "found '/etc/passwd', which is not" in both.stderr
    assert registry.read_text(encoding="utf-8") == before

    for language in ("ar", "en"):
        (project / "docs" / language / "my page.md").write_text("# x\n", encoding="utf-8")
    spaced = subprocess.run(
        [*script, "my page.md accessibility.md"], capture_output=True, text=True
    )
    assert spaced.returncode == 0, spaced.stderr
    assert "recorded my page.md" in spaced.stdout
    assert "my page.md" in registry.read_text(encoding="utf-8")


def test_make_passes_a_page_with_spaces_whole():
    makefile = (ROOT / "Makefile").read_text(encoding="utf-8")
    assert '-m ctsite.tools.translations "$$PAGE"' in makefile
