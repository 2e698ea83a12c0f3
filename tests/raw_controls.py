"""What no output of `ladder` may hold raw, and the hostile input the fuzzers make it from."""

from __future__ import annotations

import unicodedata

from ladder.io.untrusted import INVISIBLE

# Terminal codes (C0, DEL, C1), direction overrides and invisible characters, line breaks.
HOSTILE_CHARS = (
    "\x1b\x07\x08\x0d\x7f\x85\x9b\x9d\u200b\u200e\u200f\u202a\u202e\u2066\u2069\u061c\ufeff\u2028"
)
# Format specs, conversions, attribute and index access, positional and nested fields.
FORMAT_SPECS = [
    "{project:>1500000000}",
    "{level:d}",
    "{level!r}",
    "{project:{region}}",
    "{level.__class__}",
    "{level[0]}",
    "{}",
    "{0}",
]
HOSTILE_TEXTS = [
    "\x1b[2J\x1b[31mALL CHECKS PASSED",
    "\x9b2J",
    "\x1b]0;title\x07",
    "nej\u202e",
    "a\u200bb",
    "\ufeffx",
    *FORMAT_SPECS,
]


def raw_controls(text: str) -> list[str]:
    """Terminal controls (C0 but newline and tab, DEL, C1) and bidi or invisible characters."""
    return [
        f"U+{ord(c):04X}"
        for c in text
        if (unicodedata.category(c) == "Cc" and c not in "\n\t") or c in INVISIBLE
    ]
