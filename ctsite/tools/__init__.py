"""Command-line tools for editors and operators: `python -m ctsite.tools.<name>`. Tools sit on
top of the build's package: nothing outside `ctsite/tools/` imports one (tests/test_layers.py).

- `new_practice`: scaffold a catalogue entry in every language (`make new-practice ID=`);
- `new_statement`: add a statement to fill in to `data/statements.yml` (`make new-statement ID=`);
- `translations`: the translation status of every page, or record pages as translated;
- `csp`: keep the Content-Security-Policy's script hashes in step with the built site;
- `static_server`: serve the built site on 127.0.0.1 with gzip, as the tests and audits do;
- `audit`: Lighthouse on the key pages;
- `bench_catalogue`, `bench_search`: the benchmarks;
- `fonts`: rebuild the self-hosted fonts;
- `share_image`: draw each language's share image (`make share-image`; the drawing is
  `ctsite.share.image`);
- `material_diff`: record how our templates differ from Material's;
- `second_engine`: build with ProperDocs and compare with the MkDocs build.
"""

from pathlib import Path

# The project's folder (the package is installed from it in editable mode).
PROJECT = Path(__file__).resolve().parents[2]
