"""The Node tools of package.json (html-validate, the Nu HTML Checker, Lighthouse), installed by
`npm ci`, and the Java the Nu HTML Checker runs on."""

from __future__ import annotations

from sitecheck import ROOT, missing_tool


def require_node_tool(name: str) -> str:
    """The path of `node_modules/.bin/<name>`, or skip (fail under CI) with the reason."""
    path = ROOT / "node_modules" / ".bin" / name
    if path.exists():
        return str(path)
    reason = f"{name} is not installed (run `npm ci`, which `make test` does)"
    missing_tool(reason)


def require_java() -> str:
    """The `java` command (Debian's, for the Nu HTML Checker), or skip (fail under CI)."""
    import shutil

    path = shutil.which("java")
    if path:
        return path
    reason = "java is not installed (Debian's openjdk-17-jre-headless; .ci/run installs it)"
    missing_tool(reason)
