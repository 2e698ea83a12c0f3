"""Conditions with any, all and not: the engine's semantics, the checker's box reasoning held to
the engine on every answer combination, the findings they bring, and version-1 files unchanged."""

from __future__ import annotations

from itertools import product
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from ladder.check.answer_space import answer_space
from ladder.check.boxes import GIVEN, NA, make_space, path_boxes
from ladder.check.checker import check_file
from ladder.check.composite import check_conditions
from ladder.check.findings import analyse, check_rules
from ladder.check.logic import Logic
from ladder.engine import decide, decide_level, matches
from ladder.errors import RulesError
from ladder.load.loader import load_rules
from ladder.model import Conditions, Rules

from .conftest import DEFAULT_RULES, MINI_RULES, SHIPPED_RULES
from .space import diff_space
from .test_verify import line_of
from .test_verify_diff import assert_diff_is_brute_force

ROOT = DEFAULT_RULES.parent.parent
FIXTURES = sorted((ROOT / "tests" / "fixtures").glob("*.yaml"))
TEXT = DEFAULT_RULES.read_text(encoding="utf-8")
NEW_CODES = {"simplify.conditions", "dead.branch", "excluding.not", "redundant.not"}


def write(tmp_path, name: str, text: str):
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def edited(old: str, new: str) -> str:
    assert TEXT.count(old) == 1, old
    return TEXT.replace(old, new)


# The engine --------------------------------------------------------------------------------


class Placed:
    def __init__(self, level: str, caps: frozenset[str] = frozenset()) -> None:
        self.level = level
        self.binding_caps = caps


def block(**fields: Any) -> Conditions:
    return Conditions.model_validate(fields)


@pytest.mark.parametrize(
    ("conditions", "answers", "level", "holds"),
    [
        ({"any": [{"when": {"a": ["x"]}}, {"when": {"b": ["y"]}}]}, {"a": "x"}, "l1", True),
        ({"any": [{"when": {"a": ["x"]}}, {"when": {"b": ["y"]}}]}, {"b": "y"}, "l1", True),
        ({"any": [{"when": {"a": ["x"]}}, {"when": {"b": ["y"]}}]}, {"a": "z"}, "l1", False),
        ({"all": [{"when": {"a": ["x"]}}, {"levels": ["l1"]}]}, {"a": "x"}, "l1", True),
        ({"all": [{"when": {"a": ["x"]}}, {"levels": ["l1"]}]}, {"a": "x"}, "l2", False),
        ({"not": {"when": {"a": ["x"]}}}, {"a": "x"}, "l1", False),
        ({"not": {"when": {"a": ["x"]}}}, {}, "l1", True),  # not asked: the block fails
        ({"not": {"given": ["t"]}}, {"t": "text"}, "l1", False),
        ({"not": {"not": {"given": ["t"]}}}, {"t": "text"}, "l1", True),
        # The item's own keys combine with the composite ones by AND.
        ({"when": {"a": ["x"]}, "any": [{"levels": ["l2"]}]}, {"a": "x"}, "l1", False),
        ({"when": {"a": ["x"]}, "any": [{"levels": ["l2"]}]}, {"a": "x"}, "l2", True),
    ],
)
def test_engine_semantics(conditions, answers, level, holds):
    assert matches(block(**conditions), answers, Placed(level)) is holds


def test_capped_by_inside_a_block():
    item = block(any=[{"capped_by": ["c1"]}, {"levels": ["l3"]}])
    assert matches(item, {}, Placed("l1", frozenset({"c1"})))
    assert not matches(item, {}, Placed("l1", frozenset({"c2"})))
    assert matches(item, {}, Placed("l3"))


# The checker, held to the engine -----------------------------------------------------------


def points(rules: Rules, texts: list[str]):
    """Every reachable combination of choice answers, with each free-text answer given or not."""
    for answers in answer_space(rules):
        for present in product((False, True), repeat=len(texts)):
            out = dict(answers)
            out.update({key: "x" for key, on in zip(texts, present, strict=True) if on})
            yield out


PREPARED: dict[tuple[int, tuple[str, ...]], Any] = {}


def prepared(rules: Rules, texts: list[str]) -> Any:
    """The logic over the space, and each answer combination with its point, cell and level."""
    key = (id(rules), tuple(texts))
    if key not in PREPARED:
        space = make_space(rules, text_questions=texts)
        boxes, _ = path_boxes(rules, space)
        logic = Logic(rules, space)
        cells = logic.cells(boxes)
        rows = []
        for answers in points(rules, texts):
            point = []
            for dim, name in enumerate(space.dims):
                value = answers.get(name, NA)
                point.append(GIVEN if value != NA and not space.choice[dim] else value)
            (cell,) = [
                c for box, c in cells if all(v in b for v, b in zip(point, box, strict=True))
            ]
            rows.append((answers, point, cell, decide_level(rules, answers)))
        PREPARED[key] = rules, logic, rows
    return PREPARED[key][1:]


def assert_boxes_match_engine(rules: Rules, items: list[Conditions], texts: list[str]) -> None:
    """For every answer combination, the boxes contain it exactly where the engine matches."""
    logic, rows = prepared(rules, texts)
    compiled = [logic.item(item) for item in items]
    for answers, point, cell, decision in rows:
        for item, one in zip(items, compiled, strict=True):
            inside = any(
                all(point[d] in allowed for d, allowed in c.items())
                for c in logic.item_boxes(one, cell)
            )
            assert inside == matches(item, answers, decision), (item, answers)


def conditions_strategy(rules: Rules, texts: list[str], depth: int = 3) -> st.SearchStrategy[Any]:
    """Random condition blocks over the questions, steps, caps and free-text questions of `rules`."""
    choice = [q for q in rules.questions if q.kind == "choice"]
    when = st.dictionaries(
        st.sampled_from([q.id for q in choice]), st.just(None), max_size=2
    ).flatmap(
        lambda keys: st.fixed_dictionaries(
            {
                key: st.lists(
                    st.sampled_from([o.id for o in rules.question(key).options]),
                    min_size=1,
                    unique=True,
                )
                for key in keys
            }
        )
    )
    leaf = st.fixed_dictionaries(
        {},
        optional={
            "when": when,
            "levels": st.lists(st.sampled_from([s.id for s in rules.steps]), unique=True),
            "capped_by": st.lists(
                st.sampled_from([c.id for c in rules.level.caps]), min_size=1, unique=True
            ),
            "given": st.lists(st.sampled_from(texts), max_size=1),
            "missing": st.lists(st.sampled_from(texts), max_size=1),
        },
    )

    def extend(inner: st.SearchStrategy[Any]) -> st.SearchStrategy[Any]:
        return st.builds(
            lambda own, extra: {**own, **extra},
            leaf,
            st.fixed_dictionaries(
                {},
                optional={
                    "any": st.lists(inner, min_size=1, max_size=3),
                    "all": st.lists(inner, min_size=1, max_size=2),
                    "not": inner,
                },
            ),
        )

    return st.recursive(leaf, extend, max_leaves=6)


MINI = load_rules(MINI_RULES).rules


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(conditions_strategy(MINI, ["project"]), min_size=1, max_size=4))
def test_boxes_agree_with_the_engine_on_random_conditions(blocks):
    assert_boxes_match_engine(MINI, [block(**b) for b in blocks], ["project"])


DEFAULT = load_rules(DEFAULT_RULES).rules
DEFAULT_TEXTS = ["project", "fixed"]


@settings(max_examples=20, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(conditions_strategy(DEFAULT, DEFAULT_TEXTS), min_size=2, max_size=3))
@pytest.mark.exhaustive
def test_boxes_agree_with_the_engine_over_the_default_answer_space(blocks):
    assert_boxes_match_engine(DEFAULT, [block(**b) for b in blocks], DEFAULT_TEXTS)


def test_shipped_composite_structure_agrees_with_the_engine():
    composite = [s for s in DEFAULT.structures if s.composite]
    assert composite, "the default rules use any/all/not somewhere"
    assert_boxes_match_engine(DEFAULT, list(DEFAULT.structures), [])


# Version-1 files ---------------------------------------------------------------------------


def wrapped(item: Any) -> Any:
    """The item with its conditions moved into `all`, and doubly negated in `not`: the same."""
    own = {k: getattr(item, k) for k in ("when", "levels", "capped_by", "given", "missing")}
    inner = Conditions(**own)
    cleared = {k: type(v)() for k, v in own.items()}
    return item.model_copy(
        update={**cleared, "all_": [inner], "not_": Conditions(not_=inner)},
    )


def equivalent(rules: Rules) -> Rules:
    parts = [wrapped(p) for p in rules.expectations.parts]
    return rules.model_copy(
        update={
            "structures": [wrapped(s) for s in rules.structures],
            "methods": [wrapped(m) for m in rules.methods],
            "warnings": [wrapped(w) for w in rules.warnings],
            "expectations": rules.expectations.model_copy(update={"parts": parts}),
        }
    )


def plain_items(rules: Rules) -> list[Conditions]:
    return [*rules.structures, *rules.methods, *rules.warnings, *rules.expectations.parts]


@pytest.mark.parametrize("path", [*SHIPPED_RULES, *FIXTURES], ids=lambda p: p.stem)
@pytest.mark.exhaustive
def test_version_1_files_take_the_plain_path_and_mean_the_same_written_as_blocks(path):
    rules = load_rules(path).rules
    if path in SHIPPED_RULES:  # the shipped default uses `any` in one structure, and `not`
        # in the feedback parts (anonymous answers): the plain items are compared
        parts = [p for p in rules.expectations.parts if not p.composite]
        rules = rules.model_copy(
            update={
                "structures": [s for s in rules.structures if not s.composite],
                "expectations": rules.expectations.model_copy(update={"parts": parts}),
            }
        )
    assert not any(item.composite for item in plain_items(rules))
    again = equivalent(rules)
    assert all(item.composite for item in plain_items(again))
    for answers in points(rules, ["project", "fixed"]):
        assert decide(rules, answers) == decide(again, answers), answers

    def found(r: Rules) -> list[tuple[str, Any, str]]:
        a = analyse(r, "en")
        check_rules(a)
        check_conditions(a)
        return [(f.code, f.path, f.message) for f in a.found if f.code not in NEW_CODES]

    assert found(rules) == found(again)


# Findings ----------------------------------------------------------------------------------

ASSOCIATIONS = """    any:
      - when:
          arena: ["unit_development", "system_wide"]
          participants: ["condition_group", "seldom_heard"]
      - when:
          arena: ["system_wide"]
          participants: ["own_patients", "condition_group", "general_public", "seldom_heard"]
"""
RANDOM_SAMPLE = '      participants: ["general_public"]\n    mandate: personal\n'
UNIT_PATIENTS = "  - id: unit_patients\n    when:\n"

PLANTED = [
    (
        "dead.branch",
        ASSOCIATIONS,
        ASSOCIATIONS
        + '      - when:\n          arena: ["care_meeting"]\n          participants: ["own_patients"]\n',
        '      - when:\n          arena: ["care_meeting"]\n          participants: ["own_patients"]',
    ),
    (
        "excluding.not",
        UNIT_PATIENTS,
        '  - id: unit_patients\n    not:\n      when:\n        participants: ["own_patients"]\n'
        "    when:\n",
        '    not:\n      when:\n        participants: ["own_patients"]',
    ),
    (
        "redundant.not",
        RANDOM_SAMPLE,
        '      participants: ["general_public"]\n    not:\n      when:\n'
        '        arena: ["care_meeting"]\n    mandate: personal\n',
        '    not:\n      when:\n        arena: ["care_meeting"]',
    ),
    (
        "simplify.conditions",
        RANDOM_SAMPLE,
        '      participants: ["general_public"]\n    all:\n      - missing: [fixed]\n'
        "    mandate: personal\n",
        "    all:\n      - missing: [fixed]",
    ),
]


@pytest.mark.parametrize(("code", "old", "new", "at"), PLANTED, ids=[p[0] for p in PLANTED])
def test_planted_condition_defect_is_found_at_its_place(tmp_path, code, old, new, at):
    text = edited(old, new)
    path = write(tmp_path, "planted.yaml", text)
    found = [f for f in check_file(path, "en").findings if f.code == code]
    assert len(found) == 1, found
    assert found[0].line == line_of(text, at), str(found[0])
    assert found[0].severity == "warning"


def test_a_not_that_excludes_everything_also_makes_the_item_unreachable(tmp_path):
    text = edited(PLANTED[1][1], PLANTED[1][2])
    codes = {f.code for f in check_file(write(tmp_path, "x.yaml", text), "en").findings}
    assert {"excluding.not", "unreachable.structure"} <= codes


def test_a_useful_any_or_not_gives_no_finding(tmp_path):
    # The shipped `any` has no dead branch; a `not` that removes some answers is not reported.
    text = edited(
        RANDOM_SAMPLE,
        '      participants: ["general_public"]\n    not:\n      when:\n'
        '        resources: ["none"]\n    mandate: personal\n',
    )
    findings = check_file(write(tmp_path, "ok.yaml", text), "en").findings
    assert not [f for f in findings if f.code in NEW_CODES]


def nested(depth: int) -> str:
    """An `any` block `depth` levels deep under patient_associations."""
    lines, pad = [], "    "
    for _ in range(depth):
        lines.append(f'{pad}any:\n{pad}  - when:\n{pad}      arena: ["system_wide"]\n')
        pad += "    "
    return "".join(lines)


def test_nesting_is_bounded_with_a_located_error(tmp_path, cli):
    ok = write(tmp_path, "four.yaml", edited(ASSOCIATIONS, nested(4)))
    assert load_rules(ok).rules.structures[3].composite
    deep = edited(ASSOCIATIONS, nested(5))
    path = write(tmp_path, "five.yaml", deep)
    result = cli("check", str(path))
    assert result.exit_code == 3
    assert "nested more than 4 deep" in result.stdout
    assert "structures[patient_associations].any[0].any[0].any[0].any[0].any[0]" in result.stdout
    assert f"five.yaml:{line_of(deep, ' ' * 22 + '- when:')}:" in result.stdout
    swedish = cli("check", "--lang", "sv", str(path))
    assert "nästlade mer än 4 nivåer" in swedish.stdout


def test_unknown_ids_inside_blocks_are_located_at_their_nested_path(tmp_path, cli):
    text = edited(
        ASSOCIATIONS,
        ASSOCIATIONS
        + '      - not:\n          when:\n            participant: ["own_patients"]\n'
        + "          levels: [dialog]\n",
    )
    path = write(tmp_path, "refs.yaml", text)
    result = cli("check", str(path), "--format", "json")
    assert result.exit_code == 3
    import json

    findings = json.loads(result.stdout)["files"][0]["findings"]
    where = {f["path"]: f for f in findings}
    question = where["structures[3].any[2].not.when.participant"]
    assert "unknown question 'participant'" in question["message"]
    assert question["line"] == line_of(text, '            participant: ["own_patients"]')
    assert "unknown step 'dialog'" in where["structures[3].any[2].not.levels[0]"]["message"]


def test_a_question_read_only_inside_a_block_counts_as_used(tmp_path):
    # Without reading nested `when`s, `relatives` would be "asked but changes nothing".
    text = TEXT
    for pad, value in (("    ", "yes"), ("      ", "yes"), ("      ", "no")):
        old = f'{pad}when:\n{pad}  arena: ["care_meeting"]\n{pad}  relatives: ["{value}"]\n'
        new = (
            f'{pad}when:\n{pad}  arena: ["care_meeting"]\n'
            f'{pad}all:\n{pad}  - when:\n{pad}      relatives: ["{value}"]\n'
            f"{pad}  - levels: [information, consultation, influence]\n"
        )
        text = text.replace(old, new, 1)
    assert text.count("relatives: [") == 3 and text.count("    all:\n") == 3
    codes = {f.code for f in check_file(write(tmp_path, "nested.yaml", text), "en").findings}
    assert "unused.question" not in codes and "undistinguished.option" not in codes, codes


def test_placeholders_may_rely_on_given_inside_all(tmp_path):
    old = '    - id: care_project\n      when:\n        arena: ["care_meeting"]\n      given: [project]\n'
    new = (
        '    - id: care_project\n      when:\n        arena: ["care_meeting"]\n'
        "      all:\n        - given: [project]\n        - levels: [information, consultation, influence]\n"
    )
    path = write(tmp_path, "given.yaml", edited(old, new))
    assert load_rules(path).rules  # {project} is guaranteed: no placeholder_given problem
    inside_any = edited(
        old,
        old.replace(
            "      given: [project]\n",
            "      any:\n        - given: [project]\n        - levels: [influence]\n",
        ),
    )
    with pytest.raises(RulesError) as raised:
        load_rules(write(tmp_path, "any.yaml", inside_any))
    assert any("needs 'project' in given" in p.message for p in raised.value.problems)


# diff --------------------------------------------------------------------------------------


@pytest.mark.exhaustive
def test_diff_with_composite_conditions_matches_brute_force(tmp_path):
    plain = edited(
        ASSOCIATIONS,
        '    when:\n      arena: ["unit_development", "system_wide"]\n'
        '      participants: ["condition_group", "seldom_heard"]\n',
    )
    composite = TEXT.replace(
        RANDOM_SAMPLE,
        '      participants: ["general_public"]\n    not:\n      all:\n'
        '        - when:\n            resources: ["none"]\n'
        "        - any:\n            - levels: [information]\n"
        '            - when:\n                timeframe: ["weeks"]\n    mandate: personal\n',
    )
    composite = composite.replace(
        '  - id: shared_decision_making\n    when:\n      arena: ["care_meeting"]\n    levels: [influence]\n',
        "  - id: shared_decision_making\n    any:\n      - levels: [influence]\n"
        '      - when:\n          patient_wish: ["be_consulted"]\n'
        '        not:\n          when:\n            relatives: ["no"]\n    when:\n'
        '      arena: ["care_meeting"]\n',
    )
    assert composite.count("not:") == TEXT.count("not:") + 2
    old = load_rules(write(tmp_path, "plain.yaml", plain))
    new = load_rules(write(tmp_path, "composite.yaml", composite))
    combinations = len(list(diff_space(new.rules)))
    assert_diff_is_brute_force(old, new, combinations)
    assert_diff_is_brute_force(new, old, combinations)
