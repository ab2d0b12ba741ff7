"""The catalogue's downloads: `catalogue.json` and `catalogue.csv`, one pair per language.

Plain logic, no MkDocs import. Both are deterministic: the same catalogue gives the same bytes.
Their columns are the declared fields, in order (`data/catalogue-fields.yml`: a key field with
`export_label` gives its label too), then each practice's addresses. The formats are documented
in the README.
"""

from __future__ import annotations

import csv
import io
import json
import unicodedata

from ctsite.catalogue.model import Catalogue, Practice
from ctsite.catalogue.schema import Field, Source
from ctsite.catalogue.vocabularies import Term

# The columns after the fields': the practice's address, and the same practice in the other
# language.
ADDRESS_COLUMNS = ("url", "translation_url")
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


def csv_columns(fields: tuple[Field, ...]) -> tuple[str, ...]:
    """The CSV's header: each field's name (and `<name>_label` after a key exported with its
    label), then the addresses."""
    columns = []
    for field in fields:
        columns.append(field.name)
        if field.export_label:
            columns.append(f"{field.name}_label")
    return (*columns, *ADDRESS_COLUMNS)


def _json_value(value: object, with_label: bool = False) -> object:
    """A field's value as JSON: a key (or {key, label}), a list of keys, a list of
    {title, url}, text, a year or null."""
    if isinstance(value, Term):
        return {"key": value.key, "label": value.label} if with_label else value.key
    if isinstance(value, Source):
        return {"title": value.title, "url": value.url}
    if isinstance(value, tuple):
        return [_json_value(item) for item in value]
    return value


def _csv_value(value: object) -> str:
    """A field's value in a CSV cell: several separated by `CSV_LIST_SEPARATOR`, a source
    written `title <url>`, nothing for an empty field."""
    if isinstance(value, Term):
        return value.key
    if isinstance(value, Source):
        return f"{value.title} <{value.url}>"
    if isinstance(value, tuple):
        return CSV_LIST_SEPARATOR.join(_csv_value(item) for item in value)
    return "" if value is None else str(value)


def practice_record(practice: Practice, fields: tuple[Field, ...]) -> dict:
    """One practice as the JSON export writes it."""
    record = {
        field.name: _json_value(practice.values[field.name], field.export_label) for field in fields
    }
    return {**record, "url": practice.url, "translation_url": _translation_url(practice)}


def to_json(catalogue: Catalogue) -> str:
    """`{"language": ..., "practices": [...]}`, UTF-8 text, stable order."""
    document = {
        "language": catalogue.language,
        "practices": [practice_record(p, catalogue.fields) for p in catalogue.practices],
    }
    return json.dumps(document, ensure_ascii=False, indent=2) + "\n"


def to_csv(catalogue: Catalogue) -> bytes:
    """One row per practice, UTF-8 with a byte-order mark so spreadsheets show Arabic."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow(csv_columns(catalogue.fields))
    for practice in catalogue.practices:
        row = []
        for field in catalogue.fields:
            value = practice.values[field.name]
            row.append(_csv_value(value))
            if field.export_label:
                row.append(value.label if value else "")
        row += [practice.url, _translation_url(practice) or ""]
        writer.writerow(_cell(value) for value in row)
    return "\ufeff".encode() + buffer.getvalue().encode("utf-8")
