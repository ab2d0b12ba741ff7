"""One `mkdocs build`'s shared facts (`ctsite.run.Run`): each computed on first use, whichever
feature asks first; each problem found while computing one logged once per build; a new `Run`
(the next build of `mkdocs serve`) computing them afresh."""

from __future__ import annotations

import logging

import pytest
from sitecheck import ROOT

from ctsite.run import Run
from ctsite.tools import project as projects


@pytest.fixture(scope="module")
def project():
    return projects.load(ROOT)


def new_run(project, docs_dir=None) -> Run:
    return Run(
        project=ROOT,
        docs_dir=docs_dir or ROOT / "docs",
        settings=project.settings,
        languages=project.languages,
        theme_dir=ROOT / "overrides",
    )


def test_a_fact_needs_no_feature_to_have_run_before(project):
    """The statements need the register and the pillars: asked first, they read them."""
    run = new_run(project)
    assert run.statements
    assert "register" in vars(run) and "schema" in vars(run)
    assert {statement.venue for statement in run.statements} <= set(run.venues)


def test_a_fact_is_computed_once_per_run(project):
    run = new_run(project)
    assert run.pages is run.pages
    assert run.practices is run.practices
    assert new_run(project).pages is not run.pages


def test_a_problem_is_logged_once_per_build_and_again_in_the_next(project, tmp_path, caplog):
    docs = tmp_path / "docs"
    for language in project.languages:
        (docs / language.code).mkdir(parents=True)
        (docs / language.code / "index.md").write_text("# Home\n\nSee [[S/RES/9999(2099)]].\n")
    caplog.set_level(logging.WARNING)

    def reported() -> int:
        return sum("S/RES/9999(2099)" in record.getMessage() for record in caplog.records)

    run = new_run(project, docs)
    assert len(run.unknown_references) == len(project.languages)
    assert len(run.unknown_references) == len(project.languages)  # asked again: not logged
    assert reported() == len(project.languages)
    # The next build (mkdocs serve) reads the pages afresh: a fixed page is no longer reported.
    (docs / project.default.code / "index.md").write_text("# Home\n")
    assert len(new_run(project, docs).unknown_references) == len(project.languages) - 1
    assert reported() == 2 * len(project.languages) - 1
