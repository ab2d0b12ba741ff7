"""The typographic repairs of a page's HTML (ctsite/theme/typography.py)."""

from __future__ import annotations

from ctsite.theme.typography import finish, keep_together, mark_adjacent_footnotes

MARKER = '<sup id="fnref:{0}"><a class="footnote-ref" href="#fn:{0}">{0}</a></sup>'


def test_a_year_range_is_kept_on_one_line_with_its_parentheses():
    assert keep_together("<h2>Chairmanship (2016–2017)</h2>") == (
        '<h2>Chairmanship <span class="nobreak">(2016–2017)</span></h2>'
    )
    assert keep_together("<p>2014–15 and 2023-2025</p>") == (
        '<p><span class="nobreak">2014–15</span> and <span class="nobreak">2023-2025</span></p>'
    )


def test_attributes_code_and_scripts_are_left_alone():
    html = '<a title="2016–2017">x</a><code>2016–2017</code><script>"2016–2017"</script>'
    assert keep_together(html) == html
    # Text after a skipped element is repaired again.
    assert keep_together("<code>1</code> 2016–2017") == (
        '<code>1</code> <span class="nobreak">2016–2017</span>'
    )
    assert keep_together("<p>24 May 2017, 1990s, S/RES/2354(2017)</p>") == (
        "<p>24 May 2017, 1990s, S/RES/2354(2017)</p>"
    )


def test_only_a_marker_right_after_another_is_marked():
    side_by_side = "<p>text" + MARKER.format(1) + MARKER.format(2) + "</p>"
    apart = "<p>one" + MARKER.format(1) + ", two" + MARKER.format(2) + "</p>"
    assert mark_adjacent_footnotes(side_by_side).count('class="footnote-next"') == 1
    assert 'class="footnote-next" id="fnref:2"' in mark_adjacent_footnotes(side_by_side)
    assert mark_adjacent_footnotes(apart) == apart
    assert finish(apart) == apart


def test_a_button_carries_its_absolute_address_for_print():
    from ctsite.theme.typography import button_addresses

    html = (
        '<p><a class="md-button md-button--primary" href="best-practices/?kind=offering">Offers'
        '</a> <a href="unit/">unit</a> <a class="md-button" href="../capacity-building/#request">'
        "Ask</a></p>"
    )
    done = button_addresses(html, "https://ct.example/en/")
    assert (
        'href="best-practices/?kind=offering" data-address="https://ct.example/en/best-practices/?kind=offering"'
        in done
    )
    assert 'data-address="https://ct.example/capacity-building/#request"' in done
    assert '<a href="unit/">' in done  # not a button
