"""Events of the catalogue: one page per practice per language, the catalogue page, the exports.

- Every practice of every language is read and validated once per build (`Run.practices`),
  every problem a warning naming the file and field (fatal under `--strict`).
  Front matter is read here, strictly: MkDocs would render broken YAML as page text, and parse
  every file a second time.
- The catalogue page (`<section>/index.md`) is rendered with `overrides/catalogue.html` and each
  practice page with `overrides/practice.html`, given the catalogue in the page's language.
- `catalogue.json` and `catalogue.csv` are written beside each language's catalogue page.
"""

from __future__ import annotations

import os
from pathlib import PurePosixPath

from markupsafe import escape

from ctsite.catalogue import export, model


class CatalogueFeature:
    """One language's build; the run validates every practice once (`Run.practices`)."""

    def __init__(self, context, run):
        self.context = context
        self.run = run
        self.section = context.settings.catalogue.section
        self.catalogue: model.Catalogue | None = None

    def on_pre_build(self, config) -> None:
        """This language's catalogue, from every practice validated (once per build)."""
        self.catalogue = model.build(
            self.run.practices,
            self.context.language.code,
            self.context.homes(),
            self.context.site_url,
            self.run.schema,
            self.section,
        )

    def _section_path(self, page) -> PurePosixPath | None:
        """The page's path inside the catalogue section (`index.md`, `x.md`), or None."""
        parts = PurePosixPath(page.file.src_uri).parts
        if parts and parts[0] in self.context.codes:
            parts = parts[1:]
        if len(parts) == 2 and parts[0] == self.section:
            return PurePosixPath(parts[1])
        return None

    def _parsed(self, page):
        return self.run.practices.files.get(os.path.normpath(page.file.abs_src_path))

    def on_page_read_source(self, page, config) -> str | None:
        """A practice page's Markdown without its front matter, already read."""
        path = self._section_path(page)
        if path is None or path.name == "index.md":
            return None
        parsed = self._parsed(page)
        # A file that is not UTF-8 was never read: nothing of it is rendered (MkDocs would stop
        # on it, before the other problems are listed).
        return "\n" if parsed is None else parsed.body

    def on_page_markdown(self, markdown, page, config, files) -> str:
        """The catalogue's templates; a practice page's front matter (text: the title escaped)."""
        path = self._section_path(page)
        if path is None:
            return markdown
        if path.name == "index.md":
            page.meta["template"] = "catalogue.html"
            return markdown
        parsed = self._parsed(page)
        # Only a valid entry's values reach the page: an invalid one is rendered from nothing
        # of its front matter (the strict build fails at its end; a preview shows its text only).
        valid = path.stem in self.run.practices.values
        values = dict(parsed.values or {}) if parsed and valid else {}
        title = values.get("title")
        page.meta = {**values, "template": "practice.html"}
        if isinstance(title, str):
            page.meta["title"] = escape(title)
        return markdown

    def on_page_context(self, context, page, config, nav):
        """`catalogue` on the catalogue page; `practice` (and its JSON-LD) on a practice page."""
        path = self._section_path(page)
        if path is None:
            return context
        context["catalogue"] = self.catalogue
        if path.name != "index.md":
            practice = self.catalogue.by_id.get(path.stem)
            context["practice"] = practice
            if practice is not None:
                context["practice_jsonld"] = model.json_ld(practice)
        return context

    def on_post_build(self, config) -> None:
        """Write this language's exports beside its catalogue page."""
        folder = self.context.home_dir / self.section
        if not (folder / "index.html").exists():
            return
        (folder / "catalogue.json").write_text(export.to_json(self.catalogue), encoding="utf-8")
        (folder / "catalogue.csv").write_bytes(export.to_csv(self.catalogue))
