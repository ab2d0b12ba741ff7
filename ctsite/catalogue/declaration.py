"""The catalogue's fields, declared once: `data/catalogue-fields.yml` (`extra.site.catalogue.fields`
in mkdocs.yml), read, checked and made into the `Schema` the build, the scaffold and the tests
use.

Plain logic, no MkDocs import. The file is read by the one reader of data files
(`ctsite.datafile`); every problem of it is reported at once, each naming the file, the line, the
field and its key, what was expected and what was found. The file's header says what each key
means; the types' checks stay in `ctsite.catalogue.schema`.
"""

from __future__ import annotations

import re
from pathlib import Path

from ctsite import datafile
from ctsite.catalogue import schema, vocabularies
from ctsite.datafile import where
from ctsite.text import printable

# A field's name: a front matter key, a column of the exports.
NAME = re.compile(r"^[a-z][a-z0-9]*(?:_[a-z0-9]+)*$")
# A filter's name in the catalogue's address (`?open-to=african-states`) and its cards' data-*
# attributes.
PARAMETER = re.compile(r"^[a-z][a-z0-9]*(?:-[a-z0-9]+)*$")
TYPES = {
    kind.name: kind
    for kind in (schema.Id, schema.Text, schema.Key, schema.Keys, schema.Year, schema.Sources)
}
KEYS = (
    "type",
    "max_length",
    "vocabulary",
    "required",
    "shared",
    "help",
    "label",
    "fact_box",
    "card",
    "filter",
    "export_label",
)
# What `fact_box:` may say besides true and false, and what it shows.
FACT_BOX = {
    "link": "the key's label, linked to the catalogue filtered by it",
    "website": "the key's label and its official website",
}
# Where a card may show a field, and the types it shows there.
CARD = {"tag": ("key", "keys"), "fact": ("key", "keys", "year", "text")}
# Names a field may not take: the attributes of an entry in the model (`model.Practice`, whose
# attributes are the fields' values) and the exports' own columns.
RESERVED = frozenset(
    {"language", "values", "path", "url", "translations", "translation_url", "keys", "is_offering"}
)
# A parameter every page's address may carry already (`?q=`: a search).
TAKEN_PARAMETERS = frozenset({"q"})
# The fields the build itself relies on: their type, always required, and why.
RELIED_ON = {
    "id": ("id", "the entry's file name and address"),
    "title": ("text", "the cards' and pages' titles"),
    "summary": ("text", "the cards, the search and the share cards"),
    "pillar": ("key", "the catalogue is grouped by it"),
    "institution": ("key", "the structured data names it as the provider"),
    "kind": ("key", "an offering gets the request box"),
    "sources": ("sources", "the structured data cites them"),
}
MAX_LABEL = vocabularies.MAX_LABEL
MAX_HELP = 500


class DeclarationError(ValueError):
    """The declaration cannot be used; the message lists every problem."""


class _Reader:
    """Reads the declaration's values, collecting every problem with its line."""

    def __init__(self, shown: str, lines: dict, languages: list[str], project: Path):
        self.shown = shown
        self.lines = lines
        self.languages = languages
        self.project = project
        self.problems: list[str] = []
        self.declared: list[str] = []  # the vocabularies' names, their files found or not

    def problem(self, path: tuple, what: str, expected: str, found: str) -> None:
        self.problems.append(
            f"{where(self.shown, self.lines, *path)}: {what}: expected {expected}, found {found}"
        )

    def texts(self, path: tuple, what: str, value: object, longest: int) -> dict[str, str]:
        """A text per built language (`{ar: ..., en: ...}`), read by the one reader of such
        texts."""
        texts, problems = datafile.texts_per_language(
            value, self.languages, self.shown, self.lines, path, what, limit=longest
        )
        self.problems += map(str, problems)
        return texts

    def vocabularies(self, value: object) -> dict[str, Path]:
        """{name: file} of the `vocabularies:` block."""
        if not isinstance(value, dict) or not value:
            expected = "the vocabularies, each a name and its file (pillars: data/pillars.yml)"
            self.problem(("vocabularies",), "vocabularies", expected, schema.describe(value))
            return {}
        files = {}
        self.declared = [str(name) for name in value]
        for name, file in value.items():
            at = ("vocabularies", name)
            what = f"vocabulary '{printable(str(name))}'"
            if not isinstance(name, str) or not NAME.match(name):
                expected = "a name of lower-case letters, digits and _"
                self.problem(at, what, expected, schema.describe(name))
            elif not isinstance(file, str) or not self._inside(file):
                expected = "the file of its keys in the project, such as data/pillars.yml"
                found = schema.describe(file) + (" (no such file)" if isinstance(file, str) else "")
                self.problem(at, what, expected, found)
            else:
                files[name] = self.project / file
        return files

    def _inside(self, file: str) -> bool:
        """A file of the project (not one a path leads out of it to)."""
        path = (self.project / file).resolve()
        return path.is_file() and path.is_relative_to(self.project.resolve())

    def field(self, name: object, spec: object) -> schema.Field | None:
        """One field, or None when it cannot be used (its problems recorded)."""
        at = ("fields", name)
        what = f"field '{printable(str(name))}'"
        if not isinstance(name, str) or not NAME.match(name):
            expected = "a name of lower-case letters, digits and _ (a front matter key)"
            self.problem(at, "fields", expected, schema.describe(name))
            return None
        if name in RESERVED:
            expected = "a name other than " + ", ".join(sorted(RESERVED))
            self.problem(at, what, expected + " (the entry's own)", f"'{name}'")
            return None
        if not isinstance(spec, dict):
            self.problem(at, what, "its keys (type:, help:...)", schema.describe(spec))
            return None
        count = len(self.problems)
        for key in spec:
            if key not in KEYS:
                guess = schema.nearest(str(key), list(KEYS))
                found = f"'{printable(str(key))}'" + (
                    f" (did you mean '{guess}'?)" if guess else ""
                )
                self.problem((*at, key), what, "only the keys " + ", ".join(KEYS), found)
        kind = spec.get("type")
        if not isinstance(kind, str) or kind not in TYPES:
            found = schema.describe(kind) if kind is not None else "none"
            self.problem((*at, "type"), what, "a type: " + ", ".join(TYPES), found)
            return None
        field_type = self._type(at, what, kind, spec)
        required = self._required(at, what, spec.get("required", False))
        flags = {}
        for key in ("shared", "export_label"):
            flags[key] = spec.get(key, False)
            if not isinstance(flags[key], bool):
                self.problem(
                    (*at, key), f"{what}: {key}", "true or false", schema.describe(flags[key])
                )
        if flags["export_label"] and kind != "key":
            self.problem(
                (*at, "export_label"), what, "export_label only on a key field", f"a {kind} field"
            )
        help_texts = self.texts((*at, "help"), f"{what}: help", spec.get("help"), MAX_HELP)
        fact_box, card = self._shown(at, what, kind, spec)
        label = {}
        if "label" in spec or fact_box or card == "fact":
            label = self.texts((*at, "label"), f"{what}: label", spec.get("label"), MAX_LABEL)
        found_filter = self._filter(at, what, kind, spec.get("filter"))
        if len(self.problems) > count:
            return None
        return schema.Field(
            name=name,
            type=field_type,
            help=help_texts,
            required=required,
            shared=flags["shared"],
            label=label,
            fact_box=fact_box,
            card=card,
            filter=found_filter,
            export_label=flags["export_label"],
        )

    def _type(self, at, what, kind, spec) -> schema.FieldType:
        vocabulary = spec.get("vocabulary")
        if kind in ("key", "keys"):
            if vocabulary not in self.declared:
                expected = "a vocabulary: one of " + ", ".join(self.declared)
                expected += " (under vocabularies:)"
                found = schema.describe(vocabulary) if vocabulary is not None else "none"
                self.problem((*at, "vocabulary"), what, expected, found)
            return TYPES[kind](vocabulary)
        if vocabulary is not None:
            self.problem(
                (*at, "vocabulary"),
                what,
                "a vocabulary only on a key or keys field",
                f"a {kind} field",
            )
        longest = spec.get("max_length")
        if kind == "text":
            if longest is not None and (
                isinstance(longest, bool) or not isinstance(longest, int) or longest < 1
            ):
                expected = "a number of characters, such as 150"
                self.problem(
                    (*at, "max_length"), f"{what}: max_length", expected, schema.describe(longest)
                )
            return schema.Text(max_length=longest)
        if longest is not None:
            self.problem(
                (*at, "max_length"), what, "max_length only on a text field", f"a {kind} field"
            )
        return TYPES[kind]()

    def _shown(self, at, what, kind, spec) -> tuple[bool | str, str | None]:
        """Where the field is shown: `fact_box` and `card`."""
        fact_box = spec.get("fact_box", False)
        if not isinstance(fact_box, bool) and (
            not isinstance(fact_box, str) or fact_box not in FACT_BOX
        ):
            expected = "true, false, " + ", ".join(FACT_BOX)
            self.problem(
                (*at, "fact_box"), f"{what}: fact_box", expected, schema.describe(fact_box)
            )
        elif fact_box in FACT_BOX and kind != "key":
            expected = f"fact_box: {fact_box} only on a key field ({FACT_BOX[fact_box]})"
            self.problem((*at, "fact_box"), what, expected, f"a {kind} field")
        elif fact_box == "link" and "filter" not in spec:
            expected = "a filter: (fact_box: link links to the catalogue filtered by it)"
            self.problem((*at, "fact_box"), what, expected, "none")
        card = spec.get("card")
        if card is not None and (not isinstance(card, str) or card not in CARD):
            self.problem((*at, "card"), f"{what}: card", " or ".join(CARD), schema.describe(card))
        elif card is not None and kind not in CARD[card]:
            expected = f"card: {card} only on a field of type " + " or ".join(CARD[card])
            self.problem((*at, "card"), what, expected, f"a {kind} field")
        return fact_box, card

    def _required(self, at, what, value) -> bool | schema.When:
        if isinstance(value, bool):
            return value
        if isinstance(value, dict) and set(value) == {"when", "is"}:
            if isinstance(value["when"], str) and isinstance(value["is"], str):
                return schema.When(value["when"], value["is"])
        expected = "true, false or {when: <a key field>, is: <one of its keys>}"
        self.problem((*at, "required"), f"{what}: required", expected, schema.describe(value))
        return False

    def _filter(self, at, what, kind, value) -> schema.Filter | None:
        if value is None:
            return None
        path = (*at, "filter")
        if kind not in ("key", "keys"):
            self.problem(path, what, "a filter only on a key or keys field", f"a {kind} field")
            return None
        if not isinstance(value, dict) or set(value) != {"parameter", "label"}:
            expected = "parameter: and label: (a text per language)"
            self.problem(path, f"{what}: filter", expected, schema.describe(value))
            return None
        parameter = value["parameter"]
        if not isinstance(parameter, str) or not PARAMETER.match(parameter):
            expected = "a name of lower-case letters, digits and hyphens, such as open-to"
            self.problem(
                (*path, "parameter"), f"{what}: filter", expected, schema.describe(parameter)
            )
            return None
        if parameter in TAKEN_PARAMETERS:
            expected = "a parameter other than " + ", ".join(sorted(TAKEN_PARAMETERS))
            self.problem(
                (*path, "parameter"),
                f"{what}: filter",
                expected + " (the search's)",
                f"'{parameter}'",
            )
            return None
        label = self.texts((*path, "label"), f"{what}: filter: label", value["label"], MAX_LABEL)
        return schema.Filter(parameter, label)

    def relations(self, fields: tuple[schema.Field, ...]) -> None:
        """What fields say of one another: conditions on key fields, filters named once, and
        the fields the build relies on."""
        by_name = {field.name: field for field in fields}
        parameters: dict[str, str] = {}
        for field in fields:
            at = ("fields", field.name)
            what = f"field '{field.name}'"
            condition = field.required
            if isinstance(condition, schema.When):
                other = by_name.get(condition.field)
                if other is None or not isinstance(other.type, schema.Key):
                    keyed = [f.name for f in fields if isinstance(f.type, schema.Key)]
                    expected = "required: when: a key field, one of " + ", ".join(keyed)
                    self.problem((*at, "required", "when"), what, expected, f"'{condition.field}'")
            if field.filter:
                parameter = field.filter.parameter
                if parameter in parameters:
                    expected = "a filter parameter of its own"
                    found = f"'{parameter}', the filter of '{parameters[parameter]}'"
                    self.problem((*at, "filter", "parameter"), what, expected, found)
                parameters[parameter] = field.name
        for name, (kind, why) in RELIED_ON.items():
            field = by_name.get(name)
            if field is not None and type(field.type) is TYPES[kind] and field.always:
                continue
            found = (
                "none"
                if field is None
                else f"type: {field.type.name}" + ("" if field.always else ", not always required")
            )
            self.problem(
                ("fields", name) if field else ("fields",),
                f"field '{name}'",
                f"type: {kind} and required: true ({why})",
                found,
            )


def read(
    path: Path, languages: list[str], project: Path, shown: str | None = None
) -> tuple[tuple[schema.Field, ...], dict[str, Path]]:
    """The declared fields, in order, and the vocabularies' files.

    Args:
        path: the declaration (`data/catalogue-fields.yml`).
        languages: the built language codes (every label and help in each).
        project: the project's folder: the vocabularies' files are relative to it.
        shown: how the file is named in messages (its path in the project by default).
    Raises:
        DeclarationError: naming every problem, each with its line.
    """
    fields, files, _ = _read(path, languages, project, shown)
    return fields, files


def _read(path, languages, project, shown):
    path, project = Path(path), Path(project)
    if shown is None:
        try:
            shown = path.relative_to(project).as_posix()
        except ValueError:
            shown = path.as_posix()
    lines: dict = {}
    data = datafile.read(path, shown, DeclarationError, lines)
    reader = _Reader(shown, lines, languages, project)
    if not isinstance(data, dict) or set(data) != {"vocabularies", "fields"}:
        found = sorted(map(str, data)) if isinstance(data, dict) else schema.describe(data)
        raise DeclarationError(
            f"{shown}: expected two parts, vocabularies: and fields:, found {found}"
        )
    files = reader.vocabularies(data["vocabularies"])
    declared = data["fields"]
    if not isinstance(declared, dict) or not declared:
        reader.problem(
            ("fields",), "fields", "the fields, each a name and its keys", schema.describe(declared)
        )
        raise DeclarationError("\n".join(reader.problems))
    fields = tuple(
        field for name, spec in declared.items() if (field := reader.field(name, spec)) is not None
    )
    if not reader.problems:
        reader.relations(fields)
    if reader.problems:
        raise DeclarationError("\n".join(reader.problems))
    return fields, files, reader


def load(
    path: Path, languages: list[str], project: Path, shown: str | None = None
) -> schema.Schema:
    """The schema: the declared fields, with their vocabularies read and checked.

    Raises:
        DeclarationError: naming every problem of the declaration or of a vocabulary, each with
        its file and line.
    """
    fields, files, reader = _read(path, languages, project, shown)
    try:
        loaded = vocabularies.load(files, languages, project)
    except vocabularies.VocabularyError as error:
        raise DeclarationError(str(error)) from None
    by_name = {field.name: field for field in fields}
    for field in fields:
        condition = field.required
        if isinstance(condition, schema.When):
            vocabulary = by_name[condition.field].vocabulary
            keys = loaded.keys(vocabulary)
            if condition.value not in keys:
                reader.problem(
                    ("fields", field.name, "required", "is"),
                    f"field '{field.name}'",
                    f"required: is: a key of {vocabulary}, one of " + ", ".join(keys),
                    f"'{printable(condition.value)}'",
                )
    if reader.problems:
        raise DeclarationError("\n".join(reader.problems))
    return schema.Schema(fields, loaded)
