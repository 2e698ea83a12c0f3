"""Checks of a rules file beyond its shape: unique ids, references, languages and templates.

Each problem is returned with its YAML path so that the loader can locate it in the file.
"""

from __future__ import annotations

import difflib
import typing
from collections.abc import Collection, Iterable
from typing import Any

import yaml
from pydantic import BaseModel

from ladder.conditions import MAX_MULTIPLE_OPTIONS
from ladder.i18n.messages import t
from ladder.io.untrusted import first_invisible, has_control, shown
from ladder.load.placeholders import BECAUSE_PLACEHOLDERS, BUILT_IN, output_placeholders
from ladder.model import READERS, TEXT, Conditions, LevelRule, Property, Rules
from ladder.templates import NotPlain
from ladder.templates import parse as parse_template

YamlPath = tuple[str | int, ...]
Found = list[tuple[YamlPath, str, str]]  # path, what is wrong, how to fix it ("" for in general)

# The fix for each kind of reference problem, by the key of its message.
FIXES = {
    "rules.unknown_ref": "fix.rules.ref",
    "rules.not_in_file": "fix.rules.ref",
    "rules.missing_language": "fix.rules.missing_language",
    "rules.extra_language": "fix.rules.extra_language",
    "rules.duplicate_id": "fix.rules.duplicate_id",
    "rules.placeholder": "fix.rules.placeholder",
    "rules.placeholder_given": "fix.rules.placeholder_given",
    "rules.placeholder_taken": "fix.rules.placeholder_taken",
    "rules.placeholder_plain": "fix.rules.template",
    "rules.format_syntax": "fix.rules.template",
    "rules.when_order": "fix.rules.when_order",
    "rules.not_choice": "fix.rules.question_kind",
    "rules.not_text": "fix.rules.question_kind",
    "rules.step_or_from": "fix.rules.step_or_from",
    "check.property_shape_bound": "fix.rules.property_shape",
    "check.property_shape_monotone": "fix.rules.property_shape",
}

# Blocks of any/all/not inside each other, at most: deeper conditions are hard to read and
# their complements grow quickly.
MAX_NESTING = 4

# "Did you mean" compares a word with every candidate; past this many comparisons in one file
# the remaining unknown references get no hint, so thousands of typos stay linear too.
HINT_BUDGET = 200_000

# An id in the file that names no item is hinted at only when it looks like a typo of one:
# a removed or renamed item's id is usually not close to any other, and a far guess misleads.
TYPO_CUTOFF = 0.8


def did_you_mean(word: str, candidates: Iterable[str], lang: str, cutoff: float = 0.6) -> str:
    guesses = difflib.get_close_matches(word, list(candidates), n=1, cutoff=cutoff)
    return f"; {t('did_you_mean', lang, guess=guesses[0])}" if guesses else ""


def fields_at(loc: YamlPath) -> list[str]:
    """The keys a rules file accepts at `loc` (for "did you mean")."""
    model: Any = Rules
    for part in loc:
        if isinstance(part, int):
            continue
        fields = getattr(model, "model_fields", {})
        field = next((f for n, f in fields.items() if (f.alias or n) == part), None)
        if field is None:
            return []
        model = _inner_model(field.annotation)
    fields = getattr(model, "model_fields", {})
    return [f.alias or n for n, f in fields.items()]


def _inner_model(annotation: Any) -> Any:
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return annotation
    for arg in typing.get_args(annotation):
        found = _inner_model(arg)
        if found is not None:
            return found
    return None


def find_reference_problems(rules: Rules, lang: str) -> Found:
    checker = _Checker(rules, lang)
    checker.run()
    return checker.found


class _Checker:
    def __init__(self, rules: Rules, lang: str) -> None:
        self.rules = rules
        self.lang = lang
        self.found: Found = []
        self.hint_budget = HINT_BUDGET
        # Every id looked up once per reference: sets and dicts, so the checks stay linear.
        self.steps = {s.id for s in rules.steps}
        self.questions = {q.id: q for q in rules.questions}
        self.position: dict[str, int] = {}  # where each question is first asked
        for i, q in enumerate(rules.questions):
            self.position.setdefault(q.id, i)
        self.caps = {c.id for c in rules.level.caps}
        # A free-text question named like a built-in placeholder is an error of its own; its
        # name keeps meaning the built-in one in the texts.
        self.free_texts = {q.id for q in rules.questions if q.kind == "text"} - set(BUILT_IN)
        self.output_placeholders = output_placeholders(rules)
        self.ids = {
            kind: {x.id for x in getattr(rules, f"{kind}s")}
            for kind in ("structure", "method", "warning")
        }
        self.readers = {r.id for r in rules.expectations.readers}

    def add(self, path: YamlPath, key: str, **values: object) -> None:
        self.found.append((path, t(key, self.lang, **values), self.fix(key)))

    def fix(self, key: str) -> str:
        return t(FIXES[key], self.lang) if key in FIXES else ""

    def ref(self, path: YamlPath, kind: str, ref: str, known: Collection[str]) -> bool:
        if ref in known:
            return True
        kind_name = t(f"ref.{kind}", self.lang)
        hint = ""
        if len(known) <= self.hint_budget:
            self.hint_budget -= len(known)
            hint = did_you_mean(ref, known, self.lang, TYPO_CUTOFF)
        if hint:
            message = t("rules.unknown_ref", self.lang, kind=kind_name, id=shown(ref)) + hint
        else:
            where = t(f"ref.where.{kind}", self.lang)
            message = t("rules.not_in_file", self.lang, kind=kind_name, id=shown(ref), where=where)
        self.found.append((path, message, self.fix("rules.unknown_ref")))
        return False

    def run(self) -> None:
        r = self.rules
        for i, lang in enumerate(r.languages):  # each is a key of every text
            self.plain_text(("languages", i), lang)
        self.texts(r, ())
        self.unique(("steps",), r.steps)
        for i, step in enumerate(r.steps):
            for j, variant in enumerate(step.variants):
                self.answers_when(("steps", i, "variants", j, "when"), variant.when)
        self.unique(("questions",), r.questions)
        for i, _q in enumerate(r.questions):
            self.question(i)
        rule_lists = (
            ("target", r.level.target),
            ("floors", r.level.floors),
            ("caps", r.level.caps),
        )
        self.unique_many([(("level", name), rules) for name, rules in rule_lists])
        for name, level_rules in rule_lists:
            for i, rule in enumerate(level_rules):
                self.level_rule(("level", name, i), rule)
        for name in ("structures", "methods", "warnings"):
            items = getattr(r, name)
            self.unique((name,), items)
            for i, item in enumerate(items):
                self.conditions((name, i), item)
        for i, warning in enumerate(r.warnings):
            self.template(("warnings", i, "text"), warning.text, self.output_placeholders, warning)
        self.unique(("expectations", "parts"), r.expectations.parts)
        for i, part in enumerate(r.expectations.parts):
            path = ("expectations", "parts", i)
            self.conditions(path, part)
            self.template((*path, "text"), part.text, self.output_placeholders, part)
            for reader, text in part.readers.items():
                self.template((*path, "readers", reader), text, self.output_placeholders, part)
        self.unique(("expectations", "readers"), r.expectations.readers)
        for i, declared in enumerate(r.expectations.readers):
            path = ("expectations", "readers", i)
            self.conditions(path, declared)
            if declared.fallback is not None:
                self.ref((*path, "fallback"), "reader", declared.fallback, self.readers)
        for i, example in enumerate(r.examples):
            self.example(("examples", i), example)
        self.unique(("properties",), r.properties)
        for i, prop in enumerate(r.properties):
            self.property(("properties", i), prop)
        self.planning()

    def planning(self) -> None:
        """The planning section names a step and a question, and options of that question.
        Its defaults name the default rules' own; a file without them is not faulted for
        what it did not write (a missing step or question then changes no milestone)."""
        planning = self.rules.planning
        written = planning.model_fields_set
        if "feedback_from" in written:
            self.ref(("planning", "feedback_from"), "step", planning.feedback_from, self.steps)
        for i, shared in enumerate(
            planning.shared_questions if "shared_questions" in written else ()
        ):
            self.ref(("planning", "shared_questions", i), "question", shared, self.questions)
        question = self.questions.get(planning.timeframe_question)
        if question is None:
            if "timeframe_question" in written:
                path = ("planning", "timeframe_question")
                self.ref(path, "question", planning.timeframe_question, self.questions)
            return
        options = {o.id for o in question.options}
        for key in ("meeting_weeks", "horizon_weeks"):
            for option in getattr(planning, key) if key in written else ():
                self.ref(("planning", key, option), "option", option, options)

    def texts(self, model: BaseModel, path: YamlPath) -> None:
        """Every text has exactly the declared languages, none of them empty."""
        for name, field in type(model).model_fields.items():
            value = getattr(model, name)
            here = (*path, field.alias or name)
            if TEXT in field.metadata:
                self.text(here, value)
            elif READERS in field.metadata or (name == "readers" and isinstance(value, dict)):
                self.reader_texts(here, value)
            elif isinstance(value, BaseModel):
                self.texts(value, here)
            elif isinstance(value, list):
                for i, item in enumerate(value):
                    if isinstance(item, BaseModel):
                        self.texts(item, (*here, i))

    def reader_texts(self, path: YamlPath, variants: dict[str, Any]) -> None:
        """Each variant names a declared reader and has every language."""
        for reader, variant in variants.items():
            if self.ref((*path, reader), "reader", reader, self.readers):
                if isinstance(variant, BaseModel):
                    self.texts(variant, (*path, reader))
                else:
                    self.text((*path, reader), variant)

    def text(self, path: YamlPath, value: dict[str, str]) -> None:
        for lang in self.rules.languages:
            if lang not in value:
                self.add(path, "rules.missing_language", lang=shown(lang))
            elif not value[lang].strip():
                self.add((*path, lang), "rules.empty_text")
            else:
                self.plain_text((*path, lang), value[lang])
        for lang in value:
            if lang not in self.rules.languages:
                self.add((*path, lang), "rules.extra_language", lang=shown(lang))

    def plain_text(self, path: YamlPath, value: str) -> None:
        """No terminal codes, and nothing that makes the text display as another."""
        if has_control(value):
            self.add(path, "rules.control_chars")
        elif code := first_invisible(value):
            self.add(path, "rules.invisible_chars", code=code)

    def unique(self, path: YamlPath, items: list[Any]) -> None:
        self.unique_many([(path, items)])

    def unique_many(self, groups: list[tuple[YamlPath, list[Any]]]) -> None:
        seen: dict[str, YamlPath] = {}
        for path, items in groups:
            for i, item in enumerate(items):
                if item.id in seen:
                    first = seen[item.id]
                    self.add(
                        (*path, i, "id"), "rules.duplicate_id", id=item.id, first=dotted(first)
                    )
                else:
                    seen[item.id] = (*path, i)

    def question(self, index: int) -> None:
        q = self.rules.questions[index]
        path: YamlPath = ("questions", index)
        if q.kind == "choice" and len(q.options) < 2:
            self.add((*path, "options"), "rules.choice_options")
        if q.kind == "text" and q.options:
            self.add((*path, "options"), "rules.text_options")
        if q.multiple and q.kind != "choice":
            self.add((*path, "multiple"), "rules.multiple_text")
        if q.multiple and len(q.options) > MAX_MULTIPLE_OPTIONS:
            self.add((*path, "options"), "rules.multiple_options", limit=MAX_MULTIPLE_OPTIONS)
        if q.kind == "text" and q.id in BUILT_IN:
            self.add((*path, "id"), "rules.placeholder_taken", id=q.id)
        self.unique((*path, "options"), q.options)
        for key in q.when:
            if key in self.position and self.position[key] >= index:
                self.add((*path, "when", key), "rules.when_order", id=key)
        self.answers_when((*path, "when"), q.when)

    def answers_when(self, path: YamlPath, when: dict[str, list[str]]) -> None:
        for key, values in when.items():
            if not self.choice_question((*path, key), key):
                continue
            options = [o.id for o in self.questions[key].options]
            for i, value in enumerate(values):
                self.ref((*path, key, i), "option", value, options)

    def choice_question(self, path: YamlPath, key: str) -> bool:
        if not self.ref(path, "question", key, self.questions):
            return False
        if self.questions[key].kind != "choice":
            self.add(path, "rules.not_choice", id=key)
            return False
        return True

    def level_rule(self, path: YamlPath, rule: LevelRule) -> None:
        self.answers_when((*path, "when"), rule.when)
        self.step_source(path, rule)
        self.template((*path, "because"), rule.because, BECAUSE_PLACEHOLDERS, None)

    def step_source(self, path: YamlPath, item: LevelRule | Property) -> None:
        """A fixed `step`, or `from` a choice question with a `map` of its options to steps."""
        has_map = item.from_ is not None
        if (item.step is None) == (not has_map) or (item.map and not has_map):
            self.add(path, "rules.step_or_from")
        if item.step is not None:
            self.ref((*path, "step"), "step", item.step, self.steps)
        if item.from_ is not None and self.choice_question((*path, "from"), item.from_):
            if self.questions[item.from_].multiple:  # several answers would name several steps
                self.add((*path, "from"), "rules.from_multiple", id=item.from_)
            options = [o.id for o in self.questions[item.from_].options]
            for key, step in item.map.items():
                self.ref((*path, "map", key), "option", key, options)
                self.ref((*path, "map", key), "step", step, self.steps)

    def property(self, path: YamlPath, prop: Property) -> None:
        self.answers_when((*path, "when"), prop.when)
        if prop.kind == "monotone":
            if prop.step is not None or prop.from_ is not None or prop.map or not prop.question:
                self.add(path, "check.property_shape_monotone", id=prop.id)
            elif (
                self.choice_question((*path, "question"), prop.question)
                and self.questions[prop.question].multiple  # sets of options have no order
            ):
                self.add((*path, "question"), "rules.monotone_multiple", id=prop.question)
        elif prop.question is not None:
            self.add(path, "check.property_shape_bound", id=prop.id)
        else:
            self.step_source(path, prop)

    def conditions(self, path: YamlPath, item: Conditions, depth: int = 0) -> None:
        """An item's conditions, and each block of its any/all/not at its own nested path."""
        if depth > MAX_NESTING:
            self.add(path, "rules.nesting", limit=MAX_NESTING)
            return
        for i, block in enumerate(item.any_):
            self.conditions((*path, "any", i), block, depth + 1)
        for i, block in enumerate(item.all_):
            self.conditions((*path, "all", i), block, depth + 1)
        if item.not_ is not None:
            self.conditions((*path, "not"), item.not_, depth + 1)
        self.answers_when((*path, "when"), item.when)
        for i, step in enumerate(item.levels):
            self.ref((*path, "levels", i), "step", step, self.steps)
        for i, cap in enumerate(item.capped_by):
            self.ref((*path, "capped_by", i), "cap", cap, self.caps)
        for name in ("given", "missing"):
            for i, key in enumerate(getattr(item, name)):
                here = (*path, name, i)
                known = self.ref(here, "question", key, self.questions)
                if known and self.questions[key].kind != "text":
                    self.add(here, "rules.not_text", id=key)

    def template(
        self, path: YamlPath, text: dict[str, str], allowed: tuple[str, ...], item: Any
    ) -> None:
        given = guaranteed_given(item) if isinstance(item, Conditions) else set()
        for lang, value in text.items():
            try:
                names = [name for _, name in parse_template(value) if name is not None]
            except NotPlain as error:
                self.add((*path, lang), "rules.placeholder_plain", field=shown(error.field))
                continue
            except ValueError as error:
                self.add((*path, lang), "rules.format_syntax", reason=str(error))
                continue
            for name in names:
                if name not in allowed:
                    message = t(
                        "rules.placeholder", self.lang, name=shown(name), allowed=", ".join(allowed)
                    )
                    message += did_you_mean(name, allowed, self.lang)
                    self.found.append(((*path, lang), message, self.fix("rules.placeholder")))
                elif name in self.free_texts and name not in given:
                    self.add((*path, lang), "rules.placeholder_given", name=name)

    def example(self, path: YamlPath, example: Any) -> None:
        self.plain_text((*path, "name"), example.name)
        for key, value in example.answers.items():
            here = (*path, "answers", key)
            if self.ref(here, "question", key, self.questions):
                q = self.questions[key]
                if q.kind == "choice":
                    values = value if isinstance(value, list) else [value]
                    if len(values) != 1 and not q.multiple:
                        self.add(here, "rules.example_not_multiple", id=key)
                    for j, one in enumerate(values):
                        spot = (*here, j) if isinstance(value, list) else here
                        self.ref(spot, "option", one, [o.id for o in q.options])
        expect = example.expect
        self.ref((*path, "expect", "level"), "step", expect.level, self.steps)
        for kind, known in self.ids.items():
            for i, ref in enumerate(getattr(expect, f"{kind}s")):
                self.ref((*path, "expect", f"{kind}s", i), kind, ref, known)


def guaranteed_given(item: Conditions) -> set[str]:
    """Free-text questions answered wherever the item applies: its `given`, and that of each
    block of its `all` (an `any` or `not` block guarantees nothing)."""
    out = set(item.given)
    for block in item.all_:
        out |= guaranteed_given(block)
    return out


def dotted(path: YamlPath, root: Any = None) -> str:
    """A YAML path as written in messages: questions[arena].options[care_meeting].text.
    With the file's composed YAML `root`, list items are named by their ids (see Namer)."""
    return Namer(root)(path)


class Namer:
    """Names YAML paths for every report (loader, check, properties): a list item with an id of
    its own (unique in its list) by that id, other items by position:
    structures[unit_patients].how, level.caps[resources_none], examples[\"Opening hours\"]."""

    def __init__(self, root: Any) -> None:
        self.root = root
        self.counts: dict[int, dict[str | None, int]] = {}  # per sequence node: ids -> uses

    def __call__(self, path: YamlPath) -> str:
        out = ""
        node = self.root
        for i, part in enumerate(path):
            if isinstance(part, int):
                # the worked examples go by their names, which overlays merge by
                by = "name" if path[i - 1 : i] == ("examples",) and i == 1 else "id"
                item_id = self._item_id(node, part, by)
                if item_id is None:
                    out += f"[{part}]"
                elif by == "name":
                    out += f'["{shown(item_id)}"]'
                else:
                    out += f"[{shown(item_id)}]"
            else:
                out += f".{shown(part)}" if out else shown(part)
            node = _child(node, part)
        return out

    def _item_id(self, sequence: Any, index: int, by: str) -> str | None:
        mine = _id_of(_child(sequence, index), by)
        if mine is None:
            return None
        counts = self.counts.get(id(sequence))
        if counts is None:
            counts = self.counts[id(sequence)] = {}
            for sibling in sequence.value:
                key = _id_of(sibling, by)
                counts[key] = counts.get(key, 0) + 1
        return mine if counts.get(mine) == 1 else None


def _child(node: Any, part: str | int) -> Any:
    """The YAML node at `part` under `node` (None when there is none)."""
    value = getattr(node, "value", None)
    if not isinstance(value, list):
        return None
    if isinstance(part, int):
        is_sequence = isinstance(node, yaml.SequenceNode)
        return value[part] if is_sequence and 0 <= part < len(value) else None
    for pair in value:
        if isinstance(pair, tuple) and getattr(pair[0], "value", None) == part:
            return pair[1]
    return None


def _id_of(node: Any, by: str = "id") -> str | None:
    value = getattr(_child(node, by), "value", None)
    if not isinstance(value, str):
        return None
    if by == "name":  # a sentence: only one that reads safely names its item
        plain = '"' not in value and not has_control(value) and first_invisible(value) is None
        return value if plain else None
    return value if value.isidentifier() else None
