"""Unit tests of hooks/theme_script.py: Material's sitemap prefetch removed, or a clear stop."""

import pytest
import theme_script


def test_the_prefetch_call_is_removed_once_and_idempotently():
    script = "a();ui({document$:ct});var x=1;"
    patched = theme_script.drop_alternate_prefetch(script, "bundle.js")
    assert "ui({document$:ct})" not in patched
    assert patched.startswith("a();") and patched.endswith("var x=1;")
    assert theme_script.drop_alternate_prefetch(patched, "bundle.js") == patched


def test_an_unexpected_bundle_stops_the_build_with_its_name():
    with pytest.raises(theme_script.ThemeScriptError, match=r"^bundle.9\.js: expected .* found 0"):
        theme_script.drop_alternate_prefetch("nothing here", "bundle.9.js")
