"""Quiz rounds: only answerable questions, reproducible from the seed, scored right."""

import random
from datetime import date, timedelta
from functools import cache

import pandas as pd
import pytest

from events.locale import strings
from events.model.fuzzy_dates import PRECISIONS
from events.queries.quiz import (
    KINDS,
    ORDER_MAX,
    ORDER_MIN,
    CountryQuestion,
    OrderQuestion,
    WhenQuestion,
    build_round,
    intervals_overlap,
    parse_seed,
    question_events,
    round_total,
    score_answer,
    score_country,
    score_order,
    score_when,
)
from events.store.tables import add_date_columns, load_dataset

SEEDS = range(1, 121)


@cache
def real_events() -> pd.DataFrame:
    return load_dataset().events


def frame(rows) -> pd.DataFrame:
    """Events in the loaded form from (id, EDTF date, countries, date_basis) rows."""
    events = pd.DataFrame(
        {
            "id": [r[0] for r in rows],
            "date": [r[1] for r in rows],
            "countries": [tuple(r[2]) for r in rows],
            "date_basis": [r[3] for r in rows],
        }
    )
    return add_date_columns(events)


def synthetic(seed: int, n: int) -> pd.DataFrame:
    """`n` random events over 2019–2025: days, months (some approximate), seasons, years,
    intervals, open ends, many on the same day or month, so overlaps are common."""
    rng = random.Random(seed)
    codes = ["ARM", "AZE", "RUS", "UKR", "GEO", "KAZ", "TUR", "IRN"]
    rows = []
    for k in range(n):
        year = rng.randint(2019, 2025)
        day = date(year, rng.randint(1, 12), rng.randint(1, 28))
        edtf = rng.choice(
            [
                day.isoformat(),
                f"{year}-{day.month:02d}",
                f"{year}-{day.month:02d}~",
                f"{year}-{rng.randint(21, 24)}",
                str(year),
                f"{day.isoformat()}/{(day + timedelta(days=rng.randint(1, 400))).isoformat()}",
                f"{year}/..",
            ]
        )
        countries = rng.sample(codes, rng.randint(1, 3))
        rows.append((f"e{k:03d}", edtf, countries, rng.choice(["text", "knowledge"])))
    return frame(rows)


def bounds(events: pd.DataFrame) -> dict[str, tuple[date, date | None]]:
    return {
        row.id: (row.start.date(), None if pd.isna(row.end) else row.end.date())
        for row in events.itertuples()
    }


@pytest.mark.parametrize(
    ("a", "b", "overlap"),
    [
        (("2024-01-01", "2024-01-01"), ("2024-01-01", "2024-01-01"), True),
        (("2024-01-01", "2024-01-31"), ("2024-01-31", "2024-02-05"), True),
        (("2024-01-01", "2024-01-31"), ("2024-02-01", "2024-02-05"), False),
        (("2024-03-01", "2024-05-31"), ("2024-01-01", "2024-12-31"), True),
        (("2014-01-01", None), ("2025-07-03", "2025-07-03"), True),
        (("2014-01-01", None), ("1993-01-01", "1993-12-31"), False),
        (("2014-01-01", None), ("2020-01-01", None), True),
    ],
)
def test_intervals_overlap(a, b, overlap):
    def days(pair):
        return date.fromisoformat(pair[0]), pair[1] and date.fromisoformat(pair[1])

    assert intervals_overlap(*days(a), *days(b)) is overlap
    assert intervals_overlap(*days(b), *days(a)) is overlap


def _order_questions(events, seeds):
    for seed in seeds:
        for question in build_round(events, seed).questions:
            if isinstance(question, OrderQuestion):
                yield question


@pytest.mark.parametrize(
    "events",
    [real_events, lambda: synthetic(1, 12), lambda: synthetic(2, 40), lambda: synthetic(3, 200)],
    ids=["real", "synthetic-12", "synthetic-40", "synthetic-200"],
)
def test_no_order_question_has_overlapping_intervals(events):
    events = events()
    spans = bounds(events)
    questions = list(_order_questions(events, SEEDS))
    assert questions, "the table supports order questions, but none was built"
    for question in questions:
        assert ORDER_MIN <= len(question.answer) <= ORDER_MAX
        assert (
            sorted(question.shown) == sorted(question.answer) and question.shown != question.answer
        )
        chosen = [spans[i] for i in question.answer]
        for n, first in enumerate(chosen):
            for second in chosen[n + 1 :]:
                assert not intervals_overlap(*first, *second), question
        # the answer is the date order
        assert [s[0] for s in chosen] == sorted(s[0] for s in chosen)
        assert not events.set_index("id").loc[list(question.answer), "approximate"].any()


def test_order_question_marks_dates_from_outside_knowledge():
    events = real_events()
    basis = dict(zip(events["id"], events["date_basis"], strict=True))
    questions = list(_order_questions(events, SEEDS))
    assert any(q.knowledge for q in questions)
    for question in questions:
        assert question.knowledge == tuple(i for i in question.answer if basis[i] == "knowledge")


@pytest.mark.parametrize("seed", [1, 7, 4242, 999_999])
def test_same_seed_same_round_whatever_the_row_order(seed):
    events = real_events()
    shuffled = events.sample(frac=1, random_state=seed).reset_index(drop=True)
    assert build_round(events, seed) == build_round(events, seed) == build_round(shuffled, seed)


def test_different_seeds_give_different_rounds():
    rounds = {build_round(real_events(), seed).questions for seed in range(1, 21)}
    assert len(rounds) == 20


def test_real_table_round_has_every_kind_and_no_event_twice():
    for seed in SEEDS:
        round_ = build_round(real_events(), seed)
        assert round_.skipped == ()
        assert {q.kind for q in round_.questions} == set(KINDS)
        ids = [i for q in round_.questions for i in question_events(q)]
        assert len(ids) == len(set(ids))


TWO_APART = [("a", "2024-01-05", ["ARM"], "text"), ("b", "2024-06", ["AZE"], "text")]


@pytest.mark.parametrize(
    ("rows", "skipped"),
    [
        # three disjoint events: too few for an order question
        (
            [*TWO_APART, ("c", "2021", ["RUS"], "text"), ("d", "2024-06-10", ["RUS"], "text")],
            ("order",),
        ),
        # all on the same day with the same countries: no order, no distractors
        ([(f"s{k}", "2025-07-19", ["RUS", "AZE"], "text") for k in range(6)], ("order", "country")),
        # all in the same year: a year slider would have one value, always right
        (
            [(f"y{k}", "2024", [code], "text") for k, code in enumerate(["ARM", "AZE", "RUS"])],
            ("order", "when"),
        ),
        # only ongoing events: nothing to place on a slider, no order among them
        (
            [("o1", "2014/..", ["RUS", "UKR"], "text"), ("o2", "2020/..", ["ARM", "AZE"], "text")],
            ("order", "when"),
        ),
        # one country in the whole table: no distractors
        ([*TWO_APART[:1], ("x", "2023-02-01", ["ARM"], "text")], ("order", "country")),
        ([], KINDS),
    ],
    ids=["three-disjoint", "same-day", "same-year", "open-only", "one-country", "empty"],
)
def test_kinds_the_data_cannot_support_are_skipped(rows, skipped):
    for seed in range(1, 30):
        round_ = build_round(frame(rows), seed)
        assert round_.skipped == skipped
        assert not {q.kind for q in round_.questions} & set(skipped)


@pytest.mark.parametrize("events", [real_events, lambda: synthetic(4, 60)], ids=["real", "synth"])
def test_when_question_accepts_exactly_the_values_inside_the_interval(events):
    events = events()
    spans = bounds(events)
    seen = 0
    for seed in SEEDS:
        for q in build_round(events, seed).questions:
            if not isinstance(q, WhenQuestion):
                continue
            seen += 1
            start, end = spans[q.event_id]
            assert end is not None, "an ongoing event cannot be placed on a slider"
            assert q.span_days == (end - start).days + 1
            assert set(q.accepted) <= set(q.options) and q.initial in q.options
            assert len(q.options) - len(q.accepted) >= 2 * len(q.accepted)
            for value in q.options:
                if q.unit == "month":
                    first = date.fromisoformat(value + "-01")
                    last = (first + timedelta(days=32)).replace(day=1) - timedelta(days=1)
                else:
                    first, last = date(int(value), 1, 1), date(int(value), 12, 31)
                inside = intervals_overlap(first, last, start, end)
                assert (value in q.accepted) is inside
                assert score_when(q, value).correct is inside
    assert seen


def test_country_question_options_and_distractors():
    events = real_events()
    countries = dict(zip(events["id"], events["countries"], strict=True))
    elsewhere = {c for cs in countries.values() for c in cs}
    for seed in SEEDS:
        for q in build_round(events, seed).questions:
            if isinstance(q, CountryQuestion):
                assert q.answer == set(countries[q.event_id])
                assert q.answer <= set(q.options) and len(set(q.options)) == len(q.options)
                distractors = set(q.options) - q.answer
                assert len(distractors) >= 2 and distractors <= elsewhere
                assert score_country(q, q.answer).correct


ORDER = OrderQuestion(shown=("c", "a", "d", "b"), answer=("a", "b", "c", "d"), knowledge=())


@pytest.mark.parametrize(
    ("answer", "correct", "points", "wrong"),
    [
        (("a", "b", "c", "d"), True, 1.0, ()),
        (("b", "a", "c", "d"), False, 5 / 6, ("a", "b")),
        (("d", "c", "b", "a"), False, 0.0, ("a", "b", "c", "d")),
        (("c", "a", "d", "b"), False, 3 / 6, ("a", "b", "c", "d")),
        (("a", "b", "c"), False, 3 / 6, ("d",)),
        (("a", "a", "b", "c"), False, 3 / 6, ("b", "c", "d")),
    ],
)
def test_score_order(answer, correct, points, wrong):
    score = score_order(ORDER, answer)
    assert (score.correct, score.points, score.wrong) == (correct, pytest.approx(points), wrong)


MONTHS = tuple(f"{y}-{m:02d}" for y in (2024, 2025) for m in range(1, 13))
AUTUMN = WhenQuestion(
    event_id="x",
    date="2024-23",
    unit="month",
    options=MONTHS,
    accepted=("2024-09", "2024-10", "2024-11"),
    precision="season",
    approximate=False,
    span_days=91,
    knowledge=False,
)
YEARS = WhenQuestion(
    event_id="y",
    date="1993",
    unit="year",
    options=tuple(str(y) for y in range(1990, 2026)),
    accepted=("1993",),
    precision="year",
    approximate=False,
    span_days=365,
    knowledge=True,
)


@pytest.mark.parametrize(
    ("question", "answer", "correct", "off_by"),
    [
        (AUTUMN, "2024-09", True, 0),
        (AUTUMN, "2024-10", True, 0),
        (AUTUMN, "2024-11", True, 0),
        (AUTUMN, "2024-08", False, 1),
        (AUTUMN, "2024-12", False, 1),
        (AUTUMN, "2025-11", False, 12),
        (AUTUMN, "2023-11", False, 10),
        (YEARS, "1993", True, 0),
        (YEARS, "1994", False, 1),
        (YEARS, "2025", False, 32),
    ],
)
def test_score_when(question, answer, correct, off_by):
    score = score_when(question, answer)
    assert (score.correct, score.off_by, score.points) == (correct, off_by, float(correct))


@pytest.mark.parametrize("answer", ["2024", "Herbst", "2024-9", ""])
def test_score_when_rejects_values_of_the_wrong_unit(answer):
    with pytest.raises(ValueError):
        score_when(AUTUMN, answer)


COUNTRY = CountryQuestion(
    event_id="crash",
    options=("RUS", "ARM", "AZE", "UKR", "KAZ"),
    answer=frozenset({"AZE", "RUS", "KAZ"}),
    knowledge=False,
)


@pytest.mark.parametrize(
    ("picked", "correct", "points", "missed", "wrong"),
    [
        ({"AZE", "RUS", "KAZ"}, True, 1.0, (), ()),
        (["KAZ", "AZE", "RUS"], True, 1.0, (), ()),
        ({"AZE", "RUS"}, False, 2 / 3, ("KAZ",), ()),
        ({"AZE", "RUS", "KAZ", "ARM"}, False, 3 / 4, (), ("ARM",)),
        ({"ARM", "UKR"}, False, 0.0, ("AZE", "KAZ", "RUS"), ("ARM", "UKR")),
        (set(), False, 0.0, ("AZE", "KAZ", "RUS"), ()),
    ],
)
def test_score_country(picked, correct, points, missed, wrong):
    score = score_country(COUNTRY, picked)
    assert (score.correct, score.points, score.missed, score.wrong) == (
        correct,
        pytest.approx(points),
        missed,
        wrong,
    )


def test_score_answer_dispatches_and_round_total_counts():
    scores = [
        score_answer(ORDER, ORDER.answer),
        score_answer(AUTUMN, "2023-01"),
        score_answer(COUNTRY, {"AZE", "RUS", "KAZ"}),
        None,
    ]
    assert [s and s.correct for s in scores] == [True, False, True, None]
    assert round_total(scores) == (2, 3)


@pytest.mark.parametrize(
    ("value", "seed"),
    [("42", 42), (" 7 ", 7), ("999999", 999_999), ("1234567", None), ("abc", None), ("", None)]
    + [(None, None), ("-3", None), ("4.5", None)],
)
def test_parse_seed(value, seed):
    assert parse_seed(value) == seed


@pytest.mark.parametrize("lang", ["de", "en"])
def test_every_kind_and_date_precision_has_its_words(lang):
    words = strings(lang)
    for kind in KINDS:
        assert f"quiz_kind_{kind}" in words
    for precision in PRECISIONS:
        if precision != "open":  # ongoing events are never placed on a slider
            assert f"quiz_fuzzy_{precision}" in words
