"""Draw the share images of every language into docs/assets/images/ (`make share-image`).

The command line only: what an image shows and how it is drawn is `ctsite.share.image` (the
build's package, which the build takes the images' address and size from); this gives it the
project's files and writes what it draws. Run it after changing the site's name or description
(mkdocs.yml), its colours (site.css) or its fonts (fonts.css); tests/test_share_image.py fails
until the committed images are what it draws.

Usage: make share-image   (.venv/bin/python -m ctsite.tools.share_image; rewrites the images)
"""

from __future__ import annotations

import sys
from pathlib import Path

from ctsite.share.fonts import ShareImageError, shown
from ctsite.share.image import MAX_BYTES, languages, png, share_image_path
from ctsite.tools import PROJECT

DOCS = PROJECT / "docs"
CONFIG = PROJECT / "mkdocs.yml"
FONTS_CSS = DOCS / "assets" / "stylesheets" / "fonts.css"
SITE_CSS = DOCS / "assets" / "stylesheets" / "site.css"
IMAGES = DOCS / "assets" / "images"


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
