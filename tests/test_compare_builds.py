"""`make compare-builds REF=<commit>`: the site of a commit against the working tree's, byte for
byte; what a restructuring is measured with (it must leave every published byte as it was)."""

from __future__ import annotations

import subprocess

import pytest
from sitecheck import ROOT

from ctsite.tools import compare_builds


@pytest.fixture
def repository_clone(tmp_path):
    """A clone of this repository's last commit: a working tree equal to HEAD."""
    target = tmp_path / "clone"
    subprocess.run(
        ["git", "clone", "--quiet", "--no-local", str(ROOT), str(target)],
        check=True,
        capture_output=True,
    )
    return target


def test_a_working_tree_equal_to_its_commit_builds_the_same_site_and_one_change_is_named(
    repository_clone,
):
    clone = repository_clone
    found, files = compare_builds.compare("HEAD", clone)
    assert found == [] and files > 500

    # One interface text changed: every page of that language shows it, and nothing else moves.
    ui = clone / "data" / "ui.yml"
    text = ui.read_text(encoding="utf-8")
    assert "  en: Search this site\n" in text
    ui.write_text(text.replace("  en: Search this site\n", "  en: Search the site\n"), "utf-8")
    found, _ = compare_builds.compare("HEAD", clone)
    assert "differs: en/404.html" in found
    assert all(line.startswith("differs: en/") for line in found), found


def test_the_verdict_fails_on_a_changed_or_added_file_and_allows_removed_ones_when_told(
    monkeypatch, capsys
):
    outcomes = {
        "same": ([], 10),
        "removed": (["only in before: material.diff"], 10),
        "changed": (["differs: index.html"], 10),
        "added": (["only in after: new.html"], 11),
    }
    for name, outcome in outcomes.items():
        monkeypatch.setattr(compare_builds, "compare", lambda reference, o=outcome: o)
        plain = compare_builds.main([name])
        allowing = compare_builds.main([name, "--allow-removed"])
        expected = {"same": (0, 0), "removed": (1, 0), "changed": (1, 1), "added": (1, 1)}
        assert (plain, allowing) == expected[name], name
    printed = capsys.readouterr().out
    assert "only in before: material.diff" in printed
    assert "10 of 10 files identical, byte for byte; 1 removed" in printed
    assert "9 of 10 files identical" in printed  # the changed page


def test_a_name_that_is_no_commit_is_refused_by_name(capsys):
    assert compare_builds.main(["no-such-commit-anywhere"]) == 2
    assert "'no-such-commit-anywhere' is not a commit" in capsys.readouterr().err
