"""How search reads words: one table of rules, for indexing and for queries.

Plain logic, no MkDocs import. `RULES` is the single table. This module applies it when the
search index is built; the build writes the same table into each language's search manifest and
`docs/assets/javascripts/search.js` applies it, step for step, to what a visitor types. A test
runs the same words through both and requires the same result.

Steps, in order, for a word:
1. fold: Unicode NFKC, lower case, every `map` replacement (hamza and alef forms to bare alef,
   alef maqsura to ya, ta marbuta to ha, Arabic-Indic digits to ASCII), every `drop` character
   removed (tatweel, diacritics);
2. for an Arabic word, up to two stems: (a) strip one leading `articles` entry (the first that
   matches, longest listed first), then one trailing `suffixes` entry; (b) when the word starts
   with one of the `particles` (و ف ب ك ل), the same on the word without it. Every strip keeps at
   least `min_stem` letters. A word matches another when their stems meet, so «وحدة» (whose و is
   part of the word) still finds «الوحدة», and «بمكافحة» finds «مكافحة»;
3. for a Latin word: the first matching `english_plurals` rule, then the first matching
   `english_suffixes` rule (each a suffix, its replacement, the minimum stem length).
"""

from __future__ import annotations

import functools
import re
import unicodedata

RULES: dict = {
    "version": 1,
    "map": {
        "أ": "ا",
        "إ": "ا",
        "آ": "ا",
        "ٱ": "ا",
        "ى": "ي",
        "ة": "ه",
        "٠": "0",
        "١": "1",
        "٢": "2",
        "٣": "3",
        "٤": "4",
        "٥": "5",
        "٦": "6",
        "٧": "7",
        "٨": "8",
        "٩": "9",
        "۰": "0",
        "۱": "1",
        "۲": "2",
        "۳": "3",
        "۴": "4",
        "۵": "5",
        "۶": "6",
        "۷": "7",
        "۸": "8",
        "۹": "9",
    },
    # Tatweel and the Arabic diacritics (harakat, tanwin, shadda, sukun, superscript alef).
    "drop": "ـًٌٍَُِّْٰ",
    # A word is a run of these: Arabic letters, Latin letters and digits.
    "word": "[0-9A-Za-z\u00c0-\u024f\u0621-\u063a\u0641-\u064a\u0660-\u0669\u06f0-\u06f9"
    "\u0640\u064b-\u0652\u0670\u0671]+",
    "arabic": "[\u0621-\u064a]",
    "min_stem": 3,
    # The article with the particles attached to it, longest first (after folding: ال, not أل).
    "articles": ["وبال", "وكال", "وال", "فال", "بال", "كال", "ولل", "لل", "ال"],
    # One-letter particles attached to a word: and, so, with, like, for.
    "particles": ["و", "ف", "ب", "ك", "ل"],
    # Common suffixes, longest first (after folding: ة is ه).
    "suffixes": ["يات", "ات", "ون", "ين", "ان", "ها", "يه", "ه", "ي"],
    # English: (suffix, replacement, minimum stem length); in each list the first match applies.
    "english_plurals": [
        ["ies", "y", 3],
        ["sses", "ss", 2],
        ["ss", "ss", 2],
        ["us", "us", 2],
        ["is", "is", 2],
        ["s", "", 3],
    ],
    "english_suffixes": [
        ["ational", "ate", 3],
        ["ization", "ize", 3],
        ["isation", "ise", 3],
        ["ation", "ate", 3],
        ["ing", "", 4],
        ["ed", "", 4],
    ],
}

_MAP = str.maketrans({**RULES["map"], **{c: None for c in RULES["drop"]}})
_WORD = re.compile(RULES["word"])
_ARABIC = re.compile(RULES["arabic"])


def fold(text: str) -> str:
    """Text with case, letter variants, digits and diacritics folded (step 1)."""
    return unicodedata.normalize("NFKC", text).lower().translate(_MAP)


def _strip(word: str, affixes: list[str], at_start: bool) -> str:
    least = RULES["min_stem"]
    for affix in affixes:
        if len(word) - len(affix) >= least and (
            word.startswith(affix) if at_start else word.endswith(affix)
        ):
            return word[len(affix) :] if at_start else word[: -len(affix)]
    return word


def _arabic_stem(word: str) -> str:
    return _strip(_strip(word, RULES["articles"], True), RULES["suffixes"], False)


def stems(word: str) -> list[str]:
    """The search forms of one folded word (steps 2 and 3): one or two, distinct."""
    return list(_stems(word))


# A site's pages repeat their words: each word is stemmed once per build (a tenth of the index's
# time). The rules are constants, so a cached answer is the answer.
@functools.lru_cache(maxsize=1 << 16)
def _stems(word: str) -> tuple[str, ...]:
    if _ARABIC.search(word):
        found = [_arabic_stem(word)]
        if word[:1] in RULES["particles"] and len(word) - 1 >= RULES["min_stem"]:
            other = _arabic_stem(word[1:])
            if other != found[0]:
                found.append(other)
        return tuple(found)
    for table in ("english_plurals", "english_suffixes"):
        for suffix, replacement, least in RULES[table]:
            if word.endswith(suffix) and len(word) - len(suffix) >= least:
                word = word[: -len(suffix)] + replacement
                break
    return (word,)


def words(text: str) -> list[str]:
    """The words of a text, folded, in order (for snippets and highlighting)."""
    return _WORD.findall(fold(text))


def terms(text: str) -> list[list[str]]:
    """The search terms of a text: for every word, its stems, in order."""
    return [stems(word) for word in words(text)]


def match(query_word: str, text_word: str) -> bool:
    """Whether a typed word finds a word of a text (both unfolded)."""
    wanted = set(stems(fold(query_word)))
    return any(stem in wanted for stem in stems(fold(text_word)))
