"""The build logic of the site, one package with a subpackage per concern.

- `build`: the events MkDocs calls (registered by `hooks/site.py`), handing each to the features;
- `context`: what one language's build knows (its language, home, settings, interface text);
- `settings`: the `extra.site` block of `mkdocs.yml`, typed and validated;
- `languages`: page parity and stale translations, the switcher and hreflang, interface text,
  the 404 pages, Latin runs in right-to-left text;
- `catalogue`: the practices' front matter, its declared fields (`data/catalogue-fields.yml`),
  schema, vocabularies, model and exports;
- `records`: the UN documents register and the chairmanship timeline;
- `search`: the text analysis and the per-language index;
- `dates`: last-update dates from git;
- `theme`: every workaround for Material, in one place;
- `tools`: the command-line tools (`python -m ctsite.tools.<name>`).

Modules named `feature` use MkDocs' objects; every other module is plain logic, tested alone.
"""
