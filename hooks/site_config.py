"""What the hooks read from the configuration, read one way for all of them.

Plain logic, no MkDocs import: the hooks pass in the plain values.
"""

from __future__ import annotations

from pathlib import Path

from page_languages import Language


def built_languages(i18n_languages) -> list[Language]:
    """The languages the i18n plugin builds, in its order, each with its site-relative home.

    Args:
        i18n_languages: the plugin's `languages` option (entries with `locale`, `name`, `link`,
            `default` and `build`).
    """
    return [
        Language(code=lang.locale, name=lang.name, home=lang.link.lstrip("/"), default=lang.default)
        for lang in i18n_languages
        if lang.build
    ]


def home_of(languages: list[Language], code: str) -> str:
    """A language's home, site-relative: "" for Arabic, "en/" for English."""
    return next(language.home for language in languages if language.code == code)


def docs_prefix(docs_dir: Path, project: Path) -> str:
    """How the docs folder is named in messages to editors: relative to the project ("docs")."""
    try:
        return docs_dir.relative_to(project).as_posix()
    except ValueError:
        return docs_dir.as_posix()
