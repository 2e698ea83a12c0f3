"""Find, safely load and fully validate a rules file; every problem is located as file:line:column."""

from __future__ import annotations

import hashlib
import os
from dataclasses import dataclass
from importlib import resources
from pathlib import Path
from typing import Any

import yaml

from .errors import Problem, RulesError
from .messages import t
from .model import Rules, RulesInfo
from .references import dotted, find_reference_problems

MAX_RULES_BYTES = 5 * 1024 * 1024
DEFAULT_RULES_NAME = "ladder.yaml"
Loader: type[Any] = getattr(yaml, "CSafeLoader", yaml.SafeLoader)

YamlPath = tuple[str | int, ...]


@dataclass(frozen=True)
class LoadedRules:
    rules: Rules
    info: RulesInfo


def default_rules_path() -> Path:
    """The packaged default rules (inside the wheel), or data/ladder.yaml in a source checkout."""
    packaged = resources.files("ladder") / "data" / DEFAULT_RULES_NAME
    if packaged.is_file():
        return Path(str(packaged))
    return Path(__file__).resolve().parent.parent / "data" / DEFAULT_RULES_NAME


def find_rules(option: str | os.PathLike[str] | None) -> Path:
    """--rules, then $LADDER_RULES, then the packaged default."""
    if option:
        return Path(option)
    env = os.environ.get("LADDER_RULES")
    return Path(env) if env else default_rules_path()


def load_rules(path: str | os.PathLike[str] | None = None, lang: str = "en") -> LoadedRules:
    """Read, parse and validate a rules file. Raises RulesError listing every problem."""
    file = find_rules(path)
    data = read_rules_bytes(file, lang)
    return parse_rules(data, str(file), lang)


def read_rules_bytes(file: Path, lang: str) -> bytes:
    name = str(file)
    try:
        size = file.stat().st_size
        if size > MAX_RULES_BYTES:
            raise _single(name, t("rules.too_large", lang, size=size, limit=MAX_RULES_BYTES))
        with file.open("rb") as handle:
            return handle.read(MAX_RULES_BYTES + 1)
    except FileNotFoundError:
        raise RulesError(t("rules.not_found", lang, file=name), []) from None
    except (IsADirectoryError, PermissionError, OSError) as error:
        reason = error.strerror or str(error)
        raise RulesError(t("rules.unreadable", lang, file=name, reason=reason), []) from None


def parse_rules(data: bytes, name: str, lang: str = "en") -> LoadedRules:
    """Validate the bytes of a rules file named `name` (used in messages)."""
    if len(data) > MAX_RULES_BYTES:
        raise _single(name, t("rules.too_large", lang, size=len(data), limit=MAX_RULES_BYTES))
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as error:
        line = data[: error.start].count(b"\n") + 1
        raise _single(name, t("rules.not_utf8", lang, reason=error.reason), line) from None
    raw = _parse_yaml(text, name, lang)
    if not isinstance(raw, dict):
        raise _single(name, t("rules.not_mapping", lang), 1)
    rules = _validate(raw, text, name, lang)
    info = RulesInfo(
        path=name,
        sha256=hashlib.sha256(data).hexdigest(),
        version=rules.version,
        region=rules.region.id,
    )
    return LoadedRules(rules, info)


def _single(name: str, message: str, line: int = 0, column: int = 0) -> RulesError:
    problem = Problem(name, line, column, "", message)
    return RulesError(t("rules.invalid", "en", file=name, count=1), [problem])


def _parse_yaml(text: str, name: str, lang: str) -> Any:
    try:
        return yaml.load(text, Loader=Loader)  # noqa: S506 - a safe loader
    except yaml.MarkedYAMLError as error:
        mark = error.problem_mark or error.context_mark
        problem = error.problem or error.context or str(error)
        line, column = (mark.line + 1, mark.column + 1) if mark else (0, 0)
        message = t("rules.yaml_syntax", lang, problem=problem)
        raise _invalid(name, lang, [Problem(name, line, column, "", message)]) from None
    except yaml.YAMLError as error:
        message = t("rules.yaml_syntax", lang, problem=str(error))
        raise _invalid(name, lang, [Problem(name, 0, 0, "", message)]) from None


def _invalid(name: str, lang: str, problems: list[Problem]) -> RulesError:
    return RulesError(t("rules.invalid", lang, file=name, count=len(problems)), problems)


def _validate(raw: dict[str, Any], text: str, name: str, lang: str) -> Rules:
    from pydantic import ValidationError

    try:
        rules = Rules.model_validate(raw)
    except ValidationError as error:
        found = [(tuple(e["loc"]), _describe(e, lang)) for e in error.errors()]
        raise _invalid(name, lang, _locate_all(found, text, name)) from None
    problems = find_reference_problems(rules, lang)
    if problems:
        raise _invalid(name, lang, _locate_all(problems, text, name))
    return rules


def _describe(error: Any, lang: str) -> str:
    from .references import did_you_mean, fields_at

    loc = tuple(error["loc"])
    kind = error["type"]
    if kind == "extra_forbidden":
        key = str(loc[-1])
        return t("rules.unknown_key", lang, key=key) + did_you_mean(key, fields_at(loc[:-1]), lang)
    if kind == "missing":
        return t("rules.missing_key", lang, key=loc[-1])
    reason = error["msg"]
    if "input" in error and not isinstance(error["input"], dict | list):
        reason += f" (got {error['input']!r})"
    return t("rules.bad_value", lang, reason=reason)


def _locate_all(found: list[tuple[YamlPath, str]], text: str, name: str) -> list[Problem]:
    root = yaml.compose(text, Loader=Loader)
    problems = []
    for path, message in found:
        line, column = _locate(root, path)
        problems.append(Problem(name, line, column, dotted(path), message))
    return sorted(problems, key=lambda p: (p.line, p.column, p.message))


def _locate(node: Any, path: YamlPath) -> tuple[int, int]:
    """Line and column of the deepest node on `path` (a key's own position for a mapping key)."""
    mark = node.start_mark
    for part in path:
        child = None
        if isinstance(node, yaml.MappingNode):
            for key, value in node.value:
                if key.value == str(part):
                    mark, child = key.start_mark, value
                    break
        elif isinstance(node, yaml.SequenceNode) and isinstance(part, int):
            if 0 <= part < len(node.value):
                child = node.value[part]
                mark = child.start_mark
        if child is None:
            break
        node = child
    return mark.line + 1, mark.column + 1


# Public names: `ladder check` locates its findings with the same code as the loader.
locate = _locate
locate_all = _locate_all
