"""Unit tests of the search index format (ctsite/search/index.py)."""

from __future__ import annotations

import json

from ctsite.search import analysis as text_analysis
from ctsite.search import index as search_index
from ctsite.search.index import Document


def test_text_of_a_page_leaves_out_title_permalinks_footnote_marks_and_scripts():
    html = (
        '<h1 id="t">Title</h1><p>Egypt <sup id="r"><a href="#f">1</a></sup>chairs.</p>'
        '<h2 id="a">Part<a class="headerlink" href="#a">¶</a></h2><br>'
        "<script>var x = 1;</script><p>More &amp; more</p>"
    )
    assert search_index.text_of(html) == "Egypt chairs. Part More & more"


def test_the_index_is_split_into_a_manifest_term_shards_and_document_chunks():
    documents = [
        Document("unit/", "وحدة مكافحة الإرهاب", "تأسست الوحدة لمكافحة الإرهاب الدولي."),
        Document("approach/", "المقاربة الشاملة", "المقاربة المصرية في مكافحة الارهاب."),
    ]
    files = search_index.build(documents, "ar")
    manifest = json.loads(files["manifest.json"])
    assert manifest["language"] == "ar"
    assert manifest["documents"] == 2
    assert manifest["rules"] == text_analysis.RULES
    key = search_index.shard_key("ارهاب")
    assert key == "627-631"
    assert key in manifest["shards"]
    terms = json.loads(files[f"terms/{key}.json"])
    # Document 0 has the word in its title (weight 5) and its text (1); document 1 in its text.
    assert terms["ارهاب"] == [[0, 6], [1, 1]]
    assert json.loads(files["docs/0.json"])[1] == [
        "approach/",
        "المقاربة الشاملة",
        "المقاربة المصرية في مكافحة الارهاب.",
        "page",  # what the result is (index.KINDS)
    ]
    assert set(files) == {"manifest.json", "docs/0.json"} | {
        f"terms/{k}.json" for k in manifest["shards"]
    }


def test_the_same_documents_give_the_same_files():
    documents = [Document("a/", "A", "alpha beta"), Document("b/", "B", "beta gamma")]
    assert search_index.build(documents, "en") == search_index.build(documents, "en")


def test_a_huge_page_keeps_every_chunk_under_the_limit():
    """A 10 MB page: its excerpt is bounded, every chunk stays under 64 KB compressed, and the
    pages after it are still found and shown."""
    import random

    words = ["terrorism", "cooperation", "framework", "council", "مكافحة", "الإرهاب", "التعاون"]
    generator = random.Random(7)
    huge = " ".join(
        generator.choice(words) + str(generator.randrange(10**6)) for _ in range(1_000_000)
    )
    assert len(huge) > 10_000_000
    documents = [Document(f"p{n}/", f"Page {n}", f"text of page {n} council") for n in range(25)]
    documents.insert(3, Document("huge/", "Huge", huge))
    files = search_index.build(documents, "en")
    manifest = json.loads(files["manifest.json"])
    chunk_files = [name for name in files if name.startswith("docs/")]
    assert len(chunk_files) == len(manifest["chunks"])
    for name in chunk_files:
        assert search_index.compressed_size(files[name]) <= search_index.CHUNK_LIMIT, name
    records = [
        record for n in range(len(chunk_files)) for record in json.loads(files[f"docs/{n}.json"])
    ]
    assert [record[0] for record in records] == [d.url for d in documents]
    assert len(records[3][2].encode("utf-8")) <= search_index.EXCERPT_BYTES


def test_a_document_is_found_in_the_chunk_the_manifest_points_to():
    documents = [Document(f"p{n}/", f"Page {n}", "x " * 20_000) for n in range(30)]
    files = search_index.build(documents, "en")
    starts = json.loads(files["manifest.json"])["chunks"]
    assert starts[0] == 0 and starts == sorted(starts) and len(starts) >= 3
    for number, start in enumerate(starts):
        assert json.loads(files[f"docs/{number}.json"])[0][0] == f"p{start}/"


def test_inline_markup_adds_no_space_and_blocks_keep_words_apart():
    html = '<p>the Committee (<abbr title="x">CTC</abbr>) <em>met</em></p><p>Next</p><li>a</li>'
    assert search_index.text_of(html) == "the Committee (CTC) met Next a"


def test_glossary_terms_and_un_documents_are_results_of_their_own():
    from ctsite.search.entries import entries

    content = (
        '<dl class="glossary">\n<dt id="extremism">Extremism</dt>\n<dd>\n<p>A definition.</p>\n'
        "</dd>\n</dl>"
        '<ol class="un-documents">\n<li class="un-documents__entry" id="doc-s-res-2354">\n'
        '<p class="un-documents__head"><time datetime="2017-05-24">24 May 2017</time> – '
        '<a class="un-document" href="https://docs.un.org/en/S/RES/2354(2017)">'
        "S/RES/2354 (2017)</a></p>\n<p>Resolution 2354</p>\n</li>\n</ol>"
    )
    found = entries(content, "en/glossary/")
    assert [(d.url, d.title, d.kind) for d in found] == [
        ("en/glossary/#extremism", "Extremism", "term"),
        ("en/glossary/#doc-s-res-2354", "S/RES/2354 (2017)", "document"),
    ]
    assert found[0].text == "A definition."
    assert "Resolution 2354" in found[1].text
