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
    ]
    assert set(files) == {"manifest.json", "docs/0.json"} | {
        f"terms/{k}.json" for k in manifest["shards"]
    }


def test_the_same_documents_give_the_same_files():
    documents = [Document("a/", "A", "alpha beta"), Document("b/", "B", "beta gamma")]
    assert search_index.build(documents, "en") == search_index.build(documents, "en")
