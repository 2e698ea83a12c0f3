"""Text from rules files, answers and the command line, as it may be echoed or accepted.

Echoed text (an unknown key, id or option in a message) could hold terminal escapes, which
clear a screen or recolour it, or direction overrides, which make one string display as
another: `shown` writes every such character as an escape (\\x1b, \\u202e) instead.
"""

from __future__ import annotations

import re
import unicodedata

# The best known of the characters that change how the text around them is displayed, or are
# not displayed at all: bidi embeddings, overrides and isolates, the Arabic letter mark,
# zero-width spaces and joiners, direction marks, and the byte order mark inside a text. Every
# format character is refused (word joiners, soft hyphens, tag characters ...), and so are line
# and paragraph separators and noncharacters: see `first_invisible`.
INVISIBLE = frozenset(
    [chr(c) for c in range(0x202A, 0x202F)]
    + [chr(c) for c in range(0x2066, 0x206A)]
    + [chr(c) for c in range(0x200B, 0x2010)]
    + ["\u061c", "\ufeff"]
)

# Control (C0, DEL, C1), format, surrogate, and line and paragraph separator characters.
_ESCAPED_CATEGORIES = frozenset(("Cc", "Cf", "Cs", "Zl", "Zp"))


# Every character a reader may take for the end of a line: folded into a space where a text
# must stay on one line (a table cell, a heading, a code span).
LINE_BREAKS = re.compile("\r\n|[\n\r\v\f\x1c-\x1e\x85\u2028\u2029]")


def shown_on_one_line(value: str) -> str:
    """`shown`, with every line break folded into a space."""
    return shown(LINE_BREAKS.sub(" ", value))


def shown(value: object) -> str:
    """`value` as text that is safe to print: unprintable characters as Python escapes."""
    text = str(value)
    if text.isprintable():  # the common case, checked in C
        return text
    return "".join(_escape(c) for c in text)


def _escape(char: str) -> str:
    if unicodedata.category(char) not in _ESCAPED_CATEGORIES:
        return char
    code = ord(char)
    if code < 0x100:
        return f"\\x{code:02x}"
    return f"\\u{code:04x}" if code < 0x10000 else f"\\U{code:08x}"


def first_invisible(text: str) -> str | None:
    """The first direction override or invisible character in `text`, as U+XXXX, or None."""
    if text.isprintable():  # every such character is unprintable
        return None
    found = next((c for c in text if _invisible(c)), None)
    return None if found is None else f"U+{ord(found):04X}"


def _invisible(char: str) -> bool:
    code = ord(char)
    noncharacter = 0xFDD0 <= code <= 0xFDEF or code & 0xFFFE == 0xFFFE
    return noncharacter or unicodedata.category(char) in ("Cf", "Zl", "Zp")


def has_control(text: str) -> bool:
    """Whether `text` holds a control character other than a newline or a tab."""
    if text.isprintable():
        return False
    return any(unicodedata.category(c) == "Cc" and c not in "\n\t" for c in text)
