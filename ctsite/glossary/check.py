"""Terminology checks: one spelling per word, and the glossary's terms carried across languages.

Plain logic, no MkDocs import. For each page of each language:
- no form the glossary says to avoid (an English variant such as "Counterterrorism Committee",
  an Arabic spelling such as «الإستراتيجية»);
- where the default language's page uses a term's form, the page in every other language for
  which the term has a form uses that form.
Quotations are exempt: text inside `<q>...</q>` or «...», block quotations (lines starting with
`>`) and the titles of a catalogue entry's `sources:`; so is code. Each finding names the page, the
line, the term, what was found and what is expected.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from ctsite.glossary.data import Glossary, Term, Variant
from ctsite.sources import Source, read_all

# Quotations and code, blanked out (their line breaks kept, so lines keep their numbers).
_QUOTED = re.compile(r"<q\b[^>]*>.*?</q>|«[^»\n]*»|`[^`\n]*`", re.DOTALL | re.IGNORECASE)
_FENCE = re.compile(r"^(```|~~~).*?^\1[^\n]*$", re.DOTALL | re.MULTILINE)
_BLOCKQUOTE = re.compile(r"^[ \t]*>.*$", re.MULTILINE)
# A catalogue entry's `sources:` field: the titles of cited sources, quotations by nature.
_SOURCES = re.compile(r"\A---\n(?:.*\n)*?(sources:\n(?:[ \t-].*\n)*)", re.MULTILINE)
# Arabic diacritics and tatweel: not part of a word's spelling.
_MARKS = re.compile("[\u0640\u064b-\u065f\u0670]")


@dataclass(frozen=True)
class Finding:
    file: str
    line: int | None
    term: str
    found: str
    expected: str

    # The literal fix: (found, write) for a form to avoid; the form to add for a missing term.
    replace: tuple[str, str] | None = None
    add: str | None = None

    def message(self) -> str:
        where = f"{self.file}, line {self.line}" if self.line else self.file
        text = (
            f"{where}: terminology: term '{self.term}': expected {self.expected}, "
            f"found {self.found}"
        )
        if self.replace:
            old, new = self.replace
            text += (
                f"; in {self.file}, on line {self.line}, replace `{old}` with `{new}` (or, if it "
                "quotes a title or someone's own words, mark the quotation: <q>...</q>)"
            )
        elif self.add:
            near = f" (around line {self.line})" if self.line else ""
            text += (
                f"; in {self.file}, write `{self.add}` in the paragraph that says the same{near}"
            )
        return text


def checked_text(markdown: str) -> str:
    """A page's Markdown with quotations and code blanked out, line numbers kept."""

    def blank(match: re.Match) -> str:
        return re.sub(r"[^\n]", " ", match.group(0))

    text = markdown
    sources = _SOURCES.match(text)
    if sources:
        start, end = sources.span(1)
        text = text[:start] + re.sub(r"[^\n]", " ", text[start:end]) + text[end:]
    text = _FENCE.sub(blank, text)
    text = _QUOTED.sub(blank, text)
    text = _BLOCKQUOTE.sub(blank, text)
    return _MARKS.sub("", text)


def _pattern(form: str, exact: bool = False) -> re.Pattern:
    """A form as a whole phrase: not inside a longer Latin word (Arabic forms may carry attached
    particles such as و or ب, so only Latin letters bound them)."""
    escaped = re.escape(_MARKS.sub("", form))
    if escaped.startswith("ال"):
        # Arabic script: after the preposition لـ the article's alef is not written
        # («للمنتدى» is «لـ» + «المنتدى»).
        escaped = "(?:ال|لل)" + escaped[2:]
    return re.compile(rf"(?<![A-Za-z]){escaped}(?![A-Za-z])", 0 if exact else re.IGNORECASE)


def _line(text: str, position: int) -> int:
    return text.count("\n", 0, position) + 1


def avoided(text: str, file: str, language: str, glossary: Glossary) -> list[Finding]:
    """Every use of a form to avoid in one page's checked text."""
    findings = []
    for term in glossary.terms:
        for variant in term.avoid.get(language, ()):
            for match in _pattern(variant.text, variant.exact).finditer(text):
                preferred = term.forms.get(language)
                findings.append(
                    Finding(
                        file,
                        _line(text, match.start()),
                        term.id,
                        f"'{match.group(0)}'",
                        _expected(term, language, variant),
                        replace=(match.group(0), preferred) if preferred else None,
                    )
                )
    return findings


def _expected(term: Term, language: str, variant: Variant) -> str:
    preferred = term.forms.get(language)
    return f"'{preferred}'" if preferred else f"another form than '{variant.text}'"


def carried(
    source: str,
    source_file: str,
    translation: str,
    translation_file: str,
    source_language: str,
    language: str,
    glossary: Glossary,
) -> list[Finding]:
    """The terms the source page uses whose form is missing from its translation."""
    findings = []
    for term in glossary.terms:
        if source_language not in term.forms or language not in term.forms:
            continue
        # «مكافحة الإرهاب» inside «المنتدى العالمي لمكافحة الإرهاب» is that longer term's.
        text = _without_longer_terms(source, term, source_language, glossary)
        used = None
        for form in term.accepted(source_language):
            used = used or _pattern(form).search(text)
        if used is None:
            continue
        if any(_pattern(form).search(translation) for form in term.accepted(language)):
            continue
        line = _line(text, used.start())
        findings.append(
            Finding(
                translation_file,
                _matching_line(source, line, translation),
                term.id,
                f"no '{term.forms[language]}' on the page",
                f"'{term.forms[language]}', as {source_file} line {line} "
                f"uses «{term.forms[source_language]}»",
                add=term.forms[language],
            )
        )
    return findings


def _block_starts(text: str) -> list[int]:
    """The first line of each block (paragraph, list, heading...) of a page: a line with text
    after a blank line."""
    starts, blank = [], True
    for number, line in enumerate(text.splitlines(), start=1):
        if line.strip() and blank:
            starts.append(number)
        blank = not line.strip()
    return starts


def _matching_line(source: str, line: int, translation: str) -> int | None:
    """Where the translation says what the source's line says, as far as the pages keep the
    same order of blocks (a translation does): the first line of the translation's block in the
    same place, or of its last block."""
    source_starts = _block_starts(source)
    index = max(0, sum(1 for start in source_starts if start <= line) - 1)
    starts = _block_starts(translation)
    return starts[min(index, len(starts) - 1)] if starts else None


def _without_longer_terms(text: str, term: Term, language: str, glossary: Glossary) -> str:
    """The text with every longer term's form that contains this term's form blanked out."""
    own = term.forms[language]
    for other in glossary.terms:
        for form in other.accepted(language) if language in other.forms else ():
            if other is not term and len(form) > len(own) and own in form:
                text = _pattern(form).sub(lambda m: " " * len(m.group(0)), text)
    return text


def check_site(
    docs_dir: Path,
    languages: list[str],
    glossary: Glossary,
    prefix: str = "docs",
    pages: tuple[Source, ...] | None = None,
) -> list[Finding]:
    """Every finding of every page of every language; the first language is the source.

    Args:
        pages: the sources already read (the build's); read from `docs_dir` when None.
    """
    source_language = languages[0]
    texts: dict[str, dict[str, str]] = {language: {} for language in languages}
    for source in read_all(docs_dir, languages) if pages is None else pages:
        if source.language in texts:
            texts[source.language][source.page] = checked_text(source.text)
    findings = []
    for language in languages:
        for page, text in texts[language].items():
            findings += avoided(text, f"{prefix}/{language}/{page}", language, glossary)
            if language != source_language and page in texts[source_language]:
                findings += carried(
                    texts[source_language][page],
                    f"{prefix}/{source_language}/{page}",
                    text,
                    f"{prefix}/{language}/{page}",
                    source_language,
                    language,
                    glossary,
                )
    return findings
