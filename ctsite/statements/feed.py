"""The statements of one language as an Atom 1.0 feed and as JSON.

Plain logic, no MkDocs import. Both are made from the statements alone, never from the time of
the build: the same statements give the same bytes (reproducible builds), and a feed's `updated`
is its newest statement's date.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from urllib.parse import urlsplit
from xml.etree import ElementTree

from ctsite.statements.data import Statement

ATOM = "http://www.w3.org/2005/Atom"
XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"


@dataclass(frozen=True)
class View:
    """One statement as one language shows it: labels resolved, addresses absolute."""

    statement: Statement
    language: str
    venue: str  # the venue's label
    subjects: tuple[tuple[str, str], ...]  # (key, label)
    documents: tuple[tuple[str, str, str], ...]  # (symbol as printed, address, its language)
    url: str  # absolute: the statement on the statements page of this language
    translations: dict[str, str]  # language -> the same statement's absolute address
    anchor: str
    date_written: str  # the date in the language's long form

    @property
    def title(self) -> str:
        """The entry's title: who spoke, where."""
        s = self.statement
        return f"{s.speaker[self.language]}, {self.venue}: {s.meeting[self.language]}"


def anchor(statement: Statement) -> str:
    """The statement's id on the statements page: `statement-2016-05-11-open-debate`."""
    return f"statement-{statement.id}"


def _timestamp(statement: Statement) -> str:
    day = statement.date
    return f"{day.year:04d}-{day.month:02d}-{day.day or 1:02d}T00:00:00Z"


def _tag(site_url: str, statement: Statement, language: str) -> str:
    """A stable id (RFC 4151 tag URI): the site's host, the statement's date and id, and the
    feed's language; it does not change when the statement's text does."""
    host = urlsplit(site_url).hostname or "localhost"
    return f"tag:{host},{statement.date.year:04d}:statements/{language}/{statement.id}"


def atom(
    views: list[View],
    *,
    language: str,
    site_url: str,
    feed_url: str,
    page_url: str,
    title: str,
    subtitle: str,
    author: str,
) -> bytes:
    """The Atom feed of a language's statements, newest first, as UTF-8 bytes."""
    ElementTree.register_namespace("", ATOM)
    feed = ElementTree.Element(f"{{{ATOM}}}feed", {XML_LANG: language})

    def add(parent, tag: str, text: str | None = None, **attributes) -> ElementTree.Element:
        element = ElementTree.SubElement(parent, f"{{{ATOM}}}{tag}", attributes)
        if text is not None:
            element.text = text
        return element

    host = urlsplit(site_url).hostname or "localhost"
    add(feed, "id", f"tag:{host},2016:statements/{language}")
    add(feed, "title", title)
    add(feed, "subtitle", subtitle)
    newest = max((_timestamp(v.statement) for v in views), default="2016-01-01T00:00:00Z")
    add(feed, "updated", newest)
    add(feed, "link", rel="self", type="application/atom+xml", href=feed_url)
    add(feed, "link", rel="alternate", type="text/html", href=page_url, hreflang=language)
    add(add(feed, "author"), "name", author)
    for view in views:
        statement = view.statement
        entry = add(feed, "entry")
        add(entry, "id", _tag(site_url, statement, language))
        add(entry, "title", view.title)
        add(entry, "published", _timestamp(statement))
        add(entry, "updated", _timestamp(statement))
        add(entry, "link", rel="alternate", type="text/html", href=view.url, hreflang=language)
        for other, url in view.translations.items():
            add(entry, "link", rel="alternate", type="text/html", href=url, hreflang=other)
        add(add(entry, "author"), "name", statement.speaker[language])
        for key, label in view.subjects:
            add(entry, "category", term=key, label=label)
        add(entry, "summary", statement.summary[language], type="text")
    ElementTree.indent(feed)
    return (
        b'<?xml version="1.0" encoding="utf-8"?>\n'
        + ElementTree.tostring(feed, encoding="utf-8", xml_declaration=False)
        + b"\n"
    )


def to_json(views: list[View], language: str) -> str:
    """A language's statements as JSON: `{"language": ..., "statements": [...]}`, newest first."""
    return (
        json.dumps(
            {
                "language": language,
                "statements": [
                    {
                        "id": v.statement.id,
                        "date": v.statement.date.iso,
                        "venue": {"key": v.statement.venue, "label": v.venue},
                        "meeting": v.statement.meeting[language],
                        "speaker": v.statement.speaker[language],
                        "role": v.statement.role[language],
                        "subjects": [{"key": k, "label": label} for k, label in v.subjects],
                        "summary": v.statement.summary[language],
                        "documents": [
                            {"symbol": symbol, "url": url} for symbol, url, _ in v.documents
                        ],
                        "sources": [{"title": s.title, "url": s.url} for s in v.statement.sources],
                        "url": v.url,
                        "translation_urls": v.translations,
                    }
                    for v in views
                ],
            },
            ensure_ascii=False,
            indent=2,
        )
        + "\n"
    )
