"""Draw the share images: the picture a social network or messaging app shows with a link.

One image per language, docs/assets/images/share-<code>.png, 1200×630 pixels (the large card of
Facebook, LinkedIn and X) and at most 100 KB: the site's name and description in that language
(mkdocs.yml, the i18n plugin's `site_name` and `site_description`, the name split at " | " into
its topic and the ministry), white on the site's navy (site.css), with the favicon's shield. No
photograph, and nothing fetched: the text is drawn from the site's own fonts.

The text is drawn as a browser draws it from fonts.css: each character from the woff2 file whose
unicode-range covers it (the last rule first, as CSS orders overlapping ranges; a character stays
in the previous character's file when that file covers it), each run shaped by HarfBuzz through
raqm (Arabic joined, right to left), the runs put in visual order for the language's direction.
A character that no file covers, or whose file has no glyph for it, stops the script naming the
file and the character: no .notdef box is ever drawn.

The images are committed; tests/test_share_image.py fails when they differ from what this script
draws now, so run it after changing the site's name or description, its colours or its fonts.
The build takes the image's address and size from `ctsite.share.image` (it never imports a tool);
this module imports Pillow only when it draws.

Usage: make share-image   (.venv/bin/python -m ctsite.tools.share_image; rewrites the images)
"""

from __future__ import annotations

import re
import sys
import unicodedata
from dataclasses import dataclass
from functools import cache
from io import BytesIO
from pathlib import Path
from typing import TYPE_CHECKING

import yaml

from ctsite.languages.language import direction as language_direction
from ctsite.tools import PROJECT
from ctsite.tools import project as projects

if TYPE_CHECKING:
    from PIL import Image, ImageFont

from ctsite.share.image import (  # noqa: F401 - the tests use them
    HEIGHT,
    SIZE,
    WIDTH,
    share_image_path,
)

MAX_BYTES = 100_000

DOCS = PROJECT / "docs"
CONFIG = PROJECT / "mkdocs.yml"
FONTS_CSS = DOCS / "assets" / "stylesheets" / "fonts.css"
SITE_CSS = DOCS / "assets" / "stylesheets" / "site.css"
IMAGES = DOCS / "assets" / "images"

# The favicon's shield (docs/assets/images/favicon.svg, a 64-unit square): its stroke colour and
# path "M32 10 50 18v14c0 11-8 19-18 22-10-3-18-11-18-22V18z", stroke width 4, round joins.
ACCENT = "#e8d9a8"
_SHIELD_STROKE = 4
_SHIELD = (
    ("M", (32, 10)),
    ("L", (50, 18)),
    ("L", (50, 32)),
    ("C", ((50, 43), (42, 51), (32, 54))),
    ("C", ((22, 51), (14, 43), (14, 32))),
    ("L", (14, 18)),
)

MIN_CONTRAST = 7.0  # WCAG AAA, for the text against the background
MARGIN = 80  # pixels, on every side
SHIELD_SIZE = 112  # pixels, the favicon's 64-unit square
GAP = 28  # pixels, between the shield and the text, and around the rule
RULE = (96, 4)  # pixels, the gold rule between the name and the description
# Font sizes in pixels (the name's topic, the ministry, the description), shrunk together when
# the text does not fit; the line height is a multiple of the size.
SIZES = {"topic": 72, "ministry": 44, "description": 34}
LINE_HEIGHT = 1.45
SCALES = (1.0, 0.9, 0.8, 0.7, 0.6)
COLOURS = 32  # palette entries of the PNG


class ShareImageError(Exception):
    """What the script expected in a file and what it found there."""


def shown(path: Path) -> str:
    """A path as the messages show it: relative to the project when it is inside it."""
    try:
        return str(path.resolve().relative_to(PROJECT))
    except ValueError:
        return str(path)


def _read(path: Path, what: str) -> str:
    try:
        return path.read_text(encoding="utf-8")
    except OSError as error:
        raise ShareImageError(f"{shown(path)}: {what} expected, found {error.strerror}") from None


# --- the text, from mkdocs.yml -------------------------------------------------------------------


def _i18n_languages(config: Path) -> list[dict]:
    try:
        found = projects.i18n_languages(config, _read(config, "the MkDocs configuration"))
    except yaml.YAMLError as error:
        raise ShareImageError(f"{shown(config)}: YAML expected, found {error}") from None
    if not found:
        raise ShareImageError(f"{shown(config)}: plugins → i18n → languages expected, found none")
    return found


def languages(config: Path = CONFIG) -> list[str]:
    """The codes of the built languages, in the order of mkdocs.yml."""
    return [
        str(language["locale"])
        for language in _i18n_languages(config)
        if language.get("build", True) and language.get("locale")
    ]


def site_text(code: str, config: Path = CONFIG) -> tuple[str, str]:
    """The site's name and description in a language (plugins → i18n → languages)."""
    for language in _i18n_languages(config):
        if language.get("locale") == code:
            values = [language.get(key) for key in ("site_name", "site_description")]
            for key, value in zip(("site_name", "site_description"), values, strict=True):
                if not isinstance(value, str) or not value.strip():
                    raise ShareImageError(
                        f"{shown(config)}: a {key} for language {code!r} (plugins → i18n → "
                        f"languages) expected, found {value!r}"
                    )
            return values[0].strip(), values[1].strip()
    raise ShareImageError(f"{shown(config)}: language {code!r} in plugins → i18n expected")


# --- the colours, from site.css ------------------------------------------------------------------


def _luminance(colour: str) -> float:
    channels = [int(colour[i : i + 2], 16) / 255 for i in (1, 3, 5)]
    linear = [c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
    return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]


def contrast(first: str, second: str) -> float:
    """The WCAG contrast ratio of two `#rrggbb` colours."""
    light, dark = sorted((_luminance(first), _luminance(second)), reverse=True)
    return (light + 0.05) / (dark + 0.05)


def site_colours(site_css: Path = SITE_CSS) -> tuple[str, str]:
    """The background and the text colour: the light scheme's `--md-primary-fg-color` (navy)
    and `--md-primary-bg-color` (white), the colours of the site's header."""
    text = _read(site_css, "the site's stylesheet")
    colours = []
    for name in ("--md-primary-fg-color", "--md-primary-bg-color"):
        match = re.search(rf"{name}\s*:\s*(#[0-9a-fA-F]{{6}})\s*;", text)
        if not match:
            raise ShareImageError(f"{shown(site_css)}: {name}: #rrggbb expected, found none")
        colours.append(match.group(1).lower())
    background, foreground = colours
    ratio = contrast(background, foreground)
    if ratio < MIN_CONTRAST:
        raise ShareImageError(
            f"{shown(site_css)}: a text contrast of at least {MIN_CONTRAST}:1 expected, found "
            f"{ratio:.1f}:1 ({foreground} on {background})"
        )
    return background, foreground


# --- the fonts, from fonts.css -------------------------------------------------------------------

_FONT_FACE = re.compile(r"@font-face\s*\{(.*?)\}", re.S)


@dataclass(frozen=True)
class Face:
    """One @font-face rule: its file, weight and unicode-range."""

    path: Path
    weight: int
    ranges: tuple[tuple[int, int], ...]

    def covers(self, char: str) -> bool:
        return any(low <= ord(char) <= high for low, high in self.ranges)


def _unicode_range(value: str) -> tuple[tuple[int, int], ...]:
    ranges = []
    for token in value.split(","):
        token = token.strip().upper().removeprefix("U+")
        if "-" in token:
            low, high = token.split("-", 1)
            ranges.append((int(low, 16), int(high, 16)))
        else:
            ranges.append((int(token.replace("?", "0"), 16), int(token.replace("?", "F"), 16)))
    return tuple(ranges)


def font_faces(fonts_css: Path = FONTS_CSS) -> list[Face]:
    """The normal-style @font-face rules of the text font (`--md-text-font`) in fonts.css, in
    their order: not those of another family, such as the tiny faces of the language names."""
    text = _read(fonts_css, "the fonts' stylesheet")
    family = re.search(r"--md-text-font\s*:\s*['\"]?([^'\";]+?)['\"]?\s*;", text)
    if not family:
        raise ShareImageError(f"{shown(fonts_css)}: --md-text-font expected, found none")
    faces = []
    for block in _FONT_FACE.findall(text):
        name = re.search(r"font-family:\s*['\"]?([^'\";]+?)['\"]?\s*;", block)
        if not name or name.group(1) != family.group(1):
            continue
        if re.search(r"font-style:\s*italic", block):
            continue
        weight = re.search(r"font-weight:\s*(\d+)", block)
        source = re.search(r"url\(\s*['\"]?([^'\")]+)['\"]?\s*\)", block)
        if not (weight and source):
            raise ShareImageError(
                f"{shown(fonts_css)}: a font-weight and a src url() in every @font-face "
                f"expected, found {' '.join(block.split())[:80]}"
            )
        unicode_range = re.search(r"unicode-range:\s*([^;]+)", block)
        try:
            ranges = _unicode_range(unicode_range.group(1)) if unicode_range else ((0, 0x10FFFF),)
        except ValueError:
            raise ShareImageError(
                f"{shown(fonts_css)}: a unicode-range expected, found {unicode_range.group(1)}"
            ) from None
        path = (fonts_css.parent / source.group(1)).resolve()
        faces.append(Face(path, int(weight.group(1)), ranges))
    return faces


@cache
def _font_file(path: Path) -> tuple[bytes, frozenset[int]]:
    """A woff2 (or any font) file as plain OpenType bytes, which FreeType reads, and its cmap."""
    from fontTools.ttLib import TTFont, TTLibError

    try:
        font = TTFont(path)
        cmap = frozenset(font.getBestCmap() or ())
        font.flavor = None
        data = BytesIO()
        font.save(data)
    except FileNotFoundError:
        raise ShareImageError(f"{shown(path)}: a font file expected, found none") from None
    except (OSError, TTLibError, KeyError, ValueError) as error:
        raise ShareImageError(f"{shown(path)}: a font expected, found {error!r}") from None
    return data.getvalue(), cmap


@cache
def load_font(path: Path, size: int, layout: int | None = None) -> ImageFont.FreeTypeFont:
    """A font file at a size in pixels, laid out by raqm unless `layout` says otherwise."""
    from PIL import ImageFont

    if layout is None:
        layout = ImageFont.Layout.RAQM
    data, _ = _font_file(path)
    return ImageFont.truetype(BytesIO(data), size, layout_engine=layout)


def _character(char: str) -> str:
    return f"U+{ord(char):04X} {unicodedata.name(char, '(unnamed)')}"


class Fonts:
    """The faces of one weight, and which of them draws each character."""

    def __init__(self, weight: int, fonts_css: Path = FONTS_CSS):
        self.css = fonts_css
        self.weight = weight
        self.faces = [face for face in font_faces(fonts_css) if face.weight == weight]

    def has(self, face: Face, char: str) -> bool:
        return face.covers(char) and ord(char) in _font_file(face.path)[1]

    def face_for(self, char: str, previous: Face | None = None) -> Face:
        if previous is not None and self.has(previous, char):
            return previous
        covering = [face for face in reversed(self.faces) if face.covers(char)]
        for face in covering:
            if self.has(face, char):
                return face
        if covering:
            files = ", ".join(shown(face.path) for face in covering)
            raise ShareImageError(
                f"{files}: a glyph for {_character(char)} expected, found none in its cmap"
            )
        raise ShareImageError(
            f"{shown(self.css)}: a weight-{self.weight} @font-face whose unicode-range covers "
            f"{_character(char)} expected, found none"
        )

    def runs(self, text: str) -> list[tuple[str, Face]]:
        """The text cut into runs of characters drawn from the same file, in logical order."""
        runs: list[tuple[str, Face]] = []
        face = None
        for char in text:
            face = self.face_for(char, face)
            if runs and runs[-1][1] == face:
                runs[-1] = (runs[-1][0] + char, face)
            else:
                runs.append((char, face))
        return runs


# --- lines: runs shaped by raqm, in visual order -------------------------------------------------


def _strong_direction(text: str) -> str | None:
    classes = {unicodedata.bidirectional(char) for char in text}
    if classes & {"R", "AL", "AN"}:
        return "rtl"
    if classes & {"L", "EN"}:
        return "ltr"
    return None


def _visual_order(runs: list[tuple[str, Face]], direction: str) -> list[tuple[str, Face, str]]:
    """The runs from left to right, each with its direction: the Unicode bidi algorithm's
    reordering (rule L2) over runs, a neutral run (spaces) taking the direction of the runs on
    both sides when they agree, else the paragraph's. Raqm orders the text inside each run."""
    strong = [_strong_direction(text) for text, _ in runs]
    resolved = []
    for index, value in enumerate(strong):
        if value is None:
            before = next((s for s in reversed(strong[:index]) if s), direction)
            after = next((s for s in strong[index + 1 :] if s), direction)
            value = before if before == after else direction
        resolved.append(value)
    base = 1 if direction == "rtl" else 0
    levels = [base + (value != direction) for value in resolved]
    order = [
        (level, text, face, value)
        for level, (text, face), value in zip(levels, runs, resolved, strict=True)
    ]
    for level in range(max(levels, default=0), 0, -1):
        index = 0
        while index < len(order):
            if order[index][0] < level:
                index += 1
                continue
            end = index
            while end < len(order) and order[end][0] >= level:
                end += 1
            order[index:end] = order[index:end][::-1]
            index = end
    return [(text, face, value) for _, text, face, value in order]


@dataclass(frozen=True)
class Line:
    """One line of text of the image: its runs in visual order, and how to draw them."""

    text: str
    runs: tuple[tuple[str, ImageFont.FreeTypeFont, str], ...]
    language: str
    raqm: bool

    def _options(self, direction: str) -> dict:
        return {"direction": direction, "language": self.language} if self.raqm else {}

    @property
    def width(self) -> float:
        return sum(font.getlength(text, **self._options(d)) for text, font, d in self.runs)

    def draw(self, draw, x: float, middle: float, fill) -> None:
        """Draw from `x` (the left end), the line's vertical middle at `middle`."""
        for text, font, direction in self.runs:
            draw.text(
                (x, middle), text, font=font, fill=fill, anchor="lm", **self._options(direction)
            )
            x += font.getlength(text, **self._options(direction))


def make_line(
    text: str,
    code: str,
    size: int,
    weight: int,
    fonts_css: Path = FONTS_CSS,
    layout: int | None = None,
) -> Line:
    """A line of text in a language, at a size in pixels and a weight, shaped by raqm unless
    `layout` is Pillow's `ImageFont.Layout.BASIC` (no shaping, no bidi: for the tests)."""
    from PIL import ImageFont

    raqm = layout in (None, ImageFont.Layout.RAQM)
    fonts = Fonts(weight, fonts_css)
    runs = _visual_order(fonts.runs(text), language_direction(code))
    drawn = tuple((part, load_font(face.path, size, layout), d) for part, face, d in runs)
    return Line(text, drawn, code, raqm)


def text_image(
    text: str,
    code: str,
    size: int = SIZES["topic"],
    weight: int = 700,
    fonts_css: Path = FONTS_CSS,
    layout: int | None = None,
) -> Image.Image:
    """One line of text, black on white ('L' mode), as the share image draws it."""
    from PIL import Image, ImageDraw

    line = make_line(text, code, size, weight, fonts_css, layout)
    height = round(size * LINE_HEIGHT)
    image = Image.new("L", (round(line.width) + size, height), 255)
    line.draw(ImageDraw.Draw(image), size / 2, height / 2, 0)
    return image


def _wrap(text: str, code: str, size: int, weight: int, fonts_css: Path, width: int) -> list[Line]:
    """The text in lines no wider than `width`, cut at spaces."""
    lines: list[Line] = []
    words = text.split()
    current: list[str] = []
    for word in words:
        candidate = make_line(" ".join([*current, word]), code, size, weight, fonts_css)
        if current and candidate.width > width:
            lines.append(make_line(" ".join(current), code, size, weight, fonts_css))
            current = [word]
        else:
            current.append(word)
    if current:
        lines.append(make_line(" ".join(current), code, size, weight, fonts_css))
    return lines


# --- the image -----------------------------------------------------------------------------------


@dataclass(frozen=True)
class Placed:
    """A line of the image and where it goes: its vertical middle, in pixels."""

    line: Line
    middle: float
    role: str  # topic, ministry or description


@dataclass(frozen=True)
class Plan:
    """Where everything of an image goes: the tops of the shield and of the rule, in pixels, and
    the lines of text."""

    shield_top: int
    rule_top: int
    lines: list[Placed]


def plan(code: str, config: Path = CONFIG, fonts_css: Path = FONTS_CSS) -> Plan:
    """The lay-out of a language's image: the shield, then the name (its topic, then the
    ministry), the rule and the description, wrapped to the width between the margins, the
    whole centred between the top and bottom margins; smaller when it does not fit."""
    name, description = site_text(code, config)
    topic, _, ministry = name.partition(" | ")
    blocks = [("topic", topic, 700), ("ministry", ministry, 400), ("description", description, 400)]
    for scale in SCALES:
        lines, rule_top, y = [], 0, float(SHIELD_SIZE + GAP)
        for role, text, weight in blocks:
            if not text.strip():
                continue
            size = round(SIZES[role] * scale)
            if role == "description":
                rule_top = round(y + GAP)
                y = rule_top + RULE[1] + GAP
            step = size * LINE_HEIGHT
            for line in _wrap(text, code, size, weight, fonts_css, WIDTH - 2 * MARGIN):
                lines.append(Placed(line, y + step / 2, role))
                y += step
        if y <= HEIGHT - 2 * MARGIN:
            top = MARGIN + round((HEIGHT - 2 * MARGIN - y) / 2)
            lines = [Placed(item.line, item.middle + top, item.role) for item in lines]
            return Plan(top, rule_top + top, lines)
    raise ShareImageError(
        f"{shown(config)}: a site_name and site_description for {code!r} that fit in "
        f"{WIDTH}×{HEIGHT} pixels expected, found {len(lines)} lines at the smallest size"
    )


def _shield_points(scale: float) -> list[tuple[float, float]]:
    """The shield's outline as a polyline (its curves in 16 steps each), in pixels."""
    points: list[tuple[float, float]] = []
    for command, value in _SHIELD:
        if command == "C":
            (x0, y0), ((x1, y1), (x2, y2), (x3, y3)) = points[-1], value
            for step in range(1, 17):
                t = step / 16
                u = 1 - t
                points.append(
                    (
                        u**3 * x0 + 3 * u * u * t * x1 + 3 * u * t * t * x2 + t**3 * x3,
                        u**3 * y0 + 3 * u * u * t * y1 + 3 * u * t * t * y2 + t**3 * y3,
                    )
                )
        else:
            points.append(value)
    return [(x * scale, y * scale) for x, y in points]


def _draw_shield(image: Image.Image, top: int, right_to_left: bool) -> None:
    """The favicon's shield at the top corner where the text starts, antialiased (drawn at
    four times the size, then reduced)."""
    from PIL import Image, ImageDraw

    factor = 4
    size = SHIELD_SIZE * factor
    mask = Image.new("L", (size, size), 0)
    points = _shield_points(size / 64)
    # Closed, with a round join where it closes too.
    ImageDraw.Draw(mask).line(
        [*points, points[0], points[1]],
        fill=255,
        width=round(_SHIELD_STROKE * size / 64),
        joint="curve",
    )
    mask = mask.resize((SHIELD_SIZE, SHIELD_SIZE), Image.Resampling.BOX)
    # The shield's drawing sits 14 to 50 units across: its ink, not its square, meets the margin.
    ink_left = round((14 - _SHIELD_STROKE / 2) * SHIELD_SIZE / 64)
    if right_to_left:
        left = WIDTH - MARGIN - SHIELD_SIZE + ink_left
    else:
        left = MARGIN - ink_left
    image.paste(ACCENT, (left, top, left + SHIELD_SIZE, top + SHIELD_SIZE), mask)


def render(
    code: str,
    config: Path = CONFIG,
    fonts_css: Path = FONTS_CSS,
    site_css: Path = SITE_CSS,
) -> Image.Image:
    """The share image of a language, a palette ('P') image of SIZE."""
    from PIL import Image, ImageDraw, features

    if not features.check("raqm"):
        raise ShareImageError("Pillow: raqm (text shaping) expected, found Pillow without it")
    background, foreground = site_colours(site_css)
    right_to_left = language_direction(code) == "rtl"
    layout = plan(code, config, fonts_css)
    image = Image.new("RGB", SIZE, background)
    draw = ImageDraw.Draw(image)
    for item in layout.lines:
        x = WIDTH - MARGIN - item.line.width if right_to_left else MARGIN
        item.line.draw(draw, x, item.middle, foreground)
    rule_left = WIDTH - MARGIN - RULE[0] if right_to_left else MARGIN
    rule_top = layout.rule_top
    draw.rectangle((rule_left, rule_top, rule_left + RULE[0] - 1, rule_top + RULE[1] - 1), ACCENT)
    _draw_shield(image, layout.shield_top, right_to_left)
    return image.quantize(COLOURS, dither=Image.Dither.NONE)


def png(
    code: str,
    config: Path = CONFIG,
    fonts_css: Path = FONTS_CSS,
    site_css: Path = SITE_CSS,
) -> bytes:
    """The share image of a language as PNG bytes: the same bytes for the same input (no
    metadata, no time)."""
    data = BytesIO()
    render(code, config, fonts_css, site_css).save(data, format="PNG", optimize=True)
    return data.getvalue()


def main(
    config: Path = CONFIG,
    fonts_css: Path = FONTS_CSS,
    site_css: Path = SITE_CSS,
    output: Path = IMAGES,
) -> int:
    """Draw every language's image into `output`; on a problem, say what and where and exit 1
    without writing anything."""
    try:
        images = {}
        for code in languages(config):
            target = output / Path(share_image_path(code)).name
            data = png(code, config, fonts_css, site_css)
            if len(data) > MAX_BYTES:
                raise ShareImageError(
                    f"{shown(target)}: at most {MAX_BYTES} bytes expected, found {len(data)}"
                )
            images[target] = data
    except ShareImageError as error:
        print(error, file=sys.stderr)
        return 1
    output.mkdir(parents=True, exist_ok=True)
    for target, data in images.items():
        if target.exists() and target.read_bytes() == data:
            print(f"up to date: {shown(target)} ({len(data)} bytes)")
        else:
            target.write_bytes(data)
            print(f"wrote {shown(target)} ({len(data)} bytes)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
