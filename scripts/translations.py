"""Status of every page's translation, and recording a translation as up to date.

make translations                 print every page pair: current, stale, unrecorded, missing;
                                  exit 1 when any is not current
make translations PAGE=unit/index.md [PAGE=...]
                                  record the current Arabic version for the page(s), once their
                                  English is up to date (space-separated list in one PAGE="...")
"""

from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "hooks"))

import translation_status  # noqa: E402 - needs the path above

DOCS = ROOT / "docs"
REGISTRY = ROOT / translation_status.REGISTRY


def show() -> int:
    registry = translation_status.read_registry(REGISTRY)
    rows = translation_status.statuses(DOCS, registry)
    width = max(len(row.page) for row in rows)
    for row in rows:
        print(f"{row.state:10s}  {row.page:{width}s}")
    behind = [row for row in rows if row.state != "current"]
    counts = {state: sum(row.state == state for row in rows) for state in translation_status.STATES}
    print(", ".join(f"{count} {state}" for state, count in counts.items()))
    for row in behind:
        print(row.message())
    return 1 if behind else 0


def record(pages: list[str]) -> int:
    registry = translation_status.read_registry(REGISTRY)
    try:
        updated = translation_status.record(DOCS, registry, pages)
    except ValueError as error:
        print(f"error: {error}", file=sys.stderr)
        return 2
    if updated == registry:
        print("up to date: the recorded versions are already current")
        return 0
    translation_status.write_registry(REGISTRY, updated)
    for page in pages:
        print(f"recorded {page}: version {updated[page]}")
    return 0


def main(argv: list[str]) -> int:
    pages = [page for argument in argv for page in argument.split()]
    return record(pages) if pages else show()


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
