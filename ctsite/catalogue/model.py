"""The catalogue of Egyptian practices and capacity-building offers, per language.

Plain logic, no MkDocs import. Reads `docs/<language>/best-practices/<id>.md` front matter,
validates it against the declared fields (`ctsite.catalogue.schema`, declared in
`data/catalogue-fields.yml`), and builds what the templates and exports need: practices holding
every declared field's value with labels in the page's language, grouped by pillar, with a
facet (its options and counts) for each field declared as a filter.
"""

from __future__ import annotations

import dataclasses
import os
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path
from urllib.parse import urljoin

from ctsite.catalogue import frontmatter
from ctsite.catalogue.schema import Field, Problem, Schema, compare_shared, validate
from ctsite.catalogue.vocabularies import Term

# The catalogue's folder in each language, unless `extra.site.catalogue.section` says otherwise.
SECTION = "best-practices"


@dataclass(frozen=True)
class Practice:
    """One entry in one language, with labels in that language.

    `values` holds every declared field's value, by name (`FieldType.value` makes it): a `Term`
    (a key with its label), a tuple of them (a list of keys), a tuple of `Source`, text or a
    year; None, or an empty tuple, for an empty field. Each is also an attribute
    (`practice.pillar`), which is why a field may not be named like this class's own attributes
    (`ctsite.catalogue.declaration.RESERVED`).
    """

    id: str
    language: str
    values: dict[str, object]
    path: str  # site-relative URL: "best-practices/x/", "en/best-practices/x/"
    url: str  # absolute
    translations: dict[str, str] = field(default_factory=dict)  # language -> absolute URL

    def __getattr__(self, name: str):
        """A field's value (only names that are not attributes of the class come here)."""
        values = self.__dict__.get("values") or {}
        if name in values:
            return values[name]
        raise AttributeError(f"{type(self).__name__} has no field '{name}'")

    @property
    def is_offering(self) -> bool:
        return self.values["kind"].key == "offering"

    def keys(self, name: str) -> tuple[str, ...]:
        """The practice's keys in a key or keys field (one pillar, several audiences)."""
        value = self.values.get(name)
        if isinstance(value, Term):
            return (value.key,)
        return tuple(term.key for term in value or ())


@dataclass(frozen=True)
class Group:
    pillar: Term
    practices: tuple[Practice, ...]


@dataclass(frozen=True)
class Facet:
    """A filter: its URL parameter, its field, its label in the catalogue's language, and the
    terms it offers, with how many entries have each."""

    name: str
    field: str
    label: str
    options: tuple[tuple[Term, int], ...]


@dataclass(frozen=True)
class Catalogue:
    language: str
    practices: tuple[Practice, ...]
    groups: tuple[Group, ...]
    facets: tuple[Facet, ...]
    fields: tuple[Field, ...] = ()  # the declared fields, in order

    @cached_property
    def by_id(self) -> dict[str, Practice]:
        """The practices by id."""
        return {p.id: p for p in self.practices}


@dataclass(frozen=True)
class Sources:
    """The valid front matter of every practice, {id: {language: values}}, all problems, and
    every practice file as read, {absolute path: FrontMatter}, so that nothing parses it twice."""

    values: dict[str, dict[str, dict]]
    problems: list[Problem]
    files: dict[str, frontmatter.FrontMatter] = field(default_factory=dict)


def practice_files(docs_dir: Path, language: str, section: str = SECTION) -> dict[str, Path]:
    """{id: file} of one language's practice pages (every .md of the section but index.md)."""
    folder = docs_dir / language / section
    if not folder.is_dir():
        return {}
    return {path.stem: path for path in sorted(folder.glob("*.md")) if path.name != "index.md"}


def read_sources(
    docs_dir: Path,
    languages: list[str],
    default: str,
    schema: Schema,
    prefix: str = "docs",
    section: str = SECTION,
) -> Sources:
    """Read and validate every practice in every language.

    A practice is kept only when its files in every language are valid and agree on the shared
    fields; a missing language file is reported by the translation check (ctsite.languages.pairs).
    """
    problems: list[Problem] = []
    valid: dict[str, dict[str, dict]] = {}
    read_files: dict[str, frontmatter.FrontMatter] = {}
    files = {language: practice_files(docs_dir, language, section) for language in languages}
    ids = sorted(set().union(*(set(by_id) for by_id in files.values())))
    for practice_id in ids:
        values: dict[str, dict] = {}
        shown: dict[str, str] = {}
        faulty: set[str] = set()  # the fields with a problem in some language
        texts: dict[str, str] = {}  # file as shown -> its text
        ok = True
        for language in languages:
            path = files[language].get(practice_id)
            if path is None:
                ok = False
                continue
            shown[language] = f"{prefix}/{language}/{section}/{path.name}"
            text, undecodable = frontmatter.decode(path.read_bytes())
            if undecodable:
                problems.append(Problem(shown[language], None, *_split(undecodable)))
                ok = False
                continue
            parsed = frontmatter.read(text)
            texts[shown[language]] = text
            read_files[os.path.normpath(path)] = parsed
            if parsed.values is None:
                problems.append(Problem(shown[language], None, *_split(parsed.error)))
                ok = False
                continue
            found = validate(parsed.values, shown[language], path.stem, schema)
            problems += [_located(problem, text) for problem in found]
            ok = ok and not found
            values[language] = parsed.values
            # The fields at fault, and the field a misspelt name stands for (its line to write).
            faulty |= {p.field.split("[")[0].split(".")[0] for p in found if p.field}
            faulty |= {p.write.split(":")[0] for p in found if p.write}
        # The shared fields are compared whenever both files could be read, leaving out a field
        # already reported (so each problem is reported once, in the same build).
        if default in values and len(values) > 1:
            mismatches = compare_shared(values, shown, default, schema, skip=faulty)
            problems += [_located(problem, texts[problem.file]) for problem in mismatches]
            ok = ok and not mismatches
        if ok:
            valid[practice_id] = values
    return Sources(valid, problems, read_files)


def _located(problem: Problem, text: str) -> Problem:
    """The problem with the line of its field, where it has a line to write (an empty field's
    line, to be written in full; none for a missing field, to be added)."""
    if not ((problem.write or problem.example) and problem.field):
        return problem
    line = frontmatter.field_line(text, problem.field.split("[")[0].split(".")[0])
    return dataclasses.replace(problem, line=line)


def _split(error: str) -> tuple[str, str]:
    """("expected ...", "found ...") parts of a front matter error."""
    expected, _, found = error.partition(", found ")
    return expected.removeprefix("expected "), found


def build(
    sources: Sources,
    language: str,
    homes: dict[str, str],
    site_url: str,
    schema: Schema,
    section: str = SECTION,
) -> Catalogue:
    """The catalogue in one language.

    Args:
        sources: the validated front matter of every practice.
        language: the catalogue's language.
        homes: {language: site-relative home}, e.g. {"ar": "", "en": "en/"}.
        site_url: the site's absolute URL.
        schema: the declared fields, and the vocabularies for labels.
    """
    vocabularies = schema.vocabularies
    base = site_url if site_url.endswith("/") else site_url + "/"
    practices = []
    for practice_id, by_language in sources.values.items():
        values = by_language[language]
        paths = {lang: f"{home}{section}/{practice_id}/" for lang, home in homes.items()}
        practices.append(
            Practice(
                id=practice_id,
                language=language,
                values={
                    field.name: field.type.value(values.get(field.name), vocabularies, language)
                    for field in schema.fields
                },
                path=paths[language],
                url=urljoin(base, paths[language]),
                translations={
                    lang: urljoin(base, path) for lang, path in paths.items() if lang != language
                },
            )
        )
    pillars = schema.by_name["pillar"].vocabulary
    pillar_order = {key: index for index, key in enumerate(vocabularies.keys(pillars))}
    practices.sort(key=lambda p: (pillar_order[p.pillar.key], p.title.casefold(), p.id))
    groups = tuple(
        Group(
            vocabularies.term(pillars, key, language),
            tuple(p for p in practices if p.pillar.key == key),
        )
        for key in vocabularies.keys(pillars)
        if any(p.pillar.key == key for p in practices)
    )
    facets = tuple(
        Facet(
            field.filter.parameter,
            field.name,
            field.filter.label[language],
            tuple(
                (vocabularies.term(field.vocabulary, key, language), count)
                for key in vocabularies.keys(field.vocabulary)
                if (count := sum(key in p.keys(field.name) for p in practices))
            ),
        )
        for field in schema.fields
        if field.filter
    )
    return Catalogue(language, tuple(practices), groups, facets, schema.fields)


def json_ld(practice: Practice) -> dict:
    """A schema.org description of a practice page: an offer is a `Service`, described by its
    page (`mainEntityOfPage`, a `WebPage` in the page's language citing the sources); any other
    practice an `Article`. Every property is one schema.org gives the type (a test checks).
    The lists of an offer (formats, audiences, who may ask) are empty where not declared."""

    def labels(name: str) -> list[str]:
        return [term.label for term in practice.values.get(name) or ()]

    provider = {"@type": "GovernmentOrganization", "name": practice.institution.label}
    if practice.institution.url:
        provider["url"] = practice.institution.url
    work = {
        "inLanguage": practice.language,
        "about": {"@type": "Thing", "name": practice.pillar.label},
        "citation": [source.url for source in practice.sources],
    }
    common = {
        "@context": "https://schema.org",
        "name": practice.title,
        "description": practice.summary,
        "url": practice.url,
    }
    if practice.is_offering:
        return {
            **common,
            "@type": "Service",
            "category": practice.pillar.label,  # schema.org: text, or a term
            "provider": provider,
            "serviceType": labels("formats"),
            "audience": [
                {"@type": "Audience", "audienceType": label} for label in labels("audiences")
            ],
            "areaServed": labels("open_to"),
            "mainEntityOfPage": {"@type": "WebPage", "@id": practice.url, **work},
        }
    return {
        **common,
        **work,
        "@type": "Article",
        "headline": practice.title,
        "publisher": provider,
    }
