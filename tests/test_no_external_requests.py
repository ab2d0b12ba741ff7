"""Built-site check: nothing a visitor's browser loads comes from another host."""

from __future__ import annotations

import copy
import re
import shutil
import unicodedata
from dataclasses import dataclass
from pathlib import Path

from bs4 import BeautifulSoup
from sitecheck import ROOT, html_files, parsed

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
    return external_in(BeautifulSoup(html, "html.parser"))


def external_in(soup: BeautifulSoup) -> list[str]:
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
        if (found := external_in(parsed(file)))
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
        article = parsed(file).select_one("article")
        if article is None:
            continue
        article = copy.copy(article)  # the shared tree is read, never changed
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


# The faces of fonts.css (ctsite/tools/fonts.py), read from the built site.
FONT_FACE = re.compile(r"@font-face\s*\{([^}]*)\}")
NAMES_FAMILY = "IBM Plex Sans Arabic Names"


@dataclass(frozen=True)
class Face:
    family: str
    weight: int
    file: Path
    claimed: frozenset[int]  # its unicode-range
    cmap: frozenset[int]  # the characters its file has glyphs for

    def draws(self, character: str) -> bool:
        return ord(character) in self.claimed and ord(character) in self.cmap


def declaration(block: str, name: str) -> str:
    match = re.search(rf"{name}:\s*([^;]+);", block)
    assert match, f"no {name} in @font-face {{{block}}}"
    return match.group(1).strip()


def font_faces(site: Path) -> list[Face]:
    from fontTools.ttLib import TTFont

    stylesheets = site / "assets" / "stylesheets"
    faces = []
    for block in FONT_FACE.findall((stylesheets / "fonts.css").read_text(encoding="utf-8")):
        file = (stylesheets / CSS_URL.findall(block)[0]).resolve()
        claimed = frozenset(
            point
            for start, end in unicode_ranges(
                f"unicode-range: {declaration(block, 'unicode-range')};"
            )
            for point in range(start, end + 1)
        )
        faces.append(
            Face(
                declaration(block, "font-family").strip("'\""),
                int(declaration(block, "font-weight")),
                file,
                claimed,
                frozenset(TTFont(file).getBestCmap()),
            )
        )
    return faces


def page_text(file: Path) -> str:
    """What a page draws in the text font: its body's text and placeholders, without scripts, the
    code font's elements and Material's hidden footnote back-link text ("↩")."""
    body = parsed(file).body
    if body is None:
        return ""
    body = copy.copy(body)  # the shared tree is read, never changed
    for hidden in body.select(
        "script, style, svg, template, code, pre, kbd, samp, .footnote-backref"
    ):
        hidden.decompose()
    return body.get_text() + "".join(tag["placeholder"] for tag in body.select("[placeholder]"))


def needs_glyph(character: str) -> bool:
    # Controls (line breaks) and format characters (joiners, direction marks) draw nothing.
    return unicodedata.category(character) not in {"Cc", "Cf"}


def test_every_character_of_every_page_has_a_glyph_in_the_face_that_claims_it(site: Path):
    """A character claimed by no face, or by a face whose file lacks it, falls through to a
    system font: the text font's faces must draw every character of every page, in both weights
    (any text may be bold)."""
    faces = [face for face in font_faces(site) if face.family != NAMES_FAMILY]
    weights = {face.weight for face in faces}
    assert weights == {400, 700}
    characters = set().union(*(page_text(file) for file in html_files(site)))
    missing = sorted(
        f"U+{ord(character):04X} {character} ({weight})"
        for character in characters
        if needs_glyph(character)
        for weight in weights
        if not any(face.draws(character) for face in faces if face.weight == weight)
    )
    assert characters and missing == []


def test_the_faces_of_one_family_and_weight_claim_each_character_once(site: Path):
    """Overlapping ranges would make a page download two files for one character (the Arabic
    pages downloaded the Latin file for the joiners the Arabic face also claims)."""
    faces = font_faces(site)
    overlaps = [
        f"{a.file.name} & {b.file.name}: {sorted(hex(point) for point in a.claimed & b.claimed)}"
        for i, a in enumerate(faces)
        for b in faces[i + 1 :]
        if (a.family, a.weight) == (b.family, b.weight) and a.claimed & b.claimed
    ]
    assert overlaps == []


def test_the_arabic_file_keeps_a_space_glyph_outside_its_range(site: Path):
    """Another tool draws Arabic text with the Arabic file alone; browsers take the space from
    the common face."""
    for face in font_faces(site):
        if ord("ع") in face.claimed and face.family != NAMES_FAMILY:
            assert {0x20, 0xA0} <= face.cmap, face.file.name
            assert not {0x20, 0xA0} & face.claimed, face.file.name


def language_names() -> list[str]:
    from ctsite.settings import i18n_languages

    return [language["name"] for language in i18n_languages(ROOT / "mkdocs.yml")]


def test_the_names_face_draws_every_language_name_of_the_switcher(site: Path):
    """A link to another language is drawn with the names faces first: each character of each
    name must be one of theirs, or of the text font's face every page downloads for its spaces,
    so that a page does not download another script's whole file for one word."""
    faces = font_faces(site)
    names = [face for face in faces if face.family == NAMES_FAMILY]
    assert names and all(face.weight == 400 and face.claimed <= face.cmap for face in names)
    spaces_face = next(
        face
        for face in faces
        if face.family != NAMES_FAMILY and face.weight == 400 and 0x20 in face.claimed
    )
    undrawn = {
        f"{name}: U+{ord(character):04X} {character}"
        for name in language_names()
        for character in name
        if not any(face.draws(character) for face in names) and not spaces_face.draws(character)
    }
    assert len(language_names()) >= 2 and undrawn == set()
    css = (site / "assets" / "stylesheets" / "fonts.css").read_text(encoding="utf-8")
    rule = re.search(r"\.site-languages__link:not\(\[aria-current\]\)\s*\{([^}]*)\}", css)
    assert rule and re.search(rf"font-family:\s*'{NAMES_FAMILY}',\s*-apple-system,", rule.group(1))
    # Not the text family: a late names face must not make the page download a text face.
    assert "IBM Plex Sans Arabic'" not in rule.group(1).replace(NAMES_FAMILY, "")
    assert "--md-text-font" not in rule.group(1)
    # The switcher's links carry that class, the current language's with aria-current.
    home = BeautifulSoup((site / "en" / "index.html").read_text(encoding="utf-8"), "html.parser")
    links = home.select(".site-languages__link")
    assert {link.get_text(strip=True) for link in links} == set(language_names())
    assert [link.get("lang") for link in links if link.has_attr("aria-current")] == ["en"]


# Two pages of our own (the site's pages change), with the site's stylesheets and a language
# switcher like the site's (the current language's link is bold): the Arabic one has spaces,
# digits, punctuation and bold text but no Latin letter outside the switcher; the English one no
# Arabic letter outside it.
FONT_TEST_PAGE = """<!doctype html>
<html lang="{lang}" dir="{dir}"><head><meta charset="utf-8"><title>{lang}</title>
<link rel="icon" href="assets/images/favicon.svg">
{stylesheets}</head><body><header><nav class="site-languages"><ul class="site-languages__list">
<li><a class="site-languages__link" href="ar.html" lang="ar" dir="rtl"{ar}>العربية</a></li>
<li><a class="site-languages__link" href="en.html" lang="en" dir="ltr"{en}>English</a></li>
</ul></nav></header><main class="md-typeset"><p>{text}</p><p><strong>{bold}</strong></p></main>
</body></html>
"""
FONT_TEST_TEXT = {
    "ar": (
        "في عام 2016، ترأست مصر لجنة «مكافحة الإرهاب»: 15 عضوًا (القرار 1373)؛ ثم – ماذا بعد؟",
        "مكافحة الإرهاب | وزارة الخارجية 2016",
    ),
    "en": ("In 2016, Egypt chaired the committee: 15 members.", "Countering terrorism | 2016"),
}


def fonts_downloaded(chromium, url: str) -> set[str]:
    """The font files a first visit to `url` downloads, as "arabic-400", "common-700"..."""
    context = chromium.new_context()
    page = context.new_page()
    urls: list[str] = []
    page.on("requestfinished", lambda request: urls.append(request.url))
    # Until the network is idle (no request for 500 ms) after the fonts are ready: a face the
    # text asks for late is still seen, however slow the machine.
    page.goto(url, wait_until="networkidle")
    page.evaluate("document.fonts.ready.then(() => true)")
    page.wait_for_load_state("networkidle")
    context.close()
    return {
        re.sub(r"^ibm-plex-sans-arabic-|-normal\.woff2$", "", url.rsplit("/", 1)[-1])
        for url in urls
        if url.endswith(".woff2")
    }


def test_a_page_downloads_only_the_font_files_of_its_own_script(site: Path, chromium, tmp_path):
    """An Arabic page without Latin letters downloads no Latin letters file, an English page no
    Arabic file: each draws the other language's name with the names faces."""
    from ctsite.tools.static_server import SiteServer, security_headers

    shutil.copytree(site / "assets", tmp_path / "assets")
    stylesheets = "\n".join(
        f'<link rel="stylesheet" href="assets/stylesheets/{name}">'
        for name in [
            *(sheet.name for sheet in (site / "assets" / "stylesheets").glob("main.*.css")),
            "fonts.css",
            "site.css",
        ]
    )
    for lang, (text, bold) in FONT_TEST_TEXT.items():
        current = {"ar": "", "en": "", lang: ' aria-current="true"'}
        page = FONT_TEST_PAGE.format(
            lang=lang,
            dir="rtl" if lang == "ar" else "ltr",
            stylesheets=stylesheets,
            text=text,
            bold=bold,
            **current,
        )
        (tmp_path / f"{lang}.html").write_text(page, encoding="utf-8")
    with SiteServer(tmp_path, headers=security_headers()) as server:
        arabic = fonts_downloaded(chromium, server.url + "ar.html")
        english = fonts_downloaded(chromium, server.url + "en.html")
    both = {"common-400", "common-700"}
    assert arabic == both | {"arabic-400", "arabic-700", "names-latin-400"}
    assert english == both | {"latin-400", "latin-700", "names-arabic-400"}
