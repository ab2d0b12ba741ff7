"""The site's text font as a browser picks it from fonts.css: the faces of each weight, which
file draws each character, and the files as FreeType reads them (for the share image,
`ctsite.share.image`).

Each character is drawn from the woff2 file whose unicode-range covers it (the last rule first,
as CSS orders overlapping ranges; a character stays in the previous character's file when that
file covers it). A character that no file covers, or whose file has no glyph for it, is an error
naming the file and the character: no .notdef box is ever drawn.

Plain logic, no MkDocs import; fontTools and Pillow are imported only when a font is loaded.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import cache
from io import BytesIO
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from PIL import ImageFont


class ShareImageError(Exception):
    """What drawing the share image expected in a file and what it found there."""


def shown(path: Path) -> str:
    """A path as the messages show it: relative to the current folder (the project's, for
    `make share-image`) when it is inside it."""
    try:
        return str(path.resolve().relative_to(Path.cwd().resolve()))
    except ValueError:
        return str(path)


def read(path: Path, what: str) -> str:
    """A file's text, or what was expected there and what was found."""
    try:
        return path.read_text(encoding="utf-8")
    except OSError as error:
        raise ShareImageError(f"{shown(path)}: {what} expected, found {error.strerror}") from None


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


def font_faces(fonts_css: Path) -> list[Face]:
    """The normal-style @font-face rules of the text font (`--md-text-font`) in fonts.css, in
    their order: not those of another family, such as the tiny faces of the language names."""
    text = read(fonts_css, "the fonts' stylesheet")
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

    def __init__(self, weight: int, fonts_css: Path):
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
