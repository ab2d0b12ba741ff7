"""Rebuild the self-hosted fonts and docs/assets/stylesheets/fonts.css from npm.

IBM Plex Sans Arabic (SIL Open Font License 1.1) from @fontsource/ibm-plex-sans-arabic, weights 400
and 700, in woff2 faces of one family split by unicode-range. A browser downloads a face only when
a page uses a character of its range, so the ranges are cut by what each kind of page uses:

- arabic: the published Arabic file subset to the Arabic block (U+0600-06FF) and the joiners and
  marks Arabic text uses. The published file also carries the Arabic Supplement, Extended and
  presentation-form blocks, which Egyptian Arabic text does not use; dropping them saves about
  14 KB a weight. Its cmap also keeps the glyphs of U+0020 and U+00A0 (outside its range, so no
  browser uses them): a tool that draws Arabic text with this one file needs a space.
- common: the published Latin file subset to what Arabic text shares with Latin text: spaces,
  digits, ASCII and Latin-1 punctuation and symbols (« » ° × ÷ §), General Punctuation (less
  what the Arabic and Latin Extended faces claim) and a few symbols (€ ™ −). Every page uses it
  (8 KB a weight).
- latin: the published Latin file subset to the rest of its range, the letters (8 KB a weight).
  Before the split the one Latin file held both, and every Arabic page downloaded it (20 KB a
  weight) for its spaces, digits and the "|" of its title.
- latin-ext: the published file's whole range.
Every face is written without TrueType hinting instructions (a quarter of each file; see
`subset_face`).
- A second family, 'IBM Plex Sans Arabic Names', only for the language switcher's links to the
  other languages: weight 400 (the weight of those links), one face per script the names use,
  each subset to exactly the names' characters (4 KB for «العربية», 2 KB for "English").
  Without it an English page downloaded the whole Arabic file (30 KB) for «العربية», and an
  Arabic page without Latin letters the Latin letters for "English". The current language's
  link is bold and in the page's own language, so fonts.css leaves it to the text faces.

The ranges of the faces of one family and weight do not overlap (the published Latin range
shared the joiners with the Arabic one and † and three combining marks with Latin Extended).
Letters and the punctuation beside them are now in two faces, so the kerning between them is
lost: an English line is about 0.03 % wider; Arabic text is unchanged.
Measured with Chromium, bytes of fonts a first visit transfers (the same build, cache off):
an Arabic page without Latin letters 102 KB before, 83 KB after; the Arabic home page, which has
Latin letters in its footnotes, 102 KB, 93 KB; the English home page 71 KB, 43 KB.
mkdocs.yml's extra.site.preload_fonts names files written here, those every page of a language
draws its first screen with. Every face is `font-display: optional`: a face that arrived after
the first paint and replaced the fallback font would move the text (a layout shift, measured
at up to 0.013 on the home page with `swap` under load). With `optional`, Chromium waits
briefly at the first paint for preloaded faces; a face later than that is used from the next
page on (it is cached), never swapped in under the reader's eyes.
Tests (tests/test_no_external_requests.py) check that every character on the site has a glyph
in the face that claims it, that ranges do not overlap, that the names faces draw every name,
and in Chromium which files an Arabic and an English page download.

Usage: .venv/bin/python -m ctsite.tools.fonts
       (needs npm; rewrites docs/assets/fonts/ and fonts.css)
"""

from __future__ import annotations

import shutil
import subprocess
import tarfile
import tempfile
from dataclasses import dataclass
from pathlib import Path

from fontTools import subset

from ctsite.settings import i18n_languages
from ctsite.tools import PROJECT

PACKAGE = "@fontsource/ibm-plex-sans-arabic@5.3.0"
FAMILY = "IBM Plex Sans Arabic"
NAMES_FAMILY = "IBM Plex Sans Arabic Names"
# Material's text font stack after its own font (`--md-text-font-family`).
SYSTEM_FONTS = "-apple-system, BlinkMacSystemFont, Helvetica, Arial, sans-serif"
WEIGHTS = (400, 700)
# The weight of a link to another language in the switcher (site.css makes only the current
# language's link bold, and that one is not drawn with the names family).
NAMES_WEIGHT = 400
ROOT = PROJECT
FONTS = ROOT / "docs" / "assets" / "fonts"
CSS = ROOT / "docs" / "assets" / "stylesheets" / "fonts.css"
CONFIG = ROOT / "mkdocs.yml"
# What the switcher's links are (overrides/partials/alternate.html).
SWITCHER_LINK = ".site-languages__link:not([aria-current])"

# The unicode-ranges as @fontsource publishes them.
PUBLISHED_LATIN = (
    "U+0000-00FF,U+0131,U+0152-0153,U+02BB-02BC,U+02C6,U+02DA,U+02DC,U+0304,U+0308,U+0329,"
    "U+2000-206F,U+20AC,U+2122,U+2191,U+2193,U+2212,U+2215,U+FEFF,U+FFFD"
)
LATIN_EXT = (
    "U+0100-02BA,U+02BD-02C5,U+02C7-02CC,U+02CE-02D7,U+02DD-02FF,U+0304,U+0308,U+0329,"
    "U+1D00-1DBF,U+1E00-1E9F,U+1EF2-1EFF,U+2020,U+20A0-20AB,U+20AD-20C0,U+2113,U+2C60-2C7F,"
    "U+A720-A7FF"
)
# What we keep of the Arabic file.
ARABIC = "U+0600-06FF,U+200C-200F,U+2010-2011,U+204F,U+2E41"
# What Arabic text shares with Latin text, taken from the Latin file: controls, space, digits,
# ASCII punctuation and symbols, Latin-1 punctuation and symbols, × and ÷, General Punctuation,
# and the published Latin range's other symbols.
SHARED = (
    "U+0000-0040,U+005B-0060,U+007B-00BF,U+00D7,U+00F7,U+2000-206F,U+20AC,U+2122,U+2191,U+2193,"
    "U+2212,U+2215,U+FEFF,U+FFFD"
)
# Kept in the Arabic file's cmap, not in its range.
SPACES = "U+0020,U+00A0"
# The OpenType features kept: those a browser applies unasked (fontTools' default list). The
# Latin file's fractions (frac, numr, dnom: 15 glyphs, 1 KB a weight of the common face) go:
# only `font-variant-numeric: diagonal-fractions` would use them, and the site never asks.
LAYOUT_FEATURES = [
    tag for tag in subset.Options().layout_features if tag not in {"frac", "numr", "dnom"}
]


def codepoints(unicode_range: str) -> frozenset[int]:
    return frozenset(subset.parse_unicodes(unicode_range))


def css_range(points: frozenset[int]) -> str:
    """The shortest unicode-range of these code points: "U+0020,U+0030-0039"."""
    parts: list[str] = []
    start = previous = None
    for point in sorted(points) + [None]:
        if start is not None and point == previous + 1:
            previous = point
            continue
        if start is not None:
            parts.append(f"U+{start:04X}" + (f"-{previous:04X}" if previous > start else ""))
        start = previous = point
    return ",".join(parts)


# Each character is claimed by one face only: the joiners and marks stay Arabic, † and the
# combining marks U+0304, U+0308 and U+0329 stay in Latin Extended as published.
COMMON = codepoints(SHARED) - codepoints(ARABIC) - codepoints(LATIN_EXT)
LATIN = codepoints(PUBLISHED_LATIN) - COMMON - codepoints(ARABIC) - codepoints(LATIN_EXT)


@dataclass(frozen=True)
class Face:
    family: str
    name: str  # in the file name
    weight: int
    source: str  # the published file's subset name
    points: frozenset[int]  # its unicode-range
    cmap_only: frozenset[int] = frozenset()  # glyphs kept beyond the range

    @property
    def file(self) -> str:
        return file_name(self.name, self.weight)


def file_name(subset_name: str, weight: int) -> str:
    return f"ibm-plex-sans-arabic-{subset_name}-{weight}-normal.woff2"


def language_names(config: Path = CONFIG) -> list[str]:
    """The language names the switcher shows (mkdocs.yml: plugins → i18n → languages → name)."""
    return [language["name"] for language in i18n_languages(config)]


def faces(names: list[str]) -> list[Face]:
    text_faces = {
        "arabic": codepoints(ARABIC),
        "common": COMMON,
        "latin": LATIN,
        "latin-ext": codepoints(LATIN_EXT),
    }
    sources = {"arabic": "arabic", "common": "latin", "latin": "latin", "latin-ext": "latin-ext"}
    result = [
        Face(
            FAMILY,
            name,
            weight,
            sources[name],
            points,
            codepoints(SPACES) if name == "arabic" else frozenset(),
        )
        for weight in WEIGHTS
        for name, points in text_faces.items()
    ]
    # The names' characters outside the common face (which every page downloads anyway), one
    # face per text face that claims them.
    characters = {ord(character) for name in names for character in name} - COMMON
    for name, points in text_faces.items():
        if name != "common" and (claimed := frozenset(characters & points)):
            result.append(Face(NAMES_FAMILY, f"names-{name}", NAMES_WEIGHT, sources[name], claimed))
            characters -= claimed
    if characters:
        raise SystemExit(f"no face has the language names' {css_range(frozenset(characters))}")
    return result


def fetch(workdir: Path) -> Path:
    """The npm package unpacked in workdir; returns its files/ folder."""
    subprocess.run(
        ["npm", "pack", PACKAGE, "--silent"], cwd=workdir, check=True, capture_output=True
    )
    archive = next(workdir.glob("*.tgz"))
    with tarfile.open(archive) as tar:
        tar.extractall(workdir, filter="data")
    return workdir / "package"


def subset_face(face: Face, files: Path, target: Path) -> None:
    options = subset.Options()
    options.flavor = "woff2"
    options.layout_features = LAYOUT_FEATURES
    # Without TrueType hinting instructions: about a quarter of each file. Browsers on Android,
    # macOS, iOS and Linux do not apply them; Windows' DirectWrite renders an unhinted outline
    # with its own smoothing, as Google Fonts serves these families to most systems.
    options.hinting = False
    font = subset.load_font(str(files / file_name(face.source, face.weight)), options)
    subsetter = subset.Subsetter(options)
    subsetter.populate(unicodes=face.points | face.cmap_only)
    subsetter.subset(font)
    subset.save_font(font, str(target / face.file), options)


def css(all_faces: list[Face]) -> str:
    blocks = [
        "/* IBM Plex Sans Arabic (SIL Open Font License 1.1, see ../fonts/OFL.txt), self-hosted.\n"
        f"   Written by ctsite/tools/fonts.py from npm {PACKAGE}; each file is downloaded only\n"
        "   when a page uses a character of its unicode-range. */"
    ]
    for face in all_faces:
        blocks.append(
            "@font-face {\n"
            f"  font-family: '{face.family}';\n"
            "  font-style: normal;\n"
            "  font-display: optional;\n"
            f"  font-weight: {face.weight};\n"
            f"  src: url(../fonts/{face.file}) format('woff2');\n"
            f"  unicode-range: {css_range(face.points)};\n"
            "}"
        )
    blocks.append(':root {\n  --md-text-font: "IBM Plex Sans Arabic";\n}')
    blocks.append(
        "/* A link to another language: its name from the tiny names faces, not from that\n"
        "   language's text faces, which the page would otherwise download for one word. Then\n"
        "   the system's fonts, as Material's text stack has them, but not the text family: a\n"
        "   names face later than the first paint (font-display: optional) would make the\n"
        "   browser download that text face for the name after all. */\n"
        f"{SWITCHER_LINK} {{\n"
        f"  font-family: '{NAMES_FAMILY}', {SYSTEM_FONTS};\n"
        "}"
    )
    return "\n\n".join(blocks) + "\n"


def main() -> None:
    all_faces = faces(language_names())
    with tempfile.TemporaryDirectory() as tmp:
        package = fetch(Path(tmp))
        if FONTS.exists():
            for old in FONTS.glob("*.woff2"):
                old.unlink()
        FONTS.mkdir(parents=True, exist_ok=True)
        shutil.copy(package / "LICENSE", FONTS / "OFL.txt")
        for face in all_faces:
            subset_face(face, package / "files", FONTS)
    CSS.write_text(css(all_faces), encoding="utf-8")
    print(f"wrote {FONTS.relative_to(ROOT)}/ and {CSS.relative_to(ROOT)}")


if __name__ == "__main__":
    main()
