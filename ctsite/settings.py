"""The site's own settings: the `extra.site` block of `mkdocs.yml`, typed and validated once; and
the i18n plugin's languages as mkdocs.yml writes them (`i18n_languages`).

Declared with MkDocs' own config classes, as plugins declare their options, so that a wrong type
or an unknown key fails the build with the key's name. Paths are relative to `mkdocs.yml` and
must exist. `mkdocs.yml` comments each setting.
"""

from __future__ import annotations

from pathlib import Path

from mkdocs.config import config_options as c
from mkdocs.config.base import Config

from ctsite.addresses import address_problem


class SettingsError(ValueError):
    """The settings are wrong; the message names every key at fault, at once."""


class CatalogueSettings(Config):
    """`extra.site.catalogue`: the catalogue of practices."""

    # The folder of each language holding one page per practice and the catalogue page.
    section = c.Type(str, default="best-practices")
    # The fields of an entry's front matter, declared once (with the files of their vocabularies).
    fields = c.File(exists=True)


class RecordsSettings(Config):
    """`extra.site.records`: the UN documents the site cites and the chairmanship timeline."""

    register = c.File(exists=True)
    timeline = c.Optional(c.File(exists=True))


class StatementsSettings(Config):
    """`extra.site.statements`: Egypt's statements on counter-terrorism."""

    # One entry per statement, every language side by side; none: no statements page.
    file = c.Optional(c.File(exists=True))
    # Where statements were made: keys with a label in every language.
    venues = c.Optional(c.File(exists=True))
    # The statements page, relative to each language's folder (the feed and the JSON export are
    # written beside it).
    page = c.Type(str, default="statements.md")


class SiteSettings(Config):
    """`extra.site`."""

    # Interface text outside the pages (footer, switcher, 404 page), per language.
    interface_text = c.File(exists=True)
    # Which version of each default-language page every translation translates.
    translations = c.Type(str, default="data/translations.yml")
    # The Babel locale of each language's dates (a language not listed uses its own code).
    date_locales = c.DictOfItems(c.Type(str), default={})
    catalogue = c.SubConfig(CatalogueSettings)
    records = c.SubConfig(RecordsSettings)
    statements = c.SubConfig(StatementsSettings)
    # Terms and abbreviations in every language (glossary pages, <abbr>, terminology checks).
    glossary = c.File(exists=True)
    # Where "edit this page" links lead: the docs/ folder in a code host's web editor; empty for
    # no edit link.
    edit_base_url = c.Type(str, default="")
    # Where a visitor reaches the ministry (the footer of every page): a public https address
    # (`ctsite.addresses`, checked in `load`).
    contact_url = c.URL()
    # The font files each language's pages preload (site-relative): those the first screen of
    # every page of the language draws with, so that no text reflows when one arrives (layout
    # shift); `default` for a language not listed.
    preload_fonts = c.DictOfItems(c.ListOfItems(c.Type(str)))


def load(values: object, config_file_path: str) -> SiteSettings:
    """The validated settings.

    Args:
        values: the `extra.site` mapping of mkdocs.yml.
        config_file_path: mkdocs.yml, against which paths are resolved.
    Raises:
        SettingsError: naming each key that is unknown, missing or of the wrong type.
    """
    if not isinstance(values, dict):
        raise SettingsError(
            f"mkdocs.yml: extra.site: expected the site's settings, found {values!r}"
        )
    settings = SiteSettings(config_file_path=config_file_path)
    settings.load_dict(values)
    errors, warnings = settings.validate()
    problems = [f"mkdocs.yml: extra.site.{key}: {error}" for key, error in errors]
    problems += [f"mkdocs.yml: extra.site.{key}: {warning}" for key, warning in warnings]
    wrong = None if errors else address_problem(settings.contact_url)
    if wrong:
        problems.append(
            f"mkdocs.yml: extra.site.contact_url: expected a public https address, found {wrong}"
        )
    if problems:
        raise SettingsError("\n".join(problems))
    return settings


def i18n_languages(config: Path, text: str | None = None) -> list[dict]:
    """The i18n plugin's `languages` entries as mkdocs.yml writes them (name, locale, site_name,
    site_description...), read without validating the rest of the file as MkDocs does: for the
    share image and the tools, given a copy of the file alone. `text` is the file's text when
    already read."""
    from mkdocs.utils import yaml_load

    data = yaml_load(text if text is not None else config.read_text(encoding="utf-8")) or {}
    for plugin in data.get("plugins") or []:
        if isinstance(plugin, dict) and isinstance(plugin.get("i18n"), dict):
            languages = plugin["i18n"].get("languages") or []
            return [language for language in languages if isinstance(language, dict)]
    return []
