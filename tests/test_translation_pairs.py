"""Unit tests of ctsite/languages/pairs.py: which page is missing in which language."""

from pathlib import Path

from ctsite.languages import pairs as translation_pairs


def write(path: Path, text: str = "# t\n") -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")


def test_pages_are_listed_per_language_relative_to_their_folder(tmp_path):
    write(tmp_path / "ar" / "index.md")
    write(tmp_path / "ar" / "unit" / "index.md")
    write(tmp_path / "en" / "index.md")
    write(tmp_path / "assets" / "notes.md")  # not a language folder
    pages = translation_pairs.pages_by_language(tmp_path, ["ar", "en"])
    assert pages == {"ar": {"index.md", "unit/index.md"}, "en": {"index.md"}}


def test_paired_pages_report_nothing():
    assert translation_pairs.find_missing({"ar": {"a.md"}, "en": {"a.md"}}) == []


def test_every_missing_page_is_named_in_either_direction():
    missing = translation_pairs.find_missing(
        {"ar": {"index.md", "unit/index.md"}, "en": {"index.md", "privacy.md"}}
    )
    assert [item.missing for item in missing] == ["docs/ar/privacy.md", "docs/en/unit/index.md"]
    assert missing[1].present_in == ("docs/ar/unit/index.md",)


def test_the_report_names_the_file_where_it_is_expected_and_why():
    report = translation_pairs.report(
        translation_pairs.find_missing({"ar": {"unit/index.md"}, "en": set()})
    )
    assert report == (
        "1 page(s) without a translation:\n"
        "  - docs/en/unit/index.md: missing translation; expected this file because "
        "docs/ar/unit/index.md exists. Create docs/en/unit/index.md (same relative path in "
        "every language folder)."
    )
