"""The published site carries only what is used: every file in `site/` is named by a page, a
stylesheet, the search manifest or the server's configuration. What no page uses (maintenance
files, Material's search worker and lunr languages, source maps) stays out."""

from __future__ import annotations

import json
import posixpath
import re
from pathlib import Path
from urllib.parse import unquote, urlsplit

from sitecheck import ROOT, parsed

# Named by the server's configuration (deploy/nginx.conf) or by crawlers' conventions rather than
# by a page: the 404 pages and the sitemap.
CONVENTIONS = {"404.html", "en/404.html", "sitemap.xml", "sitemap.xml.gz"}
_CSS_URL = re.compile(r"url\(\s*['\"]?([^'\")]+)['\"]?\s*\)")


def _target(site: Path, base: str, reference: str, site_url: str) -> str | None:
    """The site-relative file a reference from the file at `base` names, or None when it names
    another host or nothing in the site."""
    if reference.startswith(site_url):
        reference = "/" + reference[len(site_url) :]
    parts = urlsplit(reference)
    if parts.scheme or parts.netloc or not parts.path:
        return None
    path = unquote(parts.path)
    if path.startswith("/"):
        joined = path.lstrip("/")
    else:
        joined = posixpath.normpath(posixpath.join(posixpath.dirname(base), path))
    if joined in ("", "."):
        joined = "index.html"
    if (site / joined).is_dir():
        joined = posixpath.join(joined, "index.html")
    return joined


def referenced_files(site: Path, site_url: str) -> set[str]:
    found: set[str] = set(CONVENTIONS)
    for path in site.rglob("*"):
        relative = path.relative_to(site).as_posix()
        if path.suffix == ".html":
            page = parsed(path)
            for element in page.find_all(True):
                for attribute in ("href", "src", "content"):
                    value = element.get(attribute)
                    if value and (attribute != "content" or value.startswith(site_url)):
                        found.add(_target(site, relative, value, site_url))
        elif path.suffix == ".css":
            for reference in _CSS_URL.findall(path.read_text(encoding="utf-8")):
                found.add(_target(site, relative, reference, site_url))
        elif path.name == "manifest.json" and path.parent.name == "search":
            # The search script fetches the manifest of its language, then the term shards and
            # document chunks the manifest lists.
            folder = path.parent.relative_to(site).as_posix()
            manifest = json.loads(path.read_text(encoding="utf-8"))
            found.add(f"{folder}/manifest.json")
            found |= {f"{folder}/terms/{shard}.json" for shard in manifest["shards"]}
            found |= {f"{folder}/docs/{n}.json" for n in range(len(manifest["chunks"]))}
    found.discard(None)
    return found


def test_every_published_file_is_used_by_something(site, site_url):
    published = {path.relative_to(site).as_posix() for path in site.rglob("*") if path.is_file()}
    unused = sorted(published - referenced_files(site, site_url))
    assert not unused, f"published but named by nothing: {unused}"


def test_the_search_script_reads_the_manifest_the_test_counts_as_referred():
    script = (ROOT / "docs" / "assets" / "javascripts" / "search.js").read_text(encoding="utf-8")
    assert "manifest.json" in script
    server = (ROOT / "deploy" / "nginx.conf").read_text(encoding="utf-8")
    assert "/404.html" in server and "/en/404.html" in server


def test_material_maintenance_and_search_files_are_not_published(site):
    assert not (site / "material.diff").exists()
    assert not list(site.rglob("*.map"))
    assert not (site / "assets" / "javascripts" / "lunr").exists()
    assert not (site / "assets" / "javascripts" / "workers").exists()
    for script in (site / "assets" / "javascripts").glob("bundle.*.min.js"):
        assert "sourceMappingURL" not in script.read_text(encoding="utf-8")
    for sheet in (site / "assets" / "stylesheets").glob("*.min.css"):
        assert "sourceMappingURL" not in sheet.read_text(encoding="utf-8")
