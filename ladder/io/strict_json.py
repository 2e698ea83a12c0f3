"""JSON read as strictly as the YAML reader reads YAML: a key given twice in one object and the
non-JSON constants NaN and Infinity are refused, not silently resolved or passed on.

Python's `json` keeps the last of two equal keys and reads `NaN`, which it then writes back
as bare `NaN`, which is not JSON. Answers files and batch rows both read through `loads`.
"""

from __future__ import annotations

import json
import math
import re
from typing import Any

from ladder.i18n.messages import t


class RefusedJSON(ValueError):
    """Valid to Python's reader, refused here: `key` names the message, `value` the culprit."""

    def __init__(self, key: str, value: str) -> None:
        super().__init__(value)
        self.key = key
        self.value = value


def _object(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    found = dict(pairs)
    if len(found) < len(pairs):
        seen = set()
        for key, _ in pairs:
            if key in seen:
                raise RefusedJSON("json.duplicate_key", key)
            seen.add(key)
    return found


def _constant(name: str) -> Any:
    raise RefusedJSON("json.not_a_number", name)


MAX_DIGITS = 100  # no answer is a number; past Python's own limit int() would refuse in English


def _integer(digits: str) -> int:
    if len(digits) > MAX_DIGITS:
        raise RefusedJSON("json.long_number", digits)
    return int(digits)


def _number(text: str) -> float:
    value = float(text)
    if math.isinf(value):  # 1e999: JSON has no infinity, and writing it back is not JSON
        raise RefusedJSON("json.long_number", text)
    return value


_decoder = json.JSONDecoder(
    object_pairs_hook=_object, parse_constant=_constant, parse_int=_integer, parse_float=_number
)


def loads(text: str) -> Any:
    """Strict JSON; a leading byte order mark (as Windows editors write) is skipped."""
    return _decoder.decode(text.removeprefix("\ufeff"))


def problem(error: ValueError | RecursionError, lang: str) -> str:
    """Why a JSON text was not read, in `lang`."""
    if isinstance(error, RefusedJSON):
        value = error.value if len(error.value) <= 20 else error.value[:16] + "…"
        reason = t(error.key, lang, value=value)
    elif isinstance(error, RecursionError):  # json nests by recursion
        return t("json.too_deep", lang)
    else:
        reason = getattr(error, "msg", None) or str(error)
    return t("json.invalid", lang, reason=reason)


def position(text: str, error: ValueError | RecursionError) -> tuple[int, int] | None:
    """Line and column of the problem, where they can be told: a refused key is found as
    the second `"key":` of the text, a refused constant as its first bare occurrence."""
    if isinstance(error, json.JSONDecodeError):
        return error.lineno, error.colno
    if not isinstance(error, RefusedJSON):
        return None
    if error.key == "json.duplicate_key":
        spelled = re.escape(json.dumps(error.value, ensure_ascii=False)) + r"\s*:"
        found = list(re.finditer(spelled, text))[1:2]
    else:
        found = list(re.finditer(r"(?<![\w\"])" + re.escape(error.value), text))[:1]
    if not found:
        return None
    start = found[0].start()
    return text.count("\n", 0, start) + 1, start - text.rfind("\n", 0, start)
