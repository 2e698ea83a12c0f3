"""What no output of `ladder` may hold raw: shared by the injection tests and the fuzzers."""

from __future__ import annotations

import unicodedata

from ladder.untrusted import INVISIBLE


def raw_controls(text: str) -> list[str]:
    """Terminal controls (C0 but newline and tab, DEL, C1) and bidi or invisible characters."""
    return [
        f"U+{ord(c):04X}"
        for c in text
        if (unicodedata.category(c) == "Cc" and c not in "\n\t") or c in INVISIBLE
    ]
