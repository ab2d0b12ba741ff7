"""What the builds of every language in one `mkdocs build` share: one `Run`, made anew when the
default language's build starts (`ctsite.build.SiteBuild.on_pre_build`).

The i18n plugin builds every language in turn in one process, and `mkdocs serve` rebuilds in
the same process: so a `Run` is made per `mkdocs build`, never kept across two, and what it
knows is computed from the build's inputs (the project's files and settings, the languages):

- facts, each a `cached_property`: computed once, on first use, by whichever feature asks first,
  so no feature depends on another having run before it. Each problem found while computing a
  fact is logged then, as one warning naming the file and line (counted by `--strict`): hence
  once per `mkdocs build`. A problem that makes a fact unusable stops the build (`PluginError`,
  one line per problem).
- checks of every page of every language (terminology, unknown UN symbols, translations): facts
  too, whose value is what they reported; the feature of their concern asks for them in its
  `on_pre_build`, so that they are reported in the features' order.
- what one feature hands to another across the languages' builds (`default_404`,
  `search_documents`) and the seconds spent per feature (`timing`): plain typed fields.

Not a `feature` module: no MkDocs object is read here, only `PluginError` raised.
"""

from __future__ import annotations

import logging
import os
from contextlib import contextmanager
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path

from mkdocs.exceptions import PluginError

from ctsite import sources as page_sources
from ctsite.catalogue import declaration, model
from ctsite.catalogue import schema as catalogue_schema
from ctsite.catalogue import vocabularies as vocabulary_files
from ctsite.content import guard, tree
from ctsite.context import Inputs
from ctsite.dates import history
from ctsite.glossary import check
from ctsite.glossary import data as glossary_data
from ctsite.languages import interface_text as ui_text
from ctsite.languages import pairs, status
from ctsite.languages.language import Language
from ctsite.records import register as registers
from ctsite.records import timeline as timelines
from ctsite.search import index
from ctsite.settings import SiteSettings
from ctsite.statements import data as statements_data


@contextmanager
def _stopping(*errors: type[Exception]):
    """A data file that cannot be used stops the build, its message as it is (no traceback)."""
    try:
        yield
    except errors as error:
        raise PluginError(str(error)) from None


def _warn(logger: str, messages) -> tuple[str, ...]:
    """Each message a warning of `logger` (MkDocs counts them under `--strict`)."""
    log = logging.getLogger(logger)
    messages = tuple(messages)
    for message in messages:
        log.warning(message)
    return messages


@dataclass
class Run(Inputs):
    """One `mkdocs build`: its inputs (the languages' codes, the default language and the docs
    folder's name as `Inputs` gives them), the facts every language's build shares, and what the
    features hand to one another."""

    project: Path  # the folder of mkdocs.yml
    docs_dir: Path
    settings: SiteSettings
    languages: tuple[Language, ...]  # the built languages, the plugin's order
    theme_dir: Path | None = None  # the theme's own folder (overrides/), if any

    # Handed from one feature to another.
    # The default language's 404 page, which the languages' feature puts back at the root
    # after each later language's build.
    default_404: str | None = None
    # Search results a feature gives besides the pages, per language (one per statement).
    search_documents: dict[str, list[index.Document]] = field(default_factory=dict)
    # Seconds spent in each feature's events, over every language (the benchmarks read it).
    timing: dict[str, float] = field(default_factory=dict)

    def shown(self, path: Path | str) -> str:
        """A file as messages name it: relative to the project (`data/ui.yml`)."""
        try:
            return Path(path).relative_to(self.project).as_posix()
        except ValueError:
            return Path(path).as_posix()

    # -- facts ------------------------------------------------------------------------------

    @cached_property
    def interface_text(self) -> dict[str, dict[str, str]]:
        """{language: {key: text}} of `data/ui.yml`."""
        path = Path(self.settings.interface_text)
        with _stopping(ui_text.InterfaceTextError):
            return ui_text.load(path, self.codes, shown_as=self.shown(path))

    @cached_property
    def pages(self) -> tuple[page_sources.Source, ...]:
        """Every Markdown source of every language, read once (`ctsite.sources`), after the
        links of the build's folders are checked: a link out of them stops the build."""
        folders = [self.docs_dir, self.project / "data"]
        if self.theme_dir:
            folders.append(Path(self.theme_dir))
        problems = tree.link_problems(self.project, folders)
        if problems:
            raise PluginError("\n".join(problems))
        return page_sources.read_all(self.docs_dir, self.codes)

    @cached_property
    def page_names(self) -> dict[str, set[str]]:
        """{language: {page}}: the pages of each language's folder (`index.md`, `unit/x.md`)."""
        return page_sources.names(((s.language, s.page) for s in self.pages), self.codes)

    @cached_property
    def schema(self) -> catalogue_schema.Schema:
        """The catalogue's declared fields with their vocabularies
        (`extra.site.catalogue.fields`: data/catalogue-fields.yml)."""
        with _stopping(declaration.DeclarationError):
            return declaration.load(Path(self.settings.catalogue.fields), self.codes, self.project)

    @property
    def vocabularies(self) -> vocabulary_files.Vocabularies:
        """The catalogue's vocabularies, as its declaration names them."""
        return self.schema.vocabularies

    @cached_property
    def practices(self) -> model.Sources:
        """Every catalogue entry of every language, read and validated: each problem a
        warning naming the file and field."""
        found = model.read_sources(
            self.docs_dir,
            self.codes,
            self.default.code,
            self.schema,
            self.docs_prefix,
            self.settings.catalogue.section,
        )
        _warn("mkdocs.hooks.catalogue", (problem.message() for problem in found.problems))
        return found

    @cached_property
    def unusable_front_matter(self) -> frozenset[str]:
        """The pages (normalised absolute paths) other than the catalogue's entries whose front
        matter cannot be used, each a warning naming the file: MkDocs is given them without
        it."""
        templates = tree.page_templates(self.theme_dir)
        section = self.settings.catalogue.section
        unusable = set()
        messages = []
        for source in self.pages:
            parts = source.page.split("/")
            if len(parts) == 2 and parts[0] == section and parts[1] != "index.md":
                continue  # a catalogue entry: the catalogue reads and checks it
            problem = guard.front_matter_problem(source.data, templates)
            if problem:
                shown = f"{self.docs_prefix}/{source.language}/{source.page}"
                messages.append(f"{shown}: front matter: {problem}")
                unusable.add(os.path.normpath(source.path))
        _warn("mkdocs.hooks.content", messages)
        return frozenset(unusable)

    @cached_property
    def git_dates(self) -> dict:
        """{file relative to the project: date of its last commit}, newest first (empty
        without git history)."""
        return history.git_dates(self.project, self.docs_dir)

    @cached_property
    def register(self) -> registers.Register:
        """The UN documents register."""
        with _stopping(registers.RegisterError):
            return registers.load(Path(self.settings.records.register), self.codes)

    @cached_property
    def timeline(self) -> tuple[timelines.Entry, ...]:
        """The chairmanship timeline (none without its file)."""
        if not self.settings.records.timeline:
            return ()
        path = Path(self.settings.records.timeline)
        with _stopping(timelines.TimelineError):
            return timelines.load(path, self.codes, self.register)

    @cached_property
    def _statements(self) -> tuple[dict[str, dict], tuple[statements_data.Statement, ...]]:
        """(venues, statements), checked; no statements (each problem a warning) when either
        file cannot be used."""
        settings = self.settings.statements
        if not settings.file:
            return {}, ()
        path = Path(settings.file)
        venues: dict[str, dict] = {}
        try:
            venues = vocabulary_files.load(
                {"venues": Path(settings.venues)}, self.codes, self.project
            ).entries["venues"]
            found = statements_data.load(
                path,
                self.shown(path),
                self.codes,
                venues,
                self.vocabularies.entries["pillars"],
                self.register,
            )
        except (vocabulary_files.VocabularyError, statements_data.StatementsError) as error:
            _warn("mkdocs.hooks.statements", str(error).splitlines())
            return venues, ()
        return venues, found

    @property
    def venues(self) -> dict[str, dict]:
        """The statements' venues vocabulary, {key: labels} (empty without statements)."""
        return self._statements[0]

    @property
    def statements(self) -> tuple[statements_data.Statement, ...]:
        """The checked statements of every language, newest first."""
        return self._statements[1]

    @cached_property
    def glossary(self) -> glossary_data.Glossary:
        """The glossary's terms and abbreviations."""
        path = Path(self.settings.glossary)
        with _stopping(glossary_data.GlossaryError):
            return glossary_data.load(path, self.codes, self.shown(path))

    @cached_property
    def missing_translations(self) -> tuple[pairs.MissingTranslation, ...]:
        """Every page present in one language's folder and missing from another's."""
        return tuple(pairs.find_missing(self.page_names, self.docs_prefix))

    # -- checks of every page of every language -----------------------------------------------

    @cached_property
    def translation_problems(self) -> tuple[str, ...]:
        """Each missing, stale or unrecorded translation, with the registry line to write."""
        registry_file = self.project / self.settings.translations
        shown_registry = self.settings.translations
        try:
            registry = status.read_registry(registry_file)
        except status.RegistryError as error:
            raise PluginError(f"{shown_registry}: {error}") from None
        messages = [
            self._missing_message(item, registry, shown_registry)
            for item in self.missing_translations
        ]
        targets = [code for code in self.codes if code != self.default.code]
        for pair in status.statuses(
            self.docs_dir, registry, self.default.code, targets, self.page_names
        ):
            if pair.state in ("stale", "unrecorded"):
                messages.append(pair.message(self.docs_prefix, shown_registry))
        return _warn("mkdocs.hooks.languages", messages)

    def _missing_message(self, item, registry, shown_registry: str) -> str:
        """A missing file's message; for a missing translation, also the registry line that
        records it once written (so that a new page needs no second build to learn it)."""
        default = self.default.code
        language, _, page = item.missing.removeprefix(self.docs_prefix + "/").partition("/")
        source = self.docs_dir / default / page
        if language == default or not source.is_file():
            return item.message()
        current = status.version(source.read_text(encoding="utf-8"))
        recorded = registry.get(language, {}).get(page)
        fix = status.record_instruction(page, language, recorded, current, shown_registry)
        return f"{item.message()} Once it says what {item.present_in[0]} says, record it: {fix}"

    @cached_property
    def unknown_references(self) -> tuple[str, ...]:
        """Each `[[SYMBOL]]` of every page that the register does not know, with its line and
        the nearest known symbols."""
        messages = []
        for source in self.pages:
            for reference in registers.references(source.text):
                if reference.symbol not in self.register.documents:
                    shown = f"{self.docs_prefix}/{source.language}/{source.page}"
                    messages.append(
                        registers.unknown_reference_message(shown, reference, self.register)
                    )
        return _warn("mkdocs.hooks.records", messages)

    @cached_property
    def terminology(self) -> tuple[str, ...]:
        """Each form to avoid, and each term of a default-language page missing from its
        translation, in every page (`ctsite.glossary.check`)."""
        languages = [self.default.code] + [c for c in self.codes if c != self.default.code]
        findings = check.check_site(
            self.docs_dir, languages, self.glossary, self.docs_prefix, self.pages
        )
        return _warn("mkdocs.hooks.glossary", (finding.message() for finding in findings))
