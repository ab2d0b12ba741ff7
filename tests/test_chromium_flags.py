"""The flags the tests' Chromium starts with (ctsite/tools/chromium.py) do what they say: the
features Playwright turns off stay off, and a new browser context draws no browser interface of
its own, only the page."""

from __future__ import annotations

import os
from pathlib import Path

from ctsite.tools.chromium import UNSHOWN_BROWSER_UI


def _browser_command_lines() -> list[list[str]]:
    """The command lines of the Chromium browser processes this test process started (through
    Playwright's driver), not their renderers or helpers."""
    children: dict[int, list[int]] = {}
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            stat = (entry / "stat").read_text()
        except OSError:
            continue
        parent = int(stat[stat.rfind(")") + 2 :].split()[1])
        children.setdefault(parent, []).append(int(entry.name))
    found, waiting = [], [os.getpid()]
    while waiting:
        pid = waiting.pop()
        waiting.extend(children.get(pid, []))
        try:
            arguments = Path(f"/proc/{pid}/cmdline").read_bytes().decode().split("\0")
        except OSError:
            continue
        if "--remote-debugging-pipe" in arguments and not any(
            argument.startswith("--type=") for argument in arguments
        ):
            found.append(arguments)
    return found


def test_the_features_playwright_turns_off_stay_off(chromium):
    # Chromium reads only the last --disable-features it is given: ours must hold every feature
    # Playwright's own flag turns off, or a Playwright upgrade would turn one back on unseen.
    command_lines = _browser_command_lines()
    assert command_lines, "no Chromium browser process found under this test process"
    for arguments in command_lines:
        flags = [a for a in arguments if a.startswith("--disable-features=")]
        assert len(flags) >= 2, flags  # Playwright's, then ours
        lists = [set(flag.removeprefix("--disable-features=").split(",")) for flag in flags]
        kept = lists[-1]
        for earlier in lists[:-1]:
            assert earlier <= kept, (
                f"turned back on: {sorted(earlier - kept)}; add them to "
                "PLAYWRIGHT_DISABLED_FEATURES in ctsite/tools/chromium.py"
            )
        assert set(UNSHOWN_BROWSER_UI) <= kept


def test_a_new_context_holds_the_page_and_no_browser_interface(chromium, served):
    session = chromium.new_browser_cdp_session()
    context = chromium.new_context()
    page = context.new_page()
    page.goto(served, wait_until="load")
    targets = session.send("Target.getTargets")["targetInfos"]
    context.close()
    session.detach()
    assert [t["url"] for t in targets if t["url"].startswith("chrome://")] == []
    assert any(t["type"] == "page" and t["url"] == served for t in targets)
