"""Build tests on fixture copies of the project: what an editor's mistake does to the build."""

from __future__ import annotations

from sitecheck import build


def test_a_page_missing_in_english_fails_the_build_naming_the_file(project_copy, tmp_path):
    project = project_copy
    (project / "docs" / "en" / "privacy.md").unlink()
    result = build(project, tmp_path / "site")
    output = result.stdout + result.stderr
    assert result.returncode != 0
    assert (
        "docs/en/privacy.md: missing translation; expected this file because "
        "docs/ar/privacy.md exists." in output
    )
    assert "Traceback" not in output
    # The strict build goes on to report every other problem (behaviour changed deliberately:
    # issue "Editors without a terminal"), and fails at its end: the site it leaves is never
    # published.
    assert "1 problem(s) in this build" in output


def test_a_preview_still_refuses_a_page_missing_in_english(project_copy, tmp_path):
    """Without --strict (a preview), the build stops: it would show the Arabic under /en/."""
    import os
    import subprocess

    from sitecheck import mkdocs_command

    project = project_copy
    (project / "docs" / "en" / "privacy.md").unlink()
    result = subprocess.run(
        [*mkdocs_command(), "build", "--site-dir", str(tmp_path / "site")],
        cwd=project,
        env={**os.environ, "NO_MKDOCS_2_WARNING": "1"},
        capture_output=True,
        text=True,
    )
    assert result.returncode != 0
    assert "docs/en/privacy.md: missing translation" in result.stdout + result.stderr
    assert not (tmp_path / "site" / "en" / "privacy").exists()


def test_a_page_missing_in_arabic_fails_the_build_too(project_copy, tmp_path):
    project = project_copy
    (project / "docs" / "ar" / "unit" / "index.md").unlink()
    result = build(project, tmp_path / "site")
    output = result.stdout + result.stderr
    assert result.returncode != 0
    assert "docs/ar/unit/index.md: missing translation" in output
    assert "Traceback" not in output


def test_interface_text_missing_a_language_fails_the_build(project_copy, tmp_path):
    project = project_copy
    ui = project / "data" / "ui.yml"
    text = ui.read_text(encoding="utf-8")
    ui.write_text(text + "extra_key:\n  ar: نص\n", encoding="utf-8")
    result = build(project, tmp_path / "site")
    output = result.stdout + result.stderr
    assert result.returncode != 0
    line = len(text.splitlines()) + 1  # the message names the key's line
    said = f"data/ui.yml, line {line}: 'extra_key': expected a text for 'en', found nothing"
    assert said in output
    assert "Traceback" not in output
