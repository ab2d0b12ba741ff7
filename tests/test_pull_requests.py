"""Editors' pull requests explain themselves: problems as workflow commands on their line, and
the job summary's tables."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest
from sitecheck import ROOT, mkdocs_command

from ctsite import annotations


@pytest.mark.parametrize(
    ("message", "expected"),
    [
        (
            "docs/en/unit/index.md, line 28: terminology: term 'ctc': expected 'x', found 'y'",
            ("docs/en/unit/index.md", 28, "Terminology"),
        ),
        (
            "docs/en/unit/index.md, line 3: UN document reference: expected a symbol, found 'S/1'",
            ("docs/en/unit/index.md", 3, "UN document reference"),
        ),
        (
            "docs/ar/privacy.md: front matter: expected each field once, found 'title' on lines "
            "2 and 5",
            ("docs/ar/privacy.md", 5, "Front matter"),
        ),
        (
            "docs/ar/privacy.md: front matter: expected valid YAML, found a YAML error: x at "
            "line 4",
            ("docs/ar/privacy.md", 4, "Front matter"),
        ),
        (
            "docs/en/best-practices/azhar-observatory.md: field 'summary': expected text, found x",
            ("docs/en/best-practices/azhar-observatory.md", 4, "Field 'summary'"),
        ),
        (
            "docs/en/unit/index.md: stale translation: expected the translation of version a",
            ("docs/en/unit/index.md", 1, "Stale translation"),
        ),
        (
            "  - docs/en/nope.md: missing translation; expected this file because "
            "docs/ar/unit/index.md exists.",
            ("docs/ar/unit/index.md", 1, "Missing translation"),
        ),
    ],
)
def test_each_kind_of_problem_is_annotated_on_its_file_and_line(message, expected):
    found = annotations.annotate(message, ROOT)
    assert [(a.file, a.line, a.title) for a in found] == [expected]


def test_a_broken_link_reported_by_mkdocs_is_annotated_on_the_line_of_the_link():
    message = (
        "Doc file 'en/unit/index.md' contains a link 'capacity-building.md', but the target "
        "'en/unit/capacity-building.md' is not found among documentation files."
    )
    [found] = annotations.annotate(message, ROOT)
    text = (ROOT / "docs" / "en" / "unit" / "index.md").read_text(encoding="utf-8").splitlines()
    assert found.file == "docs/en/unit/index.md" and found.title == "Broken link"
    assert "capacity-building.md" in text[found.line - 1]


def test_a_command_is_escaped_as_github_requires():
    annotation = annotations.Annotation("docs/a,b.md", 2, "A: b", "100% wrong\nsecond line")
    assert annotation.command() == (
        "::error file=docs/a%2Cb.md,line=2,title=A%3A b::100%25 wrong%0Asecond line"
    )


def test_a_message_about_no_file_is_not_annotated():
    assert annotations.annotate("Building documentation to directory: site", ROOT) == []


def test_a_failing_build_in_github_actions_prints_each_problem_on_its_line(project_copy, tmp_path):
    project = project_copy
    page = project / "docs" / "en" / "unit" / "index.md"
    text = page.read_text(encoding="utf-8")
    page.write_text(text + "\nSee [[S/2017/37]] and [the page](nope.md).\n", encoding="utf-8")
    entry = project / "docs" / "en" / "best-practices" / "azhar-observatory.md"
    entry.write_text(
        entry.read_text(encoding="utf-8").replace("pillar: ideological", "pillar: nope"),
        encoding="utf-8",
    )
    line = len(text.splitlines()) + 2
    results = {}
    for actions in ("true", None):
        env = {k: v for k, v in os.environ.items() if k != "GITHUB_ACTIONS"}
        env["NO_MKDOCS_2_WARNING"] = "1"
        if actions:
            env["GITHUB_ACTIONS"] = actions
        results[actions] = subprocess.run(
            [*mkdocs_command(), "build", "--strict", "--site-dir", str(tmp_path / "site")],
            cwd=project,
            env=env,
            capture_output=True,
            text=True,
        )
    commands = [line for line in results["true"].stdout.splitlines() if line.startswith("::")]
    assert any(
        c.startswith(
            f"::error file=docs/en/unit/index.md,line={line},title=UN document reference::"
        )
        for c in commands
    ), commands
    assert any(
        c.startswith("::error file=docs/en/best-practices/azhar-observatory.md,line=5,title=Field")
        for c in commands
    ), commands
    # Locally, the messages stay as they are: no workflow command.
    assert "::error" not in results[None].stdout + results[None].stderr


def test_the_job_summary_has_its_tables(tmp_path):
    target = tmp_path / "summary.md"
    subprocess.run(
        [sys.executable, "-m", "ctsite.tools.summary"],
        env={**os.environ, "GITHUB_STEP_SUMMARY": str(target)},
        check=True,
    )
    text = target.read_text(encoding="utf-8")
    assert "## Translations" in text and "| `unit/index.md` | en | current |" in text
    assert "## Catalogue" in text and "| pillar |" in text
    pillars = [line for line in text.split("## Catalogue")[1].splitlines() if line.startswith("| ")]
    assert len(pillars) >= 5


def test_make_messages_keeps_the_problems_and_drops_the_progress():
    from ctsite.tools import messages

    output = (
        "INFO    -  Cleaning site directory\n"
        "WARNING -  docs/en/x.md, line 3: terminology: term 'ctc': expected 'a', found 'b'\n"
        "WARNING -  docs/ar/y.md: navigation: expected the page in the `nav:` list\n"
        "  - second line of the same message\n"
        "INFO    -  Documentation built in 2.00 seconds\n"
        "ERROR   -  2 problem(s) in this build, each listed above once with its file\n"
        "\n"
        "Aborted with a BuildError!\n"
    )
    assert messages.problems_only(output) == [
        "WARNING -  docs/en/x.md, line 3: terminology: term 'ctc': expected 'a', found 'b'",
        "WARNING -  docs/ar/y.md: navigation: expected the page in the `nav:` list",
        "  - second line of the same message",
        "ERROR   -  2 problem(s) in this build, each listed above once with its file",
        "Aborted with a BuildError!",
    ]


def test_a_stale_translation_is_shown_on_the_changed_page_and_the_registry_line_too():
    registry = (ROOT / "data" / "translations.yml").read_text(encoding="utf-8").splitlines()
    recorded = next(row for row in registry if row.startswith("  unit/index.md: "))
    message = (
        "docs/en/unit/index.md: stale translation: expected the translation of version "
        f"{recorded.split()[-1]} of docs/ar/unit/index.md, found that docs/ar/unit/index.md is now "
        "version 0123456789abcdef; make docs/en/unit/index.md say what docs/ar/unit/index.md "
        "says, then record it: in data/translations.yml, under `en:`, replace the line "
        f"`{recorded}` with `  unit/index.md: 0123456789abcdef` (or run "
        "`make translations PAGE=unit/index.md`)"
    )
    found = [(a.file, a.line) for a in annotations.annotate(message, ROOT)]
    assert found == [
        ("docs/en/unit/index.md", 1),
        ("docs/ar/unit/index.md", 1),
        ("data/translations.yml", registry.index(recorded) + 1),
    ]


def test_a_field_that_differs_is_shown_on_that_field_in_both_languages():
    message = (
        "docs/en/best-practices/azhar-observatory.md: field 'institution': expected 'x' as in "
        "docs/ar/best-practices/azhar-observatory.md (this field is the same in every language), "
        "found 'y'"
    )
    found = annotations.annotate(message, ROOT)
    for annotation in found:
        text = (ROOT / annotation.file).read_text(encoding="utf-8").splitlines()
        assert text[annotation.line - 1].startswith("institution:"), annotation
    assert len(found) == 2


def _rewritten(filter_, message: str) -> str | None:
    import logging

    record = logging.LogRecord("mkdocs.structure.pages", logging.WARNING, "", 0, message, (), None)
    return record.getMessage() if filter_.filter(record) else None


def test_a_misspelt_link_gets_its_line_the_nearest_page_and_the_text_to_write(tmp_path):
    from ctsite.mkdocs_messages import EditorMessages

    docs = tmp_path / "docs"
    (docs / "en" / "unit").mkdir(parents=True)
    (docs / "en" / "capacity-building.md").write_text("# C\n", encoding="utf-8")
    (docs / "en" / "unit" / "index.md").write_text(
        "# U\n\nText.\n\nSee [the offers](../capacity-bulding.md).\n", encoding="utf-8"
    )
    messages = EditorMessages(docs)
    found = _rewritten(
        messages,
        "Doc file 'en/unit/index.md' contains a link '../capacity-bulding.md', but the target "
        "'en/capacity-bulding.md' is not found among documentation files.",
    )
    assert found.startswith("docs/en/unit/index.md, line 5: broken link: ")
    assert found.endswith(
        "(did you mean '../capacity-building.md'?); in docs/en/unit/index.md, on line 5, "
        "replace `](../capacity-bulding.md)` with `](../capacity-building.md)`"
    )
    # An anchor gets the nearest anchor of the page it links to.
    messages.anchors_of = {"en/capacity-building.md": {"offers", "the-courses"}}.get
    (docs / "en" / "unit" / "index.md").write_text(
        "# U\n\n[x](../capacity-building.md#the-course)\n", encoding="utf-8"
    )
    found = _rewritten(
        messages,
        "Doc file 'en/unit/index.md' contains a link '../capacity-building.md#the-course', but "
        "the doc 'en/capacity-building.md' does not contain an anchor '#the-course'.",
    )
    assert found.startswith("docs/en/unit/index.md, line 3: broken anchor: ")
    assert "with `](../capacity-building.md#the-courses)`" in found


def test_a_page_missing_from_nav_is_reported_once_naming_mkdocs_yml(tmp_path):
    from ctsite.mkdocs_messages import EditorMessages

    messages = EditorMessages(tmp_path / "docs")
    nav = (
        'The following pages exist in the docs directory, but are not included in the "nav" '
        "configuration:\n  - {}/press.md"
    )
    first = _rewritten(messages, nav.format("ar"))
    assert first == (
        "docs/ar/press.md: navigation: expected the page in the `nav:` list of mkdocs.yml, found "
        "it missing; in mkdocs.yml, under `nav:` (the line with no indent), add the line "
        "`  - press.md` where the page belongs in the menu (one line for every language; under "
        "a section, indent it like the section's other pages)"
    )
    # The other language's build reports the same line of nav: dropped, not counted twice.
    assert _rewritten(messages, nav.format("en")) is None
    messages.reset()
    assert _rewritten(messages, nav.format("en")) is not None


def test_an_unknown_symbol_is_shown_on_the_register_too():
    message = (
        "docs/en/unit/index.md, line 3: UN document reference: expected a symbol of "
        "data/un-documents.yml, found 'S/2024/999' (nearest known: S/2017/375); if it is another "
        "document, in data/un-documents.yml, at the end of `documents:`, add the lines "
        "`  S/2024/999:`, `    date: YYYY-MM-DD` (its date) and `    kind: KIND` (one of letter)"
    )
    register = (ROOT / "data" / "un-documents.yml").read_text(encoding="utf-8").splitlines()
    found = [(a.file, a.line) for a in annotations.annotate(message, ROOT)]
    assert found == [
        ("docs/en/unit/index.md", 3),
        ("data/un-documents.yml", register.index("documents:") + 1),
    ]
