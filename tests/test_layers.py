"""The package's layers: the build (what `hooks/site.py` imports) never imports a tool; tools sit
on top of it (`ctsite/tools/`, run as `python -m ctsite.tools.<name>`)."""

from __future__ import annotations

import json
import subprocess
import sys

from sitecheck import ROOT


def test_the_build_imports_no_tool():
    loaded = subprocess.run(
        [
            sys.executable,
            "-c",
            "import json, sys; import ctsite.build; "
            "print(json.dumps(sorted(m for m in sys.modules if m.startswith('ctsite'))))",
        ],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=True,
    )
    modules = json.loads(loaded.stdout)
    assert "ctsite.share.feature" in modules  # the build's features are loaded
    assert [m for m in modules if m.startswith("ctsite.tools")] == []
