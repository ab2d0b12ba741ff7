"""The files that carry the pull-request workflow say what they must."""

from __future__ import annotations

import yaml
from sitecheck import ROOT


def test_the_workflow_tests_every_change_and_publishes_main_to_pages():
    workflow = yaml.safe_load((ROOT / ".github" / "workflows" / "ci.yml").read_text())
    test_steps = [step.get("run", "") for step in workflow["jobs"]["test"]["steps"]]
    assert "make test" in test_steps
    assert test_steps.index("make build") < test_steps.index("make test")
    summary = next(s for s in workflow["jobs"]["test"]["steps"] if s.get("run") == "make summary")
    assert summary["if"] == "always()"
    preview = next(
        s for s in workflow["jobs"]["test"]["steps"] if "upload-artifact" in s.get("uses", "")
    )
    assert preview["with"]["path"] == "site/" and "pull_request" in preview["if"]
    steps = workflow["jobs"]["test"]["steps"]
    test_step = next(s for s in steps if s.get("run") == "make test")
    # The preview is handed out only once the tests have passed.
    assert steps.index(test_step) < steps.index(preview) and "success()" in preview["if"]
    publish = workflow["jobs"]["publish"]
    assert publish["needs"] == ["test", "second-engine"] and "refs/heads/main" in publish["if"]
    engine_steps = [step.get("run", "") for step in workflow["jobs"]["second-engine"]["steps"]]
    assert "make second-engine" in engine_steps
    uses = [step.get("uses", "") for step in publish["steps"]]
    assert any(u.startswith("actions/deploy-pages@") for u in uses)
    build = next(step for step in publish["steps"] if step.get("name") == "Build")
    assert {"SITE_URL", "EDIT_BASE_URL"} <= set(build["env"]) and "SOURCE_DATE_EPOCH" in build[
        "run"
    ]


def test_the_workflow_keeps_no_token_and_grants_each_job_only_what_it_needs():
    workflow = yaml.safe_load((ROOT / ".github" / "workflows" / "ci.yml").read_text())
    assert workflow["permissions"] == {}
    for name, job in workflow["jobs"].items():
        granted = job.get("permissions", {})
        assert granted.get("contents") == "read", name
        writes = {scope for scope, level in granted.items() if level == "write"}
        assert writes == ({"pages", "id-token"} if name == "publish" else set()), name
        for step in job["steps"]:
            if step.get("uses", "").startswith("actions/checkout@"):
                assert step["with"]["persist-credentials"] is False, name


def test_the_pull_request_checklist_covers_both_languages():
    template = (ROOT / ".github" / "pull_request_template.md").read_text(encoding="utf-8")
    assert template.count("- [ ]") >= 6
    assert "make translations PAGE=" in template and "اللغتان" in template


def test_the_editors_guide_has_an_arabic_section_and_explains_every_check():
    guide = (ROOT / "CONTRIBUTING.md").read_text(encoding="utf-8")
    assert "## دليل المحررين" in guide
    for message in (
        "missing translation",
        "stale translation",
        "expected valid YAML",
        "make new-practice",
        "make serve",
    ):
        assert message in guide, message


def test_pre_commit_runs_the_fast_checks_locally():
    config = yaml.safe_load((ROOT / ".pre-commit-config.yaml").read_text())
    ids = {hook["id"] for repo in config["repos"] for hook in repo["hooks"]}
    assert {"ruff", "translations", "strict-build"} <= ids
    assert all(repo["repo"] == "local" for repo in config["repos"])


def test_no_file_the_build_reads_is_ignored_by_git():
    """A file the build reads but git ignores works on the machine that made it and is missing
    from every fresh clone (a rule such as `site/` also matches `overrides/.icons/site/`)."""
    import subprocess

    read = [
        path
        for folder in ("docs", "overrides", "data", "ctsite", "hooks")
        for path in (ROOT / folder).rglob("*")
        if path.is_file() and "__pycache__" not in path.parts
    ]
    result = subprocess.run(
        ["git", "-C", str(ROOT), "check-ignore", "--no-index", "--stdin"],
        input="\n".join(str(path.relative_to(ROOT)) for path in read),
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.stdout.split() == []
