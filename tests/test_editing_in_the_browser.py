"""An editor without a terminal: each task of the editors' trial done with file edits only (what
GitHub's web editor can do), one strict build, then exactly what its messages say to write
where, and the next strict build is green.

`follow` applies a message's instructions literally: it knows only the phrasings the messages
use ("in FILE, replace line N with `...`", "in FILE, under `KEY:`, add the line `...`", ...), so
a message that stops saying exactly what to write where fails these tests.
"""

from __future__ import annotations

import os
import re
import subprocess
from pathlib import Path

from sitecheck import build, mkdocs_command

WARNING = re.compile(r"^(?:WARNING|ERROR)\s+-\s+(.*)$")


def problems(result: subprocess.CompletedProcess) -> list[str]:
    """The build's messages, one per problem (the final count left out)."""
    lines = (result.stdout + result.stderr).splitlines()
    found = [m.group(1) for line in lines if (m := WARNING.match(line))]
    return [message for message in found if "problem(s) in this build" not in message]


def _edit(project: Path, file: str, change) -> None:
    path = project / file
    lines = path.read_text(encoding="utf-8").split("\n")
    path.write_text("\n".join(change(lines)), encoding="utf-8")


def follow(message: str, project: Path, fill: dict[str, str] | None = None) -> int:
    """Apply every instruction of one message to the project's files; return how many.

    Args:
        fill: what the editor writes for a placeholder the message leaves to them
            (`YYYY-MM-DD`, `KIND`).
    """
    applied = 0
    for file, number, text in re.findall(r"in (\S+), replace line (\d+) with `([^`]*)`", message):

        def replace_line(lines, n=int(number), text=text):
            lines[n - 1] = text
            return lines

        _edit(project, file, replace_line)
        applied += 1
    for file, number, old, new in re.findall(
        r"in (\S+), on line (\d+), replace `([^`]*)` with `([^`]*)`", message
    ):

        def replace_text(lines, n=int(number), old=old, new=new):
            assert old in lines[n - 1], (old, lines[n - 1])
            lines[n - 1] = lines[n - 1].replace(old, new, 1)
            return lines

        _edit(project, file, replace_text)
        applied += 1
    for file, _key, old, new in re.findall(
        r"in (\S+), under `([^`]+)`, replace the line `([^`]*)` with `([^`]*)`", message
    ):

        def replace_quoted(lines, old=old, new=new):
            return [new if line == old else line for line in lines]

        _edit(project, file, replace_quoted)
        applied += 1
    for file, key, new in re.findall(
        r"in (\S+), under `([^`]+)`(?: \([^)]*\))?, add the line `([^`]*)`", message
    ):

        def add_under(lines, key=key, new=new):
            at = lines.index(key)  # the key itself, not indented
            return lines[: at + 1] + [new] + lines[at + 1 :]

        _edit(project, file, add_under)
        applied += 1
    for file, listed in re.findall(
        r"in (\S+), at the end of `[^`]+`, add the lines "
        r"((?:`[^`]*`(?: \([^)]*\))?(?:, | and )?)+)",
        message,
    ):
        new_lines = re.findall(r"`([^`]*)`", listed)
        for placeholder, value in (fill or {}).items():
            new_lines = [line.replace(placeholder, value) for line in new_lines]

        def append(lines, new_lines=new_lines):
            while lines and not lines[-1].strip():
                lines.pop()
            return [*lines, *new_lines, ""]

        _edit(project, file, append)
        applied += 1
    return applied


def green(project: Path, site: Path) -> subprocess.CompletedProcess:
    result = build(project, site)
    assert result.returncode == 0, problems(result) or result.stderr[-3000:]
    return result


def test_a_typo_fixed_in_the_arabic_page_is_recorded_in_the_browser(project_copy, tmp_path):
    project = project_copy
    page = project / "docs" / "ar" / "unit" / "index.md"
    text = page.read_text(encoding="utf-8")
    page.write_text(text.replace("مكافحة الإرهاب", "مكافحه الإرهاب", 1), encoding="utf-8")
    env = {k: v for k, v in os.environ.items() if k != "GITHUB_ACTIONS"}
    failed = subprocess.run(
        [*mkdocs_command(), "build", "--strict", "--site-dir", str(tmp_path / "site")],
        cwd=project,
        env={**env, "NO_MKDOCS_2_WARNING": "1", "GITHUB_ACTIONS": "true"},
        capture_output=True,
        text=True,
    )
    assert failed.returncode != 0
    [message] = problems(failed)
    assert message.startswith("docs/en/unit/index.md: stale translation")
    assert "`make translations PAGE=unit/index.md`" in message  # the terminal's way, too
    # The pull request shows it on the file the editor changed and on the line to change.
    registry = (project / "data" / "translations.yml").read_text(encoding="utf-8").splitlines()
    line = 1 + next(i for i, row in enumerate(registry) if row.startswith("  unit/index.md:"))
    commands = [row for row in failed.stdout.splitlines() if row.startswith("::error")]
    for where in (
        "file=docs/ar/unit/index.md,line=1,",
        "file=docs/en/unit/index.md,line=1,",
        f"file=data/translations.yml,line={line},",
    ):
        assert any(where in command for command in commands), (where, commands)
    # The registry's header says it may be edited that way.
    assert "by hand (in the browser, too)" in "\n".join(registry[:8])
    # The English needs no change for a typo: the editor confirms it by writing the line.
    assert follow(message, project) == 1
    green(project, tmp_path / "site")


def test_a_new_offer_in_the_catalogue_is_made_right_by_its_messages(project_copy, tmp_path):
    project = project_copy
    folder = "docs/{}/best-practices/judicial-training-offer.md"
    entry = (
        "---\nid: judicial-training-offer\ntitle: {title}\nsummary: {summary}\n"
        "pillar: {pillar}\ninstitution: {institution}\nkind: offering\n"
        "audiences: [diplomats]\nformats: [training]\nopen_to: [african-states]\n"
        "sources:\n  - title: Ministry of Justice\n    url: https://moj.gov.eg/\n---\n\n{body}\n"
    )
    (project / folder.format("ar")).write_text(
        entry.format(
            title="تدريب القضاة",
            summary="برنامج تدريبي للقضاة من الدول الأفريقية.",
            pillar="legal",
            institution="mfa",
            body="وصف البرنامج.",
        ),
        encoding="utf-8",
    )
    (project / folder.format("en")).write_text(
        entry.format(
            title="Training for judges",
            summary="A training programme for judges from African states.",
            pillar="legl",  # misspelt
            institution="al-azhar",  # differs from the Arabic
            body="About the programme.",
        ),
        encoding="utf-8",
    )
    failed = build(project, tmp_path / "site")
    found = problems(failed)
    assert failed.returncode != 0
    assert any("(did you mean 'legal'?)" in message for message in found), found
    # Every problem in this one build: the key, the shared field and the registry.
    assert sum(follow(message, project) for message in found) == 3, found
    green(project, tmp_path / "site")


def test_a_new_un_document_cited_is_added_to_the_register_by_its_message(project_copy, tmp_path):
    project = project_copy
    for language, sentence in (
        ("ar", "\nانظر [[S/2024/999]].\n"),
        ("en", "\nSee [[S/2024/999]].\n"),
    ):
        page = project / "docs" / language / "unit" / "index.md"
        page.write_text(page.read_text(encoding="utf-8") + sentence, encoding="utf-8")
    failed = build(project, tmp_path / "site")
    found = problems(failed)
    assert failed.returncode != 0
    unknown = [m for m in found if "UN document reference" in m]
    assert len(unknown) == 2, found  # once per page that cites it
    # The first says how to add the document (the second is then fixed by the same entry).
    added = unknown[0].split("if it is another document, ")[1]
    assert follow(added, project, {"YYYY-MM-DD": "2024-05-02", "KIND": "letter"}) == 1
    stale = [m for m in found if "stale translation" in m]
    assert [follow(message, project) for message in stale] == [1]
    green(project, tmp_path / "site")
    register = (project / "data" / "un-documents.yml").read_text(encoding="utf-8")
    assert "  S/2024/999:\n    date: 2024-05-02\n    kind: letter\n" in register


def test_a_new_glossary_term_is_carried_into_the_english_by_its_message(project_copy, tmp_path):
    project = project_copy
    glossary = project / "data" / "glossary.yml"
    text = glossary.read_text(encoding="utf-8")
    term = (
        "  early-warning:\n    ar: الإنذار المبكر\n    en: early warning\n    definition:\n"
        "      ar: رصد علامات التطرف قبل تحولها إلى عنف.\n"
        "      en: Spotting signs of extremism before they turn into violence.\n"
    )
    glossary.write_text(text.replace("terms:\n", "terms:\n" + term, 1), encoding="utf-8")
    page = project / "docs" / "ar" / "unit" / "index.md"
    page.write_text(
        page.read_text(encoding="utf-8") + "\nتعمل الوحدة على الإنذار المبكر.\n", encoding="utf-8"
    )
    failed = build(project, tmp_path / "site")
    found = problems(failed)
    assert failed.returncode != 0
    [carried] = [m for m in found if "term 'early-warning'" in m]
    written = re.search(r"write `([^`]+)` in the paragraph that says the same", carried)
    assert written and carried.startswith("docs/en/unit/index.md, line ")
    # The editor writes the form the message gives in the sentence that says the same.
    english = project / "docs" / "en" / "unit" / "index.md"
    english.write_text(
        english.read_text(encoding="utf-8") + f"\nThe unit works on {written.group(1)}.\n",
        encoding="utf-8",
    )
    stale = [m for m in found if "stale translation" in m]
    assert [follow(message, project) for message in stale] == [1]
    green(project, tmp_path / "site")


def test_a_new_page_in_both_languages_is_finished_by_its_messages(project_copy, tmp_path):
    project = project_copy
    (project / "docs" / "ar" / "press.md").write_text(
        "# للصحفيين\n\nمعلومات للصحفيين.\n", encoding="utf-8"
    )
    failed = build(project, tmp_path / "site")
    found = problems(failed)
    assert failed.returncode != 0
    # One build names all three things to do: the English file, its record, the menu line.
    assert len(found) == 2, found
    [missing] = [m for m in found if "missing translation" in m]
    [navigation] = [m for m in found if "navigation" in m]
    assert "mkdocs.yml" in navigation
    created = re.search(r"Create (docs/en/\S+?\.md)", missing).group(1)
    (project / created).write_text("# For journalists\n\nFacts for journalists.\n", "utf-8")
    assert follow(missing, project) == 1
    assert follow(navigation, project) == 1
    green(project, tmp_path / "site")


def test_every_problem_is_reported_by_one_build_once_and_counted(project_copy, tmp_path):
    project = project_copy
    entry = project / "docs" / "en" / "best-practices" / "azhar-observatory.md"
    text = entry.read_text(encoding="utf-8")
    text = text.replace("pillar: ideological", "pillar: ideologcal")
    text = re.sub(r"^institution: .*$", "institution: mfa", text, count=1, flags=re.MULTILINE)
    entry.write_text(text, encoding="utf-8")
    privacy = project / "docs" / "ar" / "privacy.md"
    privacy.write_text("---\ntitle: a\ntitle: b\n---\n" + privacy.read_text("utf-8"), "utf-8")
    unit = project / "docs" / "en" / "unit" / "index.md"
    unit.write_text(
        unit.read_text(encoding="utf-8")
        + "\nSee [[S/2017/37]], [a page](nope.md), [a part](#nowhere) and the "
        "Counterterrorism Committee.\n",
        encoding="utf-8",
    )
    (project / "docs" / "ar" / "press.md").write_text("# للصحفيين\n\nنص.\n", encoding="utf-8")
    result = build(project, tmp_path / "site")
    found = problems(result)
    assert result.returncode != 0
    kinds = {
        "field 'pillar'": 1,
        "field 'institution'": 1,
        "front matter: expected each field once": 1,
        "stale translation": 1,  # privacy.md changed in Arabic
        "missing translation": 1,
        "navigation": 1,
        "UN document reference": 1,
        "terminology": 1,
        "broken link": 1,
        "broken anchor": 1,
    }
    assert {kind: sum(kind in m for m in found) for kind in kinds} == kinds, found
    assert len(found) == sum(kinds.values()), found
    # The count at the end is the number listed.
    assert f"{len(found)} problem(s) in this build" in result.stdout + result.stderr
    for message in found:
        assert re.match(r"^(docs|data)/\S+\.md", message), message
        whole_file = ("stale translation", "missing translation", "navigation")
        if not any(kind in message for kind in whole_file):
            assert re.search(r"line \d+|lines \d+ and \d+", message), message
