"""Generate a valid rules file with N questions of K options each, every question used by a rule.

The shape follows the default rules: a gate question whose answer decides which questions are
asked, a target set from one question, a cap from another, single-option floors and caps,
structures and methods keyed on questions, and declared properties. With 20 questions of 5
options the answer space holds about 10^14 combinations.

    python bench/gen_rules.py 20 > /tmp/rules20.yaml
    python bench/gen_rules.py 20 --plant gap > /tmp/gap20.yaml       # a combination gets no level
    python bench/gen_rules.py 20 --plant overlap > /tmp/overlap20.yaml  # two target rules conflict
    python bench/gen_rules.py 20 --composite > /tmp/any20.yaml  # any/not conditions
"""

from __future__ import annotations

import argparse
import sys
from typing import Any

import yaml

STEPS = ["information", "consultation", "dialogue", "influence", "co_determination"]


def text(value: str) -> dict[str, str]:
    return {"sv": f"{value} (sv)", "en": value}


def header(region_id: str) -> dict[str, Any]:
    """The parts of a generated rules file that do not depend on its questions."""
    return {
        "version": 1,
        "region": {"id": region_id, "name": text(region_id.title()), "source": text("bench")},
        "languages": ["sv", "en"],
        "credits": text("Generated for the benchmark; promises adapted from IAP2."),
        "steps": [
            {
                "id": s,
                "name": text(s.title()),
                "description": text(f"At {s}."),
                "promise": text(f"We promise {s}."),
            }
            for s in STEPS
        ],
    }


def generate(
    questions: int, options: int = 5, plant: str | None = None, composite: bool = False
) -> str:
    """The rules; with `composite`, structures and methods say part of their conditions with
    any/not blocks (the same ids, the same shape of file)."""
    if questions < 3 or options < 2:
        raise ValueError("at least 3 questions of 2 options")
    qs = [f"q{i:02d}" for i in range(1, questions + 1)]
    opts = [f"o{j}" for j in range(1, options + 1)]

    def step_of(j: int) -> str:  # option index -> step, spread over the ladder
        return STEPS[min(len(STEPS) - 1, j * len(STEPS) // options)]

    question_list: list[dict[str, Any]] = []
    for i, q in enumerate(qs):
        entry: dict[str, Any] = {
            "id": q,
            "text": text(f"Question {q}?"),
            "help": text(f"Help for {q}."),
            "options": [
                {"id": o, "text": text(f"{q} {o}"), "help": text(f"Option {o} of {q}.")}
                for o in opts
            ],
        }
        if i >= 2 and i % 4 == 3:
            # Every fourth question is asked only for some answers to the gate question q01.
            entry["when"] = {qs[0]: opts[: options - 1]}
        question_list.append(entry)

    def rule(rule_id: str, **fields: Any) -> dict[str, Any]:
        return {"id": rule_id, **fields, "because": text(f"Rule {rule_id}: {{step}} {{answer}}.")}

    target_map = {o: step_of(j) for j, o in enumerate(opts)}
    if plant == "gap":
        del target_map[opts[-1]]  # nothing sets the target when q02 has its last option
    target = [rule("target", **{"from": qs[1], "map": target_map})]
    if plant == "overlap":
        target.insert(0, rule("quick", when={qs[6 % questions]: [opts[2]]}, step="dialogue"))
    cap_map = {o: step_of(j) for j, o in enumerate(opts)}
    floors, caps = [], [rule("mandate", **{"from": qs[2], "map": cap_map})]
    for i, q in enumerate(qs[3:], start=3):
        if i % 2:
            caps.append(rule(f"cap_{q}", when={q: [opts[0]]}, step=STEPS[1 + i % 3]))
        else:
            floors.append(rule(f"floor_{q}", when={q: [opts[-1]]}, step=STEPS[1 + i % 2]))

    def item(item_id: str, **fields: Any) -> dict[str, Any]:
        return {"id": item_id, **fields}

    def conditions(q: str, allowed: list[str], other: str) -> dict[str, Any]:
        """`when` q in allowed; with `composite`, q in allowed or `other` at its last option,
        but not q at the first allowed option together with `other` at its first."""
        if not composite:
            return {"when": {q: allowed}}
        return {
            "any": [{"when": {q: allowed}}, {"when": {other: [opts[-1]]}}],
            "not": {"when": {q: allowed[:1], other: [opts[0]]}},
        }

    structures = [
        item(
            f"structure_{q}",
            **conditions(q, opts[: options // 2 + 1], qs[(i + 1) % questions]),
            mandate="personal",
            name=text(f"Structure {q}"),
            description=text(f"Recruit for {q}."),
            how=text(f"Start with {q}."),
        )
        for i, q in enumerate(qs[3:], start=3)
    ]
    structures.append(
        item(
            "general",
            mandate="organisational",
            name=text("General"),
            description=text("Anyone."),
            how=text("Ask widely."),
        )
    )
    methods = []
    for k, step in enumerate(STEPS):
        for q in qs[3 + k :: 5]:
            methods.append(
                item(
                    f"method_{step}_{q}",
                    **conditions(q, opts[1:], qs[(qs.index(q) + 1) % questions]),
                    levels=[step],
                    name=text(f"Method {q}"),
                    description=text("A method."),
                    how=text("Do it."),
                    time=text("An hour."),
                )
            )
        methods.append(
            item(
                f"method_{step}",
                levels=[step],
                name=text(f"Method at {step}"),
                description=text("A method."),
                how=text("Do it."),
                time=text("An hour."),
            )
        )
    warnings = [
        item("capped", capped_by=["mandate"], text=text("Capped by the mandate at {level}.")),
        item(  # every other cap explained, as `check` requires
            "limited",
            capped_by=[c["id"] for c in caps[1:]] or ["mandate"],
            text=text("Limited to {level} by time or means."),
        ),
        item("high", levels=STEPS[3:], text=text("Plan for representativeness.")),
    ]
    properties = [
        {
            "id": "within_mandate",
            "kind": "at_most",
            "from": qs[2],
            "map": cap_map,
            "description": text("The level never exceeds the mandate."),
        },
        {
            "id": "mandate_monotone",
            "kind": "monotone",
            "question": qs[2],
            "description": text("Opening the mandate never lowers the level."),
        },
        {
            "id": "purpose_monotone",
            "kind": "monotone",
            "question": qs[1],
            "description": text("Raising the purpose never lowers the level."),
        },
    ]
    rules = {
        **header("generated"),
        "questions": question_list,
        "level": {"target": target, "floors": floors, "caps": caps},
        "selection": {"structures": 3, "methods": 3},
        "mandate_types": {
            "personal": text("Your own view."),
            "organisational": text("Your association's view."),
        },
        "structures": structures,
        "methods": methods,
        "warnings": warnings,
        "expectations": {
            "title": text("What you can expect"),
            "parts": [item("promise", text=text("{level}: {promise}"))],
        },
        "properties": properties,
    }
    body = yaml.safe_dump(rules, sort_keys=False, allow_unicode=True, width=100)
    return "# yaml-language-server: $schema=../ladder/rules.schema.json\n" + body


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("questions", type=int)
    parser.add_argument("--options", type=int, default=5)
    parser.add_argument("--plant", choices=["gap", "overlap"])
    parser.add_argument(
        "--composite", action="store_true", help="any/not conditions on structures and methods"
    )
    args = parser.parse_args(argv)
    sys.stdout.write(generate(args.questions, args.options, args.plant, args.composite))


if __name__ == "__main__":
    main()
