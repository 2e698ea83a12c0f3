"""The library's answer errors name questions and carry them as data; no flags in them."""

import pytest

from ladder import api
from ladder.errors import AnswerError


@pytest.mark.parametrize("lang", ["sv", "en"])
def test_missing_answers_name_questions_not_flags(default_rules, lang):
    with pytest.raises(AnswerError) as caught:
        api.recommend(default_rules, {"arena": "care_meeting"}, lang)
    error = caught.value
    assert error.missing == ("patient_wish", "relatives")
    assert error.questions["relatives"] == ("yes", "no")
    text = "\n".join([error.message, *error.details])
    assert "-a" not in text and "patient_wish" in text


@pytest.mark.parametrize("lang", ["sv", "en"])
def test_an_invalid_answer_carries_its_question_and_options(default_rules, lang):
    with pytest.raises(AnswerError) as caught:
        api.recommend(default_rules, {"arena": "nowhere"}, lang)
    assert caught.value.questions == {"arena": ("care_meeting", "unit_development", "system_wide")}
