"""The engine over the whole answer space of every shipped rules file, plus hypothesis properties."""

from __future__ import annotations

import math
import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from ladder.answers import resolve
from ladder.app import recommendation_for
from ladder.check.answer_space import answer_space
from ladder.engine import decide, matches
from ladder.errors import AnswerError
from ladder.io.untrusted import first_invisible
from ladder.load.loader import LoadedRules
from ladder.wording import inline

from .conftest import DIABETES

LEVELS = ["information", "consultation", "dialogue", "influence", "co_determination"]
PURPOSE = ["inform", "views", "discuss", "co_develop", "co_decide"]
MANDATE = ["none", "views", "alternatives", "co_develop", "decide"]
WISH = {"be_informed": 1, "be_consulted": 2, "share_decisions": 4}
ORDERED = {
    "purpose": PURPOSE,
    "mandate": MANDATE,
    "timeframe": ["weeks", "months", "longer"],
    "resources": ["none", "some", "ample"],
}


def rank(level_id: str) -> int:
    return LEVELS.index(level_id) + 1


def domain_level(a: dict[str, str]) -> int:
    """The default logic exactly as shared/domain.md states it, written independently here."""
    if a["arena"] == "care_meeting":
        return WISH[a["patient_wish"]]
    target = PURPOSE.index(a["purpose"]) + 1
    floor = 3 if a["acceptance"] == "high" else 1
    caps = [MANDATE.index(a["mandate"]) + 1]
    if a["timeframe"] == "weeks":
        caps.append(3)
    if a["resources"] == "none":
        caps.append(2)
    if a["resources"] == "some":
        caps.append(4)
    return min(max(target, floor), min(caps))


@pytest.fixture(scope="module")
def space(shipped: LoadedRules) -> list[dict[str, str]]:
    return list(answer_space(shipped.rules))


def test_space_has_every_reachable_combination(shipped, space):
    """Counted independently: per arena, the product of the answer counts of the required
    choice questions it opens (a multiple question with n options has 2**n - 1 answers: every
    non-empty set of them); optional ones are left out, as `ladder check` walks them."""
    rules = shipped.rules
    expected = 0
    for arena in rules.question("arena").options:
        opened = [
            q
            for q in rules.questions
            if q.kind == "choice"
            and q.required
            and q.id != "arena"
            and arena.id in q.when.get("arena", [arena.id])
        ]
        assert all(set(q.when) <= {"arena"} for q in opened)  # only the arena opens questions
        expected += math.prod(
            2 ** len(q.options) - 1 if q.multiple else len(q.options) for q in opened
        )
    assert len(space) == expected
    assert len({tuple(sorted(a.items())) for a in space}) == len(space)


def test_level_follows_the_domain_logic_everywhere(shipped, space):
    for answers in space:
        assert rank(decide(shipped.rules, answers).level) == domain_level(answers), answers


def test_level_never_exceeds_the_mandate(shipped, space):
    for answers in space:
        if "mandate" in answers:
            level = rank(decide(shipped.rules, answers).level)
            assert level <= MANDATE.index(answers["mandate"]) + 1, answers


@pytest.mark.parametrize(
    "question",
    ["mandate", "purpose", "timeframe", "resources"],
    ids=["opening the mandate", "raising the purpose", "more time", "more resources"],
)
@pytest.mark.exhaustive
def test_monotone(shipped, space, question):
    """Opening the mandate or raising the purpose never lowers the level; less time or fewer
    resources never raise it (so more of either never lowers it)."""
    order = ORDERED[question]
    for answers in space:
        if question not in answers:
            continue
        here = rank(decide(shipped.rules, answers).level)
        for other in order[order.index(answers[question]) + 1 :]:
            there = rank(decide(shipped.rules, {**answers, question: other}).level)
            assert there >= here, (answers, question, other)


@pytest.mark.exhaustive
@pytest.mark.parametrize("lang", ["sv", "en"])
def test_every_combination_gets_a_complete_recommendation(shipped, space, lang):
    rules = shipped.rules
    for answers in space:
        rec = recommendation_for(shipped, answers, lang)
        assert rec.level.name and rec.level.promise
        # Several groups chosen: one more item at most for each group the first ones miss.
        groups = answers.get("participants", "").split(",")
        extra = len(groups) if len(groups) > 1 else 0
        assert 1 <= len(rec.recruitment) <= rules.selection.structures + extra, answers
        assert 1 <= len(rec.methods) <= rules.selection.methods + extra, answers
        assert rec.expectations.strip()
        texts = [rec.expectations, *(w.text for w in rec.warnings), *(x.because for x in rec.trace)]
        for item in (*rec.recruitment, *rec.methods):
            texts += [item.name, item.description, item.how]
        for text in texts:
            assert text.strip(), answers
            assert not re.search(r"[{}]", text), (answers, text)


@pytest.mark.exhaustive
def test_statement_never_promises_a_higher_step(shipped, space):
    rules = shipped.rules
    for answers in space:
        for lang in ("sv", "en"):
            rec = recommendation_for(shipped, answers, lang)
            if answers["arena"] != "care_meeting":  # the care meeting says it in its own words
                assert rec.level.promise in rec.expectations, (answers, lang)
            for step in rules.steps[rec.level.rank :]:
                assert step.promise[lang] not in rec.expectations, (answers, lang, step.id)


@pytest.mark.exhaustive
def test_binding_caps_are_explained(shipped, space):
    for answers in space:
        if "mandate" not in answers:
            continue
        rec = recommendation_for(shipped, answers, "en")
        lowering = [x for x in rec.trace if x.effect.endswith(":lowers")]
        target = PURPOSE.index(answers["purpose"]) + 1
        unbounded = max(target, 3 if answers["acceptance"] == "high" else 1)
        assert bool(lowering) == (rec.level.rank < unbounded), answers
        for line in lowering:
            assert rec.level.name in line.because, line


def test_trace_names_target_and_result(shipped, space):
    for answers in space[:: max(1, len(space) // 200)]:
        rec = recommendation_for(shipped, answers, "en")
        assert rec.trace[0].rule.startswith("target.")
        assert rec.trace[-1].effect == f"level:{rec.level.id}"


def test_recommendation_is_deterministic(shipped, space):
    for answers in space[:: max(1, len(space) // 100)]:
        assert recommendation_for(shipped, answers, "sv") == recommendation_for(
            shipped, dict(reversed(answers.items())), "sv"
        )


def test_examples_in_the_rules_file_hold(shipped):
    assert len(shipped.rules.examples) >= 10
    for example in shipped.rules.examples:
        resolved = resolve(shipped.rules, [example.answers], "en")
        assert not resolved.missing, example.name
        rec = recommendation_for(shipped, resolved.values, "en")
        expect = example.expect
        assert rec.level.id == expect.level, example.name
        assert set(expect.structures) <= {s.id for s in rec.recruitment}, example.name
        assert set(expect.methods) <= {m.id for m in rec.methods}, example.name
        assert set(expect.warnings) <= {w.id for w in rec.warnings}, example.name


# The diabetes case's level and warnings are data/ladder.yaml's first example, which
# `ladder check --strict` proves; the mechanisms below run on the small fixture rules.
SMALL_CAPPED = {"place": "unit", "purpose": "discuss", "acceptance": "low", "time": "weeks"}
SMALL_RAISED = {"place": "unit", "purpose": "views", "acceptance": "high", "time": "months"}


def test_a_binding_cap_lowers_and_warns(small_rules):
    rec = recommendation_for(small_rules, SMALL_CAPPED, "en")
    assert rec.level.id == "consultation"
    assert [w.id for w in rec.warnings] == ["capped"]
    assert any(x.rule == "cap.weeks" and x.effect.endswith(":lowers") for x in rec.trace)
    assert rec.warnings[0].text == "You wanted Dialogue but get Consultation."


def test_a_floor_raises_and_only_then(small_rules):
    rec = recommendation_for(small_rules, SMALL_RAISED, "en")
    assert rec.level.id == "dialogue"
    assert not rec.warnings
    low = recommendation_for(small_rules, {**SMALL_RAISED, "acceptance": "low"}, "en")
    assert low.level.id == "consultation"


def test_a_variant_replaces_the_promise_only_where_it_applies(small_rules):
    visit = recommendation_for(small_rules, {"place": "visit", "wish": "told"}, "en")
    assert visit.level.promise == "We explain your care."
    unit = recommendation_for(
        small_rules, {**SMALL_RAISED, "purpose": "inform", "acceptance": "low"}, "en"
    )
    assert unit.level.id == "information"
    assert unit.level.promise == "We keep you informed."


FREE_TEXT = ["project", "decision_owner", "fixed", "feedback"]
free_text = st.text(
    # what a free text may hold: no control, format or separator characters, no noncharacters
    st.characters(blacklist_categories=("Cc", "Cs", "Cf", "Zl", "Zp")),
    min_size=1,
    max_size=80,
).filter(lambda s: s.strip() == s and bool(s) and first_invisible(s) is None)


@pytest.mark.exhaustive
@settings(max_examples=150, deadline=None)
@given(data=st.data())
def test_free_text_is_quoted_verbatim(default_rules, data):
    rules = default_rules.rules
    answers = data.draw(st.sampled_from(list(answer_space(rules))))
    extra = data.draw(st.dictionaries(st.sampled_from(FREE_TEXT), free_text))
    resolved = resolve(rules, [{**answers, **extra}], "sv")
    rec = recommendation_for(default_rules, resolved.values, "sv")
    decision = decide(rules, resolved.values)
    for key, value in extra.items():
        quoting = [p for p in rules.expectations.parts if key in p.given]
        if any(matches(p, resolved.values, decision) for p in quoting):
            assert inline(value) in rec.expectations, key


@pytest.mark.exhaustive
@settings(max_examples=200, deadline=None)
@given(data=st.data())
def test_partial_answers_name_exactly_the_missing_questions(default_rules, data):
    space = list(answer_space(default_rules.rules))
    full = data.draw(st.sampled_from(space))
    keep = data.draw(st.sets(st.sampled_from(sorted(full))))
    partial = {k: full[k] for k in keep}
    resolved = resolve(default_rules.rules, [partial], "en")
    missing = {q.id for q in resolved.missing}
    if "arena" not in partial:
        assert missing == {"arena"}
    else:
        assert missing == set(full) - keep
        if not missing:
            assert recommendation_for(default_rules, resolved.values, "en").level.id


@settings(max_examples=200, deadline=None)
@given(
    key=st.sampled_from(["arena", "purpose", "mandate", "relatives"]), value=st.text(max_size=30)
)
def test_unknown_options_are_refused_with_the_question_named(default_rules, key, value):
    options = [o.id for o in default_rules.rules.question(key).options]
    if value.strip() in options:
        return
    with pytest.raises(AnswerError) as caught:
        resolve(default_rules.rules, [{key: value}], "en")
    assert key in caught.value.details[0]


def test_care_meeting_steps_speak_to_the_patient(shipped):
    rules = shipped.rules
    for wish in ("be_informed", "be_consulted", "share_decisions"):
        answers = {"arena": "care_meeting", "patient_wish": wish, "relatives": "no"}
        rec = recommendation_for(shipped, answers, "en")
        step = rules.step(rec.level.id)
        assert step.variants, step.id
        assert rec.level.promise == step.variants[0].promise["en"] != step.promise["en"]
    development = recommendation_for(shipped, DIABETES, "en")
    assert development.level.promise == rules.step(development.level.id).promise["en"]


def test_statement_paragraphs_end_like_sentences_even_after_free_text(default_rules):
    answers = {**DIABETES, "fixed": "the budget", "feedback": "a letter in May"}
    rec = recommendation_for(default_rules, answers, "en")
    paragraphs = rec.expectations.split("\n\n")
    assert all(p.rstrip().endswith((".", "!", "?", "…", ")", "”", '"', "»")) for p in paragraphs)
    assert any("the budget." in p for p in paragraphs)


def test_the_result_line_says_what_moved_the_level(small_rules):
    capped = recommendation_for(small_rules, SMALL_CAPPED, "en").trace[-1].because
    assert capped == "Result: Consultation. Dialogue was capped at Consultation."
    raised = recommendation_for(small_rules, SMALL_RAISED, "en")
    assert raised.trace[-1].because == (
        "Result: Dialogue. The target, Consultation, was raised to Dialogue."
    )


@pytest.mark.parametrize(
    ("typed", "shown"),
    [
        ("Knee surgery.", "Knee surgery"),
        ("”Nya öppettider”.", "Nya öppettider"),
        ('"Dr. Berg"', "Dr. Berg"),
        ("Wait?", "Wait?"),
        ("  plain  ", "plain"),
    ],
)
def test_free_text_sits_in_a_sentence_without_doubled_stops_or_quotes(default_rules, typed, shown):
    assert inline(typed) == shown
    care = {"arena": "care_meeting", "patient_wish": "share_decisions", "relatives": "no"}
    rec = recommendation_for(
        default_rules, {**care, "project": typed, "decision_owner": typed}, "en"
    )
    assert ".." not in rec.expectations and "””" not in rec.expectations
    assert shown in rec.expectations
