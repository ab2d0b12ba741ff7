"""The catalogue's downloads: `catalogue.json` and `catalogue.csv`, one pair per language.

Plain logic, no MkDocs import. Both are deterministic: the same catalogue gives the same bytes.
The formats are documented in the README.
"""

from __future__ import annotations

import csv
import io
import json
import unicodedata

from ctsite.catalogue.model import Catalogue, Practice

CSV_COLUMNS = (
    "id",
    "title",
    "summary",
    "pillar",
    "pillar_label",
    "institution",
    "institution_label",
    "kind",
    "audiences",
    "formats",
    "open_to",
    "since",
    "sources",
    "url",
    "translation_url",
)
# Several values in one CSV cell are separated by this.
CSV_LIST_SEPARATOR = "; "
# A cell starting with one of these is taken for a formula by spreadsheet programs; such cells
# get a leading apostrophe, which the programs show as text (OWASP "CSV injection"). Compared
# after Unicode compatibility folding (fullwidth ＝＋－＠ and small ﹦﹢﹣﹫ are the same signs to a
# spreadsheet), and after any invisible characters a cell starts with.
FORMULA_STARTS = ("=", "+", "-", "@")
CONTROL_STARTS = ("\t", "\r", "\n")


def _first_visible(value: str) -> str:
    """The first character of a cell that is not invisible (format or space characters)."""
    for character in value:
        if unicodedata.category(character) not in ("Cf", "Zs", "Zl", "Zp", "Mn"):
            return character
    return ""


def _cell(value: str) -> str:
    if value.startswith(CONTROL_STARTS):
        return "'" + value
    first = unicodedata.normalize("NFKC", _first_visible(value))
    return "'" + value if first.startswith(FORMULA_STARTS) else value


def _translation_url(practice: Practice) -> str | None:
    return next(iter(practice.translations.values()), None)


def practice_record(practice: Practice) -> dict:
    """One practice as the JSON export writes it."""
    return {
        "id": practice.id,
        "title": practice.title,
        "summary": practice.summary,
        "pillar": {"key": practice.pillar.key, "label": practice.pillar.label},
        "institution": {"key": practice.institution.key, "label": practice.institution.label},
        "kind": practice.kind.key,
        "audiences": [term.key for term in practice.audiences],
        "formats": [term.key for term in practice.formats],
        "open_to": [term.key for term in practice.open_to],
        "since": practice.since,
        "sources": [{"title": s.title, "url": s.url} for s in practice.sources],
        "url": practice.url,
        "translation_url": _translation_url(practice),
    }


def to_json(catalogue: Catalogue) -> str:
    """`{"language": ..., "practices": [...]}`, UTF-8 text, stable order."""
    document = {
        "language": catalogue.language,
        "practices": [practice_record(p) for p in catalogue.practices],
    }
    return json.dumps(document, ensure_ascii=False, indent=2) + "\n"


def to_csv(catalogue: Catalogue) -> bytes:
    """One row per practice, UTF-8 with a byte-order mark so spreadsheets show Arabic."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow(CSV_COLUMNS)
    for practice in catalogue.practices:
        writer.writerow(
            _cell(value)
            for value in [
                practice.id,
                practice.title,
                practice.summary,
                practice.pillar.key,
                practice.pillar.label,
                practice.institution.key,
                practice.institution.label,
                practice.kind.key,
                CSV_LIST_SEPARATOR.join(term.key for term in practice.audiences),
                CSV_LIST_SEPARATOR.join(term.key for term in practice.formats),
                CSV_LIST_SEPARATOR.join(term.key for term in practice.open_to),
                "" if practice.since is None else str(practice.since),
                CSV_LIST_SEPARATOR.join(f"{s.title} <{s.url}>" for s in practice.sources),
                practice.url,
                _translation_url(practice) or "",
            ]
        )
    return "\ufeff".encode() + buffer.getvalue().encode("utf-8")
