"""The theme's templates are compiled once and kept between builds (ctsite.build.TEMPLATE_CACHE,
in the temporary directory): a template an editor or a maintainer changes is in the next build,
never the compiled copy of the one before."""

from __future__ import annotations

from sitecheck import ROOT, build


def test_a_changed_template_is_in_the_next_build_though_compiled_templates_are_kept(
    project_copy, tmp_path
):
    scratch = tmp_path / "scratch"  # the builds' temporary directory, where the cache lives
    scratch.mkdir()
    first = build(project_copy, tmp_path / "first", TMPDIR=str(scratch))
    assert first.returncode == 0, first.stderr[-3000:]
    (cache,) = scratch.glob("_jinja2-cache-*")
    assert len(list(cache.iterdir())) > 20  # Material's templates and ours, compiled

    footer = project_copy / "overrides" / "partials" / "copyright.html"
    footer.write_text(
        footer.read_text(encoding="utf-8").replace(
            '<div class="md-copyright">', '<div class="md-copyright"><p class="changed">x</p>'
        ),
        encoding="utf-8",
    )
    second = build(project_copy, tmp_path / "second", TMPDIR=str(scratch))
    assert second.returncode == 0, second.stderr[-3000:]
    for site, changed in ((tmp_path / "first", False), (tmp_path / "second", True)):
        for home in ("index.html", "en/index.html"):
            html = (site / home).read_text(encoding="utf-8")
            assert ('<p class="changed">' in html) is changed, (site.name, home)


def test_where_the_cache_cannot_be_made_the_build_compiles_its_templates_as_before(
    own_build, tmp_path
):
    """A temporary directory where Jinja's private folder cannot be made (a file has its name):
    the build goes on without the cache."""
    import os

    scratch = tmp_path / "scratch"
    scratch.mkdir()
    (scratch / f"_jinja2-cache-{os.getuid()}").write_text("not a folder", encoding="utf-8")
    result = own_build(ROOT, tmp_path / "site", TMPDIR=str(scratch))
    assert result.returncode == 0, result.stderr[-3000:]
    assert "Traceback" not in result.stderr
    assert (tmp_path / "site" / "en" / "index.html").is_file()


def test_two_copies_of_the_project_share_their_compiled_templates(project_copies, tmp_path):
    """A copy of the project elsewhere (a clone, a test's fixture site) finds every template
    compiled: Jinja's own key, the template's path, gave each copy entries of its own."""
    scratch = tmp_path / "scratch"
    scratch.mkdir()
    for number, copy in enumerate((project_copies("one"), project_copies("two"))):
        result = build(copy, tmp_path / f"site-{number}", TMPDIR=str(scratch))
        assert result.returncode == 0, result.stderr[-3000:]
        (cache,) = scratch.glob("_jinja2-cache-*")
        entries = sorted(entry.name for entry in cache.iterdir())
        if number == 0:
            first = entries
    assert entries == first
