"""Whether answers meet a `when` of the rules file: the one condition test, free of I/O and text,
shared by the engine, the answers (which questions are asked) and the checker."""

from __future__ import annotations


def applies(when: dict[str, list[str]], answers: dict[str, str]) -> bool:
    """Whether every question in `when` has one of its listed answers."""
    # A loop, not all(genexpr), which costs two to three times as much: the engine's innermost test.
    for key, values in when.items():  # noqa: SIM110
        if answers.get(key) not in values:
            return False
    return True
