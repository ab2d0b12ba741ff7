"""The glossary: its data, the terminology checks with their messages and the quotation marker,
the glossary pages and <abbr> in both languages."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from sitecheck import ROOT, build, parsed, resolve

from ctsite.glossary import check, data

GLOSSARY = """
sorting:
  ar: {ignore_prefixes: [ال]}
terms:
  ctc:
    ar: لجنة مكافحة الإرهاب
    en: Counter-Terrorism Committee
    avoid: {en: [Counterterrorism Committee]}
    definition: {ar: لجنة, en: A committee}
  countering:
    ar: مكافحة الإرهاب
    en: [countering terrorism, counter-terrorism]
    definition: {ar: جهود, en: Efforts}
  gctf:
    ar: المنتدى العالمي لمكافحة الإرهاب
    en: Global Counterterrorism Forum
    definition: {ar: منتدى, en: A forum}
  strategy:
    ar: الاستراتيجية
    en: strategy
    avoid:
      ar: [الإستراتيجية]
      en: [{text: National Strategy, exact: true}]
    definition: {ar: خطة, en: A plan}
  azhar:
    ar: الأزهر الشريف
    en: Al-Azhar Al-Sharif
    definition: {ar: مؤسسة, en: An institution}
abbreviations:
  CTC:
    expansion: {ar: لجنة مكافحة الإرهاب, en: Counter-Terrorism Committee}
"""


@pytest.fixture
def glossary(tmp_path):
    path = tmp_path / "glossary.yml"
    path.write_text(GLOSSARY, encoding="utf-8")
    return data.load(path, ["ar", "en"])


def pages(tmp_path, ar: str, en: str) -> Path:
    docs = tmp_path / "docs"
    for language, text in (("ar", ar), ("en", en)):
        (docs / language).mkdir(parents=True, exist_ok=True)
        (docs / language / "page.md").write_text(text, encoding="utf-8")
    return docs


# Every message about a form to avoid ends with the way out for a quotation (the literal fix is
# deliberately part of the message: editors in the browser follow it as written).
QUOTATION = "(or, if it quotes a title or someone's own words, mark the quotation: <q>...</q>)"


def messages(docs, glossary) -> list[str]:
    return [f.message() for f in check.check_site(docs, ["ar", "en"], glossary)]


def test_a_form_to_avoid_is_named_with_page_line_term_and_expected_form(tmp_path, glossary):
    docs = pages(tmp_path, "# عنوان\n", "# Title\n\nThe Counterterrorism Committee met.\n")
    assert messages(docs, glossary) == [
        "docs/en/page.md, line 3: terminology: term 'ctc': expected 'Counter-Terrorism "
        "Committee', found 'Counterterrorism Committee'; in docs/en/page.md, on line 3, replace "
        "`Counterterrorism Committee` with `Counter-Terrorism Committee` " + QUOTATION
    ]


def test_a_page_too_large_to_read_is_named_for_its_size_only(tmp_path, glossary):
    """A page over the size limit is refused with its size (tests/test_untrusted_text.py) and
    read by no check: its 20 MB are not searched for terms, which took 5 s of a build."""
    from ctsite.catalogue.frontmatter import MAX_PAGE_BYTES

    used = "The Counterterrorism Committee met.\n"
    filler = "Text.\n" * (MAX_PAGE_BYTES // 6)
    docs = pages(tmp_path, "# عنوان\n", "# Title\n\n" + filler + used)
    assert messages(docs, glossary) == []
    # Just under the limit, the same form is read and named.
    under = filler[: MAX_PAGE_BYTES - len(used) - 100]
    docs = pages(tmp_path, "# عنوان\n", "# Title\n\n" + under + used)
    line = 3 + under.count("\n")
    assert [m.split(":")[0] for m in messages(docs, glossary)] == [f"docs/en/page.md, line {line}"]


def test_an_arabic_spelling_to_avoid_is_named_too(tmp_path, glossary):
    docs = pages(tmp_path, "# عنوان\n\nتنفيذ الإستراتيجية الوطنية.\n", "# Title\n")
    assert messages(docs, glossary) == [
        "docs/ar/page.md, line 3: terminology: term 'strategy': expected 'الاستراتيجية', "
        "found 'الإستراتيجية'; in docs/ar/page.md, on line 3, replace `الإستراتيجية` with "
        "`الاستراتيجية` " + QUOTATION
    ]


def test_an_exact_variant_counts_only_in_its_own_case(tmp_path, glossary):
    docs = pages(tmp_path, "# ع\n", "# T\n\nthe national strategy; the National Strategy.\n")
    assert messages(docs, glossary) == [
        "docs/en/page.md, line 3: terminology: term 'strategy': expected 'strategy', found "
        "'National Strategy'; in docs/en/page.md, on line 3, replace `National Strategy` with "
        "`strategy` " + QUOTATION
    ]


def test_a_term_of_the_arabic_page_must_be_in_its_translation(tmp_path, glossary):
    docs = pages(tmp_path, "# عنوان\n\nدور الأزهر الشريف.\n", "# Title\n\nThe role of Al-Azhar.\n")
    assert messages(docs, glossary) == [
        "docs/en/page.md, line 3: terminology: term 'azhar': expected 'Al-Azhar Al-Sharif', as "
        "docs/ar/page.md line 3 uses «الأزهر الشريف», found no 'Al-Azhar Al-Sharif' on the page; "
        "in docs/en/page.md, write `Al-Azhar Al-Sharif` in the paragraph that says the same "
        "(around line 3)"
    ]


def test_a_missing_term_is_placed_in_the_paragraph_in_the_same_place(tmp_path, glossary):
    arabic = "# عنوان\n\nفقرة أولى.\n\nفقرة ثانية\nعن الأزهر الشريف.\n\nفقرة ثالثة.\n"
    english = "# Title\n\nFirst paragraph.\n\nSecond paragraph,\non Al-Azhar.\n\nThird.\n"
    [message] = messages(pages(tmp_path, arabic, english), glossary)
    assert message.startswith("docs/en/page.md, line 5: terminology: term 'azhar'")
    assert "docs/ar/page.md line 6 uses" in message


def test_a_term_inside_a_longer_term_belongs_to_the_longer_one(tmp_path, glossary):
    arabic = "# عنوان\n\nعضو مؤسس للمنتدى العالمي لمكافحة الإرهاب.\n"
    docs = pages(
        tmp_path, arabic, "# Title\n\nA founding member of the Global Counterterrorism Forum.\n"
    )
    assert messages(docs, glossary) == []


def test_an_accepted_form_other_than_the_preferred_one_is_enough(tmp_path, glossary):
    docs = pages(
        tmp_path, "# عنوان\n\nجهود مكافحة الإرهاب.\n", "# Title\n\nCounter-terrorism work.\n"
    )
    assert messages(docs, glossary) == []


@pytest.mark.parametrize(
    "quoted",
    [
        "A source: <q>Egypt and the Counterterrorism Committee</q>.",
        "> The Counterterrorism Committee, as the report says.",
        "`Counterterrorism Committee`",
    ],
)
def test_a_marked_quotation_is_exempt(tmp_path, glossary, quoted):
    docs = pages(tmp_path, "# عنوان\n", f"# Title\n\n{quoted}\n")
    assert messages(docs, glossary) == []


def test_guillemets_and_source_titles_are_quotations_too(tmp_path, glossary):
    arabic = (
        "---\nsources:\n  - title: الإستراتيجية\n    url: https://a.org/\n---\n\n«الإستراتيجية»\n"
    )
    docs = pages(tmp_path, arabic, "# Title\n")
    assert messages(docs, glossary) == []


def test_the_glossary_is_sorted_in_each_language(glossary):
    assert [t.id for t in glossary.sorted_terms("ar")] == [
        "azhar",  # (ال)أزهر: the article is not counted, أ sorts as ا
        "strategy",  # (ال)استراتيجية
        "ctc",  # لجنة
        "countering",  # مكافحة
        "gctf",  # (ال)منتدى
    ]
    assert [t.id for t in glossary.sorted_terms("en")][:2] == ["azhar", "ctc"]


def test_every_problem_of_the_glossary_file_is_reported_at_once(tmp_path):
    path = tmp_path / "glossary.yml"
    path.write_text("terms:\n  Bad Id: {}\n  x: {en: y}\nabbreviations:\n  CTC: {}\n")
    with pytest.raises(data.GlossaryError) as raised:
        data.load(path, ["ar", "en"])
    assert str(raised.value).splitlines() == [
        "data/glossary.yml, line 2: terms: 'Bad Id': expected a lower-case id with its forms, "
        "found {}",
        "data/glossary.yml, line 3: terms: 'x': ar: expected the term's form, found None",
        "data/glossary.yml, line 3: terms: 'x': definition: expected a text for 'ar', "
        "found nothing",
        "data/glossary.yml, line 5: abbreviations: 'CTC': expansion: expected a text for 'ar', "
        "found nothing",
    ]


def test_the_sites_pages_follow_the_glossary():
    glossary = data.load(ROOT / "data" / "glossary.yml", ["ar", "en"])
    assert [f.message() for f in check.check_site(ROOT / "docs", ["ar", "en"], glossary)] == []


# --- The built site ----------------------------------------------------------------------------

HOME = {"ar": "", "en": "en/"}


def soup_of(site, path):
    return parsed(site / path)


@pytest.mark.parametrize("language", ["ar", "en"])
def test_the_glossary_page_lists_every_term_sorted_with_links_to_the_other_language(site, language):
    glossary = data.load(ROOT / "data" / "glossary.yml", ["ar", "en"])
    page = soup_of(site, f"{HOME[language]}glossary/index.html")
    terms = page.select("dl.glossary:not(.glossary--abbreviations) > dt")
    assert [dt["id"] for dt in terms] == [t.id for t in glossary.sorted_terms(language)]
    other = "en" if language == "ar" else "ar"
    target = soup_of(site, f"{HOME[other]}glossary/index.html")
    for dt in terms:
        link = dt.find_next_sibling("dd").select_one("a[hreflang]")
        assert link["hreflang"] == other
        assert resolve(f"{HOME[language]}glossary/", link["href"]) == f"{HOME[other]}glossary/"
        assert target.select_one(f"#{link['href'].split('#')[1]}") is not None
    abbreviations = page.select("dl.glossary--abbreviations abbr")
    assert {a.get_text() for a in abbreviations} == {a.text for a in glossary.abbreviations}


@pytest.mark.parametrize(
    ("path", "title"),
    [
        ("en/international/index.html", "Global Counterterrorism Forum"),
        ("international/ctc-chairmanship-2016/index.html", "مجموعة العمل المالي"),
    ],
)
def test_abbreviations_are_marked_up_in_the_pages_language(site, path, title):
    titles = {abbr["title"] for abbr in soup_of(site, path).select("article abbr")}
    assert title in titles


@pytest.mark.parametrize("language", ["ar", "en"])
def test_the_glossary_is_in_the_navigation_and_in_search(site, language):
    home = soup_of(site, f"{HOME[language]}index.html")
    assert any(
        resolve(HOME[language], a["href"]) == f"{HOME[language]}glossary/"
        for a in home.select("nav.md-nav--primary a")
    )
    chunks = (site / HOME[language] / "search" / "docs").glob("*.json")
    urls = [record[0] for chunk in chunks for record in json.loads(chunk.read_text())]
    assert f"{HOME[language]}glossary/" in urls


def test_a_variant_to_avoid_fails_the_strict_build_until_quoted(project_copy, tmp_path):
    project = project_copy
    page = project / "docs" / "en" / "privacy.md"
    text = page.read_text(encoding="utf-8")
    page.write_text(text + "\nThe Counterterrorism Committee.\n", encoding="utf-8")
    result = build(project, tmp_path / "site")
    output = result.stdout + result.stderr
    line = len(text.splitlines()) + 2
    assert result.returncode != 0
    assert (
        f"docs/en/privacy.md, line {line}: terminology: term 'ctc': expected "
        "'Counter-Terrorism Committee', found 'Counterterrorism Committee'" in output
    )
    page.write_text(text + "\n<q>The Counterterrorism Committee</q>.\n", encoding="utf-8")
    assert build(project, tmp_path / "site2").returncode == 0


def test_data_glossary_is_the_one_glossary():
    """No second list of terms to drift from data/glossary.yml: nothing in the repository points
    editors to another glossary."""
    import subprocess

    tracked = subprocess.run(
        ["git", "ls-files"], cwd=ROOT, capture_output=True, text=True, check=True
    ).stdout.split()
    assert not [name for name in tracked if "glossary" in name and name.startswith("source/")]
    pointing = [
        name
        for name in tracked
        if name.endswith((".md", ".yml", ".py", ".html"))
        and "source/glossary" in (ROOT / name).read_text(encoding="utf-8", errors="replace")
        and name != "tests/test_glossary.py"
    ]
    assert pointing == []
