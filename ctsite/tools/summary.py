"""The job summary of a CI run: Markdown tables of what the build and the tests found.

Writes to $GITHUB_STEP_SUMMARY (appending, as GitHub expects) or, without it, to standard
output:
- the translation status of every page in every translation language;
- the catalogue's entries counted by pillar and kind;
- every page's weight on a first visit, when the tests measured it (reports/page-weight.md);
- the Lighthouse scores, where Lighthouse ran (reports/lighthouse/*.report.json).

Usage: make summary   (CI runs it after the tests, whatever their result)
"""

from __future__ import annotations

import json
import os
import sys
from collections import Counter
from pathlib import Path

from ctsite.catalogue import declaration, model
from ctsite.languages import status
from ctsite.tools import project as projects


def translations_table(project: projects.Project) -> list[str]:
    registry = status.read_registry(project.folder / project.settings.translations)
    rows = status.statuses(project.docs, registry, project.default.code, project.translations)
    counts = Counter(row.state for row in rows)
    lines = [
        "## Translations",
        "",
        ", ".join(f"{counts.get(state, 0)} {state}" for state in status.STATES),
        "",
        "| page | language | state |",
        "|---|---|---|",
    ]
    lines += [f"| `{row.page}` | {row.language} | {row.state} |" for row in rows]
    return lines


def catalogue_table(project: projects.Project) -> list[str]:
    codes = [language.code for language in project.languages]
    declared = declaration.load(Path(project.settings.catalogue.fields), codes, project.folder)
    vocab = declared.vocabularies
    sources = model.read_sources(
        project.docs,
        codes,
        project.default.code,
        declared,
        "docs",
        project.settings.catalogue.section,
    )
    counts = Counter(
        (values[project.default.code]["pillar"], values[project.default.code]["kind"])
        for values in sources.values.values()
    )
    kinds = vocab.keys("kinds")
    label = project.translations[0] if project.translations else project.default.code
    lines = [
        "## Catalogue",
        "",
        f"{len(sources.values)} valid entries, {len(sources.problems)} problems.",
        "",
        "| pillar | " + " | ".join(vocab.term("kinds", k, label).label for k in kinds) + " |",
        "|---|" + "---:|" * len(kinds),
    ]
    for pillar in vocab.keys("pillars"):
        row = [str(counts.get((pillar, kind), 0)) for kind in kinds]
        lines.append(f"| {vocab.term('pillars', pillar, label).label} | " + " | ".join(row) + " |")
    return lines


def weights_table(folder: Path) -> list[str]:
    report = folder / "reports" / "page-weight.md"
    if not report.exists():
        return []
    return ["## Page weight (first visit, compressed)", "", *report.read_text().splitlines()]


def lighthouse_table(folder: Path) -> list[str]:
    reports = sorted((folder / "reports" / "lighthouse").glob("*.report.json"))
    if not reports:
        return []
    lines = ["## Lighthouse (mobile)", "", "| page | category | score |", "|---|---|---:|"]
    for report in reports:
        data = json.loads(report.read_text(encoding="utf-8"))
        name = report.name.removesuffix(".report.json")
        for key, category in data["categories"].items():
            if category.get("score") is not None:
                lines.append(f"| {name} | {key} | {round(category['score'] * 100)} |")
    return lines


def summary(project: projects.Project) -> str:
    parts = [
        translations_table(project),
        catalogue_table(project),
        weights_table(project.folder),
        lighthouse_table(project.folder),
    ]
    return "\n\n".join("\n".join(part) for part in parts if part) + "\n"


def main() -> int:
    text = summary(projects.load())
    target = os.environ.get("GITHUB_STEP_SUMMARY")
    if target:
        with open(target, "a", encoding="utf-8") as stream:
            stream.write(text)
    else:
        sys.stdout.write(text)
    return 0


if __name__ == "__main__":
    sys.exit(main())
