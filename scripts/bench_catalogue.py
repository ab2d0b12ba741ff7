"""Benchmark: what a catalogue entry costs the build, against a plain page with the same text.

In temporary copies of the project it builds (strict, the real `mkdocs`):
  base      the site as it is;
  plain     plus N plain pages per language (no front matter, outside the catalogue);
  practice  plus N catalogue entries per language, with the same text and valid front matter.
Each build runs R times; figures are medians. Then one profiled practice build measures the time
spent inside hooks/catalogue.py's events (validation, model, exports included).

Goals (issue 4): a practice page costs at most 1.10 times a plain page; the hooks' own time is
at most 2% of the build.
Usage: .venv/bin/python scripts/bench_catalogue.py [--pages 1000] [--runs 3]
"""

from __future__ import annotations

import argparse
import cProfile
import os
import pstats
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PARTS = ("mkdocs.yml", "docs", "hooks", "overrides", "data")
BODY = (
    "This entry describes a programme of training and exchange of expertise with partner "
    "countries, the institutions that run it and what it has achieved so far.\n\n"
    "## Background\n\nThe programme builds on national experience and on the work of "
    "regional and international forums, and it is reviewed regularly with partners.\n\n"
    "## Results\n\nParticipants from several regions have taken part in its courses, study "
    "visits and expert exchanges, and its materials are shared with partner institutions.\n"
)
PILLARS = ("ideological", "security", "financial", "legal", "international-cooperation")
INSTITUTIONS = ("mfa", "al-azhar", "dar-al-iftaa", "emlcu", "cccpa", "eapd")


def copy_project(target: Path) -> None:
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
        f"formats: {'[training, study-visit]' if offering else '[]'}",
        f"since: {2000 + number % 25}",
        "sources:",
        f"  - title: Source {number}",
        f"    url: https://example.org/source/{number}",
        "---",
        "",
    ]
    return "\n".join(lines) + "\n"


def add_pages(project: Path, pages: int, kind: str) -> None:
    for language in ("ar", "en"):
        folder = project / "docs" / language / ("best-practices" if kind == "practice" else "plain")
        folder.mkdir(parents=True, exist_ok=True)
        for number in range(pages):
            if kind == "practice":
                text = front_matter(number, language) + BODY
            else:
                text = f"# Benchmark entry {number} ({language})\n\n" + BODY
            name = f"bench-{number:05d}.md"
            (folder / name).write_text(text, encoding="utf-8")
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
        [mkdocs(), "build", "--strict", "--quiet", "--site-dir", str(project / "site")],
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
    """(seconds inside hooks/catalogue.py's events, seconds of the whole build), one profiled
    in-process build."""
    from mkdocs.commands.build import build
    from mkdocs.config import load_config

    os.environ["NO_MKDOCS_2_WARNING"] = "1"
    cwd = Path.cwd()
    os.chdir(project)
    try:
        config = load_config(
            str(project / "mkdocs.yml"), strict=True, site_dir=str(project / "site-profiled")
        )
        profile = cProfile.Profile()
        start = time.perf_counter()
        profile.runcall(build, config)
        total = time.perf_counter() - start
    finally:
        os.chdir(cwd)
    stats = pstats.Stats(profile)
    hook_file = str(project / "hooks" / "catalogue.py")
    inside = sum(
        row[3]  # cumulative time
        for (file, _, name), row in stats.stats.items()
        if file == hook_file and name.startswith("on_")
    )
    return inside, total


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
            f"hooks/catalogue.py events: {inside:.2f} s of a {total:.2f} s profiled build = "
            f"{100 * inside / total:.2f}% (goal <= 2%)"
        )


if __name__ == "__main__":
    main()
