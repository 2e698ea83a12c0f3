"""Generate a "chain" rules file: N yes/no questions, each with a follow-up asked on one answer.

Question `gNN` (yes/no) is followed by `fNN` (short/long), asked only when `gNN` is yes; a cap
on each follow-up lowers the level when it is short. A purpose question sets the target. The
reachable answer space is 5 x 3^N: as disjoint boxes it needs 2^N path boxes, which is the
shape that made `check`, `monotone` properties and `diff` exponential.

    python bench/gen_chain.py 20 > /tmp/chain20.yaml
    python bench/gen_chain.py 12 --monotone 3 > /tmp/chain12m3.yaml   # with 3 monotone properties
    python bench/gen_chain.py 12 --variant > /tmp/chain12b.yaml       # caps moved: for diff
"""

from __future__ import annotations

import argparse
import sys
from typing import Any

import yaml
from gen_rules import STEPS, header, text

MONOTONE = (("purpose", "purpose"), ("gate", "g01"), ("follow_up", "f01"))


def generate(chain: int, monotone: int = 0, variant: bool = False) -> str:
    if chain < 1 or not 0 <= monotone <= len(MONOTONE):
        raise ValueError(f"at least 1 link and at most {len(MONOTONE)} monotone properties")

    def option(option_id: str) -> dict[str, Any]:
        return {"id": option_id, "text": text(option_id), "help": text(f"Option {option_id}.")}

    def question(question_id: str, options: list[str], **fields: Any) -> dict[str, Any]:
        return {
            "id": question_id,
            "text": text(f"Question {question_id}?"),
            "help": text(f"Help for {question_id}."),
            "options": [option(o) for o in options],
            **fields,
        }

    def rule(rule_id: str, **fields: Any) -> dict[str, Any]:
        return {"id": rule_id, **fields, "because": text(f"Rule {rule_id}: {{step}}.")}

    questions = [question("purpose", [f"p{j}" for j in range(len(STEPS))])]
    caps = []
    for i in range(1, chain + 1):
        gate, follow = f"g{i:02d}", f"f{i:02d}"
        questions.append(question(gate, ["yes", "no"]))
        questions.append(question(follow, ["short", "long"], when={gate: ["yes"]}))
        step = STEPS[(i + variant) % 3 + 1]
        caps.append(rule(f"cap_{follow}", when={follow: ["short"]}, step=step))
    target = [
        rule("purpose", **{"from": "purpose", "map": {f"p{j}": s for j, s in enumerate(STEPS)}})
    ]

    def item(item_id: str, **fields: Any) -> dict[str, Any]:
        return {
            "id": item_id,
            "name": text(item_id),
            "description": text(f"About {item_id}."),
            "how": text("Do it."),
            **fields,
        }

    properties = [
        {
            "id": f"{name}_monotone",
            "kind": "monotone",
            "question": question_id,
            "description": text(f"A later answer to {question_id} never lowers the level."),
        }
        for name, question_id in MONOTONE[:monotone]
    ]
    rules = {
        **header("chain"),
        "questions": questions,
        "level": {"target": target, "caps": caps},
        "mandate_types": {
            "personal": text("Your own view."),
            "organisational": text("Your association's view."),
        },
        "structures": [
            item("own", mandate="personal"),
            item("association", mandate="organisational"),
        ],
        "methods": [item(f"method_{s}", levels=[s], time=text("An hour.")) for s in STEPS],
        "expectations": {
            "title": text("What you can expect"),
            "parts": [
                {"id": "promise", "text": text("{level}: {promise}")},
                {  # every cap explained, as `check` requires
                    "id": "limited",
                    "capped_by": [c["id"] for c in caps],
                    "text": text("Limited to {level} for now."),
                },
            ],
        },
        "properties": properties,
    }
    body = yaml.safe_dump(rules, sort_keys=False, allow_unicode=True, width=100)
    return "# yaml-language-server: $schema=../ladder/rules.schema.json\n" + body


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("chain", type=int, help="number of yes/no questions with a follow-up")
    parser.add_argument("--monotone", type=int, default=0, help="monotone properties (0-3)")
    parser.add_argument("--variant", action="store_true", help="move every cap one step")
    args = parser.parse_args(argv)
    sys.stdout.write(generate(args.chain, args.monotone, args.variant))


if __name__ == "__main__":
    main()
