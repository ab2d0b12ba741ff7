"""Every workaround for Material (ctsite/theme/material.py), each with a test that fails when a
Material release changes what it works around: the markup repairs, the patched script, and the
templates we replace (their diff against the installed Material's)."""

import pytest

from ctsite.theme import material
from ctsite.tools import material_diff


def test_the_prefetch_call_is_removed_once_and_idempotently():
    script = "a();ui({document$:ct});var x=1;"
    patched = material.drop_alternate_prefetch(script, "bundle.js")
    assert "ui({document$:ct})" not in patched
    assert patched.startswith("a();") and patched.endswith("var x=1;")
    assert material.drop_alternate_prefetch(patched, "bundle.js") == patched


def test_an_unexpected_bundle_stops_the_build_with_its_name():
    with pytest.raises(material.ThemeScriptError, match=r"^bundle.9\.js: expected .* found 0"):
        material.drop_alternate_prefetch("nothing here", "bundle.9.js")


def test_html_element_gets_lang_and_dir_once():
    html = '<!doctype html>\n<html lang="en" class="no-js"><body dir="rtl"></body></html>'
    out = material.set_html_language(html, "ar", "rtl")
    assert (
        out
        == '<!doctype html>\n<html lang="ar" dir="rtl" class="no-js"><body dir="rtl"></body></html>'
    )
    assert material.set_html_language(out, "ar", "rtl") == out


def test_document_without_html_element_is_left_alone():
    assert material.set_html_language("<p>x</p>", "ar", "rtl") == "<p>x</p>"


def test_empty_tabindex_is_removed_and_real_ones_kept():
    html = '<label for="a" tabindex="">A</label><label for="b" tabindex="0">B</label>'
    assert material.drop_empty_tabindex(html) == (
        '<label for="a">A</label><label for="b" tabindex="0">B</label>'
    )


def test_a_label_for_a_missing_element_loses_its_for_only():
    html = '<input id="a"><label for="a">A</label><label class="t" for="__toc">B</label>'
    assert material.repair(html) == (
        '<input id="a"><label for="a">A</label><label class="t">B</label>'
    )


def test_a_toc_toggle_nothing_can_toggle_is_removed():
    toggle = '<input class="md-nav__toggle md-toggle" type="checkbox" id="__toc">'
    assert material.repair(f"<li>{toggle}<a>Page</a></li>") == "<li><a>Page</a></li>"
    labelled = f'<li>{toggle}<label for="__toc">Page</label></li>'
    assert material.repair(labelled) == labelled


def test_an_unused_search_toggle_is_hidden():
    toggle = material._SEARCH_TOGGLE
    assert material.repair(toggle) == (
        '<input class="md-toggle" data-md-toggle="search" type="checkbox" id="__search" hidden>'
    )
    assert material.repair(toggle + '<label for="__search">S</label>').startswith(toggle)


def test_the_drawer_toggle_loses_its_autocomplete_only():
    toggle = (
        '<input class="md-toggle" data-md-toggle="drawer" type="checkbox" id="__drawer" '
        'autocomplete="off">'
    )
    assert material.repair(toggle) == (
        '<input class="md-toggle" data-md-toggle="drawer" type="checkbox" id="__drawer">'
    )


def test_materials_skip_link_gives_way_to_ours_and_the_article_is_its_target():
    theme_skip = (
        '<div data-md-component="skip">\n      <a href="#heading" class="md-skip">\n'
        "        Skip to content\n      </a>\n    </div>"
    )
    ours = '<a href="#__content" class="md-skip">Skip to content</a>'
    html = f'{theme_skip}{ours}<article class="md-content__inner md-typeset"><h1>T</h1></article>'
    repaired = material.repair(html)
    assert repaired == (
        f'<div data-md-component="skip"></div>{ours}'
        '<article id="__content" class="md-content__inner md-typeset"><h1>T</h1></article>'
    )
    assert material.repair(repaired) == repaired


def test_installed_material_still_writes_what_the_repairs_expect():
    """Each repair looks for Material's exact markup: if a release changes it, the repair would
    silently stop working."""
    base = (material_diff.material_templates() / "base.html").read_text(encoding="utf-8")
    assert material._DRAWER_AUTOCOMPLETE in base
    assert material._SEARCH_TOGGLE in base
    assert material.CONTENT_ARTICLE in base
    assert '<div data-md-component="skip">' in base and 'class="md-skip"' in base
    nav_item = (material_diff.material_templates() / "partials" / "nav-item.html").read_text(
        encoding="utf-8"
    )
    assert 'tabindex="' in nav_item and "__toc" in nav_item


def test_installed_material_bundle_has_the_call_we_remove():
    bundles = sorted(material_diff.material_assets().glob("javascripts/bundle.*.min.js"))
    assert len(bundles) == 1
    script = bundles[0].read_text(encoding="utf-8")
    assert script.count(material.ALTERNATE_PREFETCH_CALL) == 1


def test_our_replaced_templates_differ_from_installed_material_as_recorded():
    """overrides/material.diff records how each template we replace differs from Material's. A
    Material release that changes one of those templates changes the diff: this fails, naming
    the template, until `make material-diff` records the new diff after a review."""
    recorded = material_diff.RECORD.read_text(encoding="utf-8")
    assert material_diff.current_diff() == recorded


def test_every_replaced_template_is_declared_with_its_reason():
    overrides = material_diff.PROJECT / "overrides"
    installed = material_diff.material_templates()
    replaced = sorted(
        path.relative_to(overrides).as_posix()
        for path in overrides.rglob("*.html")
        if (installed / path.relative_to(overrides)).exists()
    )
    assert replaced == sorted(material.REPLACED_TEMPLATES)
