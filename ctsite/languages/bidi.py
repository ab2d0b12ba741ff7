"""Latin runs inside right-to-left text, isolated so that the text around them keeps its order.

Plain logic, no MkDocs import. In an Arabic sentence such as «SC/12839، 24 مايو 2017», the
Unicode bidirectional algorithm attaches the comma and the digits «24» that follow a Latin run to
that run, so they are drawn on its far side, torn from «مايو». Wrapping the run in
`<bdi dir="ltr">` makes it one neutral unit for the surrounding text (an isolate), and the
punctuation and digits next to it stay where the Arabic reader expects them.

A run starts with a Latin letter and goes on over Latin letters, digits and the punctuation of
symbols and addresses (`S/RES/2354`, `https://...`), over spaces between Latin words
(`Global Counterterrorism Forum`) and over a following parenthesis of Latin or digits
(`S/RES/2354 (2017)`). It ends on a letter, a digit, a slash or a closing parenthesis: a full stop
or a comma after it belongs to the sentence. Text inside elements set left to right, inside
`<bdi>`, and inside elements whose text is not drawn as running text (code, scripts, form
options, the document's title, SVG) is left alone.
"""

from __future__ import annotations

import re

_LETTER = "A-Za-z\u00c0-\u024f"
# While runs are found, a private-use character stands for each of these character references,
# so that an address's `&` or a title's apostrophe stays inside its run.
_STAND_INS = {"&amp;": "\ue000", "&#39;": "\ue001", "&#x27;": "\ue002"}
_TOKEN = rf"[{_LETTER}][{_LETTER}0-9.\-/:@'#?=%+~_\ue000-\ue002]*"
_PAREN = rf"\([{_LETTER}0-9.\-/ ]*\)"
RUN = re.compile(rf"{_TOKEN}(?:[ ]{_TOKEN}|[ ]?{_PAREN})*")
# What a run may not end with: it belongs to the sentence.
_TRAILING = ".,:;?!'-@#=%+~_\ue000\ue001\ue002"

# Elements whose content is never touched, with their whole content.
_SKIPPED = frozenset(
    {
        "bdi",
        "code",
        "kbd",
        "math",
        "option",
        "pre",
        "samp",
        "select",
        "svg",
        "textarea",
        "title",
    }
)
# Elements whose content is raw text: scanned to their closing tag as is.
_RAW_TEXT = frozenset({"script", "style", "template"})
_VOID = frozenset(
    {
        "area",
        "base",
        "br",
        "col",
        "embed",
        "hr",
        "img",
        "input",
        "link",
        "meta",
        "source",
        "track",
        "wbr",
    }
)
_TAG = re.compile(r"<!--.*?-->|<!\[CDATA\[.*?\]\]>|<![^>]*>|<(/?)([a-zA-Z][\w:-]*)([^>]*)>", re.S)
# An element written left to right: its text is already isolated from the text around it.
_LTR = re.compile(r"""\sdir\s*=\s*["']?ltr\b""", re.I)

OPEN = '<bdi dir="ltr">'
CLOSE = "</bdi>"


# A character reference (`&para;`, `&#39;`) of escaped text: never part of a run.
_REFERENCE = re.compile(r"(&#?[A-Za-z0-9]+;)")


def isolate_text(text: str) -> str:
    """Text (HTML-escaped, without tags) with each Latin run wrapped in `<bdi dir="ltr">`."""
    for reference, stand_in in _STAND_INS.items():
        text = text.replace(reference, stand_in)
    pieces = _REFERENCE.split(text)
    for index in range(0, len(pieces), 2):  # the odd ones are other character references
        pieces[index] = RUN.sub(_wrap, pieces[index])
    text = "".join(pieces)
    for reference, stand_in in _STAND_INS.items():
        text = text.replace(stand_in, reference)
    return text


def _wrap(match: re.Match) -> str:
    run = match.group(0)
    kept = run.rstrip(_TRAILING + " ")
    if not kept:
        return run
    return OPEN + kept + CLOSE + run[len(kept) :]


def isolate(html: str) -> str:
    """An HTML document or fragment with every Latin run of its running text isolated.

    Args:
        html: HTML as MkDocs and Material write it.
    Returns:
        The same HTML, with `<bdi dir="ltr">...</bdi>` around each Latin run in text outside
        the skipped elements and outside elements that set `dir`.
    """
    out: list[str] = []
    skipped: list[str] = []  # open elements inside which nothing is touched
    position = 0
    while True:
        match = _TAG.search(html, position)
        end = match.start() if match else len(html)
        text = html[position:end]
        out.append(isolate_text(text) if text and not skipped else text)
        if match is None:
            break
        out.append(match.group(0))
        position = match.end()
        closing, name, attributes = match.group(1), match.group(2), match.group(3)
        if name is None:
            continue
        name = name.lower()
        if not closing and name in _RAW_TEXT:
            close = re.compile(rf"</{name}\s*>", re.I).search(html, position)
            stop = close.end() if close else len(html)
            out.append(html[position:stop])
            position = stop
        elif closing:
            if skipped and skipped[-1] == name:
                skipped.pop()
        elif name not in _VOID and not (attributes or "").rstrip().endswith("/"):
            if skipped or name in _SKIPPED or _LTR.search(attributes or ""):
                skipped.append(name)
    return "".join(out)
