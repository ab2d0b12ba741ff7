"""The one reader of a page's title (`ctsite.text`): `page_title` once MkDocs has read the page (the
share cards, the breadcrumbs, the recently updated pages, the search results), `source_title`
from its file before (the pages citing each UN document); both give the same title for every
page of the site."""

from __future__ import annotations

import re
from pathlib import PurePosixPath
from types import SimpleNamespace

import pytest
from sitecheck import LANGUAGES, ROOT

from ctsite import sources
from ctsite.text import page_title, source_title


def test_a_read_page_s_title_is_its_front_matter_title_as_text():
    page = SimpleNamespace(meta={"title": "Dar al-Iftaa&#39;s <em>observatory</em> "}, title="x")
    assert page_title(page) == "Dar al-Iftaa's observatory"


def test_a_read_page_without_front_matter_title_has_its_heading_s():
    assert page_title(SimpleNamespace(meta={}, title="The unit &amp; its work")) == (
        "The unit & its work"
    )
    assert page_title(SimpleNamespace(meta=None, title=None)) == ""


@pytest.mark.parametrize(
    ("text", "title"),
    [
        ('---\ntitle: "The title"\n---\n\n# A heading\n', "The title"),
        ("---\ndescription: x\n---\n\n# A heading { #anchor }\n", "A heading"),
        ("Text first.\r\n\r\n# A heading #\r\n", "A heading"),
        ("No heading.\n", "page-name"),
    ],
)
def test_a_file_s_title_before_mkdocs_reads_it(text, title):
    assert source_title(text, "en/folder/page-name.md") == title


def test_both_readers_give_every_page_of_the_site_the_same_title(site):
    """The title a page's file gives is the one its built page shows in its first heading (a
    page made from a template, such as the catalogue's entries, has none there to compare)."""
    compared = 0
    for language, page, file in sources.files(ROOT / "docs", list(LANGUAGES)):
        text = file.read_text(encoding="utf-8")
        if re.search(r"^template:", text, re.M):
            continue
        path = PurePosixPath(page)
        folder = path.parent if path.name == "index.md" else path.with_suffix("")
        home = "" if language == "ar" else f"{language}/"
        html = site / home / str(folder) / "index.html"
        assert html.is_file(), html
        heading = re.search(r"<h1[^>]*>(.*?)</h1>", html.read_text(encoding="utf-8"), re.S)
        if heading is None:
            continue
        shown = SimpleNamespace(meta={}, title=re.sub(r"<a [^>]*headerlink.*?</a>", "", heading[1]))
        assert page_title(shown) == source_title(text, page), html
        compared += 1
    assert compared >= 20
