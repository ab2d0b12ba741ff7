"""Repairs of invalid markup that Material's templates write, applied to every built page.

Plain logic, no MkDocs import. Each repair changes nothing a browser does: it only removes what
the HTML standard does not allow.
"""

from __future__ import annotations

import re

# Material's nav-item.html writes `tabindex=""` on section labels that are not focusable; an empty
# tabindex is invalid HTML and browsers ignore it, so removing it changes no behaviour.
_EMPTY_TABINDEX = re.compile(r'\stabindex=""')


def drop_empty_tabindex(html: str) -> str:
    """The document without `tabindex=""` attributes."""
    return _EMPTY_TABINDEX.sub("", html)


_LABEL_FOR = re.compile(r'(<label\b[^>]*?)\sfor="([^"]+)"')


def drop_dangling_label_for(html: str) -> str:
    """The document without `for` attributes that name no element.

    Material's toc.html writes `<label for="__toc">` on section index pages whose navigation
    (nav-item.html, with navigation.indexes) does not write the `__toc` toggle; the label then
    points nowhere and clicking it does nothing, with or without the attribute.
    """

    def repair(match: re.Match) -> str:
        if f'id="{match.group(2)}"' in html:
            return match.group(0)
        return match.group(1)

    return _LABEL_FOR.sub(repair, html)


_TOC_TOGGLE = '<input class="md-nav__toggle md-toggle" type="checkbox" id="__toc">'


def drop_unlabelled_toc_toggle(html: str) -> str:
    """The document without Material's table-of-contents toggle when nothing can toggle it.

    On a page whose table of contents is empty, nav-item.html still writes the hidden `__toc`
    checkbox but no label for it: an unlabelled form control that does nothing.
    """
    if 'for="__toc"' in html:
        return html
    return html.replace(_TOC_TOGGLE, "")


_SEARCH_TOGGLE = (
    '<input class="md-toggle" data-md-toggle="search" type="checkbox" id="__search" '
    'autocomplete="off">'
)


def hide_unused_search_toggle(html: str) -> str:
    """Material's search toggle, hidden, when nothing on the page opens Material's search.

    base.html always writes it; the site uses its own search (partials/site-search.html), so the
    checkbox has no label. Material's script still reads it, so it stays, marked hidden.
    """
    if 'for="__search"' in html:
        return html
    return html.replace(
        _SEARCH_TOGGLE,
        '<input class="md-toggle" data-md-toggle="search" type="checkbox" id="__search" hidden>',
    )


def repair(html: str) -> str:
    """Every repair of this module, in order."""
    html = drop_dangling_label_for(drop_empty_tabindex(html))
    return hide_unused_search_toggle(drop_unlabelled_toc_toggle(html))
