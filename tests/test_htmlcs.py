"""A second accessibility engine beside axe: HTML_CodeSniffer (WCAG 2 AA), through npm's pa11y
(tests/node/htmlcs.cjs), over every page in both languages, in the light and the dark colour
scheme. Its errors are fixed, or listed with the reason in tests/htmlcs-allowlist.yml."""

from __future__ import annotations

import json
import subprocess

import pytest
import yaml
from browser import CHROMIUM_ARGS, checked_paths, require_chromium
from node_tools import require_node_tool
from sitecheck import ROOT

PATHS = checked_paths()
ALLOWLIST = ROOT / "tests" / "htmlcs-allowlist.yml"
# A page with one known fault (an image without a text alternative), checked with the site's
# pages: its error proves the engine ran and reported (an engine that ran nothing finds nothing).
CANARY = "<!doctype html><html lang=en><title>x</title><img src=x.png></html>"
CANARY_CODE = "WCAG2AA.Principle1.Guideline1_1.1_1_1.H37"

pytestmark = [pytest.mark.browser, pytest.mark.slow, pytest.mark.xdist_group("htmlcs")]


def allowlist() -> list[dict]:
    return yaml.safe_load(ALLOWLIST.read_text(encoding="utf-8"))


def allowed_by(issue: dict, entries: list[dict]) -> dict | None:
    """The allowlist entry that covers an error, if any."""
    for entry in entries:
        if issue["code"] == entry["code"] and entry["element"] in issue["context"]:
            return entry
    return None


@pytest.fixture(scope="module")
def canary(tmp_path_factory) -> str:
    path = tmp_path_factory.mktemp("htmlcs") / "canary.html"
    path.write_text(CANARY, encoding="utf-8")
    return str(path)


@pytest.fixture(scope="module")
def sniffed(served, canary) -> dict[tuple[str, str], dict]:
    """Every page in both schemes, checked once: {(path, scheme): result}."""
    require_node_tool("pa11y")
    request = {
        "base": served,
        "paths": [*PATHS, canary],
        "chromium": require_chromium(),
        "args": CHROMIUM_ARGS,
    }
    done = subprocess.run(
        ["node", str(ROOT / "tests" / "node" / "htmlcs.cjs")],
        input=json.dumps(request),
        capture_output=True,
        text=True,
        cwd=ROOT,
        timeout=900,
    )
    assert done.returncode == 0, done.stderr
    return {(result["path"], result["scheme"]): result for result in json.loads(done.stdout)}


def test_the_engine_reports_a_known_fault(sniffed, canary):
    for scheme in ("light", "dark"):
        codes = [issue["code"] for issue in sniffed[(canary, scheme)]["issues"]]
        assert codes == [CANARY_CODE]


@pytest.mark.parametrize("scheme", ["light", "dark"])
@pytest.mark.parametrize("path", PATHS)
def test_html_codesniffer_finds_no_error_beyond_the_allowlist(sniffed, path, scheme):
    result = sniffed[(path, scheme)]
    entries = allowlist()
    errors = [
        f"{issue['code']} at {issue['selector']}: {issue['message']}"
        for issue in result["issues"]
        if not allowed_by(issue, entries)
    ]
    assert result["drawn"] == ("slate" if scheme == "dark" else "default")
    assert errors == []


def test_every_allowlist_entry_has_a_reason_and_is_still_needed(sniffed, canary):
    entries = allowlist()
    used = {
        id(allowed_by(issue, entries))
        for (path, _), result in sniffed.items()
        if path != canary
        for issue in result["issues"]
    }
    for entry in entries:
        assert set(entry) == {"code", "element", "reason"}, entry
        assert len(entry["reason"]) > 40, entry
        assert id(entry) in used, f"no longer reported, remove it: {entry['code']}"
