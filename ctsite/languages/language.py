"""A built language: its code, name, home and direction.

Plain logic, no MkDocs import. The direction comes from Babel's locale data, not from a table of
ours, so any language the i18n plugin is given works.
"""

from __future__ import annotations

from dataclasses import dataclass

from babel import Locale, UnknownLocaleError
from babel.lists import format_list
from markupsafe import Markup, escape


def direction(code: str) -> str:
    """`rtl` or `ltr` for a language code such as `ar` or `en-GB`, from Babel's locale data."""
    try:
        order = Locale.parse(code.replace("-", "_")).character_order
    except (ValueError, UnknownLocaleError):
        return "ltr"
    return "rtl" if order == "right-to-left" else "ltr"


@dataclass(frozen=True)
class Language:
    """A built language: its code, its name in itself, its home (`""`, `"en/"`), and whether it
    is the default (the source of truth, published at the site's root)."""

    code: str
    name: str
    home: str
    default: bool = False
    site_name: str = ""  # the site's name in this language, where the plugin sets one

    @property
    def direction(self) -> str:
        return direction(self.code)


def built_languages(i18n_languages) -> tuple[Language, ...]:
    """The languages the i18n plugin builds, in its order.

    Args:
        i18n_languages: the plugin's `languages` option (entries with `locale`, `name`, `link`,
            `default` and `build`).
    """
    return tuple(
        Language(
            code=lang.locale,
            name=lang.name,
            home=lang.link.lstrip("/"),
            default=lang.default,
            site_name=lang.site_name or "",
        )
        for lang in i18n_languages
        if lang.build
    )


def join_list(items, code: str) -> Markup:
    """Items joined as a list in a language («أ وب وج», "a, b and c"), from Babel's list patterns;
    each item is escaped unless it is already markup.

    Args:
        items: texts or Markup (links).
        code: the language's code.
    """
    escaped = [str(escape(item)) for item in items]
    if not escaped:
        return Markup("")
    try:
        joined = format_list(escaped, style="standard", locale=code.replace("-", "_"))
    except (ValueError, UnknownLocaleError):
        joined = ", ".join(escaped)
    return Markup(joined)
