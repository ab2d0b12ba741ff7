"""One strict build of the real site per test session, shared by the built-site tests."""

from __future__ import annotations

import fcntl
import os
import shutil
from pathlib import Path

import pytest
import sitecheck
from hypothesis import settings
from sitecheck import ROOT, build, copy_project

# The URL the test build is published under (canonical links and the sitemap use it), and where
# its "edit this page" links lead.
TEST_SITE_URL = "https://ct.example.test/"
TEST_EDIT_BASE_URL = "https://code.example.test/site/edit/main/docs/"


@pytest.fixture(scope="session")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The site built with `mkdocs build --strict` from this project, into a temporary folder:
    built once per test run, by the first worker that asks for it (under `pytest -n` the
    workers share the run's temporary folder); the others wait for it and read it."""
    root = tmp_path_factory.getbasetemp()
    if os.environ.get("PYTEST_XDIST_WORKER"):
        root = root.parent  # the run's folder, above each worker's own
    site_dir = root / "site"
    built = root / "site.built"
    with open(root / "site.lock", "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)  # released when the file closes
        if not built.exists():
            shutil.rmtree(site_dir, ignore_errors=True)
            result = build(
                ROOT,
                site_dir,
                site_url=TEST_SITE_URL,
                shared=True,
                EDIT_BASE_URL=TEST_EDIT_BASE_URL,
            )
            assert result.returncode == 0, f"strict build failed:\n{result.stdout}\n{result.stderr}"
            built.touch()
    return site_dir


@pytest.fixture(scope="session")
def site_url() -> str:
    return TEST_SITE_URL


@pytest.fixture(scope="session")
def served(site: Path):
    """The built site served on 127.0.0.1 with gzip; yields its base URL."""
    from ctsite.tools.static_server import SiteServer, security_headers

    # The headers of deploy/security-headers.conf, the Content-Security-Policy among them: every
    # browser check runs under the policy the site is published with.
    with SiteServer(site, headers=security_headers()) as server:
        yield server.url


@pytest.fixture(scope="session")
def chromium():
    """A headless Chromium driven by Playwright (skipped without one, failed under CI)."""
    from browser import CHROMIUM_ARGS, require_chromium

    executable = require_chromium()
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=executable, args=CHROMIUM_ARGS)
        yield browser
        browser.close()


@pytest.fixture(scope="session")
def visits(chromium, served):
    """Every page's one visit, made when a test first asks for it (browser.Visits)."""
    from browser import Visits

    return Visits(chromium, served)


@pytest.fixture(scope="session")
def shared_tab(chromium, served):
    """The tab the tests of this worker that load pages of their own share (browser.Tab)."""
    from browser import Tab

    tab = Tab(chromium, served)
    yield tab
    tab.close()


@pytest.fixture
def tab(shared_tab):
    """`tab(viewport=DESKTOP, color_scheme="light")`: the worker's tab, as a new tab would be
    (blank, nothing of the site stored, the cache empty), at that size and in that scheme."""
    return shared_tab.fresh


@pytest.fixture(scope="session")
def project_copies(tmp_path_factory):
    """`project_copies(name)`: a new copy of the project's sources, for a fixture site that
    changes one thing. A test that uses it, itself or through another fixture, is slow."""
    return lambda name="project": copy_project(tmp_path_factory.mktemp(name) / "project")


@pytest.fixture
def project_copy(project_copies):
    """A copy of the project's sources of this test's own (a slow test)."""
    return project_copies()


@pytest.fixture
def own_build():
    """A test that builds the project itself, not a copy (`sitecheck.build(ROOT, ...)`): slow."""
    return build


# The fixtures that make a test slow (seconds each: a build or a tool of its own). A test that
# uses one, directly or through another fixture, gets the `slow` marker (`make check` leaves
# them out), as a test that uses Chromium gets `browser`.
SLOW_FIXTURES = {
    "project_copies": "builds a copy of the project",
    "own_build": "builds the project again",
    "nu_checker": "starts Java and checks every page",
    "lighthouse": "runs Lighthouse",
    "recipe": "installs a new virtual environment",
    "repository_clone": "clones the repository and builds commits of it",
}


# First: pytest-xdist reads the xdist_group markers in its own hook, and one added after it is
# silently ignored.
@pytest.hookimpl(tryfirst=True)
def pytest_collection_modifyitems(items):
    """A test that uses Chromium is a browser test, one that uses a fixture of SLOW_FIXTURES a
    slow one (`make check` leaves both out). Under `pytest -n`, the tests that read a page's
    shared visit run on the worker of its group (browser.visit_group), so that each page is
    visited once and the visits are spread over the workers."""
    for item in items:
        fixtures = getattr(item, "fixturenames", ())
        if "chromium" in fixtures:
            item.add_marker(pytest.mark.browser)
        if SLOW_FIXTURES.keys() & set(fixtures):
            item.add_marker(pytest.mark.slow)
        if "visits" in fixtures:
            from browser import visit_group

            params = item.callspec.params if hasattr(item, "callspec") else {}
            item.add_marker(pytest.mark.xdist_group(visit_group(str(params.get("path", "")))))
        shared = shared_slow_setup(item)
        if shared and not item.get_closest_marker("xdist_group"):
            item.add_marker(pytest.mark.xdist_group(shared))
    items.sort(key=duration_class)


def duration_class(item) -> int:
    """Longest first (the sort keeps the order within each class): the page visits and the
    tests that build or start a tool of their own (tens of seconds each group), then the other
    browser checks (seconds), then the rest (milliseconds). `make test` keeps this order
    (`--no-loadscope-reorder`; pytest-xdist's own puts the groups with most tests first, which
    left a one-minute test such as Lighthouse or the plain recipe to run alone at the end, one
    core idle), so that the run ends with quick tests filling both cores."""
    if item.get_closest_marker("slow") or "visits" in getattr(item, "fixturenames", ()):
        return 0
    return 1 if item.get_closest_marker("browser") else 2


def shared_slow_setup(item) -> str | None:
    """The group of the first session fixture of a test (by name, the group named after it and
    where it is defined) that builds or copies the project, itself
    or through another fixture (a fixture site made once per session, such as
    `tests/test_field_declared_once.py`'s `built`): its tests share a group, so that one worker
    makes it. Without one, under `pytest -n` each worker that ran one of its tests made the site
    again, silently."""
    info = getattr(item, "_fixtureinfo", None)
    if info is None:
        return None
    definitions = info.name2fixturedefs

    def slow(name: str, seen: frozenset = frozenset()) -> bool:
        if name in SLOW_FIXTURES:
            return True
        if name in seen or name not in definitions:
            return False
        return any(slow(arg, seen | {name}) for arg in definitions[name][-1].argnames)

    for name in sorted(item.fixturenames):
        found = definitions.get(name)
        if name not in SLOW_FIXTURES and found and found[-1].scope == "session" and slow(name):
            return f"shared-{found[-1].baseid}::{name}"
    return None


# Hypothesis: locally, new examples every run; under CI (CI=true), the same examples every run,
# so that a submission's result does not depend on chance.
settings.register_profile("ci", derandomize=True, print_blob=True)
if os.environ.get("CI", "").lower() == "true":
    settings.load_profile("ci")


@pytest.hookimpl(wrapper=True)
def pytest_runtest_setup(item):
    return (yield from _no_unmarked_build(item, "its fixtures"))


@pytest.hookimpl(wrapper=True)
def pytest_runtest_call(item):
    return (yield from _no_unmarked_build(item, "it"))


def _no_unmarked_build(item, who: str):
    """A test not marked slow that made a build or a copy of the project fails: it must get it
    from a fixture of SLOW_FIXTURES, so that `make check` leaves it out."""
    before = sitecheck.OWN_BUILDS["count"]
    result = yield
    if sitecheck.OWN_BUILDS["count"] > before and not item.get_closest_marker("slow"):
        pytest.fail(
            f"{item.nodeid}: {who} built or copied the project without a fixture that marks "
            f"the test slow; use one of {', '.join(SLOW_FIXTURES)} (tests/conftest.py)",
            pytrace=False,
        )
    return result
