"""What the build knows of the share images: where each language's is and its size.

Plain logic, no MkDocs import. The images are drawn by a tool, `python -m ctsite.tools.share_image`
(`make share-image`), which takes these from here: the build never imports a tool.
"""

from __future__ import annotations

WIDTH, HEIGHT = 1200, 630
# The large card of Facebook, LinkedIn and X.
SIZE = (WIDTH, HEIGHT)


def share_image_path(code: str) -> str:
    """The share image of a language, relative to the site's root: `assets/images/share-ar.png`
    (the English pages use the shared docs/assets/ files too)."""
    return f"assets/images/share-{code}.png"
