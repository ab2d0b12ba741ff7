"""Share cards and structured data: what a page says about itself to the programs that read it.

Social networks and messaging apps show a card for a shared link (Open Graph and Twitter tags);
search engines read the site's structured data (JSON-LD with schema.org's types). Both are made
per page in the page's language by `feature.py`. The card's picture, one share image per
language, is drawn by `image.py` (with the site's fonts, `fonts.py`, in shaped lines,
`lines.py`), which `make share-image` runs and whose address and size the build reads.
"""
