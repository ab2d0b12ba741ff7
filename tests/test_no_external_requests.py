"""Built-site check: nothing a visitor's browser loads comes from another host."""

from __future__ import annotations

import re
from pathlib import Path

from bs4 import BeautifulSoup
from sitecheck import ROOT, html_files

CSS_URL = re.compile(r"""url\(\s*['"]?([^'")\s]+)""", re.IGNORECASE)
CSS_IMPORT = re.compile(r"""@import\s+(?:url\()?\s*['"]?([^'");\s]+)""", re.IGNORECASE)
# <link rel> values that make a browser fetch or connect (canonical/alternate do not).
FETCHING_RELS = {
    "stylesheet",
    "icon",
    "shortcut",
    "apple-touch-icon",
    "preload",
    "prefetch",
    "preconnect",
    "dns-prefetch",
    "modulepreload",
    "manifest",
    "mask-icon",
}


def is_external(url: str) -> bool:
    url = url.strip()
    return bool(re.match(r"^(?:[a-z][a-z0-9+.-]*:)?//", url, re.IGNORECASE)) and not url.startswith(
        "data:"
    )


def external_in_html(html: str) -> list[str]:
    soup = BeautifulSoup(html, "html.parser")
    found = []
    for tag in soup.find_all(
        ["script", "img", "iframe", "source", "audio", "video", "embed", "track", "input"]
    ):
        for attribute in ("src", "srcset", "poster"):
            for value in (tag.get(attribute) or "").split(","):
                if value.strip() and is_external(value.split()[0]):
                    found.append(f"<{tag.name} {attribute}={value.strip()}>")
    for tag in soup.find_all("object"):
        if is_external(tag.get("data", "")):
            found.append(f"<object data={tag['data']}>")
    for link in soup.find_all("link"):
        rels = {rel.lower() for rel in link.get("rel", [])}
        if rels & FETCHING_RELS and is_external(link.get("href", "")):
            found.append(f"<link rel={' '.join(rels)} href={link['href']}>")
    styles = [tag.get_text() for tag in soup.find_all("style")]
    styles += [tag["style"] for tag in soup.find_all(style=True)]
    for css in styles:
        found += external_in_css(css)
    return found


def external_in_css(css: str) -> list[str]:
    return [
        f"css {url}" for url in CSS_URL.findall(css) + CSS_IMPORT.findall(css) if is_external(url)
    ]


def test_the_checker_finds_what_it_must_find():
    html = (
        '<link rel="preconnect" href="https://fonts.gstatic.com">'
        '<link rel="canonical" href="https://ct.example.test/">'
        '<script src="//cdn.example/x.js"></script><img src="a.png">'
        "<style>@import 'https://fonts.googleapis.com/css';</style>"
        '<div style="background:url(https://x.example/b.png)"></div>'
    )
    assert external_in_html(html) == [
        "<script src=//cdn.example/x.js>",
        "<link rel=preconnect href=https://fonts.gstatic.com>",
        "css https://fonts.googleapis.com/css",
        "css https://x.example/b.png",
    ]
    assert external_in_css("a{background:url(data:image/png;base64,xx)}") == []


def test_no_html_page_loads_anything_from_another_host(site: Path):
    problems = {
        str(file.relative_to(site)): found
        for file in html_files(site)
        if (found := external_in_html(file.read_text(encoding="utf-8")))
    }
    assert problems == {}


def test_no_stylesheet_loads_anything_from_another_host(site: Path):
    problems = {
        str(file.relative_to(site)): found
        for file in sorted(site.rglob("*.css"))
        if (found := external_in_css(file.read_text(encoding="utf-8")))
    }
    assert problems == {}


def test_fonts_are_self_hosted_woff2_with_their_licence(site: Path):
    css = (site / "assets" / "stylesheets" / "fonts.css").read_text(encoding="utf-8")
    urls = CSS_URL.findall(css)
    assert urls and all(url.endswith(".woff2") for url in urls)
    for url in urls:
        assert (site / "assets" / "stylesheets" / url).resolve().is_file(), url
    assert "unicode-range" in css
    assert (ROOT / "docs" / "assets" / "fonts" / "OFL.txt").read_text().count("SIL Open Font") >= 1


def test_material_script_does_not_fetch_sitemaps_or_third_parties(site: Path):
    """What Material's own JavaScript would fetch: sitemaps beside each hreflang link (removed
    at build), mermaid from unpkg (only for diagrams), the GitHub API (only with repo_url)."""
    from mkdocs.config import load_config

    bundle = next((site / "assets" / "javascripts").glob("bundle.*.min.js")).read_text()
    assert "ui({document$:ct})" not in bundle
    for file in html_files(site):
        assert 'class="mermaid"' not in file.read_text(encoding="utf-8"), file
    config = load_config(str(ROOT / "mkdocs.yml"))
    assert not config.repo_url
    assert config.theme["font"] is False


def unicode_ranges(css: str) -> list[tuple[int, int]]:
    ranges = []
    for declaration in re.findall(r"unicode-range:\s*([^;]+);", css):
        for part in declaration.split(","):
            start, _, end = part.strip()[2:].partition("-")
            ranges.append((int(start, 16), int(end or start, 16)))
    return ranges


def test_every_character_on_the_site_is_in_a_self_hosted_font(site: Path):
    """The Arabic font file is subset (ctsite/tools/fonts.py): no page may use a character that
    would fall back to a system font."""
    ranges = unicode_ranges((site / "assets" / "stylesheets" / "fonts.css").read_text())
    characters = set()
    for file in html_files(site):
        article = BeautifulSoup(file.read_text(encoding="utf-8"), "html.parser").select_one(
            "article"
        )
        if article is None:
            continue
        # Material draws footnote back-links as an icon and hides their "↩" text.
        for hidden in article.select(".footnote-backref"):
            hidden.decompose()
        characters |= set(article.get_text())
    uncovered = sorted(
        f"U+{ord(c):04X} {c}"
        for c in characters
        if not c.isspace() and not any(start <= ord(c) <= end for start, end in ranges)
    )
    assert uncovered == []
