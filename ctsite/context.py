"""What one language's build knows: made once at the start of each language's build.

The i18n plugin builds every language in turn in one process (and `mkdocs serve` rebuilds in the
same process), so nothing of one build may leak into the next: each build gets a new
`BuildContext`, and each feature a new instance holding what one of its events computes for
another (see `ctsite.build`).
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from ctsite.languages.language import Language
from ctsite.settings import SiteSettings


def docs_prefix(docs_dir: Path, project: Path) -> str:
    """How the docs folder is named in messages to editors: relative to the project ("docs")."""
    try:
        return docs_dir.relative_to(project).as_posix()
    except ValueError:
        return docs_dir.as_posix()


class Inputs:
    """What a `mkdocs build` is made from, as the run (`ctsite.run.Run`) and each language's
    context name it: a base for both, which declare these fields."""

    project: Path  # the folder of mkdocs.yml
    docs_dir: Path
    languages: tuple[Language, ...]  # the built languages, in the i18n plugin's order

    @property
    def codes(self) -> list[str]:
        return [language.code for language in self.languages]

    @property
    def default(self) -> Language:
        return next(language for language in self.languages if language.default)

    @property
    def docs_prefix(self) -> str:
        """How the docs folder is named in messages to editors: `docs`."""
        return docs_prefix(self.docs_dir, self.project)


@dataclass(frozen=True)
class BuildContext(Inputs):
    """One language's build."""

    project: Path  # the folder of mkdocs.yml
    docs_dir: Path
    site_dir: Path  # the site's root (every language's home is below it)
    site_url: str  # absolute, ending with "/"
    settings: SiteSettings
    languages: tuple[Language, ...]
    language: Language  # the language being built
    ui: dict[str, str]  # the interface text in this language
    # The theme's templates, for HTML that goes into a page's Markdown (MkDocs makes its own
    # environment only after every page's Markdown is converted).
    templates: object = None

    @property
    def is_default_build(self) -> bool:
        return self.language.default

    @property
    def home_dir(self) -> Path:
        """This language's folder in the built site."""
        return self.site_dir / self.language.home

    def locale_of(self, code: str) -> str:
        """The Babel locale of a language (its dates, its share cards' `og:locale`)."""
        return self.settings.date_locales.get(code, code)

    @property
    def date_locale(self) -> str:
        """The Babel locale of this language's dates."""
        return self.locale_of(self.language.code)

    def render(self, template: str, **context) -> str:
        """HTML for a page's Markdown from a theme template, given the page's language and date
        locale: one raw HTML block (no blank line inside it, which would end the block)."""
        html = self.templates.get_template(template).render(
            language=self.language.code, locale=self.date_locale, **context
        )
        return "\n" + "\n".join(line for line in html.splitlines() if line.strip()) + "\n"

    def shown(self, src_uri: str) -> str:
        """A page's source as editors know it: `docs/en/unit/index.md`."""
        return f"{self.docs_prefix}/{src_uri}"

    def homes(self) -> dict[str, str]:
        """{code: site-relative home} of every language."""
        return {language.code: language.home for language in self.languages}
