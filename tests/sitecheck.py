"""Helpers the tests share: building a site with the real `mkdocs` command and reading it back."""

from __future__ import annotations

import copy
import functools
import os
import shutil
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urljoin, urlsplit

from bs4 import BeautifulSoup

ROOT = Path(__file__).resolve().parent.parent
# What a project needs to build; copied for fixture sites that change one thing.
PROJECT_PARTS = ("mkdocs.yml", "docs", "hooks", "overrides", "data")
LANGUAGES = ("ar", "en")
DEFAULT_LANGUAGE = "ar"
DIRECTION = {"ar": "rtl", "en": "ltr"}


def mkdocs_command() -> list[str]:
    """The `mkdocs` command of the Python running the tests (the project's venv)."""
    script = Path(sys.executable).with_name("mkdocs")
    return [str(script)] if script.exists() else [sys.executable, "-m", "mkdocs"]


# Builds and copies of the project a test makes itself (not the session's shared site): a test
# that makes one must be marked slow, which conftest.py does from the fixtures it uses
# (`project_copies` and the others of conftest.SLOW_FIXTURES), and checks with this count.
OWN_BUILDS = {"count": 0}


def build(
    project: Path,
    site_dir: Path,
    site_url: str | None = None,
    shared: bool = False,
    **extra_env: str,
) -> subprocess.CompletedProcess:
    """Run `mkdocs build --strict` on a project into `site_dir`, with `extra_env` set; never
    raises on failure. `shared`: the session's one build of the site, which every test may use."""
    if not shared:
        OWN_BUILDS["count"] += 1
    env = dict(os.environ, NO_MKDOCS_2_WARNING="1", **extra_env)
    if site_url:
        env["SITE_URL"] = site_url
    else:
        env.pop("SITE_URL", None)
    return subprocess.run(
        [*mkdocs_command(), "build", "--strict", "--site-dir", str(site_dir)],
        cwd=project,
        env=env,
        capture_output=True,
        text=True,
        timeout=600,
    )


def copy_project(destination: Path) -> Path:
    """A copy of this project's sources, for a fixture that changes one thing (tests get one
    from the `project_copies` or `project_copy` fixture, which mark them slow)."""
    OWN_BUILDS["count"] += 1
    destination.mkdir(parents=True, exist_ok=True)
    for part in PROJECT_PARTS:
        source = ROOT / part
        if source.is_dir():
            shutil.copytree(
                source, destination / part, ignore=shutil.ignore_patterns("__pycache__")
            )
        else:
            shutil.copy2(source, destination / part)
    return destination


@dataclass(frozen=True)
class BuiltPage:
    """One HTML page of a built site."""

    language: str
    path: str  # relative to the language's root, e.g. "unit/index.html"
    file: Path
    url_path: str  # relative to the site root, e.g. "en/unit/"

    def soup(self) -> BeautifulSoup:
        """The page's tree, shared: read it, never change it (`parsed`)."""
        return parsed(self.file)

    def own_soup(self) -> BeautifulSoup:
        """A tree of the page for the caller to change (take elements out, say): a copy of the
        shared one (copying takes half the time of parsing)."""
        return copy.copy(parsed(self.file))


def parsed(file: Path) -> BeautifulSoup:
    """The tree of an HTML file, parsed once per worker and shared by every test that reads
    it: never change it (`copy.copy` gives a tree of one's own). The tests read the session's site
    about thirty times over, and parsing it (2 MB of HTML, in pure Python) was their largest
    cost after the builds. A file written again is parsed again."""
    stat = file.stat()
    return _parsed(file, stat.st_mtime_ns, stat.st_size)


@functools.lru_cache(maxsize=256)
def _parsed(file: Path, mtime_ns: int, size: int) -> BeautifulSoup:
    return BeautifulSoup(file.read_text(encoding="utf-8"), "html.parser")


def language_of(relative: str) -> tuple[str, str]:
    """("en", "unit/index.html") for "en/unit/index.html"; the default language otherwise."""
    first, _, rest = relative.partition("/")
    if first in LANGUAGES and first != DEFAULT_LANGUAGE and rest:
        return first, rest
    return DEFAULT_LANGUAGE, relative


def content_pages(site: Path) -> list[BuiltPage]:
    """Every page built from Markdown, in every language (not 404 pages, not assets)."""
    pages = []
    for file in sorted(site.rglob("index.html")):
        relative = file.relative_to(site).as_posix()
        if relative.startswith(("assets/", "search/")):
            continue
        language, path = language_of(relative)
        url_path = relative[: -len("index.html")]
        pages.append(BuiltPage(language, path, file, url_path))
    return pages


def html_files(site: Path) -> list[Path]:
    """Every HTML file of the site, the 404 pages included."""
    return sorted(site.rglob("*.html"))


def resolve(page_url_path: str, href: str) -> str:
    """The site-relative path a link on a page points to, without query or fragment."""
    base = "http://site.invalid/"
    target = urljoin(base + page_url_path, href)
    return urlsplit(target).path.lstrip("/")


def missing_tool(reason: str):
    """Skip a test that needs a tool this machine lacks, with the reason; under CI (`CI=true`),
    where every tool is installed by .ci/run, fail instead."""
    import pytest

    if os.environ.get("CI", "").lower() == "true":
        pytest.fail(f"CI=true and {reason}", pytrace=False)
    pytest.skip(reason)


def build_with_memory_cap(project: Path, site_dir: Path) -> subprocess.CompletedProcess:
    """`mkdocs build --strict` in a process limited to 1 GiB of memory and 120 seconds: a build
    fed hostile input must fail with a message, not exhaust the machine."""
    code = (
        "import resource, sys; resource.setrlimit(resource.RLIMIT_AS, (1 << 30, 1 << 30));"
        "from mkdocs.__main__ import cli; sys.argv = ['mkdocs', 'build', '--strict', "
        f"'--site-dir', {str(site_dir)!r}]; cli()"
    )
    OWN_BUILDS["count"] += 1
    return subprocess.run(
        [sys.executable, "-c", code],
        cwd=project,
        capture_output=True,
        text=True,
        timeout=120,
        env=dict(os.environ, NO_MKDOCS_2_WARNING="1"),
    )


def record_translations(project: Path, pages: list[str]) -> None:
    """Record the English of `pages` as up to date in a fixture project."""
    from ctsite.languages import status

    registry = project / "data" / "translations.yml"
    recorded = status.record(project / "docs", status.read_registry(registry), pages, "ar", ["en"])
    status.write_registry(registry, recorded)
