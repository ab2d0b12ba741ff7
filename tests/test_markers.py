"""The `slow` and `browser` markers come from what a test uses (conftest.py), so `make check`
leaves out exactly the tests that build, start a tool of their own or use Chromium; a test that
builds the project without saying so fails."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from types import SimpleNamespace

import conftest
import pytest
import sitecheck
from sitecheck import ROOT


def collected(marks: str) -> list[str]:
    """The test ids `pytest -m <marks>` would run."""
    done = subprocess.run(
        [sys.executable, "-m", "pytest", "--collect-only", "-q", "-p", "no:cacheprovider"]
        + ["-m", marks],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert done.returncode == 0, done.stdout + done.stderr
    return [line for line in done.stdout.splitlines() if "::" in line]


def test_make_check_leaves_out_every_test_that_builds_or_starts_a_tool_of_its_own():
    fast = collected("not browser and not slow")
    files = {test.split("::")[0] for test in fast}
    # Every test of these builds a copy, starts Java or Lighthouse, or installs an environment.
    for slow_file in (
        "tests/test_missing_translation.py",
        "tests/test_third_language.py",
        "tests/test_editing_in_the_browser.py",
        "tests/test_lighthouse.py",
    ):
        assert slow_file not in files
    # Through a fixture that uses another: the session's hostile copy of test_untrusted_text.
    assert not [t for t in fast if "test_markup_in_titles_and_data_is_removed" in t]
    assert not [t for t in fast if "test_the_nu_html_checker" in t]
    assert not [t for t in fast if "test_pip_install_then_mkdocs_build" in t]
    # And the quick tests of the same files stay in.
    assert [t for t in fast if t.startswith("tests/test_html_validity.py::test_every_page")]
    assert len(fast) > 300


def _item(slow: bool):
    marker = object() if slow else None
    return SimpleNamespace(nodeid="tests/x.py::test_x", get_closest_marker=lambda name: marker)


@pytest.mark.parametrize("slow", [False, True])
def test_a_test_that_builds_without_a_slow_fixture_fails_naming_the_fixtures(slow):
    guard = conftest._no_unmarked_build(_item(slow), "it")
    next(guard)
    sitecheck.OWN_BUILDS["count"] += 1  # what sitecheck.build and copy_project count
    try:
        if slow:
            with pytest.raises(StopIteration):
                guard.send(None)
        else:
            with pytest.raises(pytest.fail.Exception, match="use one of project_copies, own"):
                guard.send(None)
    finally:
        sitecheck.OWN_BUILDS["count"] -= 1  # this test built nothing: the real guard agrees


def test_a_test_that_builds_nothing_passes_the_guard():
    guard = conftest._no_unmarked_build(_item(False), "it")
    next(guard)
    with pytest.raises(StopIteration):
        guard.send(None)


GROUPED = """
import pytest


@pytest.fixture
def visits():
    return None


@pytest.mark.parametrize("path", ["a/", "b/", "c/", "d/", "en/a/", "en/b/", "en/c/", "en/d/"])
def test_visit(visits, path):
    pass


@pytest.mark.xdist_group("one-setup")
@pytest.mark.parametrize("number", range(6))
def test_shared(number):
    pass


@pytest.fixture(scope="session")
def fixture_site(project_copies):
    return None  # a fixture site would be built here, once per session


@pytest.mark.parametrize("number", range(6))
def test_fixture_site(fixture_site, number):
    pass
"""


def test_tests_sharing_a_setup_run_on_one_worker_under_pytest_n(tmp_path):
    """`--dist loadgroup` keeps each xdist_group on one worker, the groups conftest.py adds (the
    page visits of each language, and the tests of a session fixture that builds or copies the
    project) included: otherwise every worker sets up the shared visits,
    HTML_CodeSniffer's pages or the plain recipe's environment again, silently (pytest 9.2 with
    pytest-xdist 3.8 did, for every group)."""
    shutil.copy(ROOT / "tests" / "conftest.py", tmp_path / "conftest.py")
    (tmp_path / "test_grouped.py").write_text(GROUPED, encoding="utf-8")
    (tmp_path / "pytest.ini").write_text("[pytest]\n", encoding="utf-8")
    done = subprocess.run(
        [sys.executable, "-m", "pytest", "-n", "3", "--dist", "loadgroup", "-v"]
        + ["-p", "no:cacheprovider", "-c", str(tmp_path / "pytest.ini"), str(tmp_path)],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        timeout=300,
        env={**os.environ, "PYTHONPATH": str(ROOT / "tests")},
    )
    assert done.returncode == 0, done.stdout + done.stderr
    ran = re.findall(r"\[(gw\d+)\] .*PASSED \S*::(test_\w+)\[([^\]]+)\]", done.stdout)
    workers: dict[str, set[str]] = {}
    for worker, test, parameter in ran:
        group = {"test_shared": "one-setup", "test_fixture_site": "fixture-site"}.get(
            test, str(parameter.startswith("en/"))
        )
        workers.setdefault(group, set()).add(worker)
    assert len(ran) == 20, done.stdout
    assert {group: len(found) for group, found in workers.items()} == {
        "one-setup": 1,
        "fixture-site": 1,
        "True": 1,
        "False": 1,
    }
