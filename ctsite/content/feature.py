"""Events of the content guard: unsafe front matter and active content in editors' pages.

- Before anything is read, the front matter of every page of every language (the catalogue's
  entries are checked by the catalogue) is checked once per build (`guard.front_matter_problem`);
  each problem is a warning naming the file, and a page with one is given to MkDocs without its
  front matter, so that nothing is built from it (the build goes on, so that every other problem
  is reported by the same build; `--strict` fails it at the end).
- Each page's HTML is checked for active content (a script, an event handler, a script address,
  an embedded frame or object): a warning naming the file and line (fatal under `--strict`), and
  the offending markup is shown as text.
"""

from __future__ import annotations

import logging
import os
from pathlib import Path

from ctsite.catalogue import frontmatter
from ctsite.content import guard
from ctsite.text import line_of

log = logging.getLogger("mkdocs.hooks.content")


class ContentFeature:
    """One language's build; `run` keeps the pages whose front matter is unusable."""

    def __init__(self, context, run):
        self.context = context
        self.run = run
        self.section = context.settings.catalogue.section

    def on_pre_build(self, config) -> None:
        """Check the front matter of every page of every language (once per build)."""
        if not self.context.is_default_build and self.run.unusable_front_matter is not None:
            return
        self.run.unusable_front_matter = set()
        for source in self.run.pages:
            parts = source.page.split("/")
            if len(parts) == 2 and parts[0] == self.section and parts[1] != "index.md":
                continue  # a catalogue entry: the catalogue reads and checks it
            problem = guard.front_matter_problem(source.data)
            if problem:
                log.warning(
                    f"{self.context.shown(f'{source.language}/{source.page}')}: "
                    f"front matter: {problem}"
                )
                self.run.unusable_front_matter.add(os.path.normpath(source.path))

    def on_page_read_source(self, page, config) -> str | None:
        """A page with unusable front matter, without it (MkDocs would parse it itself)."""
        path = os.path.normpath(page.file.abs_src_path)
        if path not in self.run.unusable_front_matter:
            return None
        text, _ = frontmatter.decode(Path(path).read_bytes())
        if text is None:
            return "\n"
        return frontmatter.read(text).body

    def on_page_content(self, html, page, config, files) -> str:
        """Active content in a page's text: a warning with the file and line; shown as text."""
        found = guard.active_content(html)
        if not found:
            return html
        source = page.markdown or ""
        try:
            source = Path(page.file.abs_src_path).read_text(encoding="utf-8-sig")
        except (OSError, UnicodeDecodeError):
            pass
        shown = self.context.shown(page.file.src_uri)
        for active in found:
            line = line_of(source, active.needle, ignore_case=True)
            where = f"{shown}, line {line}" if line else shown
            log.warning(
                f"{where}: page text: expected no scripts or embedded content, found "
                f"{active.what}: {active.found}"
            )
        return guard.neutralise(html)
