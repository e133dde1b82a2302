"""AppTest of the quiz page: a round from a fixed seed, right and wrong answers, the score, the
round in the link, class mode on a beamer, masked titles."""

import re

import pytest
from apptest_helpers import as_list, notice_text, run_app, shown
from streamlit.testing.v1 import AppTest

from events.queries.filters import FilterState, filter_events
from events.queries.presentation import publication_day_of, shown_text
from events.queries.quiz import (
    CountryQuestion,
    OrderQuestion,
    WhenQuestion,
    build_round,
)
from events.store.tables import load_dataset

SEED = 4711
EVENTS = load_dataset().events
ROUND = build_round(EVENTS, SEED)
YEAR = re.compile(r"\b(?:19|20)\d\d")


def masked_titles(ids, lang: str) -> list[str]:
    """The option labels a question shows: titles with their dates masked."""
    data = load_dataset()
    by_id = EVENTS.set_index("id")
    return [
        shown_text(
            by_id.loc[i, f"title_{lang}"],
            publication_day_of(i, data.evidence, data.sources),
            lang,
            hidden=True,
        )
        for i in ids
    ]


def open_quiz(params: dict | None = None) -> AppTest:
    return run_app({"round": str(SEED), **(params or {})}, page="pages/quiz.py")


def texts(at: AppTest) -> str:
    return "\n".join(shown(m.value) for m in at.main.markdown)


def button(at: AppTest, suffix: str):
    return next(b for b in at.main.button if b.key and b.key.endswith(suffix))


def run(at: AppTest) -> AppTest:
    at.run()
    assert not at.exception, at.exception
    return at


def answer_order(at: AppTest, order) -> None:
    for box, event_id in zip(at.main.selectbox, order, strict=True):
        box.set_value(event_id)
    run(at)
    button(at, ".check").click()
    run(at)


def next_question(at: AppTest) -> None:
    at.button(key="quiz.next").click()
    run(at)


def test_the_round_of_the_seed_is_shown_and_kept_in_the_link():
    at = open_quiz()
    assert as_list(at.query_params["round"]) == [str(SEED)]
    first = ROUND.questions[0]
    assert isinstance(first, OrderQuestion)
    labels = masked_titles(first.shown, "de")
    assert [box.options for box in at.main.selectbox] == [labels] * len(first.shown)
    assert "Runde 4711" in texts(at) and "Punkte: 0 von 0" in texts(at)


def test_titles_in_questions_do_not_give_the_date_away():
    at = open_quiz()
    for box in at.main.selectbox:
        for label in box.options:
            assert not YEAR.search(label), label


def test_a_title_with_its_year_is_masked():
    # round 3 asks "Welches Land?" about "Krieg um Luhansk und Donezk seit 2014" as question 6
    question = build_round(EVENTS, 3).questions[5]
    assert "2014" in EVENTS.set_index("id").loc[question.event_id, "title_de"]
    at = run_app({"round": "3"}, page="pages/quiz.py")
    for _ in range(5):
        next_question(at)
    assert "Krieg um Luhansk und Donezk seit ▢▢▢" in texts(at)
    assert "2014" not in texts(at)


def test_right_and_wrong_answers_and_the_score():
    questions = ROUND.questions
    assert [q.kind for q in questions[:3]] == ["order", "when", "country"]
    at = open_quiz()
    answer_order(at, questions[0].answer)  # right
    assert "Richtig!" in texts(at) and "Punkte: 1 von 1" in texts(at)

    next_question(at)
    when = questions[1]
    assert isinstance(when, WhenQuestion)
    wrong = next(v for v in when.options if v not in when.accepted)
    at.select_slider[0].set_value(wrong)
    run(at)
    button(at, ".check").click()
    run(at)
    shown = texts(at)
    assert "Leider nicht richtig." in shown and "daneben" in shown
    assert "Punkte: 1 von 2" in shown
    assert at.main.container  # the event's card follows the feedback

    next_question(at)
    country = questions[2]
    assert isinstance(country, CountryQuestion)
    at.button_group[0].set_value(sorted(country.answer))
    run(at)
    button(at, ".check").click()
    run(at)
    assert "Richtig!" in texts(at) and "Punkte: 2 von 3" in texts(at)


def test_a_second_check_does_not_change_the_score():
    at = open_quiz()
    wrong = list(reversed(ROUND.questions[0].answer))
    answer_order(at, wrong)
    assert "Leider nicht richtig." in texts(at) and "Punkte: 0 von 1" in texts(at)
    answer_order(at, ROUND.questions[0].answer)
    assert "Punkte: 0 von 1" in texts(at)


def test_a_when_answer_anywhere_inside_the_interval_is_right():
    at = open_quiz()
    next_question(at)
    when = ROUND.questions[1]
    at.select_slider[0].set_value(when.accepted[-1])
    run(at)
    button(at, ".check").click()
    run(at)
    assert "Richtig!" in texts(at) and "Richtig war: März 2023." in texts(at)
    assert "Das Datum ist auf den Tag genau bekannt." in texts(at)


def test_new_round_gets_a_new_seed_in_the_link():
    at = open_quiz()
    at.button(key="quiz.new_round").click()
    run(at)
    seed = as_list(at.query_params["round"])[0]
    assert seed != str(SEED) and f"Runde {seed}" in texts(at)


def test_the_filters_decide_the_questions():
    armenia = filter_events(EVENTS, FilterState(countries=("ARM",)))
    expected = build_round(armenia, SEED)
    at = open_quiz({"country": "ARM", "lang": "en"})
    order = expected.questions[0]
    assert isinstance(order, OrderQuestion) and expected != ROUND
    labels = masked_titles(order.shown, "en")
    assert [box.options for box in at.main.selectbox] == [labels] * len(order.shown)
    assert "Round 4711" in texts(at)


def test_class_mode_reveals_without_scoring():
    at = open_quiz({"present": "1"})
    assert not any(b.key == "quiz.beamer" for b in at.main.button)
    assert not any(b.key and b.key.endswith(".check") for b in at.main.button)
    button(at, ".reveal").click()
    run(at)
    shown = texts(at)
    assert "Richtig!" not in shown and "überschneiden sich nicht" in shown
    assert "Punkte" not in shown
    at.button(key="classroom.exit").click()
    run(at)
    assert "present" not in at.query_params and any(b.key == "quiz.beamer" for b in at.main.button)


@pytest.mark.parametrize("value", ["abc", "0x1", "1234567"])
def test_a_bad_round_value_is_noticed_and_replaced(value):
    at = run_app({"round": value}, page="pages/quiz.py")
    assert f"round={value}" in notice_text(at)
    assert as_list(at.query_params["round"])[0].isdigit()
