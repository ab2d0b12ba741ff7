"""The project's Python follows its style: ruff (ruff.toml, line length 100), lint and format."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from sitecheck import ROOT

RUFF = str(Path(sys.executable).with_name("ruff"))
CODE = ["ctsite", "hooks", "tests"]


def test_ruff_finds_no_problem():
    result = subprocess.run([RUFF, "check", *CODE], cwd=ROOT, capture_output=True, text=True)
    assert result.returncode == 0, result.stdout


def test_code_is_formatted():
    result = subprocess.run(
        [RUFF, "format", "--check", *CODE], cwd=ROOT, capture_output=True, text=True
    )
    assert result.returncode == 0, result.stdout


def test_every_stylesheet_closes_each_block_it_opens():
    """A block left open (a media query without its `}`) silently swallows every rule after it:
    browsers close it at the end of the file, so the rules apply at one width only."""
    import re

    for sheet in sorted((ROOT / "docs" / "assets" / "stylesheets").glob("*.css")):
        text = re.sub(r"/\*.*?\*/", "", sheet.read_text(encoding="utf-8"), flags=re.S)
        text = re.sub(r"\"[^\"\n]*\"|'[^'\n]*'", "", text)
        depth = 0
        for number, line in enumerate(text.splitlines(), start=1):
            depth += line.count("{") - line.count("}")
            assert depth >= 0, f"{sheet.name}: line {number} closes a block never opened"
        assert depth == 0, f"{sheet.name}: {depth} block(s) left open at the end"
