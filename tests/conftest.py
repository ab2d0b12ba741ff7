"""One strict build of the real site per test session, shared by the built-site tests."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from hypothesis import settings
from sitecheck import ROOT, build

# The URL the test build is published under (canonical links and the sitemap use it), and where
# its "edit this page" links lead.
TEST_SITE_URL = "https://ct.example.test/"
TEST_EDIT_BASE_URL = "https://code.example.test/site/edit/main/docs/"


@pytest.fixture(scope="session")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The site built with `mkdocs build --strict` from this project, into a temporary folder."""
    site_dir = tmp_path_factory.mktemp("site")
    result = build(ROOT, site_dir, site_url=TEST_SITE_URL, EDIT_BASE_URL=TEST_EDIT_BASE_URL)
    assert result.returncode == 0, f"strict build failed:\n{result.stdout}\n{result.stderr}"
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


def pytest_collection_modifyitems(items):
    """A test that uses Chromium is a browser test (`make check` leaves them out). Under
    `pytest -n`, the tests that read the shared page visits of one language run on one worker,
    so that each page is visited once, and each language's on another."""
    for item in items:
        fixtures = getattr(item, "fixturenames", ())
        if "chromium" in fixtures:
            item.add_marker(pytest.mark.browser)
        if "visits" in fixtures:
            params = item.callspec.params if hasattr(item, "callspec") else {}
            path = str(params.get("path", ""))
            language = params.get("language") or ("en" if path.startswith("en/") else "ar")
            item.add_marker(pytest.mark.xdist_group(f"visits-{language}"))


# Hypothesis: locally, new examples every run; under CI (CI=true), the same examples every run,
# so that a submission's result does not depend on chance.
settings.register_profile("ci", derandomize=True, print_blob=True)
if os.environ.get("CI", "").lower() == "true":
    settings.load_profile("ci")
