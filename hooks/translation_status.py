"""Which English pages have fallen behind their Arabic source.

Plain logic, no MkDocs import. `data/translations.yml` records, for each page, the version of the
Arabic file that its English translates: the first 16 hex digits of the SHA-256 of the Arabic
file's text. When the Arabic file changes, its version changes and the English page is stale
until an editor updates it and records the new version (`make translations PAGE=<page>`).
Works from a plain archive: no git needed.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from pathlib import Path

import yaml

REGISTRY = "data/translations.yml"
HEADER = (
    "# The version of its Arabic source that each English page translates (the first 16 hex\n"
    "# digits of the SHA-256 of docs/ar/<page>). Written by `make translations PAGE=<page>`\n"
    "# once the English page is up to date; do not edit by hand.\n"
)
STATES = ("current", "stale", "unrecorded", "missing")


def version(text: str) -> str:
    """The version of an Arabic file's text (line endings do not count)."""
    normal = text.replace("\r\n", "\n")
    return hashlib.sha256(normal.encode("utf-8")).hexdigest()[:16]


@dataclass(frozen=True)
class PairStatus:
    """One page in both languages: `page` is its path inside each language folder."""

    page: str
    state: str  # one of STATES
    recorded: str | None
    current: str | None

    def message(self, docs: str = "docs") -> str:
        """What an editor needs to know and do, for a page that is not current."""
        english, arabic = f"{docs}/en/{self.page}", f"{docs}/ar/{self.page}"
        fix = (
            f"update {english} to match {arabic}, then run "
            f"`make translations PAGE={self.page}` to record it"
        )
        if self.state == "stale":
            return (
                f"{english}: stale translation: expected the English of version "
                f"{self.recorded} of {arabic}, found that {arabic} is now version "
                f"{self.current}; {fix}"
            )
        if self.state == "unrecorded":
            return (
                f"{english}: translation not recorded: expected an entry for '{self.page}' in "
                f"{REGISTRY}, found none; {fix}"
            )
        return f"{english}: {self.state}"


def read_registry(path: Path) -> dict[str, str]:
    """The recorded versions, {page: version}; empty when the file does not exist."""
    if not path.exists():
        return {}
    data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    return {str(page): str(value) for page, value in data.items()}


def write_registry(path: Path, versions: dict[str, str]) -> None:
    """Write the registry, pages sorted, so the same versions give the same file."""
    lines = [f"{page}: {versions[page]}" for page in sorted(versions)]
    path.write_text(HEADER + "\n".join(lines) + "\n", encoding="utf-8")


def statuses(docs_dir: Path, registry: dict[str, str]) -> list[PairStatus]:
    """The status of every page of either language, sorted by page."""
    arabic = {p.relative_to(docs_dir / "ar").as_posix() for p in (docs_dir / "ar").rglob("*.md")}
    english = {p.relative_to(docs_dir / "en").as_posix() for p in (docs_dir / "en").rglob("*.md")}
    result = []
    for page in sorted(arabic | english):
        if page not in arabic or page not in english:
            result.append(PairStatus(page, "missing", registry.get(page), None))
            continue
        current = version((docs_dir / "ar" / page).read_text(encoding="utf-8"))
        recorded = registry.get(page)
        state = "unrecorded" if recorded is None else "current" if recorded == current else "stale"
        result.append(PairStatus(page, state, recorded, current))
    return result


def record(docs_dir: Path, registry: dict[str, str], pages: list[str]) -> dict[str, str]:
    """The registry with the current Arabic version recorded for `pages`.

    Raises:
        ValueError: naming a page that is not in both language folders.
    """
    updated = dict(registry)
    for page in pages:
        arabic, english = docs_dir / "ar" / page, docs_dir / "en" / page
        if not arabic.is_file() or not english.is_file():
            raise ValueError(
                f"PAGE={page}: expected a page present as docs/ar/{page} and docs/en/{page}, "
                "found it missing in at least one"
            )
        updated[page] = version(arabic.read_text(encoding="utf-8"))
    return updated
