"""MkDocs hook: the UN documents behind the record, linked wherever a page cites them.

Thin: the register and the timeline are read and checked by `un_documents.py` and
`timeline.py`; the HTML comes from `overrides/partials/un-document.html`, `timeline.html` and
`un-documents.html`. This hook
- turns every `[[SYMBOL]]` of a page into a link to the official document in the page's
  language, and reports an unknown symbol with the file, the line and the nearest symbols (a
  warning: fatal under `mkdocs build --strict`);
- puts the chairmanship timeline where a page has the line `<!-- timeline -->`;
- puts the list of every document, with the pages of this language that cite it, where the
  documents page has the line `<!-- un-documents -->`.
"""

from __future__ import annotations

import logging
import posixpath
import re
from pathlib import Path

import interface_text
import site_config
import timeline
import un_documents
from markupsafe import Markup, escape
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page

log = logging.getLogger("mkdocs.hooks.records")

# A Markdown line that the build replaces with the list of documents.
DOCUMENTS_MARKER = "<!-- un-documents -->"

# The language being built, its register, timeline, interface text, templates and which pages
# cite which documents; set anew at the start of every language's build (the i18n plugin builds
# each language in turn in one process, and `mkdocs serve` rebuilds in it too).
_build: dict = {}


def on_pre_build(config: MkDocsConfig) -> None:
    """Read the register and the timeline for this language's build."""
    i18n = config.plugins["i18n"]
    languages = [lang.code for lang in site_config.built_languages(i18n.config.languages)]
    data = Path(config.config_file_path).parent / "data"
    try:
        register = un_documents.load(data / "un-documents.yml", languages)
        entries = timeline.load(data / "timeline.yml", languages, register)
        ui = interface_text.load(data / "ui.yml", languages)
    except (
        un_documents.RegisterError,
        timeline.TimelineError,
        interface_text.InterfaceTextError,
    ) as error:
        raise PluginError(str(error)) from None
    language = i18n.current_language
    _build.clear()
    _build.update(
        language=language,
        register=register,
        timeline=entries,
        ui=ui[language],
        env=config.theme.get_env(),
        citations=un_documents.Citations(),
        titles={},
        links={},
        prefix=site_config.docs_prefix(Path(config.docs_dir), Path(config.config_file_path).parent),
    )


# Priority -110: after the i18n plugin's on_files (-100), so only this language's pages are
# here, each once (a priority above -100 sees both languages' files).
@event_priority(-110)
def on_files(files: Files, config: MkDocsConfig) -> Files:
    """Find which pages cite which documents; report every unknown symbol with its line."""
    register = _build["register"]
    for file in files.documentation_pages():
        text = file.content_string
        _build["titles"][file.src_uri] = _title(text, file.src_uri)
        for reference in un_documents.references(text):
            if reference.symbol in register.documents:
                _build["citations"].add(reference.symbol, file.src_uri)
            else:
                shown = f"{_build['prefix']}/{file.src_uri}"
                log.warning(un_documents.unknown_reference_message(shown, reference, register))
    return files


def on_page_markdown(markdown: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    """The timeline and the documents list where their lines are; links for `[[SYMBOL]]`."""
    if timeline.MARKER in markdown:
        if not _build["timeline"]:
            log.warning(
                f"{_build['prefix']}/{page.file.src_uri}: {timeline.MARKER}: expected entries in "
                "data/timeline.yml, found none"
            )
        markdown = markdown.replace(timeline.MARKER, _timeline_html(), 1)
    if DOCUMENTS_MARKER in markdown:
        markdown = markdown.replace(DOCUMENTS_MARKER, _documents_html(page, files), 1)
    return un_documents.replace_references(markdown, _link)


def _link(symbol: str) -> str | None:
    """A document's link, rendered once per build; None for an unknown symbol."""
    links = _build["links"]
    if symbol not in links:
        register = _build["register"]
        document = register.documents.get(symbol)
        if document is None:
            return None
        language = _build["language"]
        address, address_language = register.address(document, language)
        links[symbol] = Markup(
            _render(
                "partials/un-document.html",
                document=document,
                address=address,
                address_language=address_language,
                description=register.description(document, language),
            ).strip()
        )
    return links[symbol]


def _render(template: str, **context) -> str:
    """A template of the theme, with the page's language and its list separator."""
    language = _build["language"]
    separator = "، " if language == "ar" else ", "
    return (
        _build["env"]
        .get_template(template)
        .render(language=language, separator=separator, **context)
    )


def _timeline_html() -> str:
    language = _build["language"]
    entries = _build["timeline"]
    texts = [
        Markup(un_documents.replace_references(str(escape(entry.texts[language])), _link))
        for entry in entries
    ]
    links = {symbol: _link(symbol) for entry in entries for symbol in entry.documents}
    return _one_block(_render("partials/timeline.html", entries=entries, texts=texts, links=links))


def _documents_html(page: Page, files: Files) -> str:
    register = _build["register"]
    language = _build["language"]
    rows = []
    for document in register.by_date():
        cited = []
        for src_uri in _build["citations"].pages.get(document.symbol, []):
            file = files.get_file_from_path(src_uri)
            if file is None or file is page.file:
                continue
            cited.append(
                {"url": file.url_relative_to(page.file), "title": _build["titles"][src_uri]}
            )
        rows.append(
            {
                "document": document,
                "anchor": "doc-" + re.sub(r"[^a-z0-9]+", "-", document.symbol.lower()).strip("-"),
                "link": _link(document.symbol),
                # The date is shown beside it: a document without a title in this language is
                # described by its kind only.
                "description": document.titles.get(language)
                or register.kind_label(document, language),
                "in_other_language": register.address(document, language)[1] != language,
                "pages": cited,
            }
        )
    return _one_block(_render("partials/un-documents.html", rows=rows, ui=_build["ui"]))


def _one_block(html: str) -> str:
    """Rendered HTML as one raw HTML block of Markdown: no blank line inside it, and none of its
    `[[...]]` left for the reference pass."""
    lines = [line for line in html.splitlines() if line.strip()]
    return "\n" + "\n".join(lines) + "\n"


def _title(text: str, src_uri: str) -> str:
    """A page's title as its navigation shows it: front matter `title`, else its first
    level-one heading, else its file name."""
    front = re.match(r"^---\s*\n(.*?)\n---\s*\n", text, re.S)
    if front:
        title = re.search(r"^title:\s*[\"']?(.*?)[\"']?\s*$", front.group(1), re.M)
        if title:
            return title.group(1)
        text = text[front.end() :]
    heading = re.search(r"^#\s+(.+?)\s*#*\s*$", text, re.M)
    if heading:
        return re.sub(r"\s*\{[^}]*\}\s*$", "", heading.group(1))
    return posixpath.splitext(posixpath.basename(src_uri))[0]
