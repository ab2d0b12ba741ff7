"""Benchmark: what a catalogue entry costs the build, against a plain page with the same text.

In temporary copies of the project it builds (strict, the real `mkdocs`):
  base      the site as it is;
  plain     plus N plain pages per language (no front matter, outside the catalogue);
  practice  plus N catalogue entries per language, with the same text and valid front matter.
Each build runs R times; figures are medians. Then one in-process practice build reads the time
spent inside the catalogue's events (validation, model, exports included), which the hook
counts itself.

Goals (issue 4): a practice page costs at most 1.10 times a plain page; the hooks' own time is
at most 2% of the build.
Usage: .venv/bin/python -m ctsite.tools.bench_catalogue [--pages 1000] [--runs 3]
"""

from __future__ import annotations

import argparse
import os
import random
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from ctsite.languages import status
from ctsite.tools import PROJECT

ROOT = PROJECT
PARTS = ("mkdocs.yml", "docs", "hooks", "overrides", "data")
BODY = {
    "en": (
        "This entry describes a programme of training and exchange of expertise with partner "
        "countries in countering terrorism and its financing, the institutions that run it and "
        "what it has achieved so far.\n\n"
        "## Background\n\nThe programme builds on national experience and on best practices "
        "shared in regional and international forums, and it is reviewed regularly with "
        "partners.\n\n"
        "## Results\n\nParticipants from several regions have taken part in its courses, study "
        "visits and expert exchanges on capacity building, and its materials are shared with "
        "partner institutions.\n"
    ),
    "ar": (
        "يصف هذا المدخل برنامجًا للتدريب وتبادل الخبرات مع الدول الشريكة في مجال مكافحة "
        "الإرهاب وتمويله، والمؤسسات التي تتولاه، وما حققه حتى الآن.\n\n"
        "## الخلفية\n\nيستند البرنامج إلى الخبرة الوطنية وإلى أفضل الممارسات المتبادلة في "
        "المنتديات الإقليمية والدولية، وتجري مراجعته بانتظام مع الشركاء.\n\n"
        "## النتائج\n\nشارك متدربون من مناطق عدة في دوراته وزياراته الدراسية وتبادل الخبراء "
        "في مجال بناء القدرات، وتُتاح مواده للمؤسسات الشريكة.\n"
    ),
}
PILLARS = ("ideological", "security", "financial", "legal", "international-cooperation")
INSTITUTIONS = ("mfa", "al-azhar", "dar-al-iftaa", "emlcu", "cccpa", "eapd")


def copy_project(target: Path) -> None:
    target.mkdir(parents=True, exist_ok=True)
    for part in PARTS:
        source = ROOT / part
        if source.is_dir():
            shutil.copytree(source, target / part, ignore=shutil.ignore_patterns("__pycache__"))
        else:
            shutil.copy2(source, target / part)


def front_matter(number: int, language: str) -> str:
    offering = number % 3 == 0
    lines = [
        "---",
        f"id: bench-{number:05d}",
        f"title: Benchmark entry {number} ({language})",
        f"summary: A synthetic entry number {number} for measuring the build.",
        f"pillar: {PILLARS[number % len(PILLARS)]}",
        f"institution: {INSTITUTIONS[number % len(INSTITUTIONS)]}",
        f"kind: {'offering' if offering else 'practice'}",
        "audiences: [diplomats, researchers]",
        f"formats: {'[training]' if offering else '[]'}",
        f"open_to: {'[african-states]' if offering else '[]'}",
        f"since: {2000 + number % 25}",
        "sources:",
        f"  - title: Source {number}",
        f"    url: https://example.org/source/{number}",
        "---",
        "",
    ]
    return "\n".join(lines) + "\n"


def vocabulary(project: Path, language: str) -> list[str]:
    """The words of the site's own pages in a language, to vary the synthetic entries' text."""
    pages = sorted((project / "docs" / language).glob("*.md"))
    text = " ".join(path.read_text(encoding="utf-8") for path in pages)
    return sorted(set(re.findall(r"[^\W\d_]{3,}", text)))


def record_translations(project: Path) -> None:
    """Record every page's English as up to date (the synthetic pages are new)."""
    docs = project / "docs"
    pages = [p.relative_to(docs / "ar").as_posix() for p in (docs / "ar").rglob("*.md")]
    registry = project / "data" / "translations.yml"
    recorded = status.record(docs, status.read_registry(registry), pages, "ar", ["en"])
    status.write_registry(registry, recorded)


def add_pages(project: Path, pages: int, kind: str) -> None:
    """N pages per language: catalogue entries or plain pages, with the same text. Each text is a
    fixed body plus 60 words drawn (seeded by the entry's number) from the site's own pages."""
    for language in ("ar", "en"):
        words = vocabulary(project, language)
        folder = project / "docs" / language / ("best-practices" if kind == "practice" else "plain")
        folder.mkdir(parents=True, exist_ok=True)
        for number in range(pages):
            drawn = " ".join(random.Random(number).choices(words, k=60))
            body = BODY[language] + "\n" + drawn + ".\n"
            if kind == "practice":
                text = front_matter(number, language) + body
            else:
                text = f"# Benchmark entry {number} ({language})\n\n" + body
            name = f"bench-{number:05d}.md"
            (folder / name).write_text(text, encoding="utf-8")
    record_translations(project)
    if kind == "plain":
        config = project / "mkdocs.yml"
        text = config.read_text(encoding="utf-8")
        config.write_text(
            text.replace("  */best-practices/*.md\n", "  */best-practices/*.md\n  */plain/*.md\n"),
            encoding="utf-8",
        )


def mkdocs() -> str:
    return str(Path(sys.executable).with_name("mkdocs"))


def timed_build(project: Path) -> float:
    env = dict(os.environ, NO_MKDOCS_2_WARNING="1")
    start = time.perf_counter()
    result = subprocess.run(
        [mkdocs(), "build", "--strict", "--site-dir", str(project / "site")],
        cwd=project,
        env=env,
        capture_output=True,
        text=True,
    )
    elapsed = time.perf_counter() - start
    if result.returncode != 0:
        raise SystemExit(f"build failed in {project}:\n{result.stdout}\n{result.stderr}")
    return elapsed


def hooks_share(project: Path) -> tuple[float, float]:
    """(seconds inside the catalogue's events, seconds of the whole build), from one in-process
    build; the site's hook counts each feature's time (`run.timing`)."""
    from mkdocs.commands.build import build
    from mkdocs.config import load_config

    os.environ["NO_MKDOCS_2_WARNING"] = "1"
    cwd = Path.cwd()
    os.chdir(project)
    try:
        config = load_config(
            str(project / "mkdocs.yml"), strict=True, site_dir=str(project / "site-timed")
        )
        start = time.perf_counter()
        build(config)
        total = time.perf_counter() - start
    finally:
        os.chdir(cwd)
    return config.plugins["hooks/site.py"].site.run.timing["catalogue"], total


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--pages", type=int, default=1000, help="pages per language")
    parser.add_argument("--runs", type=int, default=3, help="builds per variant")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        projects = {}
        for variant in ("base", "plain", "practice"):
            project = Path(tmp) / variant
            copy_project(project)
            if variant != "base":
                add_pages(project, args.pages, variant)
            projects[variant] = project
        medians = {}
        for variant, project in projects.items():
            times = [timed_build(project) for _ in range(args.runs)]
            medians[variant] = statistics.median(times)
            print(
                f"{variant:9s} median {medians[variant]:7.2f} s  "
                f"runs {[round(t, 2) for t in times]}"
            )
        plain_cost = (medians["plain"] - medians["base"]) / (2 * args.pages)
        practice_cost = (medians["practice"] - medians["base"]) / (2 * args.pages)
        print(
            f"per page: plain {plain_cost * 1000:.2f} ms, practice {practice_cost * 1000:.2f} ms, "
            f"ratio {practice_cost / plain_cost:.3f} (goal <= 1.10)"
        )
        inside, total = hooks_share(projects["practice"])
        print(
            f"catalogue events: {inside:.2f} s of a {total:.2f} s build = "
            f"{100 * inside / total:.2f}% (goal <= 2%)"
        )


if __name__ == "__main__":
    main()
