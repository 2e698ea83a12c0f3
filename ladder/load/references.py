"""Checks of a rules file beyond its shape: unique ids, references, languages and templates.

Each problem is returned with its YAML path so that the loader can locate it in the file.
"""

from __future__ import annotations

import difflib
import typing
from collections.abc import Collection, Iterable
from typing import Any

from pydantic import BaseModel

from ladder.i18n.messages import t
from ladder.io.untrusted import first_invisible, has_control, shown
from ladder.model import TEXT, Conditions, LevelRule, Property, Rules
from ladder.templates import NotPlain
from ladder.templates import parse as parse_template

YamlPath = tuple[str | int, ...]
Found = list[tuple[YamlPath, str]]

# "Did you mean" compares a word with every candidate; past this many comparisons in one file
# the remaining unknown references get no hint, so thousands of typos stay linear too.
HINT_BUDGET = 200_000

BECAUSE_PLACEHOLDERS = ("step", "answer")
FREE_TEXT_PLACEHOLDERS = ("project", "decision_owner", "fixed", "feedback")
OUTPUT_PLACEHOLDERS = (
    "region",
    "level",
    "promise",
    "level_description",
    "target",
    "structures",
    "methods",
    "method_times",
    "mandate",
    *FREE_TEXT_PLACEHOLDERS,
)


def did_you_mean(word: str, candidates: Iterable[str], lang: str) -> str:
    guesses = difflib.get_close_matches(word, list(candidates), n=1, cutoff=0.6)
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
        self.ids = {
            kind: {x.id for x in getattr(rules, f"{kind}s")}
            for kind in ("structure", "method", "warning")
        }

    def add(self, path: YamlPath, key: str, **values: object) -> None:
        self.found.append((path, t(key, self.lang, **values)))

    def ref(self, path: YamlPath, kind: str, ref: str, known: Collection[str]) -> bool:
        if ref in known:
            return True
        kind_name = t(f"ref.{kind}", self.lang)
        message = t("rules.unknown_ref", self.lang, kind=kind_name, id=shown(ref))
        if len(known) <= self.hint_budget:
            self.hint_budget -= len(known)
            message += did_you_mean(ref, known, self.lang)
        self.found.append((path, message))
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
            self.template(("warnings", i, "text"), warning.text, OUTPUT_PLACEHOLDERS, warning)
        self.unique(("expectations", "parts"), r.expectations.parts)
        for i, part in enumerate(r.expectations.parts):
            path = ("expectations", "parts", i)
            self.conditions(path, part)
            self.template((*path, "text"), part.text, OUTPUT_PLACEHOLDERS, part)
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
            elif isinstance(value, BaseModel):
                self.texts(value, here)
            elif isinstance(value, list):
                for i, item in enumerate(value):
                    if isinstance(item, BaseModel):
                        self.texts(item, (*here, i))

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
            options = [o.id for o in self.questions[item.from_].options]
            for key, step in item.map.items():
                self.ref((*path, "map", key), "option", key, options)
                self.ref((*path, "map", key), "step", step, self.steps)

    def property(self, path: YamlPath, prop: Property) -> None:
        self.answers_when((*path, "when"), prop.when)
        if prop.kind == "monotone":
            if prop.step is not None or prop.from_ is not None or prop.map or not prop.question:
                self.add(path, "check.property_shape_monotone", id=prop.id)
            else:
                self.choice_question((*path, "question"), prop.question)
        elif prop.question is not None:
            self.add(path, "check.property_shape_bound", id=prop.id)
        else:
            self.step_source(path, prop)

    def conditions(self, path: YamlPath, item: Conditions) -> None:
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
        given = set(getattr(item, "given", ()))
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
                    self.found.append(
                        ((*path, lang), message + did_you_mean(name, allowed, self.lang))
                    )
                elif name in FREE_TEXT_PLACEHOLDERS and name not in given:
                    self.add((*path, lang), "rules.placeholder_given", name=name)

    def example(self, path: YamlPath, example: Any) -> None:
        self.plain_text((*path, "name"), example.name)
        for key, value in example.answers.items():
            here = (*path, "answers", key)
            if self.ref(here, "question", key, self.questions):
                q = self.questions[key]
                if q.kind == "choice":
                    self.ref(here, "option", value, [o.id for o in q.options])
        expect = example.expect
        self.ref((*path, "expect", "level"), "step", expect.level, self.steps)
        for kind, known in self.ids.items():
            for i, ref in enumerate(getattr(expect, f"{kind}s")):
                self.ref((*path, "expect", f"{kind}s", i), kind, ref, known)


def dotted(path: YamlPath) -> str:
    """A YAML path as written in messages: questions[2].options[0].id"""
    out = ""
    for part in path:
        out += f"[{part}]" if isinstance(part, int) else (f".{shown(part)}" if out else shown(part))
    return out
