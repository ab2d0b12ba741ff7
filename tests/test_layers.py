"""The package's layers: the build (what `hooks/site.py` imports) never imports a tool; tools sit
on top of it (`ctsite/tools/`, run as `python -m ctsite.tools.<name>`), and what a tool and the
build share lives in the build's package (the share image's drawing: `ctsite/share/`)."""

from __future__ import annotations

import ast
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


def _imported(path) -> set[str]:
    """The modules a file imports, and the names taken from each (`module.name`)."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    found = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found |= {alias.name for alias in node.names}
        elif isinstance(node, ast.ImportFrom) and node.module:
            found |= {node.module, *(f"{node.module}.{alias.name}" for alias in node.names)}
    return found


def test_no_module_outside_the_tools_imports_one():
    """Tools only on top: not even a function of the build's package imports a tool lazily."""
    package = ROOT / "ctsite"
    offenders = {
        path.relative_to(ROOT).as_posix(): sorted(
            name for name in _imported(path) if name.startswith("ctsite.tools")
        )
        for path in package.rglob("*.py")
        if "tools" not in path.relative_to(package).parts
    }
    assert {path: names for path, names in offenders.items() if names} == {}


def test_the_share_images_tool_is_a_command_line_on_top_of_the_drawing():
    """What the share image shows and how it is drawn is the build's package's
    (`ctsite.share`); the tool gives it the project's files and writes the images."""
    tool = ROOT / "ctsite" / "tools" / "share_image.py"
    assert "ctsite.share.image" in _imported(tool)
    assert not {"PIL", "fontTools"} & {name.split(".")[0] for name in _imported(tool)}
    assert len(tool.read_text(encoding="utf-8").splitlines()) < 100


def test_no_feature_imports_another():
    """What a feature needs of another concern is a fact of the run (`ctsite/run.py`) or a plain
    module of that concern, never the other's feature (whose events may not have run yet)."""
    features = sorted((ROOT / "ctsite").rglob("feature.py"))
    assert len(features) >= 10
    found = {
        path.relative_to(ROOT).as_posix(): sorted(
            name
            for name in _imported(path)
            if name.startswith("ctsite.") and name.split(".")[-1] == "feature"
        )
        for path in features
    }
    assert {path: names for path, names in found.items() if names} == {}
