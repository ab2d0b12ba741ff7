"""Benchmark of the site's search in headless Chromium, on the shipped site and with N synthetic
catalogue entries per language (default 1,000).

For each query, in a fresh browser context with an empty cache, after the page has loaded:
- bytes of search data transferred (compressed, gzip server) before the first results show;
- milliseconds from the last keystroke (an `input` event) to the results being written, for the
  first query of the page (index not yet fetched) and again for a second query.
Budgets (issue 5): at most 150 KB on the shipped site and 400 KB with 1,000 entries per language;
first results within 300 ms. Figures are medians over the queries.
Usage: .venv/bin/python -m ctsite.tools.bench_search [--pages 1000]   (needs Debian's chromium)
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

from ctsite.tools import PROJECT
from ctsite.tools.bench_catalogue import add_pages, copy_project
from ctsite.tools.chromium import CHROMIUM_ARGS, PHONE, chromium_path
from ctsite.tools.static_server import SiteServer

ROOT = PROJECT

QUERIES = {
    "": ["إرهاب", "المنتدى", "ممارسات", "بناء القدرات", "تمويل"],
    "en/": ["terrorism", "practices", "capacity building", "Security Council", "financing"],
}

MEASURE = """async (query) => {
  const input = document.querySelector('#site-search-input');
  const status = document.querySelector('[data-site-search-status]');
  status.textContent = '';
  const done = new Promise((resolve) => {
    new MutationObserver((changes, observer) => {
      if (status.textContent) { observer.disconnect(); resolve(performance.now()); }
    }).observe(status, {childList: true, characterData: true, subtree: true});
  });
  input.value = query;
  const start = performance.now();
  input.dispatchEvent(new Event('input', {bubbles: true}));
  return (await done) - start;
}"""


def measure(browser, base: str, home: str, query: str, second: str) -> tuple[int, float, float]:
    """(search bytes before the first results, ms cold, ms warm) for one query."""
    context = browser.new_context(viewport=PHONE)
    page = context.new_page()
    session = context.new_cdp_session(page)
    session.send("Network.enable")
    urls: dict[str, str] = {}
    sizes: dict[str, float] = {}
    session.on(
        "Network.requestWillBeSent", lambda e: urls.__setitem__(e["requestId"], e["request"]["url"])
    )
    session.on(
        "Network.loadingFinished",
        lambda e: sizes.__setitem__(e["requestId"], e["encodedDataLength"]),
    )
    page.goto(base + home, wait_until="networkidle")
    before = set(sizes)
    cold = page.evaluate(MEASURE, query)
    page.wait_for_timeout(200)
    search_bytes = sum(
        size for rid, size in sizes.items() if rid not in before and "/search/" in urls.get(rid, "")
    )
    warm = page.evaluate(MEASURE, second)
    context.close()
    return int(search_bytes), cold, warm


def run(site: Path, label: str) -> None:
    from playwright.sync_api import sync_playwright

    with SiteServer(site) as server, sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=chromium_path(), args=CHROMIUM_ARGS)
        for home, queries in QUERIES.items():
            rows = [measure(browser, server.url, home, q, queries[0]) for q in queries]
            language = "en" if home else "ar"
            print(
                f"{label:9s} {language}: search data before first results median "
                f"{statistics.median(r[0] for r in rows) / 1000:.1f} KB (max "
                f"{max(r[0] for r in rows) / 1000:.1f}); first results cold median "
                f"{statistics.median(r[1] for r in rows):.0f} ms "
                f"(max {max(r[1] for r in rows):.0f}), "
                f"warm median {statistics.median(r[2] for r in rows):.0f} ms"
            )
        browser.close()


def build(project: Path) -> Path:
    site = project / "site"
    env = dict(os.environ, NO_MKDOCS_2_WARNING="1")
    subprocess.run(
        [
            str(Path(sys.executable).with_name("mkdocs")),
            "build",
            "--strict",
            "--site-dir",
            str(site),
        ],
        cwd=project,
        env=env,
        check=True,
        capture_output=True,
    )
    return site


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--pages", type=int, default=1000, help="synthetic entries per language")
    args = parser.parse_args()
    if not chromium_path():
        raise SystemExit("no Chromium: apt-get install -y chromium")
    with tempfile.TemporaryDirectory() as tmp:
        shipped = Path(tmp) / "shipped"
        copy_project(shipped)
        run(build(shipped), "shipped")
        large = Path(tmp) / "large"
        copy_project(large)
        add_pages(large, args.pages, "practice")
        run(build(large), f"+{args.pages}")


if __name__ == "__main__":
    main()
