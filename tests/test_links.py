"""Every internal link and every #anchor of the built site resolves."""

from __future__ import annotations

from functools import cache
from pathlib import Path
from urllib.parse import unquote, urlsplit

from sitecheck import html_files, parsed, resolve


@cache
def ids_of(file: Path) -> frozenset[str]:
    soup = parsed(file)
    return frozenset(tag["id"] for tag in soup.find_all(id=True))


def target_file(site: Path, path: str) -> Path | None:
    candidate = site / unquote(path)
    if candidate.is_dir():
        candidate = candidate / "index.html"
    return candidate if candidate.is_file() else None


def broken_links(site: Path, file: Path) -> list[str]:
    relative = file.relative_to(site).as_posix()
    # 404 pages are served at any URL: their links are absolute paths, resolved from the root.
    page_url = relative[: -len("index.html")] if relative.endswith("index.html") else relative
    soup = parsed(file)
    broken = []
    for tag in soup.find_all(["a", "link"], href=True):
        href = tag["href"]
        parts = urlsplit(href)
        if parts.scheme or parts.netloc or href.startswith(("mailto:", "tel:")):
            continue
        if tag.name == "link" and "canonical" in tag.get("rel", []):
            continue
        path = resolve(page_url, href) if parts.path else page_url
        target = target_file(site, path) if parts.path else file
        if target is None:
            broken.append(f"{href} -> /{path} does not exist")
        elif parts.fragment and unquote(parts.fragment) not in ids_of(target):
            broken.append(f"{href} -> no id '{unquote(parts.fragment)}' in /{path}")
    return broken


def test_the_checker_finds_broken_links_and_anchors(tmp_path):
    (tmp_path / "a").mkdir()
    (tmp_path / "a" / "index.html").write_text('<h2 id="x">X</h2>', encoding="utf-8")
    page = tmp_path / "index.html"
    page.write_text(
        '<a href="a/#x">ok</a><a href="a/#y">bad anchor</a><a href="b/">missing</a>'
        '<a href="#top">missing here</a><a href="https://example.org/">external</a>',
        encoding="utf-8",
    )
    assert broken_links(tmp_path, page) == [
        "a/#y -> no id 'y' in /a/",
        "b/ -> /b/ does not exist",
        "#top -> no id 'top' in /",
    ]


def test_every_internal_link_and_anchor_resolves(site):
    problems = {
        str(file.relative_to(site)): found
        for file in html_files(site)
        if (found := broken_links(site, file))
    }
    assert problems == {}
