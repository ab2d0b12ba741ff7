"""The theme's templates are compiled once and kept between builds (ctsite.build.TEMPLATE_CACHE,
in the temporary directory): a template an editor or a maintainer changes is in the next build,
never the compiled copy of the one before."""

from __future__ import annotations

from sitecheck import build


def test_copies_share_compiled_templates_and_a_changed_template_is_in_the_next_build(
    project_copies, tmp_path
):
    """A copy of the project elsewhere (a clone, a test's fixture site) finds every template
    compiled (Jinja's own key, the template's path, gave each copy entries of its own); then a
    template changed in that copy is in its next build, the compiled templates kept."""
    scratch = tmp_path / "scratch"  # the builds' temporary directory, where the cache lives
    scratch.mkdir()

    def build_in(project, name: str) -> list[str]:
        """Build into tmp_path/name; the cache's entries after it."""
        result = build(project, tmp_path / name, TMPDIR=str(scratch))
        assert result.returncode == 0, result.stderr[-3000:]
        (cache,) = scratch.glob("_jinja2-cache-*")
        return sorted(entry.name for entry in cache.iterdir())

    one, two = project_copies("one"), project_copies("two")
    first = build_in(one, "first")
    assert len(first) > 20  # Material's templates and ours, compiled
    assert build_in(two, "second") == first  # the second copy found them all, added none

    footer = two / "overrides" / "partials" / "copyright.html"
    footer.write_text(
        footer.read_text(encoding="utf-8").replace(
            '<div class="md-copyright">', '<div class="md-copyright"><p class="changed">x</p>'
        ),
        encoding="utf-8",
    )
    assert len(build_in(two, "changed")) > len(first)  # the changed template, compiled anew
    for site, changed in (("first", False), ("second", False), ("changed", True)):
        for home in ("index.html", "en/index.html"):
            html = (tmp_path / site / home).read_text(encoding="utf-8")
            assert ('<p class="changed">' in html) is changed, (site, home)


# Where the cache cannot be made, the build compiles its templates as before and publishes the
# same files: tests/test_dates_and_builds.py's second build is made so, and compared byte for
# byte with the session's.
