"""The one check of an https address (`ctsite.addresses`), the strongest of those it replaced: the
same problem is reported the same way wherever an editor writes an address (a catalogue entry's
sources, a vocabulary's `url`, a UN document's address, a statement's sources, the contact
link of mkdocs.yml), each message naming the file, its line, what was expected and what was
found."""

from __future__ import annotations

import pytest
import yaml
from catalogue_fixtures import FILE, SCHEMA, valid
from sitecheck import LANGUAGES, ROOT

from ctsite import settings
from ctsite.addresses import address_problem
from ctsite.catalogue import schema, vocabularies
from ctsite.records import register as registers
from ctsite.statements import data as statements

# (address, what the editor reads after "found"); each refused before by one reader at least.
REFUSED = [
    ("http://www.mfa.gov.eg/", "'http://www.mfa.gov.eg/' (scheme 'http')"),
    (
        "HTTPS://www.mfa.gov.eg/",
        "'HTTPS://www.mfa.gov.eg/' (expected it to start with 'https://')",
    ),
    (
        "https://www.mfa.gov.eg/it's",
        "U+0027 (APOSTROPHE) at position 26 in 'https://www.mfa.gov.eg/it's' (write it "
        "percent-encoded: %27)",
    ),
    (
        "https://www.mfa.gov.eg/a>b",
        "U+003E (GREATER-THAN SIGN) at position 25 in 'https://www.mfa.gov.eg/a>b' (write it "
        "percent-encoded: %3E)",
    ),
    (
        'https://www.mfa.gov.eg/"a"',
        "U+0022 (QUOTATION MARK) at position 24 in 'https://www.mfa.gov.eg/\"a\"' (write it "
        "percent-encoded: %22)",
    ),
    ("https://www.mfa.gov.eg/a b", "U+0020 at position 25 in 'https://www.mfa.gov.eg/a b'"),
    ("https://127.0.0.1/x", "'https://127.0.0.1/x' (host '127.0.0.1')"),
    (
        "https://www.mfa.gov.eg@evil.example/x",
        "'https://www.mfa.gov.eg@evil.example/x' (a user name before the host: the host is "
        "'evil.example')",
    ),
]


@pytest.mark.parametrize(
    ("url", "found"),
    [
        *REFUSED,
        (
            "https://www.mfa.gov.eg/<b>",
            "U+003C (LESS-THAN SIGN) at position 24 in 'https://www.mfa.gov.eg/<b>' (write it "
            "percent-encoded: %3C)",
        ),
    ],
)
def test_an_address_is_refused_saying_why(url, found):
    assert address_problem(url) == found


@pytest.mark.parametrize(
    "url",
    [
        "https://www.mfa.gov.eg/",
        "https://docs.un.org/en/S/RES/2354(2017)",
        "https://مثال.مصر/صفحة",
        "https://www.example.org/a%27b?x=1&y=2#part",
    ],
)
def test_a_public_https_address_is_accepted(url):
    assert address_problem(url) is None


@pytest.mark.parametrize(("url", "found"), REFUSED)
def test_every_reader_reports_an_address_the_same_way(tmp_path, url, found):
    said = f"expected a public https address, found {found}"
    # A vocabulary's url, with its file and line.
    path = tmp_path / "institutions.yml"
    path.write_text(
        yaml.safe_dump({"azhar": {"ar": "الأزهر", "en": "Al-Azhar", "url": url}}),
        encoding="utf-8",
    )
    with pytest.raises(vocabularies.VocabularyError) as raised:
        vocabularies.load({"institutions": path}, list(LANGUAGES), tmp_path)
    assert f"institutions.yml, line 4: 'azhar': url: {said}" in str(raised.value)
    # A UN document's address.
    path = tmp_path / "un-documents.yml"
    path.write_text(
        yaml.safe_dump(
            {
                "address": "https://docs.un.org/{language}/{symbol}",
                "languages": ["ar", "en"],
                "kinds": {"press-release": {"ar": "بيان صحفي", "en": "UN press release"}},
                "documents": {
                    "SC/13110": {"date": "2017-12", "kind": "press-release", "address": url}
                },
            },
            allow_unicode=True,
        ),
        encoding="utf-8",
    )
    with pytest.raises(registers.RegisterError) as raised:
        registers.load(path, list(LANGUAGES))
    assert f": documents: 'SC/13110': address: {said}" in str(raised.value)
    # A statement's source, with its line.
    register = registers.load(ROOT / "data" / "un-documents.yml", list(LANGUAGES))
    entry = {
        "id": "2016-05-11-open-debate",
        "date": "2016-05-11",
        "venue": "security-council",
        "meeting": {"ar": "الجلسة", "en": "meeting"},
        "speaker": {"ar": "سامح شكري", "en": "Sameh Shoukry"},
        "role": {"ar": "وزير الخارجية", "en": "Minister"},
        "subjects": ["ideological"],
        "summary": {"ar": "ملخص.", "en": "A summary."},
        "sources": [{"title": "A page", "url": url}],
    }
    path = tmp_path / "statements.yml"
    path.write_text(yaml.safe_dump([entry], allow_unicode=True), encoding="utf-8")
    venues = yaml.safe_load((ROOT / "data" / "venues.yml").read_text(encoding="utf-8"))
    pillars = yaml.safe_load((ROOT / "data" / "pillars.yml").read_text(encoding="utf-8"))
    with pytest.raises(statements.StatementsError) as raised:
        statements.load(path, "data/statements.yml", list(LANGUAGES), venues, pillars, register)
    assert f"statement '2016-05-11-open-debate': sources: {said}" in str(raised.value)
    # A catalogue entry's source (its own wording of what is expected).
    found_there = [
        problem.message()
        for problem in schema.validate(
            valid(sources=[{"title": "T", "url": url}]), FILE, "azhar-observatory", SCHEMA
        )
    ]
    assert found_there == [
        f"{FILE}: field 'sources[1].url': expected an https address of a public host "
        f"(https://host/...), found {found}"
    ]
    # The contact link of mkdocs.yml (MkDocs' own check writes an upper-case scheme in lower
    # case first: what is published is right).
    if url.startswith("HTTPS://"):
        return
    values = {
        "interface_text": "data/ui.yml",
        "catalogue": {"fields": "data/catalogue-fields.yml"},
        "records": {"register": "data/un-documents.yml"},
        "glossary": "data/glossary.yml",
        "contact_url": url,
        "preload_fonts": {},
    }
    with pytest.raises(settings.SettingsError) as raised:
        settings.load(values, str(ROOT / "mkdocs.yml"))
    assert str(raised.value).endswith(f"mkdocs.yml: extra.site.contact_url: {said}")
