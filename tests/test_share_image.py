"""The share images, docs/assets/images/share-<code>.png: their size and weight, that they are what
ctsite/share/image.py draws now from the committed text and fonts (`make share-image`, the command
line ctsite/tools/share_image.py), Arabic shaped and right to left, the site's name as their
text, and a clear failure when a font lacks a glyph."""

from __future__ import annotations

import subprocess
import sys

import pytest
from fontTools import subset
from fontTools.ttLib import TTFont
from PIL import Image, ImageChops, ImageFont
from sitecheck import ROOT

from ctsite.share import image as share_image
from ctsite.share import lines
from ctsite.tools import share_image as command
from ctsite.tools.share_image import CONFIG, FONTS_CSS, SITE_CSS

LANGUAGES = share_image.languages(CONFIG)
RERUN = (
    "the committed share image is not what the script draws now: run "
    "`python -m ctsite.tools.share_image` (make share-image) and commit the images"
)
FONTS = ROOT / "docs" / "assets" / "fonts"


def committed(code: str):
    return ROOT / "docs" / share_image.share_image_path(code)


@pytest.fixture(scope="session")
def drawn(tmp_path_factory):
    """Every language's image as the script draws it now, into a temporary folder."""
    folder = tmp_path_factory.mktemp("share")
    assert command.main(output=folder) == 0
    return folder


def text_mask(image: Image.Image) -> Image.Image:
    """The pixels of the text colour (white ink, not the gold of the shield and rule)."""
    _, foreground = share_image.site_colours(SITE_CSS)
    rgb = image.convert("RGB")
    difference = ImageChops.difference(rgb, Image.new("RGB", rgb.size, foreground))
    red, green, blue = difference.split()
    largest = ImageChops.lighter(ImageChops.lighter(red, green), blue)
    return largest.point(lambda value: 255 if value < 40 else 0)


def test_every_built_language_has_an_image():
    assert {"ar", "en"} <= set(LANGUAGES)
    assert share_image.share_image_path("ar") == "assets/images/share-ar.png"
    assert share_image.SIZE == (1200, 630)


@pytest.mark.parametrize("code", LANGUAGES)
def test_image_is_a_small_png_of_the_card_size(code):
    path = committed(code)
    assert path.is_file(), f"{path.relative_to(ROOT)} is missing: {RERUN}"
    assert path.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    with Image.open(path) as image:
        assert image.format == "PNG"
        assert image.size == (1200, 630)
    assert path.stat().st_size <= 100_000, f"{path.relative_to(ROOT)} is over 100 KB"


@pytest.mark.parametrize("code", LANGUAGES)
def test_image_is_what_the_script_draws_now(code, drawn):
    path = committed(code)
    assert path.is_file(), f"{path.relative_to(ROOT)} is missing: {RERUN}"
    with Image.open(path) as ours, Image.open(drawn / path.name) as fresh:
        assert ours.size == fresh.size, RERUN
        difference = ImageChops.difference(ours.convert("RGB"), fresh.convert("RGB"))
        assert difference.getbbox() is None, f"{path.relative_to(ROOT)}: {RERUN}"


def test_drawing_is_deterministic(drawn):
    """The same input gives the same bytes (no time or other metadata in the file)."""
    assert (
        share_image.png("en", CONFIG, FONTS_CSS, SITE_CSS) == (drawn / "share-en.png").read_bytes()
    )


def test_arabic_is_shaped_and_right_to_left():
    name, _ = share_image.site_text("ar", CONFIG)
    shaped = share_image.text_image(name, "ar", FONTS_CSS)
    unshaped = share_image.text_image(name, "ar", FONTS_CSS, layout=ImageFont.Layout.BASIC)
    assert shaped.size != unshaped.size or ImageChops.difference(shaped, unshaped).getbbox()
    # The first word is on the right: the runs go from left to right.
    line = lines.make_line("مكافحة الإرهاب", "ar", 40, 700, FONTS_CSS)
    assert [text for text, _, _ in line.runs] == ["الإرهاب", " ", "مكافحة"]
    line = lines.make_line("Countering Terrorism", "en", 40, 700, FONTS_CSS)
    assert "".join(text for text, _, _ in line.runs) == "Countering Terrorism"


@pytest.mark.parametrize("code", LANGUAGES)
def test_text_is_aligned_where_the_language_starts(code, drawn):
    with Image.open(drawn / f"share-{code}.png") as image:
        left, _, right, _ = text_mask(image).getbbox()
    start, end = share_image.MARGIN, share_image.WIDTH - share_image.MARGIN
    if code == "ar":
        assert end - 12 <= right <= end + 2, f"Arabic text ends at {right}, not at {end}"
        assert left > start + 100, f"Arabic text reaches {left}, the left margin"
    else:
        assert start - 2 <= left <= start + 12, f"{code} text starts at {left}, not at {start}"
        assert right < end - 100, f"{code} text reaches {right}, the right margin"


def test_text_is_the_site_name_and_description_of_mkdocs_yml(tmp_path):
    config = tmp_path / "mkdocs.yml"
    text = (ROOT / "mkdocs.yml").read_text(encoding="utf-8")
    name, description = share_image.site_text("en", CONFIG)
    assert text.count(f"site_name: {name}\n") == 1
    config.write_text(
        text.replace(f"site_name: {name}\n", "site_name: Share Test | A Ministry\n").replace(
            f"site_description: {description}\n", "site_description: A short description\n"
        ),
        encoding="utf-8",
    )
    assert share_image.site_text("en", config) == ("Share Test | A Ministry", "A short description")

    def drawn_text(path):
        placed = share_image.plan("en", path, FONTS_CSS).lines
        return {
            role: " ".join(item.line.text for item in placed if item.role == role)
            for role in ("topic", "ministry", "description")
        }

    topic, _, ministry = name.partition(" | ")
    assert drawn_text(ROOT / "mkdocs.yml") == {
        "topic": topic,
        "ministry": ministry,
        "description": description,
    }
    assert drawn_text(config) == {
        "topic": "Share Test",
        "ministry": "A Ministry",
        "description": "A short description",
    }


def fonts_css_with(tmp_path, replaced: str, path) -> object:
    """A copy of fonts.css whose files are the committed ones, but `replaced` is `path`."""
    css = (ROOT / "docs" / "assets" / "stylesheets" / "fonts.css").read_text(encoding="utf-8")
    assert f"../fonts/{replaced}" in css
    css = css.replace(f"../fonts/{replaced}", str(path)).replace("../fonts/", f"{FONTS}/")
    copy = tmp_path / "fonts.css"
    copy.write_text(css, encoding="utf-8")
    return copy


def test_a_font_lacking_a_glyph_fails_clearly(tmp_path, capsys):
    source = "ibm-plex-sans-arabic-arabic-700-normal.woff2"
    lacking = tmp_path / "lacking-meem.ttf"
    font = TTFont(FONTS / source)
    unicodes = set(font.getBestCmap()) - {0x0645}  # ARABIC LETTER MEEM, in the Arabic name
    subsetter = subset.Subsetter(subset.Options(layout_features=["*"]))
    subsetter.populate(unicodes=unicodes)
    subsetter.subset(font)
    font.flavor = None
    font.save(lacking)
    output = tmp_path / "images"
    status = command.main(fonts_css=fonts_css_with(tmp_path, source, lacking), output=output)
    error = capsys.readouterr().err
    assert status == 1
    assert str(lacking) in error and "U+0645 ARABIC LETTER MEEM" in error, error
    assert "expected" in error and "Traceback" not in error
    assert not output.exists() or not any(output.iterdir())


def test_a_missing_font_file_fails_clearly(tmp_path, capsys):
    missing = tmp_path / "no-such-font.woff2"
    source = "ibm-plex-sans-arabic-latin-400-normal.woff2"
    status = command.main(
        fonts_css=fonts_css_with(tmp_path, source, missing), output=tmp_path / "images"
    )
    error = capsys.readouterr().err
    assert status == 1
    assert error.strip() == f"{missing}: a font file expected, found none"


@pytest.mark.parametrize("module", ["ctsite.share.image", "ctsite.tools.share_image"])
def test_importing_does_not_import_pillow(module):
    """The site's build imports ctsite.share.image (the images' address and size); Pillow and
    fontTools are only imported to draw."""
    code = f"import sys, {module}; sys.exit('PIL' in sys.modules or 'fontTools' in sys.modules)"
    assert subprocess.run([sys.executable, "-c", code], cwd=ROOT).returncode == 0
