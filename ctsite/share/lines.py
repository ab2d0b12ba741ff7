"""Lines of text as the share image draws them (`ctsite.share.image`): each run of characters
of one font file shaped by HarfBuzz through raqm (Arabic joined, right to left), the runs put in
visual order for the language's direction, lines wrapped at spaces.

Plain logic, no MkDocs import; Pillow is imported only when a line is made.
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from ctsite.languages.language import direction as language_direction
from ctsite.share.fonts import Face, Fonts, load_font

if TYPE_CHECKING:
    from PIL import ImageFont


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
    fonts_css: Path,
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


def wrap(text: str, code: str, size: int, weight: int, fonts_css: Path, width: int) -> list[Line]:
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
