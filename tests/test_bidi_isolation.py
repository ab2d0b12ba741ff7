"""Latin runs in Arabic text are isolated: the rule on strings, and on every Arabic page built."""

from __future__ import annotations

import re

import pytest
from sitecheck import content_pages

from ctsite.languages import bidi

ISOLATED = '<bdi dir="ltr">'


@pytest.mark.parametrize(
    ("html", "expected"),
    [
        (
            "<p>SC/12839، 24 مايو 2017</p>",
            '<p><bdi dir="ltr">SC/12839</bdi>، 24 مايو 2017</p>',
        ),
        (
            "<p>القرار S/RES/2354 (2017).</p>",
            '<p>القرار <bdi dir="ltr">S/RES/2354 (2017)</bdi>.</p>',
        ),
        (
            "<p>المنتدى (GCTF) وCTC،</p>",
            '<p>المنتدى (<bdi dir="ltr">GCTF</bdi>) و<bdi dir="ltr">CTC</bdi>،</p>',
        ),
        (
            '<p><a href="https://a.org/?x=1&amp;y=2">https://a.org/?x=1&amp;y=2</a></p>',
            '<p><a href="https://a.org/?x=1&amp;y=2"><bdi dir="ltr">https://a.org/?x=1&amp;y=2'
            "</bdi></a></p>",
        ),
        # Left alone: code, scripts, options, titles, elements already left to right, and
        # character references.
        ("<code>S/1</code><pre>x y</pre>", "<code>S/1</code><pre>x y</pre>"),
        ('<script>if (a<b) {c = "d"}</script>', '<script>if (a<b) {c = "d"}</script>'),
        ("<select><option>CTC</option></select>", "<select><option>CTC</option></select>"),
        ('<a dir="ltr" href="x">S/2017/375</a>', '<a dir="ltr" href="x">S/2017/375</a>'),
        ("<h1>عنوان&para;</h1>", "<h1>عنوان&para;</h1>"),
        ("<title>CTC</title>", "<title>CTC</title>"),
    ],
)
def test_latin_runs_are_isolated_and_their_neighbours_left_outside(html, expected):
    assert bidi.isolate(html) == expected


def test_isolating_twice_changes_nothing_more():
    once = bidi.isolate("<p>وثيقة S/2017/375، 28 أبريل</p>")
    assert bidi.isolate(once) == once


def _running_text_outside_isolates(soup) -> list[str]:
    """Latin letters in an Arabic page's running text that no left-to-right element isolates."""
    article = soup.select_one("body")
    for element in article.select('bdi, [dir="ltr"], code, pre, script, style, option, svg'):
        element.decompose()
    return re.findall(r"[A-Za-z][^\s]*", article.get_text(" "))


def test_no_arabic_page_has_a_latin_run_that_is_not_isolated(site):
    arabic = [page for page in content_pages(site) if page.language == "ar"]
    assert arabic
    leaks = {}
    isolated = 0
    for page in arabic:
        soup = page.own_soup()  # its isolates are taken out below
        isolated += len(soup.select('bdi[dir="ltr"]'))
        found = _running_text_outside_isolates(soup)
        if found:
            leaks[page.url_path] = found[:5]
    assert leaks == {}
    assert isolated > 50  # symbols, abbreviations and addresses: the mechanism is at work


def test_english_pages_are_left_as_they_are(site):
    english = [page for page in content_pages(site) if page.language == "en"]
    assert not any(ISOLATED in page.file.read_text(encoding="utf-8") for page in english)
