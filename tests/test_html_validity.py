"""Every built HTML page is valid HTML, by two validators: html-validate (standard and document
rules, configured in .htmlvalidate.cjs, which catches what the reference checker does not, such
as heading levels and redundant roles) and the W3C Nu HTML Checker (`vnu-jar`, the reference).
Material's faults are repaired in ctsite/theme/material.py; no exception is left."""

from __future__ import annotations

import json
import subprocess
from pathlib import Path

import pytest
from node_tools import require_java, require_node_tool
from sitecheck import ROOT, html_files, missing_tool

# A page with one known fault, validated with the site's pages: its error proves the validator
# read every file it was given (a validator that read nothing would find nothing either).
CANARY = "<!doctype html><html lang=en><title>x</title><p><div>a block in a paragraph</div></p>"


def test_every_page_is_valid_html(site, tmp_path):
    validator = require_node_tool("html-validate")
    report = tmp_path / "html-validate.json"
    canary = tmp_path / "canary.html"
    canary.write_text(CANARY, encoding="utf-8")
    files = [str(file) for file in html_files(site)] + [str(canary)]
    subprocess.run(
        [
            validator,
            "--config",
            str(ROOT / ".htmlvalidate.cjs"),
            "--formatter",
            f"json={report}",
            *files,
        ],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=300,
    )
    results = json.loads(report.read_text(encoding="utf-8"))
    problems = [
        f"{result['filePath']}:{message['line']}: {message['ruleId']}: {message['message']}"
        for result in results
        for message in result["messages"]
    ]
    assert [p for p in problems if not p.startswith(str(canary))] == []
    assert any(p.startswith(str(canary)) for p in problems)


# The checker runs once, on a hundred pages: the JIT's first tier only (C1) halves its processor
# time (5.5 s to 2.6 s here, the same report), and a 4 MB stack keeps its parser of deeply nested
# pages from overflowing (at the first tier and 1 MB it prints a StackOverflowError, not JSON).
JVM_OPTIONS = ("-XX:TieredStopAtLevel=1", "-Xss4m")


@pytest.fixture
def nu_checker() -> tuple[str, Path]:
    """(java, vnu.jar): the W3C Nu HTML Checker (a Java start and every page: a slow test)."""
    jar = ROOT / "node_modules" / "vnu-jar" / "build" / "dist" / "vnu.jar"
    java = require_java()
    if not jar.exists():
        missing_tool(f"{jar.relative_to(ROOT)} not found (npm's vnu-jar: run `npm ci`)")
    return java, jar


def test_the_nu_html_checker_finds_no_error_on_any_page(site, tmp_path, nu_checker):
    java, jar = nu_checker
    canary = tmp_path / "canary.html"
    canary.write_text(CANARY, encoding="utf-8")
    files = [str(file) for file in html_files(site)] + [str(canary)]
    result = subprocess.run(
        [java, *JVM_OPTIONS, "-jar", str(jar), "--errors-only", "--format", "json", *files],
        capture_output=True,
        text=True,
        timeout=600,
    )
    try:
        messages = json.loads(result.stderr or result.stdout)["messages"]
    except (json.JSONDecodeError, KeyError):
        pytest.fail(
            f"the Nu HTML Checker gave no report (exit {result.returncode}):\n"
            f"{result.stderr[-2000:]}{result.stdout[-2000:]}"
        )
    errors = [
        f"{m['url'].removeprefix('file:')}:{m.get('lastLine')}: {m['message']}"
        for m in messages
        if m["type"] == "error"
    ]
    assert [e for e in errors if str(canary) not in e] == []
    assert any(str(canary) in e for e in errors)
