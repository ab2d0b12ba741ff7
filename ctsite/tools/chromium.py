"""Headless Chromium on these machines: where it is and how it starts without the network.

Chromium comes from Debian (`apt-get install chromium`); Playwright drives it through
`executable_path` (never `playwright install`, which downloads a browser).
"""

from __future__ import annotations

import os
import shutil
from pathlib import Path

# Flags that keep Chromium from reaching for Google's hosts on a machine without network.
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--host-resolver-rules=MAP * ~NOTFOUND , EXCLUDE 127.0.0.1",
]
PHONE = {"width": 390, "height": 844}
DESKTOP = {"width": 1280, "height": 900}


def chromium_path() -> str | None:
    """The Chromium to use: $CHROMIUM_PATH, or `chromium` on the PATH."""
    candidate = os.environ.get("CHROMIUM_PATH") or shutil.which("chromium")
    return candidate if candidate and Path(candidate).exists() else None
