"""Headless Chromium for the browser checks: where it is, how it starts, what a page load did.

Chromium comes from Debian (`apt-get install chromium`); Playwright drives it through
`executable_path`. Without a Chromium the browser checks are skipped with the reason, except
under CI (`CI=true`), where a missing browser is a failure.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field

import pytest
from sitecheck import ROOT

from ctsite.tools.chromium import CHROMIUM_ARGS, DESKTOP, PHONE, chromium_path

__all__ = ["CHROMIUM_ARGS", "DESKTOP", "PHONE", "chromium_path"]


def require_chromium() -> str:
    """The Chromium path, or skip (fail under CI) with the reason."""
    path = chromium_path()
    if path:
        return path
    reason = "no Chromium found (install Debian's chromium, or set CHROMIUM_PATH)"
    if os.environ.get("CI", "").lower() == "true":
        pytest.fail(f"CI=true and {reason}", pytrace=False)
    pytest.skip(reason)


def site_paths() -> list[str]:
    """Every page's URL path, both languages, from the Markdown sources, then the 404 pages."""
    paths = []
    for language, prefix in (("ar", ""), ("en", "en/")):
        for source in sorted((ROOT / "docs" / language).rglob("*.md")):
            relative = source.relative_to(ROOT / "docs" / language).with_suffix("").as_posix()
            if relative == "index" or relative.endswith("/index"):
                relative = relative[: -len("index")]
            else:
                relative += "/"
            paths.append(prefix + relative)
    return paths


@dataclass
class PageLoad:
    """What loading one page did: its requests, failures and console errors."""

    origin: str
    requests: list[str] = field(default_factory=list)
    failures: list[str] = field(default_factory=list)
    console_errors: list[str] = field(default_factory=list)

    def watch(self, page) -> None:
        page.on("request", lambda request: self.requests.append(request.url))
        page.on(
            "requestfailed",
            lambda request: self.failures.append(f"{request.url} ({request.failure})"),
        )
        page.on(
            "response",
            lambda response: response.status >= 400
            and self.failures.append(f"{response.url} (HTTP {response.status})"),
        )
        page.on(
            "console",
            lambda message: message.type == "error"
            and self.console_errors.append(f"{message.text} [{message.location.get('url')}]"),
        )

    def foreign_requests(self) -> list[str]:
        return [url for url in self.requests if not url.startswith((self.origin, "data:"))]
