"""When each page was last updated, from git history, written in the page's language.

Plain logic, no MkDocs import. One `git log` gives every file's last commit date. Without git
(a build from an archive), the date falls back to SOURCE_DATE_EPOCH when it is set, else there
is none and pages show no date; the build never fails for it.
"""

from __future__ import annotations

import os
import subprocess
from datetime import UTC, date, datetime
from pathlib import Path

from babel.dates import format_date


def git_dates(repository: Path, folder: Path) -> dict[str, date]:
    """{path relative to `repository`: date of the last commit that touched it}, for the files
    under `folder`; empty when git or its history is not available."""
    try:
        result = subprocess.run(
            [
                "git",
                "-C",
                str(repository),
                "log",
                "--format=#%ct",
                "--name-only",
                "--no-renames",
                "--",
                str(folder.relative_to(repository)),
            ],
            capture_output=True,
            text=True,
            check=True,
            timeout=120,
        )
    except (OSError, ValueError, subprocess.SubprocessError):
        return {}
    dates: dict[str, date] = {}
    current: date | None = None
    for line in result.stdout.splitlines():
        if line.startswith("#"):
            current = datetime.fromtimestamp(int(line[1:]), UTC).date()
        elif line and current is not None:
            dates.setdefault(line, current)
    return dates


def fallback_date() -> date | None:
    """SOURCE_DATE_EPOCH as a date, when set to a number."""
    value = os.environ.get("SOURCE_DATE_EPOCH", "")
    return datetime.fromtimestamp(int(value), UTC).date() if value.isdigit() else None


def written(day: date, locale: str) -> str:
    """A date in a locale's long format: «29 نوفمبر 2026» (ar_EG), "29 November 2026" (en_GB).

    Args:
        day: the date.
        locale: a Babel locale (`extra.site.date_locales` gives each language's).
    """
    return format_date(day, format="long", locale=locale)
