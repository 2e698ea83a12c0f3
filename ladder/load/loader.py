"""Find, safely load and fully validate a rules file; every problem located as file:line:column."""

from __future__ import annotations

import hashlib
import os
import re
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from ladder.errors import Problem, RulesError
from ladder.i18n.messages import MESSAGES, os_problem, t, yaml_problem
from ladder.io.files import read_limited
from ladder.io.locations import undecodable_at, yaml_error_at
from ladder.io.untrusted import shown
from ladder.load import cache
from ladder.load.references import Namer, dotted, find_reference_problems
from ladder.load.shipped import default_rules_path
from ladder.model import Rules
from ladder.result import RulesInfo

MAX_RULES_BYTES = 5 * 1024 * 1024
MAX_YAML_DEPTH = 64  # a rules file needs about 8; libyaml's composer recurses in C
MAX_YAML_NODES = 1_000_000  # after alias expansion: a 5 MB file cannot hold more honestly
Loader: type[Any] = getattr(yaml, "CSafeLoader", yaml.SafeLoader)

YamlPath = tuple[str | int, ...]


@dataclass(frozen=True)
class LoadedRules:
    """Validated rules and the file they came from."""

    rules: Rules
    info: RulesInfo


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
    if name == "-":  # no rules are read from standard input: a file is checked and cached
        raise RulesError(t("rules.not_stdin", lang), [])
    try:
        size = file.stat().st_size
        if size > MAX_RULES_BYTES:
            raise _single(name, lang, t("rules.too_large", lang, size=size, limit=MAX_RULES_BYTES))
        data = read_limited(file, MAX_RULES_BYTES)  # a pipe has no size to check first
        if len(data) > MAX_RULES_BYTES:
            raise _single(name, lang, t("rules.larger_than", lang, limit=MAX_RULES_BYTES))
        return data
    except FileNotFoundError:
        raise RulesError(t("rules.not_found", lang, file=name), []) from None
    except OSError as error:
        reason = os_problem(error, lang)
        raise RulesError(t("rules.unreadable", lang, file=name, reason=reason), []) from None


def parse_rules(data: bytes, name: str, lang: str = "en") -> LoadedRules:
    """Validate the bytes of a rules file named `name` (used in messages; an overlay's bases
    are found from its folder)."""
    if len(data) > MAX_RULES_BYTES:
        raise _single(name, lang, t("rules.too_large", lang, size=len(data), limit=MAX_RULES_BYTES))
    sha256 = hashlib.sha256(data).hexdigest()
    shas = [sha256]

    def bases_unchanged(bases: list[Any]) -> bool:  # only an overlay's entry has bases
        from ladder.load.overlay import unchanged

        found = unchanged(name, bases)
        shas[1:] = found or []
        return found is not None

    # Only bytes that passed every check below are ever cached, so errors come from the file.
    rules = cache.load(sha256, Rules, bases_unchanged)
    if rules is None:
        rules, bases = _parse_and_validate(data, name, lang)
        cache.store(sha256, rules, bases)
        shas[1:] = [sha for _, sha in bases]
    info = RulesInfo(
        path=name, sha256=_identity(shas), version=rules.version, region=rules.region.id
    )
    return LoadedRules(rules, info)


def _identity(shas: list[str]) -> str:
    if len(shas) == 1:
        return shas[0]
    from ladder.load.overlay import identity

    return identity(shas)


def _parse_and_validate(data: bytes, name: str, lang: str) -> tuple[Rules, list[list[str]]]:
    text = decode_rules(data, name, lang)
    raw = _parse_yaml(text, name, lang)
    if not isinstance(raw, dict):
        raise _single(name, lang, t("rules.not_mapping", lang), 1)
    if "extends" in raw:
        from ladder.load.overlay import resolve_bytes

        resolved = resolve_bytes(data, name, lang)
        root = resolved.root
        return _validate(resolved.raw(), lambda: root, name, lang), resolved.bases
    return _validate(raw, lambda: compose_named(text, name), name, lang), []


def decode_rules(data: bytes, name: str, lang: str) -> str:
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as error:
        line, _ = undecodable_at(data, error)
        raise _single(name, lang, t("rules.not_utf8", lang, reason=error.reason), line) from None


def compose_named(text: str, name: str) -> Any:
    """The YAML nodes of `text`, every mark naming `name` (for locating problems)."""
    import io

    stream = io.StringIO(text)
    stream.name = name  # the reader names every mark after its stream
    return yaml.compose(stream, Loader=Loader)


def _single(name: str, lang: str, message: str, line: int = 0) -> RulesError:
    return _invalid(name, lang, [Problem(name, line, 0, "", message)])


class YamlLimitError(yaml.MarkedYAMLError):
    """Refused before anything is built: nesting or alias expansion beyond the limits, or a
    key given twice (YAML would silently keep the last)."""


def check_yaml_limits(text: str, lang: str) -> None:
    """Walk the event stream (flat, no recursion): refuse deep nesting, alias bombs and
    duplicate keys.

    Aliases are counted by the size of what they repeat, so "billion laughs" stops at the
    first alias that crosses the limit, before any object exists.

    A parser may refuse deep nesting itself before it hands over the events that would trip
    the walk (libyaml 0.2.6 reads flow collections ahead and stops at 1,000 levels, with its
    own English words). When its error could be nesting, the walk is repeated with PyYAML's
    pure-Python parser, which hands events over as it goes, so the refusal is always ours.
    """
    walk = _LimitWalk(lang)
    try:
        walk.run(text, Loader)
    except YamlLimitError:
        raise
    except yaml.MarkedYAMLError as error:
        if Loader is yaml.SafeLoader or not walk.may_be_nesting(text, error):
            raise
        try:
            _LimitWalk(lang).run(text, yaml.SafeLoader)
        except YamlLimitError as ours:
            raise ours from None
        except yaml.YAMLError:
            pass
        raise error from None


# Characters that can open a collection: flow brackets, block entries and keys.
_OPENERS = re.compile(r"[\[{\-:?]")


class _LimitWalk:
    """One pass over a parser's events; remembers how deep it got and where."""

    def __init__(self, lang: str) -> None:
        self.lang = lang
        self.depth = 0
        self.index = 0  # where the last event started

    def may_be_nesting(self, text: str, error: yaml.MarkedYAMLError) -> bool:
        """Could the nesting have passed the limit between the last event and the error?"""
        end = error.problem_mark.index if error.problem_mark else len(text)
        openers = len(_OPENERS.findall(text, self.index, end + 1))
        return self.depth + openers > MAX_YAML_DEPTH

    def run(self, text: str, loader: type[Any]) -> None:
        lang = self.lang
        sizes: dict[str, int] = {}
        # per open collection: [start count, anchor, keys seen (None for a sequence), at a key]
        open_: list[list[Any]] = []
        total = 0
        event: Any = None
        try:
            for event in yaml.parse(text, Loader=loader):
                kind = type(event)
                if kind is yaml.MappingEndEvent or kind is yaml.SequenceEndEvent:
                    start, anchor, _, _ = open_.pop()
                    if anchor:
                        sizes[anchor] = total - start
                elif kind in _NODE_EVENTS:
                    parent = open_[-1] if open_ else None
                    if parent and parent[2] is not None and parent[3] and kind is yaml.ScalarEvent:
                        _check_key(parent[2], event, lang)
                    if kind is yaml.AliasEvent:
                        total += sizes.get(event.anchor, 1)
                    else:
                        total += 1
                    if kind is yaml.ScalarEvent or kind is yaml.AliasEvent:
                        if kind is yaml.ScalarEvent and event.anchor:
                            sizes[event.anchor] = 1
                    else:
                        keys: dict[str, int] | None = {} if kind is yaml.MappingStartEvent else None
                        open_.append([total - 1, event.anchor, keys, True])
                        if len(open_) > MAX_YAML_DEPTH:
                            problem = t("yaml.too_deep", lang, limit=MAX_YAML_DEPTH)
                            raise YamlLimitError(problem=problem, problem_mark=event.start_mark)
                else:
                    continue
                # a finished node flips its parent mapping between key and value
                done = kind is not yaml.MappingStartEvent and kind is not yaml.SequenceStartEvent
                if done and open_ and open_[-1][2] is not None:
                    open_[-1][3] = not open_[-1][3]
                if total > MAX_YAML_NODES:
                    problem = t("yaml.too_many_nodes", lang, limit=MAX_YAML_NODES)
                    raise YamlLimitError(problem=problem, problem_mark=event.start_mark)
        except yaml.MarkedYAMLError:
            self.depth = len(open_)
            self.index = event.start_mark.index if event is not None else 0
            raise


_NODE_EVENTS = (yaml.ScalarEvent, yaml.AliasEvent, yaml.MappingStartEvent, yaml.SequenceStartEvent)


def _check_key(keys: dict[str, int], event: Any, lang: str) -> None:
    if event.value in keys and event.value != "<<":
        problem = t("yaml.duplicate_key", lang, key=shown(event.value), line=keys[event.value])
        raise YamlLimitError(problem=problem, problem_mark=event.start_mark)
    keys[event.value] = event.start_mark.line + 1


def _parse_yaml(text: str, name: str, lang: str) -> Any:
    try:
        check_yaml_limits(text, lang)
        return yaml.load(text, Loader=Loader)
    except (yaml.YAMLError, ValueError) as error:  # ValueError: a scalar that cannot be built
        raise yaml_invalid(error, text, name, lang) from None


def yaml_invalid(error: Exception, text: str, name: str, lang: str) -> RulesError:
    """A YAML error in `text`, located."""
    line, column = yaml_error_at(text, error)
    return _invalid(name, lang, [Problem(name, line, column, "", _yaml_message(error, lang))])


def _yaml_message(error: Exception, lang: str) -> str:
    if isinstance(error, yaml.MarkedYAMLError):
        problem = error.problem or error.context or str(error)
        if isinstance(error, YamlLimitError):
            return t("yaml.limit", lang, problem=problem)
        return t("rules.yaml_syntax", lang, problem=yaml_problem(problem, lang))
    if isinstance(error, yaml.reader.ReaderError):
        code = f" (#x{error.character:04x})" if isinstance(error.character, int) else ""
        return t("rules.yaml_syntax", lang, problem=f"{error.reason}{code}")
    return t("rules.yaml_syntax", lang, problem=str(error))


def _invalid(name: str, lang: str, problems: list[Problem]) -> RulesError:
    return RulesError(t("rules.invalid", lang, file=name, count=len(problems)), problems)


def _validate(raw: dict[str, Any], root: Callable[[], Any], name: str, lang: str) -> Rules:
    """Validate the rules; `root` gives the YAML nodes that locate a problem (made on need)."""
    from pydantic import ValidationError

    try:
        rules = Rules.model_validate(raw, strict=True)  # YAML gives real types: coerce nothing
    except ValidationError as error:
        found = [(tuple(e["loc"]), _describe(e, lang), "") for e in error.errors()]
        raise _invalid(name, lang, _locate_all(found, root())) from None
    problems = find_reference_problems(rules, lang)
    if isinstance(raw.get("version"), bool):  # True == 1, so Literal[1] lets it through
        reason = f"Input should be 1 (got {raw['version']!r})"
        problems.append((("version",), t("rules.bad_value", lang, reason=reason), ""))
    if problems:
        raise _invalid(name, lang, _locate_all(problems, root()))
    return rules


def _describe(error: Any, lang: str) -> str:
    from ladder.load.references import did_you_mean, fields_at

    loc = tuple(error["loc"])
    kind = error["type"]
    if kind == "extra_forbidden":
        key = str(loc[-1])
        hint = did_you_mean(key, fields_at(loc[:-1]), lang)
        return t("rules.unknown_key", lang, key=shown(key)) + hint
    if kind == "missing":
        return t("rules.missing_key", lang, key=loc[-1])
    key = f"pydantic.{VALUE_ERRORS.get(kind, kind)}"
    if key in MESSAGES:
        context = {k: str(v) for k, v in (error.get("ctx") or {}).items()}
        if "expected" in context:  # "'a', 'b' or 'c'" in the chosen language
            context["expected"] = context["expected"].replace(" or ", f" {t('render.or', lang)} ")
        reason = t(key, lang, **context)
    else:
        reason = error["msg"]
    if "input" in error and not isinstance(error["input"], dict | list):
        reason += " " + t("rules.got", lang, value=repr(error["input"]))
    return t("rules.bad_value", lang, reason=reason)


# pydantic error types -> the message that explains them (the rest keep pydantic's text)
VALUE_ERRORS = {
    "list_type": "list_type",
    "dict_type": "dict_type",
    "model_type": "dict_type",
    "model_attributes_type": "dict_type",
    "string_type": "string_type",
    "int_type": "int_type",
    "int_parsing": "int_type",
    "int_from_float": "int_type",
    "bool_type": "bool_type",
    "bool_parsing": "bool_type",
    "literal_error": "literal_error",
    "string_pattern_mismatch": "string_pattern_mismatch",
    "too_short": "too_short",
    "greater_than_equal": "greater_than_equal",
    "less_than_equal": "less_than_equal",
}


def _locate_all(found: list[tuple[YamlPath, str, str]], root: Any) -> list[Problem]:
    """Each (path, message, fix) at the node its path leads to, in the file that wrote that
    node, its path written both ways."""
    named = Namer(root)
    problems = []
    for path, message, fix in found:
        file, line, column = locate_in(root, path)
        problems.append(Problem(file, line, column, dotted(path), message, named(path), fix))
    return sorted(
        problems,
        key=lambda p: (p.file != root.start_mark.name, p.file, p.line, p.column, p.message),
    )


def locate_in(node: Any, path: YamlPath) -> tuple[str, int, int]:
    """File, line and column of the deepest node on `path` (a key's own position for a
    mapping key). The file is the name the node's mark carries (see compose_named)."""
    mark = node.start_mark
    for part in path:
        child = None
        if isinstance(node, yaml.MappingNode):
            for key, value in node.value:
                if key.value == str(part):
                    mark, child = key.start_mark, value
                    break
        elif (
            isinstance(node, yaml.SequenceNode)
            and isinstance(part, int)
            and 0 <= part < len(node.value)
        ):
            child = node.value[part]
            mark = child.start_mark
        if child is None:
            break
        node = child
    return mark.name, mark.line + 1, mark.column + 1


def _locate(node: Any, path: YamlPath) -> tuple[int, int]:
    """Line and column of the deepest node on `path` (a key's own position for a mapping key)."""
    _, line, column = locate_in(node, path)
    return line, column


# Public names: `ladder check` locates its findings with the same code as the loader.
locate = _locate
locate_all = _locate_all
invalid = _invalid
