"""MkDocs' own warnings about links and the navigation, in the editors' form: the file as they
know it, the line, the nearest right target, and what to write where.

Plain logic, no MkDocs import. MkDocs 1.6.1 writes "Doc file 'en/x.md' contains a link 'y.md',
but the target 'en/y.md' is not found among documentation files." (no line, no `docs/`, no
suggestion), and one warning for every page missing from `nav:` without naming `mkdocs.yml`,
once per language. `EditorMessages` is a logging filter on MkDocs' loggers of those messages
(`mkdocs.structure.pages`, `mkdocs.structure.nav`): it rewrites each record in place, so each
problem is still one warning (counted once by `--strict`), and drops the second language's
report of a page already reported missing from `nav:` (one line of `nav:` serves every
language).
"""

from __future__ import annotations

import difflib
import logging
import posixpath
import re
from collections.abc import Callable
from pathlib import Path

from ctsite import sources
from ctsite.text import line_of

LOGGERS = ("mkdocs.structure.pages", "mkdocs.structure.nav")

_LINK = re.compile(
    r"^Doc file '(?P<file>[^']+)' contains a link '(?P<target>[^']*)', but (?P<why>.*?)\.?"
    r"(?P<context> This seems to be .*)?$",
    re.S,
)
_OTHER_LINK = re.compile(
    r"^Doc file '(?P<file>[^']+)' contains (?P<what>an? .*?) '(?P<target>[^']*)'"
)
_NAV = (
    "The following pages exist in the docs directory, but are not included in the "
    '"nav" configuration:'
)


class EditorMessages(logging.Filter):
    """Rewrites MkDocs' link and navigation warnings (see the module's docstring).

    Args:
        docs_dir: the docs folder.
        docs_prefix: how editors know it ("docs").
        config_name: the configuration file as editors know it ("mkdocs.yml").
    """

    def __init__(self, docs_dir: Path, docs_prefix: str = "docs", config_name: str = "mkdocs.yml"):
        super().__init__()
        self.docs_dir = docs_dir
        self.docs_prefix = docs_prefix
        self.config_name = config_name
        # The anchors of a page by its path in the docs folder (None: not known); set by the build.
        self.anchors_of: Callable[[str], set[str] | None] = lambda src_uri: None
        self.reported_nav: set[str] = set()

    def reset(self) -> None:
        """A new `mkdocs build` (serve rebuilds in the same process)."""
        self.reported_nav = set()

    def filter(self, record: logging.LogRecord) -> bool:
        if record.levelno < logging.WARNING:
            return True
        try:
            message = record.getMessage()
        except (TypeError, ValueError):
            return True
        if message.startswith(_NAV):
            rewritten = self.nav(message)
        else:
            rewritten = self.link(message)
        if rewritten is None:
            return True
        if not rewritten:
            return False
        record.msg, record.args = rewritten, ()
        return True

    # -- the navigation ----------------------------------------------------------------------

    def nav(self, message: str) -> str:
        """One line per page not yet reported (empty: every page was reported already)."""
        lines = []
        for item in message.splitlines()[1:]:
            src_uri = item.strip().removeprefix("- ")
            language, _, page = src_uri.partition("/")
            if page in self.reported_nav:
                continue
            self.reported_nav.add(page)
            shown = f"{self.docs_prefix}/{src_uri}"
            lines.append(
                f"{shown}: navigation: expected the page in the `nav:` list of "
                f"{self.config_name}, found it missing; in {self.config_name}, under `nav:` (the "
                f"line with no indent), add the line `  - {page}` where the page belongs in the "
                "menu (one line for every language; under a section, indent it like the "
                "section's other pages)"
            )
        return "\n".join(lines)

    # -- links and anchors -------------------------------------------------------------------

    def _source(self, src_uri: str) -> str:
        try:
            return (self.docs_dir / src_uri).read_text(encoding="utf-8-sig")
        except (OSError, UnicodeDecodeError):
            return ""

    def link(self, message: str) -> str | None:
        """A link warning in the editors' form, or None for another message."""
        found = _LINK.match(message)
        if not found:
            other = _OTHER_LINK.match(message)
            if not other:
                return None
            where = self._where(other["file"], other["target"])
            return f"{where}: link: {message}"
        src_uri, target, why = found["file"], found["target"], found["why"]
        where = self._where(src_uri, target)
        shown = f"{self.docs_prefix}/{src_uri}"
        line = where.rpartition("line ")[2] if ", line " in where else None
        path, _, anchor = target.partition("#")
        if "anchor" in why:
            expected = "an anchor (a heading's id) of the page it links to"
            guess = self._nearest_anchor(src_uri, path, anchor)
            kind = "broken anchor"
            found_text = f"'#{anchor}' ({why})"
        else:
            expected = "a page or file of the site, as a path relative to this page"
            guess = self._nearest_page(src_uri, path)
            guess = guess + (f"#{anchor}" if anchor else "") if guess else None
            kind = "broken link"
            found_text = f"'{target}' ({why})"
        text = f"{where}: {kind}: expected {expected}, found {found_text}"
        if guess is not None and line:
            text += (
                f" (did you mean '{guess}'?); in {shown}, on line {line}, replace `]({target})` "
                f"with `]({guess})`"
            )
        if found["context"]:
            text += found["context"]
        return text

    def _where(self, src_uri: str, target: str) -> str:
        source = self._source(src_uri)
        line = line_of(source, f"]({target}") or line_of(source, target)
        shown = f"{self.docs_prefix}/{src_uri}"
        return f"{shown}, line {line}" if line else shown

    def _nearest_page(self, src_uri: str, path: str) -> str | None:
        """The existing file of the same language closest to a broken target, relative to the
        linking page."""
        language = src_uri.split("/")[0]
        folder = self.docs_dir / language
        if not folder.is_dir() or not path:
            return None
        here = posixpath.dirname(src_uri.partition("/")[2])
        wanted = posixpath.normpath(posixpath.join(here, path))
        pages = [page for _, page, _ in sources.files(self.docs_dir, [language])]
        close = difflib.get_close_matches(wanted, pages, n=1, cutoff=0.8)
        return posixpath.relpath(close[0], here or ".") if close else None

    def _nearest_anchor(self, src_uri: str, path: str, anchor: str) -> str | None:
        """`page.md#closest-anchor` (or `#closest-anchor` on the same page)."""
        if path:
            here = posixpath.dirname(src_uri)
            target = posixpath.normpath(posixpath.join(here, path))
        else:
            target = src_uri
        anchors = self.anchors_of(target) or set()
        close = difflib.get_close_matches(anchor, sorted(anchors), n=1, cutoff=0.6)
        return f"{path}#{close[0]}" if close else None


def install(messages: EditorMessages) -> None:
    """Put the filter on MkDocs' link and navigation loggers, once."""
    for name in LOGGERS:
        logger = logging.getLogger(name)
        for existing in [f for f in logger.filters if isinstance(f, EditorMessages)]:
            logger.removeFilter(existing)
        logger.addFilter(messages)
