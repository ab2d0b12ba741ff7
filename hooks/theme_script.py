"""Material's script, minus the part that fetches `sitemap.xml` beside every hreflang link.

Plain logic, no MkDocs import. Material's bundle calls, on every page view, a function that
fetches `<alternate URL>/sitemap.xml` for each `<link rel="alternate">` in the head, to redirect
clicks on its own language drop-down. Our hreflang links point at pages (as search engines need),
so every view would make failed requests, to another origin when the site is served elsewhere
than `site_url`. Our switcher links each language's page directly and needs none of it.
"""

from __future__ import annotations

# The call as it stands in mkdocs-material 9.8.1's bundle. If Material changes, the build stops
# and says so rather than shipping the fetches again.
ALTERNATE_PREFETCH_CALL = "ui({document$:ct});"
PATCH_MARKER = "/* alternate sitemap prefetch removed by hooks/theme_script.py */"


class ThemeScriptError(RuntimeError):
    """The bundle does not look as expected; the message says what was found."""


def drop_alternate_prefetch(script: str, name: str) -> str:
    """Remove Material's alternate-sitemap prefetch from its bundle, once.

    Args:
        script: the text of `assets/javascripts/bundle.*.min.js`.
        name: the file's name, for the message.
    Returns:
        The script without the call; unchanged when it was already removed.
    Raises:
        ThemeScriptError: when the call is not found exactly once.
    """
    if PATCH_MARKER in script:
        return script
    count = script.count(ALTERNATE_PREFETCH_CALL)
    if count != 1:
        raise ThemeScriptError(
            f"{name}: expected Material's call '{ALTERNATE_PREFETCH_CALL}' exactly once, found "
            f"{count}; Material was upgraded: check hooks/theme_script.py against its bundle."
        )
    return script.replace(ALTERNATE_PREFETCH_CALL, PATCH_MARKER)
