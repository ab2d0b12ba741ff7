"""The front matter of a catalogue entry, declared once, and its validation.

Plain logic, no MkDocs import. `FIELDS` is the one place that knows the fields: the build hook
validates with it, `scripts/new_practice.py` writes new files from it (with its comments), the
tests use it. Every message names the file, the field, what was expected and what was found.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

from vocabularies import Vocabularies

ID_PATTERN = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
SUMMARY_MAX = 300
TITLE_MAX = 150
FIRST_YEAR = 1900


@dataclass(frozen=True)
class Field:
    """One front matter field.

    kind: "id", "text", "key" (one key of `vocabulary`), "keys" (a list of them), "year",
    "sources" (a list of {title, url}).
    """

    name: str
    kind: str
    required: bool
    shared: bool  # the same value in every language
    help: dict[str, str]  # what to write, per language (scaffold comments)
    vocabulary: str | None = None
    max_length: int | None = None
    required_for_kind: str | None = None  # required when `kind` has this value


FIELDS: tuple[Field, ...] = (
    Field(
        "id",
        "id",
        True,
        True,
        {
            "ar": "معرّف الممارسة بحروف لاتينية صغيرة وشرطات، مطابق لاسم الملف",
            "en": "the practice's id: lower-case letters, digits and hyphens, "
            "equal to the file name",
        },
    ),
    Field(
        "title",
        "text",
        True,
        False,
        {
            "ar": "عنوان الممارسة بلغة هذا الملف",
            "en": "the practice's title in this file's language",
        },
        max_length=TITLE_MAX,
    ),
    Field(
        "summary",
        "text",
        True,
        False,
        {
            "ar": f"ملخص من جملة أو جملتين، {SUMMARY_MAX} حرف على الأكثر",
            "en": f"a summary of one or two sentences, at most {SUMMARY_MAX} characters",
        },
        max_length=SUMMARY_MAX,
    ),
    Field(
        "pillar",
        "key",
        True,
        True,
        {
            "ar": "المحور: مفتاح واحد من data/pillars.yml",
            "en": "the pillar: one key of data/pillars.yml",
        },
        vocabulary="pillars",
    ),
    Field(
        "institution",
        "key",
        True,
        True,
        {
            "ar": "المؤسسة: مفتاح واحد من data/institutions.yml",
            "en": "the institution: one key of data/institutions.yml",
        },
        vocabulary="institutions",
    ),
    Field(
        "kind",
        "key",
        True,
        True,
        {
            "ar": "practice (ممارسة مصرية) أو offering (عرض لبناء القدرات متاح للشركاء)",
            "en": "practice (what Egypt does) or offering (capacity building open to partners)",
        },
        vocabulary="kinds",
    ),
    Field(
        "audiences",
        "keys",
        False,
        True,
        {
            "ar": "اختياري: قائمة مفاتيح من data/audiences.yml",
            "en": "optional: a list of keys of data/audiences.yml",
        },
        vocabulary="audiences",
    ),
    Field(
        "formats",
        "keys",
        False,
        True,
        {
            "ar": "مطلوب للعروض (offering): قائمة مفاتيح من data/formats.yml",
            "en": "required for an offering: a list of keys of data/formats.yml",
        },
        vocabulary="formats",
        required_for_kind="offering",
    ),
    Field(
        "open_to",
        "keys",
        False,
        True,
        {
            "ar": "مطلوب للعروض (offering): من يحق له الطلب، قائمة مفاتيح من data/open-to.yml",
            "en": "required for an offering: who may ask, a list of keys of data/open-to.yml",
        },
        vocabulary="open_to",
        required_for_kind="offering",
    ),
    Field(
        "since",
        "year",
        False,
        True,
        {
            "ar": "اختياري: سنة البدء، مثل 2015",
            "en": "optional: the year it started, such as 2015",
        },
    ),
    Field(
        "sources",
        "sources",
        True,
        False,
        {
            "ar": "مصدر عام واحد على الأقل: عنوان (title) ورابط (url) يبدأ بـ https://",
            "en": "at least one public source: a title and a url starting with https://",
        },
    ),
)
FIELDS_BY_NAME = {field.name: field for field in FIELDS}


@dataclass(frozen=True)
class Problem:
    """One thing wrong in one file."""

    file: str
    field: str | None  # None for the file as a whole
    expected: str
    found: str

    def message(self) -> str:
        where = f"field '{self.field}'" if self.field else "front matter"
        return f"{self.file}: {where}: expected {self.expected}, found {self.found}"


def _describe(value: object) -> str:
    """How a found value is shown in a message."""
    if value is None:
        return "nothing"
    if isinstance(value, bool):
        return f"{str(value).lower()} (yes/no)"
    if isinstance(value, str):
        shown = value if len(value) <= 60 else value[:57] + "..."
        return f"'{shown}'"
    if isinstance(value, (int, float)):
        return str(value)
    if isinstance(value, list):
        return f"a list of {len(value)}"
    if isinstance(value, dict):
        return "field: value pairs"
    return f"{type(value).__name__} {value!r}"


def _one_of(keys: list[str]) -> str:
    return "one of " + ", ".join(keys)


def expectation(field: Field, vocabularies: Vocabularies, stem: str = "<file name>") -> str:
    """What a field expects, in words, for messages and the scaffold."""
    if field.kind == "id":
        return f"'{stem}' (the file's name: lower-case letters, digits and hyphens)"
    if field.kind == "text":
        return f"text of at most {field.max_length} characters" if field.max_length else "text"
    if field.kind == "key":
        return _one_of(vocabularies.keys(field.vocabulary))
    if field.kind == "keys":
        return "a list of keys among " + ", ".join(vocabularies.keys(field.vocabulary))
    if field.kind == "year":
        return f"a year between {FIRST_YEAR} and {date.today().year}, such as 2015"
    return "a list of at least one {title, url}"


def _check_text(field: Field, value: object) -> tuple[str, str] | None:
    if not isinstance(value, str) or not value.strip():
        return "text", _describe(value)
    if field.max_length and len(value) > field.max_length:
        return f"text of at most {field.max_length} characters", f"{len(value)} characters"
    return None


def _check_key(field: Field, value: object, vocabularies: Vocabularies) -> tuple[str, str] | None:
    if not isinstance(value, str) or value not in vocabularies.keys(field.vocabulary):
        return expectation(field, vocabularies), _describe(value)
    return None


def _check_keys(field: Field, value: object, vocabularies: Vocabularies) -> tuple[str, str] | None:
    keys = vocabularies.keys(field.vocabulary)
    if not isinstance(value, list):
        return expectation(field, vocabularies), _describe(value)
    unknown = [item for item in value if not isinstance(item, str) or item not in keys]
    if unknown:
        return f"keys among {', '.join(keys)}", ", ".join(_describe(item) for item in unknown)
    if len(set(value)) != len(value):
        return "each key once", "a key repeated"
    return None


def _check_year(field: Field, value: object) -> tuple[str, str] | None:
    if (
        isinstance(value, bool)
        or not isinstance(value, int)
        or not (FIRST_YEAR <= value <= date.today().year)
    ):
        return expectation(field, None), _describe(value)
    return None


def _check_sources(value: object) -> list[tuple[str, str, str]]:
    """Problems as (field path, expected, found)."""
    if not isinstance(value, list) or not value:
        return [("sources", "a list of at least one {title, url}", _describe(value))]
    problems = []
    for number, source in enumerate(value, start=1):
        path = f"sources[{number}]"
        if not isinstance(source, dict):
            problems.append((path, "title: and url: lines", _describe(source)))
            continue
        unknown = sorted(set(source) - {"title", "url"})
        if unknown:
            problems.append((path, "only title and url", ", ".join(map(str, unknown))))
        title = source.get("title")
        if not isinstance(title, str) or not title.strip():
            problems.append((f"{path}.title", "text", _describe(title)))
        url = source.get("url")
        if not isinstance(url, str) or not re.match(r"^https?://[^\s/]+\.[^\s]+$", url):
            problems.append((f"{path}.url", "an address starting with https://", _describe(url)))
    return problems


def validate(values: dict, file: str, stem: str, vocabularies: Vocabularies) -> list[Problem]:
    """Every problem of one file's front matter, in field order.

    Args:
        values: the parsed front matter.
        file: the file as editors know it (`docs/ar/best-practices/x.md`).
        stem: the file's name without `.md`.
        vocabularies: the controlled vocabularies.
    Returns:
        The problems; empty when the front matter is valid.
    """
    problems = []
    for name in values:
        if name not in FIELDS_BY_NAME:
            problems.append(
                Problem(
                    file,
                    str(name),
                    "one of the fields " + ", ".join(FIELDS_BY_NAME),
                    "an unknown field",
                )
            )
    for field in FIELDS:
        value = values.get(field.name)
        required = field.required or (
            field.required_for_kind is not None and values.get("kind") == field.required_for_kind
        )
        if value is None or value == [] or value == "":
            if required:
                expected = expectation(field, vocabularies, stem)
                if field.required_for_kind and not field.required:
                    expected += f" when kind is '{field.required_for_kind}'"
                problems.append(
                    Problem(file, field.name, expected, "nothing (the field is empty or missing)")
                )
            continue
        result: tuple[str, str] | None = None
        if field.kind == "id":
            if not isinstance(value, str) or not ID_PATTERN.match(value) or value != stem:
                result = expectation(field, vocabularies, stem), _describe(value)
        elif field.kind == "text":
            result = _check_text(field, value)
        elif field.kind == "key":
            result = _check_key(field, value, vocabularies)
        elif field.kind == "keys":
            result = _check_keys(field, value, vocabularies)
        elif field.kind == "year":
            result = _check_year(field, value)
        elif field.kind == "sources":
            problems += [Problem(file, *problem) for problem in _check_sources(value)]
        if result:
            problems.append(Problem(file, field.name, *result))
    return problems


def compare_shared(values: dict[str, dict], files: dict[str, str], default: str) -> list[Problem]:
    """Fields that must be equal in every language but are not.

    Args:
        values: {language: front matter} of one practice.
        files: {language: file} for messages.
        default: the language whose values are the reference (the source of truth).
    Returns:
        One problem per differing field, on the other language's file.
    """
    problems = []
    reference = values[default]
    for language, other in values.items():
        if language == default:
            continue
        for field in FIELDS:
            if field.shared and other.get(field.name) != reference.get(field.name):
                problems.append(
                    Problem(
                        files[language],
                        field.name,
                        f"{_describe(reference.get(field.name))} as in {files[default]} "
                        "(this field is the same in every language)",
                        _describe(other.get(field.name)),
                    )
                )
    return problems
