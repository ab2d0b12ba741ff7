"""The build logic of the site, one package with a subpackage per concern, in layers that read
one way (MAINTAINERS.md, "Where a data-driven page goes"):

- `tools`: the command-line tools (`python -m ctsite.tools.<name>`), on top: nothing else
  imports them;
- `build`: the events MkDocs calls (registered by `hooks/site.py`), handing each to the features;
- `run`: what one `mkdocs build` shares, each fact read once, on first use;
- `context`: what one language's build knows (its language, home, settings, interface text);
- the concerns, each with its `feature` and plain modules: `languages` (page parity and stale
  translations, the switcher and hreflang, interface text, the 404 pages, Latin runs in
  right-to-left text), `catalogue` (the practices' front matter, its schema, vocabularies,
  model and exports, its fields declared once in
  `data/catalogue-fields.yml`), `content` (what editors' pages may not carry), `records` (the UN
  documents register and the chairmanship timeline), `statements`, `glossary`, `search` (the
  text analysis and the per-language index), `dates` (last-update dates from git), `share`
  (share cards, structured data, the share image), `theme` (every workaround for Material);
- the readers they share: `settings` (the `extra.site` block of `mkdocs.yml`), `datafile`
  (every data file, a text per language), `sources` (the pages of `docs/`), `addresses` (an
  https address), `text` (messages' values, usable text, page titles).

Modules named `feature` use MkDocs' objects; every other module is plain logic, tested alone.
"""
