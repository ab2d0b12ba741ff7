"""Front matter and vocabularies for the catalogue tests; the fields are the project's own
(`data/catalogue-fields.yml`), with these vocabularies (`SCHEMA`)."""

from __future__ import annotations

import copy
from pathlib import Path

from ctsite.catalogue import declaration
from ctsite.catalogue.schema import Schema
from ctsite.catalogue.vocabularies import Vocabularies

ROOT = Path(__file__).resolve().parent.parent

VOCABULARIES = Vocabularies(
    {
        "pillars": {
            "ideological": {"ar": "فكري", "en": "Ideological"},
            "financial": {"ar": "مالي", "en": "Financial"},
        },
        "institutions": {
            "al-azhar": {"ar": "الأزهر", "en": "Al-Azhar", "url": "https://azhar.eg/"},
            "emlcu": {"ar": "الوحدة", "en": "EMLCU"},
        },
        "audiences": {
            "diplomats": {"ar": "دبلوماسيون", "en": "Diplomats"},
            "researchers": {"ar": "باحثون", "en": "Researchers"},
        },
        "formats": {
            "training": {"ar": "تدريب", "en": "Training"},
            "study-visit": {"ar": "زيارة", "en": "Study visit"},
        },
        "open_to": {
            "african-states": {"ar": "الدول الأفريقية", "en": "African states"},
            "cen-sad-members": {"ar": "دول الساحل والصحراء", "en": "CEN-SAD member states"},
        },
        "kinds": {
            "practice": {"ar": "ممارسة", "en": "Practice"},
            "offering": {"ar": "عرض", "en": "Offering"},
        },
    }
)

FIELDS, _ = declaration.read(ROOT / "data" / "catalogue-fields.yml", ["ar", "en"], ROOT)
SCHEMA = Schema(FIELDS, VOCABULARIES)

VALID = {
    "id": "azhar-observatory",
    "title": "Al-Azhar Observatory",
    "summary": "An observatory that answers extremist content.",
    "pillar": "ideological",
    "institution": "al-azhar",
    "kind": "offering",
    "audiences": ["diplomats"],
    "formats": ["training"],
    "open_to": ["african-states"],
    "since": 2015,
    "sources": [{"title": "Al-Azhar", "url": "https://azhar.eg/observer"}],
}
FILE = "docs/en/best-practices/azhar-observatory.md"


def valid(**changes) -> dict:
    """The valid front matter with some fields changed (None removes a field)."""
    values = copy.deepcopy(VALID)
    for name, value in changes.items():
        if value is None:
            values.pop(name, None)
        else:
            values[name] = value
    return values


def markdown(values: dict, body: str = "Text.\n") -> str:
    import yaml

    return "---\n" + yaml.safe_dump(values, allow_unicode=True, sort_keys=False) + "---\n\n" + body
