"""What the tools need to know of the project: its languages and settings, from mkdocs.yml.

Read with MkDocs' own loader (mkdocs.yml uses `!ENV` and Python tags that a plain YAML reader
refuses), so the tools see the languages and settings the build sees.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

from ctsite import settings as site_settings
from ctsite.languages.language import Language, built_languages
from ctsite.tools import PROJECT


@dataclass(frozen=True)
class Project:
    folder: Path
    languages: tuple[Language, ...]
    settings: site_settings.SiteSettings

    @property
    def default(self) -> Language:
        return next(language for language in self.languages if language.default)

    @property
    def translations(self) -> list[str]:
        """The codes of the languages other than the default."""
        return [language.code for language in self.languages if not language.default]

    @property
    def docs(self) -> Path:
        return self.folder / "docs"


def load(folder: Path = PROJECT) -> Project:
    """The project in `folder` (this one by default)."""
    from mkdocs.config import load_config

    os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")
    config = load_config(str(folder / "mkdocs.yml"))
    languages = built_languages(config.plugins["i18n"].config.languages)
    settings = site_settings.load(config.extra.get("site"), config.config_file_path)
    return Project(folder, languages, settings)
