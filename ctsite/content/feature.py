"""Events of the content guard: unsafe front matter, links out of the repository, and the
allowlist for the markup of editors' pages and titles.

- Before the pages are read, every symbolic link under the build's folders is checked
  (`tree.link_problems`, in `Run.pages`): one that dangles or leads out of them stops the build,
  naming it.
- The front matter of every page of every language (the catalogue's entries are checked by the
  catalogue) is checked once per build (`guard.front_matter_problem`, in
  `Run.unusable_front_matter`); each problem is a warning naming the file, and a page with one
  is given to MkDocs without its front matter, so that nothing is built from it (the build goes
  on, so that every other problem is reported by the same build; `--strict` fails it at the
  end).
- A page's text may not hold a control character or a bidirectional embedding, override or
  isolate (U+202A-U+202E, U+2066-U+2069), which would reorder what a visitor reads around it
  (titles and data files refuse them too): each is a warning naming the file, line and column
  (fatal under `--strict`), and removed from what is published.
- Each page's HTML, as its Markdown made it, goes through the page allowlist
  (`sanitize.clean_page`), and its title through the text allowlist: what they remove is a
  warning naming the file, the line and what was removed (fatal under `--strict`); what is
  published is the sanitizer's output.
"""

from __future__ import annotations

import html
import logging
import os
import unicodedata
from pathlib import Path

from ctsite.catalogue import frontmatter
from ctsite.content import guard, sanitize
from ctsite.text import PAGE_TEXT_CONTROLS, line_of

log = logging.getLogger("mkdocs.hooks.content")


class ContentFeature:
    """One language's build; the run checks every page's front matter once
    (`Run.unusable_front_matter`)."""

    def __init__(self, context, run):
        self.context = context
        self.run = run
        self.unusable: frozenset[str] = frozenset()

    def on_pre_build(self, config) -> None:
        """The links of the build's folders and the front matter of every page of every
        language, checked (once per build)."""
        self.unusable = self.run.unusable_front_matter

    def on_page_read_source(self, page, config) -> str | None:
        """A page with unusable front matter, without it (MkDocs would parse it itself); a page
        too large to read, empty."""
        path = os.path.normpath(page.file.abs_src_path)
        if path not in self.unusable:
            return None
        data = Path(path).read_bytes()
        text, _ = frontmatter.decode(data)
        if text is None or guard.size_problem(data):
            return "\n"
        return frontmatter.read(text).body

    def _source(self, page) -> str:
        try:
            return Path(page.file.abs_src_path).read_text(encoding="utf-8-sig")
        except (OSError, UnicodeDecodeError):
            return page.markdown or ""

    def _warn(self, page, source: str, what: str, needles) -> None:
        line = next((n for n in (line_of(source, x, ignore_case=True) for x in needles) if n), 0)
        shown = self.context.shown(page.file.src_uri)
        log.warning(f"{shown}, line {line}: {what}" if line else f"{shown}: {what}")

    def on_page_markdown(self, markdown, page, config, files) -> str:
        """The page's text without control characters: each one named with its file, line and
        column, and removed."""
        if not PAGE_TEXT_CONTROLS.search(markdown):
            return markdown
        source = self._source(page)
        body = frontmatter.read(source).body
        first_line = source[: len(source) - len(body)].count("\n") + 1
        shown = self.context.shown(page.file.src_uri)
        # Named where the file has them; text the file does not hold as such (a page given to
        # MkDocs without its front matter, say) is named without a line.
        found = list(PAGE_TEXT_CONTROLS.finditer(body)) or list(
            PAGE_TEXT_CONTROLS.finditer(markdown)
        )
        for match in found:
            start, character = match.start(), match.group()
            name = unicodedata.name(character, "a control character")
            what = f"found U+{ord(character):04X} ({name})"
            if match.string is body:
                line = first_line + body.count("\n", 0, start)
                column = start - body.rfind("\n", 0, start)
                where, what = f"{shown}, line {line}", f"{what} at column {column}"
            else:
                where = shown
            log.warning(
                f"{where}: page text: expected text without control characters, {what}: removed"
            )
        return PAGE_TEXT_CONTROLS.sub("", markdown)

    def on_page_content(self, html_text, page, config, files) -> str:
        """The page's text and title through the allowlists; each removal a warning with the
        file and line."""
        cleaned, removed = sanitize.clean_page(html_text)
        source = None
        if removed:
            source = self._source(page)
            for item in removed:
                self._warn(
                    page,
                    source,
                    f"page text: expected only the markup of the allowlist (README, 'Hostile or "
                    f"broken input'), found {item.what}: removed",
                    item.needles,
                )
        self._clean_title(page, source)
        self._clean_toc(page.toc)
        return cleaned

    def _clean_toc(self, items) -> None:
        """The table of contents' titles (Material writes them as they are) through the text
        allowlist; what a heading held is already named by the page text's warnings."""
        for item in items or ():
            if isinstance(item.title, str) and "<" in item.title:
                item.title = sanitize.clean_title(item.title)[0]
            self._clean_toc(item.children)

    def _clean_title(self, page, source: str | None) -> None:
        """The page's title (front matter or first heading) as text: markup removed, and a
        control character or an overlong title named."""
        title = page.title
        if not isinstance(title, str) or not title:
            return
        cleaned, removed = sanitize.clean_title(title)
        from_meta = "title" in page.meta
        needles = ("title:",) if from_meta else ("# ",)
        problem = guard.title_problem("title", html.unescape(cleaned), guard.TEXT_FIELDS["title"])
        if cleaned != title:  # what is published is the sanitizer's output, always
            page.title = cleaned
            if from_meta:
                page.meta["title"] = cleaned
        if not removed and not problem:
            return
        source = source if source is not None else self._source(page)
        for item in removed:
            self._warn(page, source, f"title: expected text, found {item.what}: removed", needles)
        if problem and not from_meta:  # a front matter title was named before rendering
            self._warn(page, source, f"title: {problem}", needles)
