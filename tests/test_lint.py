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
