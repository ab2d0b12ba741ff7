"""Interface text (footer, switcher, 404 page) from `data/ui.yml`, in every built language.

Plain logic, no MkDocs import. A key without a text in one of the built languages is an error
that names the file, the key and the language, so the interface is never half translated.
"""

from __future__ import annotations

import re
from pathlib import Path

from ctsite.datafile import read, texts_per_language, where

# A key as templates read it (`ui.not_found_title`).
KEY = re.compile(r"^[a-z][a-z0-9_-]*$")
# The longest interface text (a sentence of the 404 page).
MAX_TEXT = 500


class InterfaceTextError(ValueError):
    """`data/ui.yml` cannot be used; the message lists every problem."""


def load(path: Path, languages: list[str], shown_as: str = "data/ui.yml") -> dict[str, dict]:
    """Read the interface text and check that every key has every language.

    Args:
        path: the YAML file, a mapping {key: {language: text}}.
        languages: the built language codes.
        shown_as: how the file is named in messages.
    Returns:
        {language: {key: text}}.
    Raises:
        InterfaceTextError: naming every key and language that is wrong.
    """
    lines: dict = {}
    data = read(path, shown_as, InterfaceTextError, lines)
    if not isinstance(data, dict):
        raise InterfaceTextError(
            f"{shown_as}: expected a mapping of keys to texts, found {type(data).__name__}"
        )
    problems = []
    texts: dict[str, dict] = {language: {} for language in languages}
    for key, labels in data.items():
        at = where(shown_as, lines, key)
        if not isinstance(key, str) or not KEY.match(key):
            problems.append(
                f"{at}: expected a key of lower-case letters, digits, _ and -, found {key!r}"
            )
            continue
        found, wrong = texts_per_language(
            labels, languages, shown_as, lines, (key,), f"'{key}'", limit=MAX_TEXT
        )
        problems += map(str, wrong)
        for language, text in found.items():
            texts[language][key] = text
    if problems:
        raise InterfaceTextError("\n".join(problems))
    return texts
