"""The Node tools of package.json (html-validate, Lighthouse), installed by `npm ci`."""

from __future__ import annotations

import os

import pytest
from sitecheck import ROOT


def require_node_tool(name: str) -> str:
    """The path of `node_modules/.bin/<name>`, or skip (fail under CI) with the reason."""
    path = ROOT / "node_modules" / ".bin" / name
    if path.exists():
        return str(path)
    reason = f"{name} is not installed (run `npm ci`, which `make test` does)"
    if os.environ.get("CI", "").lower() == "true":
        pytest.fail(f"CI=true and {reason}", pytrace=False)
    pytest.skip(reason)
