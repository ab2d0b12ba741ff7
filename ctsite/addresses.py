"""The one check of an https address editors give (a catalogue entry's sources, a vocabulary's
`url`, a UN document's address and the register's pattern, a statement's sources, the
`contact_url` setting): a public https address, or why not.

Plain logic, no MkDocs import. Each caller names the file, the line and the field; this module
says what was found.
"""

from __future__ import annotations

import re
import unicodedata
from urllib.parse import quote, urlsplit

from ctsite.text import describe

# Characters an address never holds as they are (quotes and angle brackets end it in HTML and
# Markdown): written percent-encoded instead.
_QUOTES = frozenset("<>\"'")

# A host name: labels of letters, digits and hyphens (after IDNA encoding), the last alphabetic.
_LABEL = re.compile(r"^(?!-)[a-z0-9-]{1,63}(?<!-)$")


def address_problem(url: object) -> str | None:
    """Why an address is not a public https address, or None: what an editor reads after
    "expected a public https address, found".

    Parsed, not pattern-matched: written `https://` (lower case), a real host name (no IP
    address, no user name or password before it, no port but 443), no whitespace, control
    character or quote or angle bracket anywhere (written percent-encoded: `%27`)."""
    if not isinstance(url, str):
        return describe(url)
    for position, character in enumerate(url, start=1):
        if character.isspace() or unicodedata.category(character) in ("Cc", "Cf"):
            return f"U+{ord(character):04X} at position {position} in {describe(url)}"
        if character in _QUOTES:
            return (
                f"U+{ord(character):04X} ({unicodedata.name(character)}) at position {position} "
                f"in {describe(url)} (write it percent-encoded: {quote(character)})"
            )
    try:
        parts = urlsplit(url)
        port = parts.port
    except ValueError:
        return describe(url)
    if parts.scheme != "https":
        return f"{describe(url)} (scheme '{parts.scheme or 'none'}')"
    if not url.startswith("https://"):
        return f"{describe(url)} (expected it to start with 'https://')"
    if parts.username is not None or parts.password is not None or "@" in parts.netloc:
        return f"{describe(url)} (a user name before the host: the host is '{parts.hostname}')"
    host = parts.hostname or ""
    try:
        labels = host.encode("idna").decode("ascii").split(".") if host else []
    except UnicodeError:
        labels = []
    if len(labels) < 2 or not all(_LABEL.match(label) for label in labels):
        return f"{describe(url)} (host '{host or 'none'}')"
    top = labels[-1]
    if not (top.isalpha() or top.startswith("xn--")) or port not in (None, 443):
        return f"{describe(url)} (host '{host}')"
    return None
