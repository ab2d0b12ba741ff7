"""Where the statements page is (`extra.site.statements.page`): its folder in each language's
home, and whether a page is it. The statements' feature and the records' (the timeline links each
statement of its days; the documents page counts the statements page as citing their documents)
ask here, not of one another.

Plain logic, no MkDocs import.
"""

from __future__ import annotations

from pathlib import PurePosixPath


def folder_of(page: str) -> str:
    """The site-relative folder a page is published at: `statements.md` -> `statements/`."""
    path = PurePosixPath(page)
    if path.stem == "index":
        return "" if str(path.parent) == "." else f"{path.parent}/"
    return f"{path.with_suffix('')}/"


def is_statements_page(src_uri: str, codes: list[str], settings) -> bool:
    """Whether a page (its source, `en/statements.md`) is the statements page of its language."""
    parts = PurePosixPath(src_uri).parts
    if parts and parts[0] in codes:
        parts = parts[1:]
    return bool(settings.file) and PurePosixPath(*parts) == PurePosixPath(settings.page)
