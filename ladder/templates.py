"""The templates of a rules file ("Level: {level}. {promise}"): parsed, checked and filled.

A template may hold plain `{name}` placeholders only. str.format would also obey format specs
(`{project:>1500000000}` asks for 1.5 GB), conversions and attribute or index access, all
written by whoever wrote the rules file; `fill` never hands a template to str.format.
"""

from __future__ import annotations

import functools
import string

Pieces = tuple[tuple[str, str | None], ...]


class NotPlain(ValueError):
    """A placeholder with a format spec, a conversion, an attribute, an index or no name."""

    def __init__(self, field: str) -> None:
        super().__init__(field)
        self.field = field  # as written, e.g. "{project:>10}"


@functools.lru_cache(maxsize=4096)
def parse(template: str) -> Pieces:
    """(literal text, placeholder name or None) pairs; `{{` and `}}` are literal braces.

    Raises NotPlain for a placeholder that is not a plain name, ValueError for unbalanced
    braces.
    """
    pieces = []
    for literal, name, spec, conversion in string.Formatter().parse(template):
        if name is not None and (spec or conversion or not name.isidentifier()):
            bang = f"!{conversion}" if conversion else ""
            colon = f":{spec}" if spec else ""
            raise NotPlain(f"{{{name}{bang}{colon}}}")
        pieces.append((literal, name))
    return tuple(pieces)


def fill(template: str, values: dict[str, str]) -> str:
    """The template with each placeholder replaced by its value, and nothing else done."""
    return "".join(
        literal if name is None else literal + values[name] for literal, name in parse(template)
    )
