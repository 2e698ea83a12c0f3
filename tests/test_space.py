"""The premise of `tests/space.py`: answer sets with one decision get one invitation and the
same staff notes, in both languages, whatever else they answered."""

from __future__ import annotations

import pytest

from ladder.app import recommendation_for


@pytest.mark.parametrize("lang", ["sv", "en"])
def test_one_decision_gives_one_text(shipped, groups, lang):
    assert sum(len(g.members) for g in groups) > 2 * len(groups)  # grouping saves work
    compared = 0
    for group in groups:
        first = recommendation_for(shipped, group.answers, lang)
        for answers in group.members[1 :: 1 + len(group.members) // 3]:
            rec = recommendation_for(shipped, answers, lang)
            assert rec.invitation == first.invitation, (group.answers, answers)
            assert rec.staff_notes == first.staff_notes, (group.answers, answers)
            assert rec.gaps == first.gaps, (group.answers, answers)
            compared += 1
    assert compared > len(groups) / 2
