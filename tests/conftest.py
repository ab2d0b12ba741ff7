"""One strict build of the real site per test session, shared by the built-site tests."""

from __future__ import annotations

from pathlib import Path

import pytest

from sitecheck import ROOT, build

# The URL the test build is published under (canonical links and the sitemap use it).
TEST_SITE_URL = "https://ct.example.test/"


@pytest.fixture(scope="session")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The site built with `mkdocs build --strict` from this project, into a temporary folder."""
    site_dir = tmp_path_factory.mktemp("site")
    result = build(ROOT, site_dir, site_url=TEST_SITE_URL)
    assert result.returncode == 0, f"strict build failed:\n{result.stdout}\n{result.stderr}"
    return site_dir


@pytest.fixture(scope="session")
def site_url() -> str:
    return TEST_SITE_URL
