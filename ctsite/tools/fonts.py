"""Rebuild the self-hosted fonts and docs/assets/stylesheets/fonts.css from npm.

IBM Plex Sans Arabic (SIL Open Font License 1.1) from @fontsource/ibm-plex-sans-arabic, weights 400
and 700, in woff2 split by unicode-range: Latin and Latin Extended as published, and Arabic
subset to the Arabic block (U+0600-06FF) and the joiners and marks Arabic text uses. The published
Arabic file also carries the Arabic Supplement, Extended and presentation-form blocks, which
Egyptian Arabic text does not use; dropping them saves about 14 KB a weight (28 KB for the two)
on a first visit to an Arabic page.
A test checks that every Arabic character on the site falls in the subset.

Usage: .venv/bin/python -m ctsite.tools.fonts
       (needs npm; rewrites docs/assets/fonts/ and fonts.css)
"""

from __future__ import annotations

import shutil
import subprocess
import tarfile
import tempfile
from pathlib import Path

from fontTools import subset

from ctsite.tools import PROJECT

PACKAGE = "@fontsource/ibm-plex-sans-arabic@5.3.0"
FAMILY = "IBM Plex Sans Arabic"
WEIGHTS = (400, 700)
ROOT = PROJECT
FONTS = ROOT / "docs" / "assets" / "fonts"
CSS = ROOT / "docs" / "assets" / "stylesheets" / "fonts.css"

# subset name -> unicode-range; the Arabic one is what we keep of the Arabic file.
RANGES = {
    "arabic": "U+0600-06FF,U+200C-200F,U+2010-2011,U+204F,U+2E41",
    "latin-ext": (
        "U+0100-02BA,U+02BD-02C5,U+02C7-02CC,U+02CE-02D7,U+02DD-02FF,U+0304,U+0308,U+0329,"
        "U+1D00-1DBF,U+1E00-1E9F,U+1EF2-1EFF,U+2020,U+20A0-20AB,U+20AD-20C0,U+2113,U+2C60-2C7F,"
        "U+A720-A7FF"
    ),
    "latin": (
        "U+0000-00FF,U+0131,U+0152-0153,U+02BB-02BC,U+02C6,U+02DA,U+02DC,U+0304,U+0308,U+0329,"
        "U+2000-206F,U+20AC,U+2122,U+2191,U+2193,U+2212,U+2215,U+FEFF,U+FFFD"
    ),
}


def file_name(subset_name: str, weight: int) -> str:
    return f"ibm-plex-sans-arabic-{subset_name}-{weight}-normal.woff2"


def fetch(workdir: Path) -> Path:
    """The npm package unpacked in workdir; returns its files/ folder."""
    subprocess.run(
        ["npm", "pack", PACKAGE, "--silent"], cwd=workdir, check=True, capture_output=True
    )
    archive = next(workdir.glob("*.tgz"))
    with tarfile.open(archive) as tar:
        tar.extractall(workdir, filter="data")
    return workdir / "package"


def subset_arabic(source: Path, target: Path) -> None:
    options = subset.Options()
    options.flavor = "woff2"
    options.layout_features = ["*"]
    font = subset.load_font(str(source), options)
    subsetter = subset.Subsetter(options)
    subsetter.populate(unicodes=subset.parse_unicodes(RANGES["arabic"]))
    subsetter.subset(font)
    subset.save_font(font, str(target), options)


def css() -> str:
    blocks = [
        "/* IBM Plex Sans Arabic (SIL Open Font License 1.1, see ../fonts/OFL.txt), self-hosted.\n"
        f"   Written by ctsite/tools/fonts.py from npm {PACKAGE}; each file is downloaded only\n"
        "   when a page uses a character of its unicode-range. */"
    ]
    for weight in WEIGHTS:
        for name, unicode_range in RANGES.items():
            blocks.append(
                "@font-face {\n"
                f"  font-family: '{FAMILY}';\n"
                "  font-style: normal;\n"
                "  font-display: swap;\n"
                f"  font-weight: {weight};\n"
                f"  src: url(../fonts/{file_name(name, weight)}) format('woff2');\n"
                f"  unicode-range: {unicode_range};\n"
                "}"
            )
    blocks.append(':root {\n  --md-text-font: "IBM Plex Sans Arabic";\n}')
    return "\n\n".join(blocks) + "\n"


def main() -> None:
    with tempfile.TemporaryDirectory() as tmp:
        package = fetch(Path(tmp))
        FONTS.mkdir(parents=True, exist_ok=True)
        shutil.copy(package / "LICENSE", FONTS / "OFL.txt")
        for weight in WEIGHTS:
            subset_arabic(
                package / "files" / file_name("arabic", weight), FONTS / file_name("arabic", weight)
            )
            for name in ("latin", "latin-ext"):
                shutil.copy(
                    package / "files" / file_name(name, weight), FONTS / file_name(name, weight)
                )
    CSS.write_text(css(), encoding="utf-8")
    print(f"wrote {FONTS.relative_to(ROOT)}/ and {CSS.relative_to(ROOT)}")


if __name__ == "__main__":
    main()
