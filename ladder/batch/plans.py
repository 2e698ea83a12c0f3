"""Plan rows of a batch (rows with `tracks`): their outcome, and their cells in CSV."""

from __future__ import annotations

import json
from typing import Any

from ladder.batch.rows import row_details
from ladder.errors import AnswerError
from ladder.load.loader import LoadedRules

Result = dict[str, Any]


def canonical(answers: dict[str, Any]) -> str:
    """A plan row's answers as one text: rows with the same text have the same outcome."""
    return json.dumps(answers, sort_keys=True, default=str, ensure_ascii=False)


def evaluate_plan(
    loaded: LoadedRules, answers: dict[str, Any], lang: str, input_format: str, memo: Any
) -> tuple[Result | None, Result | None]:
    """The plan's ladder.plan/1 record (its id is the row's), or the error record of the row;
    `memo` is the run's app.TrackMemo."""
    from ladder.app import plan_answers
    from ladder.output.record import plan_to_dict
    from ladder.plan_file import split_plan

    try:
        plan, _notes = plan_answers(loaded, {}, split_plan(answers, "", lang), lang, memo)
    except AnswerError as error:
        message = " ".join([error.message, *row_details(error, input_format, lang)])
        return None, {"code": error.exit_code, "message": message}
    record = plan_to_dict(plan, memo.as_dict)
    del record["id"]  # the row's own id stands first in its output record
    return record, None


def csv_cells(result: Result) -> tuple[str, str, str, int]:
    """Level, structures, methods (each `track:id`) and the number of warnings of a plan."""
    tracks = result["tracks"]
    return (
        " ".join(f"{tr['id']}:{tr['level']['id']}" for tr in tracks),
        " ".join(f"{tr['id']}:{s['id']}" for tr in tracks for s in tr["recruitment"]),
        " ".join(f"{tr['id']}:{m['id']}" for tr in tracks for m in tr["methods"]),
        len(result["warnings"]) + sum(len(tr["warnings"]) for tr in tracks),
    )
