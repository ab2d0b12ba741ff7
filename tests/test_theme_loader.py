"""The theme's files are listed without walking its hidden folders (ctsite.theme.loader): the
same static files as MkDocs' own walk, in every language's build."""

from __future__ import annotations

import logging
import os

import jinja2
import pytest
from mkdocs.config import load_config
from mkdocs.structure.files import Files
from sitecheck import ROOT

from ctsite import mkdocs_messages
from ctsite.theme.loader import ThemeLoader, install


def _config():
    os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")
    return load_config(str(ROOT / "mkdocs.yml"))


def _theme_files(env, config) -> list[str]:
    files = Files([])
    files.add_files_from_theme(env, config)
    return sorted(f"{file.abs_src_path}" for file in files)


def test_the_theme_gives_the_same_static_files_as_mkdocs_walk():
    config = _config()
    plain = jinja2.Environment(loader=jinja2.FileSystemLoader(config.theme.dirs))
    ours = jinja2.Environment(loader=ThemeLoader(config.theme.dirs))
    expected = _theme_files(plain, config)
    assert len(expected) > 20  # Material's stylesheets, scripts, fonts and ours
    assert _theme_files(ours, config) == expected
    # The only files it leaves out are in hidden folders (Material's icons among them).
    left_out = set(plain.list_templates()) - set(ours.list_templates())
    assert any(name.startswith(".icons/") for name in left_out)
    assert all(any(part.startswith(".") for part in name.split("/")) for name in left_out)


@pytest.fixture
def loggers_kept():
    """The site's on_config puts its problem count and editors' messages on MkDocs' loggers:
    taken off again, so that other tests of this process see the loggers as they were."""
    names = ("mkdocs", *mkdocs_messages.LOGGERS)
    kept = {
        name: (logging.getLogger(name).handlers[:], logging.getLogger(name).filters[:])
        for name in names
    }
    yield
    for name, (handlers, filters) in kept.items():
        logging.getLogger(name).handlers[:] = handlers
        logging.getLogger(name).filters[:] = filters


def test_each_build_of_the_site_gets_the_loader_once(loggers_kept):
    config = _config()
    config = config.plugins["hooks/site.py"].on_config(
        config
    )  # the site's hook, as MkDocs calls it
    environment = config.theme.get_env()
    assert type(environment.loader) is ThemeLoader
    assert environment.loader.searchpath == [str(d) for d in config.theme.dirs]
    # The i18n plugin calls on_config again for each language: still one loader, not a chain.
    install(config.theme)
    make = config.theme.get_env
    install(config.theme)
    assert config.theme.get_env is make
    # The templates are still found by name, hidden folders included.
    assert environment.get_template(".icons/material/magnify.svg")
