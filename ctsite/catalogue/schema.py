"""The front matter of a catalogue entry and its validation.

Plain logic, no MkDocs import. The fields are declared once, in `data/catalogue-fields.yml`
(read by `ctsite.catalogue.declaration` into a `Schema`): each with its type, when it is
required, whether it is the same in every language, what to write, and where it is shown and
exported. Each type is one validator class here, which also gives the value the model holds; a
condition such as "formats are required for an offering" is declared with its field. The build
validates with the schema, the scaffold (`ctsite.tools.new_practice`) writes new files from it,
the model, the templates and the exports follow it. Every message names the file, the field,
what was expected and what was found; every problem of a file is reported.
"""

from __future__ import annotations

import difflib
import re
from dataclasses import dataclass
from dataclasses import field as dataclass_field
from datetime import date
from functools import cached_property

import yaml

from ctsite.addresses import address_problem
from ctsite.catalogue.vocabularies import Term, Vocabularies
from ctsite.text import describe, look_alikes, printable, text_problem

ID_PATTERN = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
FIRST_YEAR = 1900

# (field path, expected, found) or (field path, expected, found, the value to write instead):
# one problem of one value.
Finding = tuple


def nearest(value: object, choices: list[str]) -> str | None:
    """The choice closest to a misspelt value (difflib's ratio, at least 0.6), or None."""
    if not isinstance(value, str):
        return None
    close = difflib.get_close_matches(value.strip().lower(), choices, n=1, cutoff=0.6)
    return close[0] if close else None


def yaml_line(name: str, value: object) -> str:
    """The front matter line that gives `name` this value, as an editor would write it:
    `pillar: ideological`, `audiences: [diplomats, researchers]`."""
    if isinstance(value, list):
        items = yaml.safe_dump(value, default_flow_style=True, allow_unicode=True, width=1000)
        return f"{name}: {items.strip()}"
    shown = yaml.safe_dump({name: value}, default_flow_style=False, allow_unicode=True, width=1000)
    return shown.strip()


# --- Types: one validator each ----------------------------------------------------------------


class FieldType:
    """What a field's value must be. `check` returns every problem of a value (none when valid);
    `expected` says in words what is expected; `blank` is what the scaffold writes; `value` is
    what the model holds of a valid value, in one language (None when the field is empty)."""

    name = ""  # as `data/catalogue-fields.yml` names the type
    blank = ""
    vocabulary: str | None = None

    def expected(self, vocabularies: Vocabularies, stem: str) -> str:
        raise NotImplementedError

    def check(
        self, name: str, value: object, vocabularies: Vocabularies, stem: str
    ) -> list[Finding]:
        raise NotImplementedError

    def value(self, value: object, vocabularies: Vocabularies, language: str) -> object:
        return value


class Id(FieldType):
    """The file's own name: lower-case letters, digits and hyphens."""

    name = "id"

    def expected(self, vocabularies, stem):
        return f"'{stem}' (the file's name: lower-case letters, digits and hyphens)"

    def check(self, name, value, vocabularies, stem):
        if isinstance(value, str) and ID_PATTERN.match(value) and value == stem:
            return []
        found = describe(value) + (look_alikes(value) if isinstance(value, str) else "")
        return [(name, self.expected(vocabularies, stem), found)]


@dataclass(frozen=True)
class Text(FieldType):
    """Text, not empty, at most `max_length` characters, with a visible character and no
    control character."""

    name = "text"
    max_length: int | None = None

    def expected(self, vocabularies, stem):
        return f"text of at most {self.max_length} characters" if self.max_length else "text"

    def check(self, name, value, vocabularies, stem):
        if not isinstance(value, str) or not value.strip():
            return [(name, "text", describe(value))]
        problem = text_problem(value)
        if problem:
            return [(name, *problem)]
        if self.max_length and len(value) > self.max_length:
            expected = f"text of at most {self.max_length} characters"
            return [(name, expected, f"{len(value)} characters")]
        return []

    def value(self, value, vocabularies, language):
        return value.strip() if isinstance(value, str) else None


@dataclass(frozen=True)
class Key(FieldType):
    """One key of a vocabulary."""

    name = "key"
    vocabulary: str

    def expected(self, vocabularies, stem):
        return "one of " + ", ".join(vocabularies.keys(self.vocabulary))

    def check(self, name, value, vocabularies, stem):
        if isinstance(value, str) and value in vocabularies.keys(self.vocabulary):
            return []
        guess = nearest(value, vocabularies.keys(self.vocabulary))
        return [(name, self.expected(vocabularies, stem), describe(value), guess)]

    def value(self, value, vocabularies, language) -> Term | None:
        return vocabularies.term(self.vocabulary, value, language) if value else None


@dataclass(frozen=True)
class Keys(FieldType):
    """A list of keys of a vocabulary, each once."""

    name = "keys"
    vocabulary: str
    blank = "[]"

    def expected(self, vocabularies, stem):
        return "a list of keys among " + ", ".join(vocabularies.keys(self.vocabulary))

    def check(self, name, value, vocabularies, stem):
        keys = vocabularies.keys(self.vocabulary)
        if not isinstance(value, list):
            return [(name, self.expected(vocabularies, stem), describe(value))]
        unknown = [item for item in value if not isinstance(item, str) or item not in keys]
        if unknown:
            found = ", ".join(describe(item) for item in unknown)
            guesses = [item if item in keys else nearest(item, keys) for item in value]
            guess = guesses if all(guesses) else None
            return [(name, f"keys among {', '.join(keys)}", found, guess)]
        if len(set(value)) != len(value):
            return [(name, "each key once", "a key repeated")]
        return []

    def value(self, value, vocabularies, language) -> tuple[Term, ...]:
        return tuple(vocabularies.term(self.vocabulary, key, language) for key in value or [])


class Year(FieldType):
    """A year from FIRST_YEAR to this year."""

    name = "year"

    def expected(self, vocabularies, stem):
        return f"a year between {FIRST_YEAR} and {date.today().year}, such as 2015"

    def check(self, name, value, vocabularies, stem):
        if isinstance(value, int) and not isinstance(value, bool):
            if FIRST_YEAR <= value <= date.today().year:
                return []
        return [(name, self.expected(vocabularies, stem), describe(value))]


@dataclass(frozen=True)
class Source:
    """One source of an entry, as the model holds it."""

    title: str
    url: str


class Sources(FieldType):
    """At least one public source: a title and an https address."""

    name = "sources"

    def expected(self, vocabularies, stem):
        return "a list of at least one {title, url}"

    def check(self, name, value, vocabularies, stem):
        if not isinstance(value, list) or not value:
            return [(name, self.expected(vocabularies, stem), describe(value))]
        problems = []
        for number, source in enumerate(value, start=1):
            path = f"{name}[{number}]"
            if not isinstance(source, dict):
                problems.append((path, "title: and url: lines", describe(source)))
                continue
            unknown = sorted(set(source) - {"title", "url"})
            if unknown:
                problems.append((path, "only title and url", ", ".join(map(str, unknown))))
            title = source.get("title")
            if not isinstance(title, str) or not title.strip():
                problems.append((f"{path}.title", "text", describe(title)))
            elif text_problem(title):
                problems.append((f"{path}.title", *text_problem(title)))
            wrong = address_problem(source.get("url"))
            if wrong:
                expected = "an https address of a public host (https://host/...)"
                problems.append((f"{path}.url", expected, wrong))
        return problems

    def value(self, value, vocabularies, language) -> tuple[Source, ...]:
        return tuple(Source(source["title"].strip(), source["url"]) for source in value or [])


# --- Conditions -------------------------------------------------------------------------------


@dataclass(frozen=True)
class When:
    """A condition on another field: `When("kind", "offering")`."""

    field: str
    value: str

    def holds(self, values: dict) -> bool:
        return values.get(self.field) == self.value

    def __str__(self) -> str:
        return f"when {self.field} is '{self.value}'"


# --- The fields -------------------------------------------------------------------------------


@dataclass(frozen=True)
class Filter:
    """A filter of the catalogue: its name in the page's address (`?audience=diplomats`) and its
    label per language."""

    parameter: str
    label: dict[str, str]


@dataclass(frozen=True)
class Field:
    """One front matter field, as `data/catalogue-fields.yml` declares it
    (`ctsite.catalogue.declaration` reads it; that file's header says what each key means).

    name: its key; type: what its value must be; required: always (True), never (False) or under
    a condition (`When(...)`); shared: the same value in every language; help: what to write, per
    language (the scaffold's comments); label: its name per language (the fact box, the cards);
    fact_box: shown in an entry's fact box (True, "link" or "website"); card: shown on the
    catalogue's cards ("tag", "fact" or None); filter: a filter of the catalogue, or None;
    export_label: a key exported with its label.
    """

    name: str
    type: FieldType
    help: dict[str, str] = dataclass_field(default_factory=dict)
    required: bool | When = False
    shared: bool = False
    label: dict[str, str] = dataclass_field(default_factory=dict)
    fact_box: bool | str = False
    card: str | None = None
    filter: Filter | None = None
    export_label: bool = False

    @property
    def vocabulary(self) -> str | None:
        return self.type.vocabulary

    @property
    def always(self) -> bool:
        """Required in every entry: its value is never empty."""
        return self.required is True

    def is_required(self, values: dict) -> bool:
        return self.required.holds(values) if isinstance(self.required, When) else self.required


@dataclass(frozen=True)
class Schema:
    """What an entry's front matter may hold: the declared fields, in order, and the
    vocabularies their keys come from."""

    fields: tuple[Field, ...]
    vocabularies: Vocabularies

    @cached_property
    def by_name(self) -> dict[str, Field]:
        """The fields by name."""
        return {field.name: field for field in self.fields}


@dataclass(frozen=True)
class Problem:
    """One thing wrong in one file; where the right value is known (the nearest key of a
    vocabulary, the other language's value of a shared field), `write` is the line that fixes
    it, and `line` the line it replaces (None: a line to add)."""

    file: str
    field: str | None  # None for the file as a whole
    expected: str
    found: str
    write: str | None = None
    line: int | None = None
    guess: str | None = None  # "did you mean ...": the nearest right value, in words
    example: str | None = None  # for a missing field: a line of the right form

    def message(self) -> str:
        where = f"field '{printable(self.field)}'" if self.field else "front matter"
        text = f"{self.file}: {where}: expected {self.expected}, found {self.found}"
        if self.guess:
            text += f" (did you mean {self.guess}?)"
        if self.example and not self.write:
            text += (
                f"; in {self.file}, replace line {self.line} with a line such as `{self.example}`"
                if self.line
                else f"; in {self.file}, add to the front matter a line such as `{self.example}`"
            )
        if self.write:
            text += "; " + (
                f"in {self.file}, replace line {self.line} with `{self.write}`"
                if self.line
                else f"in {self.file}, write the line `{self.write}` in the front matter"
            )
        return text


def _problem(file: str, finding: Finding) -> Problem:
    """A problem from a type's finding; a guessed value becomes the line to write."""
    name, expected, found, *rest = finding
    guess = rest[0] if rest else None
    if guess is None:
        return Problem(file, name, expected, found)
    shown = f"'{guess}'" if isinstance(guess, str) else ", ".join(f"'{g}'" for g in guess)
    return Problem(file, name, expected, found, write=yaml_line(name, guess), guess=shown)


def expectation(field: Field, vocabularies: Vocabularies, stem: str = "<file name>") -> str:
    """What a field expects, in words, for messages and the scaffold."""
    return field.type.expected(vocabularies, stem)


def _example(field: Field, vocabularies: Vocabularies, stem: str) -> str | None:
    """A line of the right form for a missing field (the vocabulary's first key, a year...)."""
    kind = field.type
    if isinstance(kind, Id):
        return yaml_line(field.name, stem)
    if isinstance(kind, Key):
        return yaml_line(field.name, vocabularies.keys(kind.vocabulary)[0])
    if isinstance(kind, Keys):
        return yaml_line(field.name, vocabularies.keys(kind.vocabulary)[:2])
    if isinstance(kind, Year):
        return f"{field.name}: 2015"
    if isinstance(kind, Text):
        return f"{field.name}: ..."
    return None  # sources: several lines (the scaffold and CONTRIBUTING.md show them)


def _simple(value: object) -> bool:
    """A value that fits on one front matter line, safe to show in a message: short text
    without control or invisible-only characters, a number, or a list of them."""
    if isinstance(value, list):
        return len(value) <= 20 and all(_simple(item) for item in value)
    if isinstance(value, bool) or not isinstance(value, (str, int)):
        return False
    text = str(value)
    return len(text) <= 200 and "\n" not in text and text_problem(text) is None


def _empty(value: object) -> bool:
    return value is None or value == [] or value == ""


def validate(values: dict, file: str, stem: str, schema: Schema) -> list[Problem]:
    """Every problem of one file's front matter, in field order.

    Args:
        values: the parsed front matter.
        file: the file as editors know it (`docs/ar/best-practices/x.md`).
        stem: the file's name without `.md`.
        schema: the declared fields and their vocabularies.
    Returns:
        The problems; empty when the front matter is valid.
    """
    vocabularies = schema.vocabularies
    known = "one of the fields " + ", ".join(schema.by_name)
    problems = []
    guessed = set()  # fields a misspelt name stands for: not reported missing as well
    for name in values:
        if name in schema.by_name:
            continue
        # A misspelt field: its nearest name, with the value it was given.
        guess = nearest(str(name), [n for n in schema.by_name if n not in values])
        write = yaml_line(guess, values[name]) if guess and _simple(values[name]) else None
        guessed.add(guess)
        problems.append(
            Problem(
                file,
                str(name),
                known,
                "an unknown field",
                write=write,
                guess=f"'{guess}'" if guess else None,
            )
        )
    for field in schema.fields:
        value = values.get(field.name)
        if _empty(value):
            if field.is_required(values) and field.name not in guessed:
                expected = expectation(field, vocabularies, stem)
                if isinstance(field.required, When):
                    expected += f" {field.required}"
                problems.append(
                    Problem(
                        file,
                        field.name,
                        expected,
                        "nothing (the field is empty or missing)",
                        example=_example(field, vocabularies, stem),
                    )
                )
            continue
        problems += [
            _problem(file, finding)
            for finding in field.type.check(field.name, value, vocabularies, stem)
        ]
    return problems


def compare_shared(
    values: dict[str, dict],
    files: dict[str, str],
    default: str,
    schema: Schema,
    skip: set[str] | None = None,
) -> list[Problem]:
    """Fields that must be equal in every language but are not.

    Args:
        values: {language: front matter} of one practice.
        files: {language: file} for messages.
        default: the language whose values are the reference (the source of truth).
        schema: the declared fields.
        skip: fields left out (already reported as wrong in some language).
    Returns:
        One problem per differing field, on the other language's file, with the line to write
        (the default language's).
    """
    problems = []
    reference = values[default]
    for language, other in values.items():
        if language == default:
            continue
        for field in schema.fields:
            if field.name in (skip or ()):
                continue
            if field.shared and other.get(field.name) != reference.get(field.name):
                value = reference.get(field.name)
                problems.append(
                    Problem(
                        files[language],
                        field.name,
                        f"{describe(reference.get(field.name))} as in {files[default]} "
                        "(this field is the same in every language)",
                        describe(other.get(field.name)),
                        write=None if _empty(value) else yaml_line(field.name, value),
                    )
                )
    return problems
