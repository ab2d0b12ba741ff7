"""Interface text (footer, switcher, 404 page) from `data/ui.yml`, in every built language.

Plain logic, no MkDocs import. A key without a text in one of the built languages is an error
that names the file, the key and the language, so the interface is never half translated.
"""

from __future__ import annotations

from pathlib import Path

from ctsite.text import read_yaml


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
    data = read_yaml(path, shown_as, InterfaceTextError)
    if not isinstance(data, dict):
        raise InterfaceTextError(
            f"{shown_as}: expected a mapping of keys to texts, found {type(data).__name__}"
        )
    problems = []
    texts: dict[str, dict] = {language: {} for language in languages}
    for key, labels in data.items():
        if not isinstance(labels, dict):
            problems.append(
                f"{shown_as}: '{key}': expected a mapping of language to text, "
                f"found {type(labels).__name__}"
            )
            continue
        for language in languages:
            text = labels.get(language)
            if not isinstance(text, str) or not text.strip():
                problems.append(
                    f"{shown_as}: '{key}': expected a text for '{language}', found {text!r}"
                )
            else:
                texts[language][key] = text
    if problems:
        raise InterfaceTextError("\n".join(problems))
    return texts
