"""The events MkDocs calls, handed to each concern's feature, with one context per build.

`hooks/site.py` holds one `SiteBuild` and registers its methods as the hook's events. Like a
MkDocs plugin keeping its state on itself (Material's blog plugin resets it in `on_config`), it
keeps
- `settings`: the `extra.site` block, validated once in `on_config`;
- `run` (`ctsite.run.Run`): what every language's build of one `mkdocs build` shares, made anew
  when the default language's build starts (the i18n plugin builds every language in turn in one
  process, and `mkdocs serve` rebuilds in the same process): the facts read from the build's
  inputs, each computed once, on first use (the pages, the vocabularies, the validated catalogue
  entries, the git dates, the register, the statements...), and what the features hand to one
  another (the default language's 404 page, the statements' search results);
- `context` and `features`: made anew at the start of each language's build.

Order and priorities. The i18n plugin runs its `on_config`, `on_files`, `on_nav` and
`on_post_build` at priority -100, and starts the next language's build from inside its
`on_post_build`; it sets each page's alternates in its `on_page_context` (50). So:
- `on_files` at -110: after the plugin has kept only this language's files, with their final
  addresses (a generated or counted file at priority 0 would see both languages' files);
- `on_page_context` and `on_template_context` at -50: after the plugin's (50);
- `on_post_build` at 0: before the plugin's (-100) starts the next language.
Within an event, features run in the order of `FEATURES`: the catalogue first.

Every problem in one build. Nothing an editor can get wrong in a page stops the build early: each
problem (front matter, a field that differs between the languages, a missing or stale
translation, an unknown UN symbol, terminology, a broken link or anchor) is one warning naming
its file and line, a page with unusable front matter is rendered from none of it, and under
`--strict` the last language's build ends with one count of every problem listed
(`ProblemCount`). MkDocs' own count cannot serve: the i18n plugin runs each further language's
build inside the first one's, and that inner build counts only its own warnings.
"""

from __future__ import annotations

import logging
import os
import time
from pathlib import Path

from jinja2 import FileSystemBytecodeCache
from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority

from ctsite import annotations, mkdocs_messages
from ctsite import settings as site_settings
from ctsite.catalogue.feature import CatalogueFeature
from ctsite.content.feature import ContentFeature
from ctsite.context import BuildContext, docs_prefix
from ctsite.dates.feature import DatesFeature
from ctsite.glossary.feature import GlossaryFeature
from ctsite.languages.feature import LanguagesFeature
from ctsite.languages.language import built_languages, join_list
from ctsite.records.feature import RecordsFeature
from ctsite.run import Run
from ctsite.search.feature import SearchFeature
from ctsite.share.feature import ShareFeature
from ctsite.statements.feature import StatementsFeature
from ctsite.theme import loader as theme_loader
from ctsite.theme.feature import ThemeFeature, TypographyFeature
from ctsite.theme.typography import kept_together

# The order is what one feature needs of another (the facts they share are the run's, computed
# when first asked for, whatever the order: `ctsite.run`):
# - catalogue and content before languages: a build stopped by a missing translation still
#   reports every front matter problem;
# - theme before languages: a finished page's Material markup is repaired before the languages'
#   feature isolates its Latin runs;
# - share after languages: its share cards read the page's alternates (`page_alternates`) that
#   the languages' feature puts in the template context;
# - typography last: its repairs of a page's content come after every other feature's.
FEATURES = {
    "catalogue": CatalogueFeature,
    "content": ContentFeature,
    "theme": ThemeFeature,
    "languages": LanguagesFeature,
    "records": RecordsFeature,
    # Gives the search one document per statement (`Run.search_documents`, made in
    # `on_pre_build`, read in `on_post_build`: any order works).
    "statements": StatementsFeature,
    "glossary": GlossaryFeature,
    "search": SearchFeature,
    "dates": DatesFeature,
    "share": ShareFeature,
    "typography": TypographyFeature,
}


# The theme's templates, compiled to Python bytecode once and kept between builds: Jinja
# compiles every template it loads, in every build of each language, which took about a quarter
# of a build's processor time (the ~50 templates of Material and ours, twice). Jinja's own cache,
# in a folder of the user's temporary directory (`_jinja2-cache-<uid>`): an entry is used only
# while its template's source is unchanged, so an edited template is compiled again. Where no
# private folder can be made there (a read-only temporary directory), templates are compiled at
# every build, as without the cache.
class SourceKeyedCache(FileSystemBytecodeCache):
    """Jinja's cache with an entry per template name and source, not per file: Jinja keys an
    entry by the template's path, so every copy of the project (a clone, each test's fixture
    site) wrote entries of its own, never read again (146 MB in the temporary directory after a
    day of test runs). Keyed by the source's checksum, copies share an entry and an edited
    template gets a new one."""

    def get_bucket(self, environment, name, filename, source):
        return super().get_bucket(environment, name, self.get_source_checksum(source), source)


def _template_cache() -> FileSystemBytecodeCache | None:
    try:
        return SourceKeyedCache()
    except (OSError, RuntimeError):
        return None


TEMPLATE_CACHE = _template_cache()


class ProblemCount(logging.Handler):
    """Counts the warnings and errors of MkDocs' loggers (ours included): one per problem."""

    def __init__(self) -> None:
        super().__init__(level=logging.WARNING)
        self.count = 0

    def emit(self, record: logging.LogRecord) -> None:
        self.count += 1


class SiteBuild:
    """The site's events. Each `on_*` method hands its event to every feature that has it."""

    def __init__(self) -> None:
        self.settings: site_settings.SiteSettings | None = None
        self.site_root: Path | None = None
        self.run: Run | None = None  # made when the default language's build starts
        self.context: BuildContext | None = None
        self.features: dict[str, object] = {}
        self.problems = ProblemCount()
        self.messages: mkdocs_messages.EditorMessages | None = None
        self.anchors: dict[str, set[str]] = {}  # every rendered page's anchors, by src_uri

    # -- the whole build -----------------------------------------------------------------------

    def on_config(self, config):
        """Validate `extra.site`; remember the site's root before the i18n plugin moves
        `site_dir` to each language's folder; the theme's files listed without its hidden
        folders (`ctsite.theme.loader`)."""
        try:
            self.settings = site_settings.load(
                (config.extra or {}).get("site"), config.config_file_path
            )
        except site_settings.SettingsError as error:
            raise PluginError(str(error)) from None
        self.site_root = Path(config.site_dir)
        theme_loader.install(config.theme)
        logger = logging.getLogger("mkdocs")
        if self.problems not in logger.handlers:
            logger.addHandler(self.problems)
        if self.messages is None:  # once: the i18n plugin calls on_config again per language
            project = Path(config.config_file_path).parent
            self.messages = mkdocs_messages.EditorMessages(
                Path(config.docs_dir),
                docs_prefix(Path(config.docs_dir), project),
                Path(config.config_file_path).name,
            )
            self.messages.anchors_of = self.anchors.get
            mkdocs_messages.install(self.messages)
        if os.environ.get("GITHUB_ACTIONS") == "true":
            project = Path(config.config_file_path).parent
            annotations.install(project, docs_prefix(Path(config.docs_dir), project))
        return config

    def on_pre_build(self, config) -> None:
        """A new context and new features for this language's build, then their checks."""
        i18n = config.plugins["i18n"]
        languages = built_languages(i18n.config.languages)
        current = next(lang for lang in languages if lang.code == i18n.current_language)
        project = Path(config.config_file_path).parent
        if current.default:
            self.problems.count = 0
            self.messages.reset()
            self.anchors.clear()
            self.run = Run(
                project=project,
                docs_dir=Path(config.docs_dir),
                settings=self.settings,
                languages=languages,
                theme_dir=Path(config.theme.custom_dir) if config.theme.custom_dir else None,
            )
        site_url = config.site_url or ""
        self.context = BuildContext(
            project=project,
            docs_dir=Path(config.docs_dir),
            site_dir=self.site_root,
            site_url=site_url if site_url.endswith("/") else site_url + "/",
            settings=self.settings,
            languages=languages,
            language=current,
            ui=self.run.interface_text[current.code],
            templates=self.on_env(config.theme.get_env(), config, None),
        )
        self.features = {name: make(self.context, self.run) for name, make in FEATURES.items()}
        self._each("on_pre_build", config)

    # -- events handed to the features ---------------------------------------------------------

    def _handlers(self, event: str):
        """(feature name, handler) of every feature that has the event, in order."""
        for name, feature in self.features.items():
            handler = getattr(feature, event, None)
            if handler is not None:
                yield name, handler

    def _timed(self, name: str, handler, *args):
        """Call a feature's handler, counting its time in `run.timing` (the benchmarks read
        it)."""
        start = time.perf_counter()
        try:
            return handler(*args)
        finally:
            self.run.timing[name] = self.run.timing.get(name, 0.0) + time.perf_counter() - start

    def _each(self, event: str, *args) -> None:
        for name, handler in self._handlers(event):
            self._timed(name, handler, *args)

    def _chain(self, event: str, value, *args):
        """Hand `value` through every feature's handler in turn (an event that returns it)."""
        for name, handler in self._handlers(event):
            result = self._timed(name, handler, value, *args)
            if result is not None:
                value = result
        return value

    @event_priority(-110)  # after the i18n plugin's on_files (-100): see the module's docstring
    def on_files(self, files, config):
        return self._chain("on_files", files, config)

    def on_env(self, env, config, files):
        """The theme's templates get the `language_list` and `kept_together` filters."""
        env.filters["language_list"] = join_list
        env.filters["kept_together"] = kept_together
        env.bytecode_cache = TEMPLATE_CACHE
        return env

    def on_page_read_source(self, page, config):
        """The first feature's own source of a page, if any (MkDocs reads the file otherwise)."""
        for name, handler in self._handlers("on_page_read_source"):
            source = self._timed(name, handler, page, config)
            if source is not None:
                return source
        return None

    def on_page_markdown(self, markdown, page, config, files):
        return self._chain("on_page_markdown", markdown, page, config, files)

    def on_page_content(self, html, page, config, files):
        # The page's anchors, for the nearest one when a link names one it lacks.
        self.anchors[page.file.src_uri] = set(page.present_anchor_ids or ())
        return self._chain("on_page_content", html, page, config, files)

    @event_priority(-50)  # after the i18n plugin's page context (50)
    def on_page_context(self, context, page, config, nav):
        return self._chain("on_page_context", context, page, config, nav)

    @event_priority(-50)  # after the i18n plugin's (50)
    def on_template_context(self, context, template_name, config):
        return self._chain("on_template_context", context, template_name, config)

    def on_post_page(self, output, page, config):
        return self._chain("on_post_page", output, page, config)

    def on_post_template(self, output, template_name, config):
        return self._chain("on_post_template", output, template_name, config)

    @event_priority(0)  # before the i18n plugin's on_post_build (-100) starts the next language
    def on_post_build(self, config) -> None:
        """The features' events; at the end of the last language's strict build, one count of
        every problem listed."""
        self._each("on_post_build", config)
        # The i18n plugin builds the default language, then the others in their order.
        others = [language for language in self.context.languages if not language.default]
        last = others[-1] if others else self.context.language
        if config.strict and self.context.language == last and self.problems.count:
            raise PluginError(
                f"{self.problems.count} problem(s) in this build, each listed above once with "
                "its file; the site is not published until every one is fixed (CONTRIBUTING.md "
                "says how to fix each, in the browser too)"
            )
