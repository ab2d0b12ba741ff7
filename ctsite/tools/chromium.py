"""Headless Chromium on these machines: where it is and how it starts without the network.

Chromium comes from Debian (`apt-get install chromium`); Playwright drives it through
`executable_path` (never `playwright install`, which downloads a browser).
"""

from __future__ import annotations

import os
import shutil
from pathlib import Path

# The features Playwright 1.65 turns off (its `chromiumSwitches`). Chromium reads only the last
# `--disable-features` it is given, so ours must repeat them: tests/test_chromium_flags.py fails
# when a Playwright upgrade turns off one this list lacks.
PLAYWRIGHT_DISABLED_FEATURES = (
    "AvoidUnnecessaryBeforeUnloadCheckSync",
    "DestroyProfileOnBrowserClose",
    "HttpsUpgrades",
    "HttpsFirstBalancedModeAutoEnable",
    "LensOverlay",
    "MediaRouter",
    "PaintHolding",
    "ThirdPartyStoragePartitioning",
    "AvoidCorsURLLoaderRestartOnRedirect",
    "TcpPortRandomizationWin",
    "OptimizationHints",
    "NetworkTimeServiceQuerying",
    "AimEnabled",
    "PreconnectToSearch",
    "msForceBrowserSignIn",
    "msEdgeUpdateLaunchServicesPreferredVersion",
)
# Chromium 156 draws its address bar's suggestion list as two web pages of its own
# (chrome://omnibox-popup.top-chrome/), made for every new window, so for every browser context
# the tests open, though a headless window never shows them. They cost more processor time than
# the page a context is opened for (about 1 s of the 2 s of a first load on this machine), and
# nothing a page shows or a check measures depends on them.
UNSHOWN_BROWSER_UI = ("WebUIOmniboxPopup", "WebUIOmniboxAimPopup")

# Flags that keep Chromium from reaching for Google's hosts on a machine without network, and
# from drawing browser interface no one sees.
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--host-resolver-rules=MAP * ~NOTFOUND , EXCLUDE 127.0.0.1",
    "--disable-features=" + ",".join(PLAYWRIGHT_DISABLED_FEATURES + UNSHOWN_BROWSER_UI),
]
PHONE = {"width": 390, "height": 844}
DESKTOP = {"width": 1280, "height": 900}


def chromium_path() -> str | None:
    """The Chromium to use: $CHROMIUM_PATH, or `chromium` on the PATH."""
    candidate = os.environ.get("CHROMIUM_PATH") or shutil.which("chromium")
    return candidate if candidate and Path(candidate).exists() else None
