"""The share image of each language: the picture a social network or messaging app shows with a
link. What the build knows of it (its address and size) and how it is drawn.

One image per language, docs/assets/images/share-<code>.png, 1200×630 pixels (the large card of
Facebook, LinkedIn and X) and at most 100 KB: the site's name and description in that language
(mkdocs.yml, the i18n plugin's `site_name` and `site_description`, the name split at " | " into
its topic and the ministry), white on the site's navy (site.css), with the favicon's shield. No
photograph, and nothing fetched: the text is drawn from the site's own fonts (`fonts.py`), as a
browser draws it (`lines.py`).

The images are committed: `make share-image` (the command line on top of this,
`ctsite.tools.share_image`) draws them, and tests/test_share_image.py fails when they differ from
what this module draws now, so draw them after changing the site's name or description, its
colours or its fonts. Plain logic, no MkDocs import at module level; Pillow is imported only to
draw, so the build, which takes the image's address and size from here, never loads it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from io import BytesIO
from pathlib import Path
from typing import TYPE_CHECKING

import yaml

from ctsite.languages.language import direction as language_direction
from ctsite.settings import i18n_languages
from ctsite.share.fonts import ShareImageError, read, shown
from ctsite.share.lines import Line, make_line, wrap

if TYPE_CHECKING:
    from PIL import Image

WIDTH, HEIGHT = 1200, 630
# The large card of Facebook, LinkedIn and X.
SIZE = (WIDTH, HEIGHT)
MAX_BYTES = 100_000


def share_image_path(code: str) -> str:
    """The share image of a language, relative to the site's root: `assets/images/share-ar.png`
    (the English pages use the shared docs/assets/ files too)."""
    return f"assets/images/share-{code}.png"


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


# --- the text, from mkdocs.yml --------------------------------------------------------------------


def _i18n_languages(config: Path) -> list[dict]:
    try:
        found = i18n_languages(config, read(config, "the MkDocs configuration"))
    except yaml.YAMLError as error:
        raise ShareImageError(f"{shown(config)}: YAML expected, found {error}") from None
    if not found:
        raise ShareImageError(f"{shown(config)}: plugins → i18n → languages expected, found none")
    return found


def languages(config: Path) -> list[str]:
    """The codes of the built languages, in the order of mkdocs.yml."""
    return [
        str(language["locale"])
        for language in _i18n_languages(config)
        if language.get("build", True) and language.get("locale")
    ]


def site_text(code: str, config: Path) -> tuple[str, str]:
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


def site_colours(site_css: Path) -> tuple[str, str]:
    """The background and the text colour: the light scheme's `--md-primary-fg-color` (navy)
    and `--md-primary-bg-color` (white), the colours of the site's header."""
    text = read(site_css, "the site's stylesheet")
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


# --- the image -----------------------------------------------------------------------------------


def text_image(
    text: str,
    code: str,
    fonts_css: Path,
    size: int = SIZES["topic"],
    weight: int = 700,
    layout: int | None = None,
) -> Image.Image:
    """One line of text, black on white ('L' mode), as the share image draws it."""
    from PIL import Image, ImageDraw

    line = make_line(text, code, size, weight, fonts_css, layout)
    height = round(size * LINE_HEIGHT)
    image = Image.new("L", (round(line.width) + size, height), 255)
    line.draw(ImageDraw.Draw(image), size / 2, height / 2, 0)
    return image


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


def plan(code: str, config: Path, fonts_css: Path) -> Plan:
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
            for line in wrap(text, code, size, weight, fonts_css, WIDTH - 2 * MARGIN):
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
    config: Path,
    fonts_css: Path,
    site_css: Path,
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
    config: Path,
    fonts_css: Path,
    site_css: Path,
) -> bytes:
    """The share image of a language as PNG bytes: the same bytes for the same input (no
    metadata, no time)."""
    data = BytesIO()
    render(code, config, fonts_css, site_css).save(data, format="PNG", optimize=True)
    return data.getvalue()
