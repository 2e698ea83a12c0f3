"""The engine's decision as data: ids, ranks and a typed trace; the wording writes the contract's
strings from it. Hand-picked cases on a small fixture, a property over the whole answer space
of every shipped rules file, and the engine's imports."""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

import pytest

from ladder import engine
from ladder.app import decision_for, recommendation_for
from ladder.check.answer_space import answer_space
from ladder.engine import NoTarget, decide, decide_level, matches
from ladder.errors import RulesError
from ladder.load.loader import LoadedRules, load_rules
from ladder.result import Decision, Effect, TraceEntry, TraceKind, TraceLine
from ladder.wording import word

from .conftest import ROOT

DECISION_RULES = ROOT / "tests" / "fixtures" / "decision.yaml"
WORDING_ONLY = ("ladder.load", "ladder.i18n", "ladder.output", "ladder.templates", "ladder.errors")
ENGINE_MAY_IMPORT = {"ladder.model", "ladder.result", "ladder.conditions"}


@pytest.fixture(scope="module")
def small() -> LoadedRules:
    return load_rules(DECISION_RULES)


def entry(
    kind: TraceKind,
    rule: str,
    step: str,
    effect: Effect,
    question: str | None = None,
    answer: str | None = None,
) -> TraceEntry:
    return TraceEntry(kind, rule, step, effect, question, answer)


TARGET_DISCUSS = entry("target", "purpose", "dialogue", "sets", "purpose", "discuss")


def test_two_caps_that_lower_the_level_both_bind(small):
    decision = decide(small.rules, {"purpose": "discuss", "weeks": "yes", "urgent": "yes"})
    assert (decision.target, decision.raised) == ("dialogue", "dialogue")
    assert (decision.lowest_cap, decision.level, decision.rank) == (
        "consultation",
        "consultation",
        2,
    )
    assert decision.binding_caps == {"urgent_cap", "weeks"}
    assert decision.trace == (
        TARGET_DISCUSS,
        entry("floor", "urgent", "consultation", "none"),
        entry("cap", "urgent_cap", "consultation", "lowers"),
        entry("cap", "weeks", "consultation", "lowers"),
    )
    assert decision.variant == 0  # the urgent wording of Consultation
    assert (decision.structures, decision.methods) == (("own",), ("survey",))
    assert decision.warnings == ("capped", "unnamed")
    assert decision.parts == ("level",)


def test_a_floor_that_raises_leaves_a_cap_at_the_same_step_without_effect(small):
    answers = {"purpose": "inform", "weeks": "no", "urgent": "yes", "project": "Ny mottagning"}
    decision = decide(small.rules, answers)
    assert (decision.target, decision.raised, decision.level) == (
        "information",
        "consultation",
        "consultation",
    )
    assert decision.binding_caps == frozenset()
    assert decision.trace == (
        entry("target", "purpose", "information", "sets", "purpose", "inform"),
        entry("floor", "urgent", "consultation", "raises"),
        entry("cap", "urgent_cap", "consultation", "none"),
    )
    assert decision.methods == ("survey",)
    assert decision.warnings == ()  # no cap binds, and the project has a name
    assert decision.parts == ("level", "project")


def test_without_floors_or_caps_the_target_is_the_level(small):
    decision = decide(small.rules, {"purpose": "discuss", "weeks": "no", "urgent": "no"})
    assert (decision.target, decision.raised, decision.lowest_cap) == ("dialogue", "dialogue", None)
    assert (decision.level, decision.rank, decision.variant) == ("dialogue", 3, None)
    assert decision.trace == (TARGET_DISCUSS,)
    assert decision.warnings == ("unnamed",)


def test_a_cap_above_the_level_is_the_lowest_cap_but_does_not_bind(small):
    rules = small.rules
    cap = rules.level.caps[1].model_copy(update={"step": "dialogue"})
    level = rules.level.model_copy(update={"caps": [rules.level.caps[0], cap]})
    higher = rules.model_copy(update={"level": level})
    decision = decide_level(higher, {"purpose": "views", "weeks": "yes", "urgent": "no"})
    assert (decision.level, decision.lowest_cap, decision.binding_caps) == (
        "consultation",
        "dialogue",
        frozenset(),
    )
    assert decision.trace[-1] == entry("cap", "weeks", "dialogue", "none")


def test_no_target_is_an_exception_without_text_that_the_use_case_words(small):
    answers = {"weeks": "no", "urgent": "no"}  # purpose unanswered: no target rule applies
    with pytest.raises(NoTarget) as raised:
        decide(small.rules, answers)
    assert raised.value.args == ()
    for lang, message in [
        ("en", "No rule under level.target applies to these answers."),
        ("sv", "Ingen regel under level.target gäller för dessa svar."),
    ]:
        with pytest.raises(RulesError) as error:
            decision_for(small, answers, lang)
        assert (error.value.message, error.value.exit_code) == (message, 3)
        with pytest.raises(RulesError):
            recommendation_for(small, answers, lang)


def test_decisive_lines_are_the_target_the_level_and_what_raised_or_lowered_it(small):
    rec = recommendation_for(small, {"purpose": "inform", "weeks": "no", "urgent": "yes"}, "en")
    assert [(x.rule, x.decisive) for x in rec.trace] == [
        ("target.purpose", True),
        ("floor.urgent", True),
        ("cap.urgent_cap", False),
        ("level", True),
    ]
    assert rec.trace[1] == TraceLine(
        "floor.urgent",
        "floor:consultation:raises",
        "At least Consultation: urgent.",
        "floor",
        "consultation",
        "raises",
    )


# The whole answer space of each shipped rules file, without free text and with two different ones.


def parsed(line: TraceLine) -> tuple[str, str, str, str]:
    """A contract trace line read back: kind, rule id, step, effect."""
    kind, _, rule = line.rule.partition(".")
    pieces = line.effect.split(":")
    assert pieces[0] == kind, line
    effect = pieces[2] if len(pieces) == 3 else "sets"
    return kind, rule, pieces[1], effect


def free_texts(loaded: LoadedRules, text: str) -> dict[str, str]:
    return {q.id: f"{text} {q.id}" for q in loaded.rules.questions if q.kind == "text"}


def assert_worded(loaded: LoadedRules, answers: dict[str, str], decision: Decision) -> None:
    rec = word(loaded.rules, loaded.info, answers, decision, "en")
    *lines, last = rec.trace
    assert [parsed(x) for x in lines] == [
        (e.kind, e.rule, e.step, e.effect) for e in decision.trace
    ]
    assert [(x.kind, x.step, x.change) for x in lines] == [
        (e.kind, e.step, e.effect) for e in decision.trace
    ]
    assert [x.decisive for x in lines] == [e.effect != "none" for e in decision.trace]
    assert (last.rule, last.effect, last.kind, last.step) == (
        "level",
        f"level:{decision.level}",
        "level",
        decision.level,
    )
    assert (rec.level.id, rec.level.rank) == (decision.level, decision.rank)
    assert tuple(s.id for s in rec.recruitment) == decision.structures
    assert tuple(m.id for m in rec.methods) == decision.methods
    assert tuple(w.id for w in rec.warnings) == decision.warnings


def assert_level_follows_the_trace(loaded: LoadedRules, decision: Decision) -> None:
    """level = min(max(target, floors), caps), read from the typed trace alone."""
    rank = loaded.rules.rank
    by_kind: dict[str, list[int]] = {"target": [], "floor": [], "cap": []}
    for e in decision.trace:
        by_kind[e.kind].append(rank(e.step))
    assert len(by_kind["target"]) == 1
    raised = max(by_kind["target"] + by_kind["floor"])
    assert rank(decision.raised) == raised
    assert decision.rank == rank(decision.level) == min([raised, *by_kind["cap"]])
    lowering = {e.rule for e in decision.trace if e.effect == "lowers"}
    assert decision.binding_caps == lowering
    assert all(rank(e.step) == decision.rank < raised for e in decision.trace if e.rule in lowering)


def assert_selection(loaded: LoadedRules, answers: dict[str, str], decision: Decision) -> None:
    """The first matching items in the file's order, as many as the selection allows; with
    several options chosen for a multiple question, also, for each option none of those
    serves, the first matching item that serves it (matches with that option alone)."""
    rules = loaded.rules
    groups = [
        (q.id, option)
        for q in rules.questions
        if q.multiple and "," in answers.get(q.id, "")
        for option in answers[q.id].split(",")
    ]
    for items, chosen, limit in [
        (rules.structures, decision.structures, rules.selection.structures),
        (rules.methods, decision.methods, rules.selection.methods),
        (rules.warnings, decision.warnings, None),
        (rules.expectations.parts, decision.parts, None),
    ]:
        matched = [x for x in items if matches(x, answers, decision)]
        expected = {x.id for x in matched[:limit]}
        if limit is not None:
            for key, option in groups:

                def serves(x, key=key, option=option):
                    alone = [o for k, o in groups if matches(x, {**answers, k: o}, decision)]
                    return option in alone or not alone

                if not any(serves(x) for x in matched if x.id in expected):
                    expected |= set([x.id for x in matched if serves(x)][:1])
        assert chosen == tuple(x.id for x in matched if x.id in expected)


@pytest.mark.exhaustive
def test_every_decision_of_the_shipped_rules_is_worded_as_it_was_decided(shipped):
    for choices in answer_space(shipped.rules):
        named = {**choices, **free_texts(shipped, "Projekt")}
        decision = decide(shipped.rules, choices)
        assert decide_level(shipped.rules, choices) == decide_level(shipped.rules, named)
        assert_level_follows_the_trace(shipped, decision)
        assert_selection(shipped, choices, decision)
        assert_worded(shipped, choices, decision)
        with_names = decide(shipped.rules, named)
        # Free text decides by being there, never by what it says: batch words rows from this.
        assert with_names == decide(shipped.rules, {**choices, **free_texts(shipped, "Annat")})
        assert_selection(shipped, named, with_names)
        assert_worded(shipped, named, with_names)


def test_the_worded_recommendation_is_the_use_cases(shipped):
    for choices in list(answer_space(shipped.rules))[::97]:
        for lang in ("sv", "en"):
            decision = decide(shipped.rules, choices)
            worded = word(shipped.rules, shipped.info, choices, decision, lang)
            assert worded == recommendation_for(shipped, choices, lang)


# The engine's imports: a decision needs no loader, catalogue, templates, errors or output.


def test_importing_the_engine_alone_loads_no_wording_or_loading_module():
    code = "import sys, ladder.engine; print(' '.join(sorted(sys.modules)))"
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    loaded = done.stdout.split()
    assert "ladder.engine" in loaded
    assert [m for m in loaded if m.startswith(WORDING_ONLY)] == []
    assert "yaml" not in loaded


def test_the_engine_module_imports_only_the_model_the_results_and_the_conditions():
    tree = ast.parse(Path(engine.__file__).read_text(encoding="utf-8"))
    imported = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom) and node.module:
            imported.add(node.module)
        elif isinstance(node, ast.Import):
            imported.update(alias.name for alias in node.names)
    own = {m for m in imported if m == "ladder" or m.startswith("ladder.")}
    assert own == ENGINE_MAY_IMPORT
    assert imported - own <= {"__future__", "typing"}
