"""Lighthouse (mobile) over the key pages of the built site, served on 127.0.0.1 with gzip.

Writes reports/lighthouse/<page>.report.{json,html} and reports/lighthouse/summary.md, and prints
the summary table. Goal: performance 98 or more; accessibility, best practices and SEO 100.
Performance moves a point or two from one run to the next: `--runs N` audits each page N times
and reports each score's median (the reports kept are the last run's).
Usage: make audit   (builds the site first), or
       .venv/bin/python -m ctsite.tools.audit [site-dir] [--runs N] [--pages ar-home,en-home]
"""

from __future__ import annotations

import argparse
import json
import statistics
import subprocess
import sys
from pathlib import Path

from ctsite.tools import PROJECT
from ctsite.tools.chromium import CHROMIUM_ARGS
from ctsite.tools.static_server import SiteServer

ROOT = PROJECT
REPORTS = ROOT / "reports" / "lighthouse"
# Lighthouse over several pages in one process (its command-line tool, once per page, started
# Node and a browser again each time).
LIGHTHOUSE = Path(__file__).with_name("lighthouse.mjs")
CATEGORIES = ("performance", "accessibility", "best-practices", "seo")
# The home page, the catalogue, a catalogue entry and a content page, in both languages.
PAGES = {
    "ar-home": "",
    "ar-catalogue": "best-practices/",
    "ar-entry": "best-practices/azhar-observatory/",
    "ar-unit": "unit/",
    "en-home": "en/",
    "en-catalogue": "en/best-practices/",
    "en-entry": "en/best-practices/azhar-observatory/",
    "en-unit": "en/unit/",
}
# Beside chrome-launcher's own (as Lighthouse's command-line tool starts the browser): the tests'
# flags that keep Chromium off the network, without their `--disable-features`, which would
# replace chrome-launcher's (Chromium reads only the last one given).
CHROME_FLAGS = (
    "--headless=new",
    *(flag for flag in CHROMIUM_ARGS if not flag.startswith("--disable-features=")),
)


def pages_of(site: Path) -> dict[str, str]:
    """The audited pages that exist in this build."""
    return {name: path for name, path in PAGES.items() if (site / path / "index.html").is_file()}


def run_lighthouse(
    pages: dict[str, str],
    chromium: str = "/usr/bin/chromium",
    categories: tuple[str, ...] = CATEGORIES,
    screenshot: bool = True,
) -> dict[str, dict[str, int]]:
    """Scores (0-100) in `categories` of each page ({name: URL}), audited in turn by one
    Lighthouse over one Chromium (ctsite/tools/lighthouse.mjs); reports written under
    reports/lighthouse/. (Leaving out performance, whose simulated load takes most of a run,
    makes it three times faster: the tests do, `make audit` does not. `screenshot`: the picture
    of the whole page the HTML report shows its findings on, a tenth of a run's processor time;
    no score uses it.)"""
    REPORTS.mkdir(parents=True, exist_ok=True)
    request = {
        "chromium": chromium,
        "flags": list(CHROME_FLAGS),
        "pages": pages,
        "categories": list(categories),
        "reports": str(REPORTS),
        "screenshot": screenshot,
    }
    subprocess.run(
        ["node", str(LIGHTHOUSE)],
        input=json.dumps(request),
        check=True,
        capture_output=True,
        text=True,
        timeout=300 * len(pages),
    )
    return {name: report_scores(name, categories) for name in pages}


def report_scores(name: str, categories: tuple[str, ...] = CATEGORIES) -> dict[str, int]:
    """A written report's scores (0-100) in `categories`."""
    report = json.loads((REPORTS / f"{name}.report.json").read_text(encoding="utf-8"))
    return {c: round(report["categories"][c]["score"] * 100) for c in categories}


def failing_audits(name: str, category: str) -> list[str]:
    """Titles of the audits below full marks in a category of a written report."""
    report = json.loads((REPORTS / f"{name}.report.json").read_text(encoding="utf-8"))
    refs = report["categories"][category]["auditRefs"]
    audits = report["audits"]
    return [
        f"{ref['id']}: {audits[ref['id']]['title']}"
        for ref in refs
        if ref["weight"] and (audits[ref["id"]]["score"] or 0) < 1
    ]


def summary(scores: dict[str, dict[str, int]]) -> str:
    lines = ["| page | " + " | ".join(CATEGORIES) + " |", "|---" * (len(CATEGORIES) + 1) + "|"]
    for name, row in scores.items():
        lines.append(f"| {name} | " + " | ".join(str(row[c]) for c in CATEGORIES) + " |")
    return "\n".join(lines) + "\n"


def main(site: Path, runs: int = 1, only: list[str] | None = None) -> int:
    pages = {name: path for name, path in pages_of(site).items() if not only or name in only}
    scores = {}
    with SiteServer(site) as server:
        urls = {name: server.url + path for name, path in pages.items()}
        runs_scores = [run_lighthouse(urls) for _ in range(runs)]
    for name in pages:
        scores[name] = {
            c: round(statistics.median(run[name][c] for run in runs_scores)) for c in CATEGORIES
        }
    table = summary(scores)
    if runs > 1:
        table = f"Medians of {runs} runs per page.\n\n" + table
    (REPORTS / "summary.md").write_text(table, encoding="utf-8")
    print(table)
    return 0


def arguments(argv: list[str]) -> argparse.Namespace:
    parser = argparse.ArgumentParser(prog="python -m ctsite.tools.audit", description=__doc__)
    parser.add_argument("site", nargs="?", type=Path, default=ROOT / "site")
    parser.add_argument("--runs", type=int, default=1, help="runs per page (the median is kept)")
    parser.add_argument("--pages", default="", help="comma-separated names, e.g. ar-home,en-home")
    return parser.parse_args(argv)


if __name__ == "__main__":
    options = arguments(sys.argv[1:])
    sys.exit(main(options.site, options.runs, [p for p in options.pages.split(",") if p]))
