"""How the templates we replace differ from the installed Material's, recorded for review.

`overrides/material.diff` holds, for each template of `material.REPLACED_TEMPLATES`, the unified
diff from the installed Material's template to ours. `tests/test_material.py` fails when the
diff of the installed Material differs from the record, that is when a Material release changed
a template we replace: review what changed upstream, carry it into our template where it
matters, then record the new diff.

Usage: make material-diff   (writes the record; prints "up to date" or what changed)
"""

from __future__ import annotations

import difflib
import sys
from pathlib import Path

import material as material_package

from ctsite.theme.material import REPLACED_TEMPLATES
from ctsite.tools import PROJECT

RECORD = PROJECT / "overrides" / "material.diff"


def material_templates() -> Path:
    """The installed Material's templates folder."""
    return Path(material_package.__file__).resolve().parent / "templates"


def material_assets() -> Path:
    """The installed Material's assets folder (its script and stylesheets)."""
    return material_templates() / "assets"


def current_diff() -> str:
    """The diff of every replaced template, from the installed Material's to ours."""
    parts = []
    for name in sorted(REPLACED_TEMPLATES):
        theirs = (material_templates() / name).read_text(encoding="utf-8").splitlines(True)
        ours = (PROJECT / "overrides" / name).read_text(encoding="utf-8").splitlines(True)
        parts += difflib.unified_diff(
            theirs, ours, fromfile=f"material/templates/{name}", tofile=f"overrides/{name}"
        )
    return "".join(line if line.endswith("\n") else line + "\n" for line in parts)


def main() -> int:
    diff = current_diff()
    if RECORD.exists() and RECORD.read_text(encoding="utf-8") == diff:
        print("up to date: overrides/material.diff matches the installed Material")
        return 0
    RECORD.write_text(diff, encoding="utf-8")
    print("wrote overrides/material.diff: review it (git diff) before committing")
    return 1


if __name__ == "__main__":
    sys.exit(main())
