"""Keep the Content-Security-Policy of deploy/security-headers.conf in step with the built site.

Material's templates write a few inline scripts (their text depends on a page's depth); the
policy allows exactly those, by SHA-256 hash. This tool reads every inline script of the built
site outside the pages' own text, writes the policy between the `# csp-begin` and `# csp-end`
lines, and says "up to date" (exit 0) or rewrites the file (exit 1), so CI can tell when
`make csp` was forgotten. A script inside a page's text is an editor's, never allowed: the strict
build refuses it, and this tool refuses to run (exit 2) while a built page has one. Nor does it
allow a script whose text no template writes: each script must be one of the `<script>` blocks
of Material's templates or of `overrides/`, a template value (`{{ ... }}`, such as a page's
depth) standing for a path without quotes or markup. A script from a title or a data file, if
one ever reached a page, is refused (exit 2), never hashed.

Usage: make csp   (builds first), or .venv/bin/python -m ctsite.tools.csp [site-dir] [--check]
"""

from __future__ import annotations

import base64
import hashlib
import re
import sys
from pathlib import Path

from ctsite.tools import PROJECT

ROOT = PROJECT
HEADERS = ROOT / "deploy" / "security-headers.conf"
# Executable inline scripts: no src, and no data type (JSON and JSON-LD are not run).
_INLINE = re.compile(
    r"<script(?![^>]*\bsrc=)(?![^>]*\btype=\"application/)[^>]*>(.*?)</script>", re.DOTALL
)
POLICY = (
    "default-src 'self'; script-src 'self' {hashes}; style-src 'self'; img-src 'self' data:; "
    "font-src 'self'; connect-src 'self'; object-src 'none'; base-uri 'self'; "
    "form-action 'self'; frame-ancestors 'none'"
)


# A page's own text, as its Markdown made it: Material writes it inside this element, and our
# templates and Material's write their scripts outside it.
_ARTICLE = re.compile(r'<article class="md-content__inner[^"]*">(.*?)</article>', re.DOTALL)


def content_scripts(site: Path) -> list[str]:
    """The pages with an executable inline script inside their text (an editor's, not ours)."""
    found = []
    for page in sorted(site.rglob("*.html")):
        html = page.read_text(encoding="utf-8")
        for article in _ARTICLE.findall(html):
            if _INLINE.search(article):
                found.append(page.relative_to(site).as_posix())
                break
    return found


def script_hashes(site: Path) -> list[str]:
    """The CSP sources ('sha256-...') of every distinct inline script of the site's templates
    (outside a page's text), sorted."""
    scripts = {
        body
        for page in site.rglob("*.html")
        for body in _INLINE.findall(_ARTICLE.sub("", page.read_text(encoding="utf-8")))
    }
    return sorted(
        "'sha256-" + base64.b64encode(hashlib.sha256(s.encode("utf-8")).digest()).decode() + "'"
        for s in scripts
    )


def _template_sources() -> list[Path]:
    """The templates a built page's scripts come from: Material's and ours."""
    import material

    material_templates = Path(material.__file__).parent / "templates"
    return [*material_templates.rglob("*.html"), *(ROOT / "overrides").rglob("*.html")]


# A template's inline script (no src, no data type), and a value a template writes into one.
_TEMPLATE_SCRIPT = re.compile(
    r"<script(?![^>]*\bsrc=)(?![^>]*\btype=\"application/)[^>]*>(.*?)</script>", re.DOTALL
)
_VALUE = re.compile(r"\{\{.*?\}\}", re.DOTALL)


def template_scripts(sources: list[Path] | None = None) -> list[re.Pattern]:
    """Each inline script the templates can write, as a pattern: its text, with each template
    value standing for a path (no quote, no markup, no backslash). Scripts built from template
    logic (`{% ... %}`) are left out: none of them is used by this site."""
    patterns = []
    for source in sources if sources is not None else _template_sources():
        for body in _TEMPLATE_SCRIPT.findall(source.read_text(encoding="utf-8")):
            if "{%" in body or "{#" in body:
                continue
            parts = _VALUE.split(body.strip())
            patterns.append(
                re.compile(
                    "".join(
                        re.escape(part) + ("[^\"'<>\\\\]*" if i < len(parts) - 1 else "")
                        for i, part in enumerate(parts)
                    )
                )
            )
    return patterns


def foreign_scripts(site: Path, patterns: list[re.Pattern] | None = None) -> list[str]:
    """`page: script start` for every inline script of the built site that no template writes."""
    patterns = patterns if patterns is not None else template_scripts()
    found = []
    for page in sorted(site.rglob("*.html")):
        for body in _INLINE.findall(page.read_text(encoding="utf-8")):
            if not any(pattern.fullmatch(body.strip()) for pattern in patterns):
                shown = " ".join(body.split())[:40]
                found.append(f"{page.relative_to(site).as_posix()}: {shown!r}")
    return found


def policy_line(site: Path) -> str:
    policy = POLICY.format(hashes=" ".join(script_hashes(site)))
    return f'add_header Content-Security-Policy "{policy}" always;'


def updated(text: str, line: str) -> str:
    """The headers file with the policy line between the markers replaced."""
    return re.sub(
        r"(# csp-begin\n).*?(\n# csp-end)",
        lambda m: m.group(1) + line + m.group(2),
        text,
        flags=re.DOTALL,
    )


def main(argv: list[str]) -> int:
    site = Path(next((a for a in argv if not a.startswith("--")), ROOT / "site"))
    if not (site / "index.html").is_file():
        print(
            f"error: {site}: expected a built site (run `make build`), found none", file=sys.stderr
        )
        return 2
    content = content_scripts(site)
    if content:
        print(
            "error: expected no script in a page's text, found one in "
            + ", ".join(content)
            + ": the policy allows only the templates' scripts; remove it from the page",
            file=sys.stderr,
        )
        return 2
    foreign = foreign_scripts(site)
    if foreign:
        print(
            "error: expected only the templates' scripts, found scripts no template writes "
            "(from a page's title, text or a data file?): "
            + "; ".join(foreign[:5])
            + (f" and {len(foreign) - 5} more" if len(foreign) > 5 else "")
            + ": the policy never allows them",
            file=sys.stderr,
        )
        return 2
    text = HEADERS.read_text(encoding="utf-8")
    new = updated(text, policy_line(site))
    if new == text:
        print("up to date: deploy/security-headers.conf allows exactly the site's inline scripts")
        return 0
    if "--check" not in argv:
        HEADERS.write_text(new, encoding="utf-8")
        print("updated deploy/security-headers.conf: commit it")
    else:
        print("deploy/security-headers.conf is out of date: run `make csp`")
    return 1


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
