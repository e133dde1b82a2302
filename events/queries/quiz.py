"""Quiz rounds built from the filtered events: only questions the data can answer, the same round
for the same seed (the `round=` link parameter), and pure scoring of each answer.

Three kinds of question:
- "order": 4–6 events whose date intervals do not overlap pairwise, so exactly one order is right
  (approximate dates such as "2025-07~" may lie outside their interval and are left out);
- "when": one event placed on a month or year slider; every value inside its interval is right;
- "country": pick the countries of one event among distractors taken from other events.

Events whose date comes from outside knowledge (`date_basis == "knowledge"`) are marked in the
questions, so the page can say that the article itself gives no date.
"""

from __future__ import annotations

import random
import re
import secrets
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date

import pandas as pd

KINDS = ("order", "when", "country")
ROUND_SIZE = 6
ORDER_MIN, ORDER_MAX = 4, 6
MONTH_WINDOW_YEARS = 4  # a month slider spans at most this many calendar years
MONTH_UNIT_MAX_DAYS = 366  # events known to within about a year are placed by month
MIN_DISTRACTORS = 2
COUNTRY_OPTIONS = 5  # options shown for an event with up to three countries
MAX_SEED = 999_999
_ATTEMPTS = 40
_SEED = re.compile(r"^\s*(\d{1,6})\s*$")
_YEAR = re.compile(r"^(\d{4})$")
_MONTH = re.compile(r"^(\d{4})-(\d{2})$")


@dataclass(frozen=True)
class OrderQuestion:
    """Put events in date order: `shown` is the order presented, `answer` the date order."""

    shown: tuple[str, ...]
    answer: tuple[str, ...]
    knowledge: tuple[str, ...]  # ids (in `answer` order) dated only from outside knowledge
    kind: str = "order"


@dataclass(frozen=True)
class WhenQuestion:
    """Place one event on a slider of months ("2024-12") or years ("2024")."""

    event_id: str
    date: str  # the event's EDTF value
    unit: str  # "month" or "year"
    options: tuple[str, ...]  # slider values in time order
    accepted: tuple[str, ...]  # the options that overlap the event's interval
    precision: str  # day, month, season, quarter, year, decade or interval
    approximate: bool
    span_days: int  # days the event's date interval covers: 1 for an exact day
    knowledge: bool
    kind: str = "when"

    @property
    def initial(self) -> str:
        """The slider's starting value: the middle option (it tells nothing about the answer)."""
        return self.options[len(self.options) // 2]


@dataclass(frozen=True)
class CountryQuestion:
    """Pick every country of one event; `options` mixes them with distractors."""

    event_id: str
    options: tuple[str, ...]  # ISO 3166-1 alpha-3 codes, shuffled
    answer: frozenset[str]
    knowledge: bool
    kind: str = "country"


Question = OrderQuestion | WhenQuestion | CountryQuestion


@dataclass(frozen=True)
class Round:
    """The questions of one round and the kinds these events could not support."""

    seed: int
    questions: tuple[Question, ...]
    skipped: tuple[str, ...]


@dataclass(frozen=True)
class Score:
    """How right one answer is: `points` in 0..1 and what the feedback needs."""

    correct: bool
    points: float
    off_by: int = 0  # when: months or years between the answer and the nearest right value
    missed: tuple[str, ...] = ()  # country: right codes not picked
    wrong: tuple[str, ...] = ()  # country: codes picked wrongly; order: ids at a wrong place


@dataclass(frozen=True)
class _Item:
    id: str
    start: date
    end: date | None  # None: still going on (open interval)
    date: str
    precision: str
    approximate: bool
    countries: tuple[str, ...]
    knowledge: bool

    @property
    def last(self) -> date:
        return self.end or date.max


def parse_seed(value: str | None) -> int | None:
    """The round seed of a `round=` link value (1–6 digits), or None for anything else."""
    match = _SEED.match(value or "")
    return int(match[1]) if match else None


def new_seed() -> int:
    """A fresh random seed for "new round"."""
    return secrets.randbelow(MAX_SEED) + 1


def _items(events: pd.DataFrame) -> list[_Item]:
    """The events as plain records, sorted by id so that row order never changes a round."""
    items = []
    for row in events.sort_values("id", kind="stable").itertuples(index=False):
        end = None if pd.isna(row.end) else pd.Timestamp(row.end).date()
        items.append(
            _Item(
                id=row.id,
                start=pd.Timestamp(row.start).date(),
                end=end,
                date=row.date,
                precision=row.precision,
                approximate=bool(row.approximate),
                countries=tuple(row.countries),
                knowledge=row.date_basis == "knowledge",
            )
        )
    return items


def intervals_overlap(a_start: date, a_end: date | None, b_start: date, b_end: date | None) -> bool:
    """True when two closed date intervals share a day (an open end runs on for ever)."""
    return a_start <= (b_end or date.max) and b_start <= (a_end or date.max)


def _disjoint(item: _Item, chosen: Iterable[_Item]) -> bool:
    return not any(intervals_overlap(item.start, item.end, c.start, c.end) for c in chosen)


def _most_disjoint(items: list[_Item]) -> list[_Item]:
    """A largest set of pairwise disjoint intervals (greedy by earliest end)."""
    chosen: list[_Item] = []
    for item in sorted(items, key=lambda i: (i.last, i.start, i.id)):
        if not chosen or item.start > chosen[-1].last:
            chosen.append(item)
    return chosen


def _order_question(items: list[_Item], rng: random.Random) -> OrderQuestion | None:
    most = _most_disjoint(items)
    if len(most) < ORDER_MIN:
        return None
    size = min(rng.randint(ORDER_MIN, ORDER_MAX), len(most))
    chosen: list[_Item] = []
    for _ in range(_ATTEMPTS):  # random greedy picks spread the questions over the whole table
        chosen = []
        for item in rng.sample(items, len(items)):
            if _disjoint(item, chosen):
                chosen.append(item)
                if len(chosen) == size:
                    break
        if len(chosen) == size:
            break
    else:
        chosen = rng.sample(most, size)  # any subset of a disjoint set is disjoint
    answer = tuple(i.id for i in sorted(chosen, key=lambda i: i.start))
    shown = answer
    while shown == answer:
        shown = tuple(rng.sample(answer, len(answer)))
    knowledge = tuple(i.id for i in sorted(chosen, key=lambda i: i.start) if i.knowledge)
    return OrderQuestion(shown=shown, answer=answer, knowledge=knowledge)


def _month_index(day: date) -> int:
    return day.year * 12 + day.month - 1


def _month_value(index: int) -> str:
    year, month = divmod(index, 12)
    return f"{year:04d}-{month + 1:02d}"


def _when_question(item: _Item, first: int, last: int, rng: random.Random) -> WhenQuestion | None:
    """A slider question for `item` within the data's years `first`..`last`, or None when
    the event has no end or the slider could hardly be answered wrongly."""
    if item.end is None:
        return None
    span = (item.end - item.start).days + 1
    if span <= MONTH_UNIT_MAX_DAYS and item.precision not in ("year", "decade"):
        unit = "month"
        lowest = max(first, item.end.year - MONTH_WINDOW_YEARS + 1)
        highest = min(item.start.year, last - MONTH_WINDOW_YEARS + 1)
        window_start = rng.randint(lowest, highest) if lowest <= highest else first
        window_end = min(last, window_start + MONTH_WINDOW_YEARS - 1)
        indices = range(window_start * 12, window_end * 12 + 12)
        options = tuple(_month_value(i) for i in indices)
        right = range(_month_index(item.start), _month_index(item.end) + 1)
        accepted = tuple(_month_value(i) for i in indices if i in right)
    else:
        unit = "year"
        options = tuple(str(y) for y in range(first, last + 1))
        accepted = tuple(str(y) for y in range(item.start.year, item.end.year + 1))
    if len(options) - len(accepted) < 2 * len(accepted):
        return None
    return WhenQuestion(
        event_id=item.id,
        date=item.date,
        unit=unit,
        options=options,
        accepted=accepted,
        precision=item.precision,
        approximate=item.approximate,
        span_days=span,
        knowledge=item.knowledge,
    )


def _country_question(
    item: _Item, items: list[_Item], rng: random.Random
) -> CountryQuestion | None:
    """Countries of `item` among distractors: first countries that appear together with one of
    its countries elsewhere (plausible), then any other country of these events."""
    answer = set(item.countries)
    others = [i for i in items if i.id != item.id]
    near = sorted({c for i in others if answer & set(i.countries) for c in i.countries} - answer)
    rest = sorted({c for i in others for c in i.countries} - answer - set(near))
    wanted = max(COUNTRY_OPTIONS - len(answer), MIN_DISTRACTORS)
    distractors = rng.sample(near, min(wanted, len(near)))
    distractors += rng.sample(rest, min(wanted - len(distractors), len(rest)))
    if len(distractors) < MIN_DISTRACTORS:
        return None
    options = [*sorted(answer), *distractors]
    rng.shuffle(options)
    return CountryQuestion(
        event_id=item.id, options=tuple(options), answer=frozenset(answer), knowledge=item.knowledge
    )


def build_round(events: pd.DataFrame, seed: int, size: int = ROUND_SIZE) -> Round:
    """Up to `size` questions from `events` (kinds in turn: order, when, country), the same for
    the same events and seed; a kind the events cannot support is left out and listed."""
    rng = random.Random(seed)
    items = _items(events)
    years = [i.start.year for i in items] + [i.end.year for i in items if i.end]
    first, last = (min(years), max(years)) if years else (0, 0)
    used: set[str] = set()
    available = list(KINDS)
    questions: list[Question] = []
    slot = 0
    while len(questions) < size and available:
        kind = KINDS[slot % len(KINDS)]
        slot += 1
        if kind not in available:
            continue
        free = [i for i in items if i.id not in used]
        question: Question | None = None
        if kind == "order":
            question = _order_question([i for i in free if not i.approximate], rng)
        else:
            for item in rng.sample(free, len(free)):
                if kind == "when":
                    question = _when_question(item, first, last, rng)
                else:
                    question = _country_question(item, items, rng)
                if question is not None:
                    break
        if question is None:
            available.remove(kind)
            continue
        questions.append(question)
        used.update(question_events(question))
    built = {q.kind for q in questions}
    return Round(
        seed=seed, questions=tuple(questions), skipped=tuple(k for k in KINDS if k not in built)
    )


def question_events(question: Question) -> tuple[str, ...]:
    """The ids of the events a question is about (for cards and quotes in the feedback)."""
    if isinstance(question, OrderQuestion):
        return question.answer
    return (question.event_id,)


def score_order(question: OrderQuestion, answer: Sequence[str]) -> Score:
    """Right when `answer` is the date order; points are the share of pairs in the right order."""
    position: dict[str, int] = {}
    for index, event_id in enumerate(answer):
        position.setdefault(event_id, index)
    true = question.answer
    pairs = [(a, b) for n, a in enumerate(true) for b in true[n + 1 :]]
    right = sum(
        1 for a, b in pairs if a in position and b in position and position[a] < position[b]
    )
    misplaced = tuple(
        event_id
        for index, event_id in enumerate(true)
        if index >= len(answer) or answer[index] != event_id
    )
    return Score(
        correct=tuple(answer) == true,
        points=right / len(pairs) if pairs else 1.0,
        wrong=misplaced,
    )


def _slider_index(value: str, unit: str) -> int:
    match = (_MONTH if unit == "month" else _YEAR).match(value.strip())
    if not match:
        raise ValueError(f"{value!r} is not a {unit} as {'YYYY-MM' if unit == 'month' else 'YYYY'}")
    if unit == "month":
        return int(match[1]) * 12 + int(match[2]) - 1
    return int(match[1])


def score_when(question: WhenQuestion, answer: str) -> Score:
    """Right when the chosen month or year overlaps the event's interval; `off_by` says how
    many months or years the answer is away from the nearest right one."""
    chosen = _slider_index(answer, question.unit)
    right = [_slider_index(value, question.unit) for value in question.accepted]
    off_by = min(abs(chosen - value) for value in right)
    return Score(correct=off_by == 0, points=1.0 if off_by == 0 else 0.0, off_by=off_by)


def score_country(question: CountryQuestion, picked: Iterable[str]) -> Score:
    """Right when exactly the event's countries are picked; points are the overlap
    (right picks over all picked or missed countries)."""
    chosen = set(picked)
    union = chosen | question.answer
    return Score(
        correct=chosen == question.answer,
        points=len(chosen & question.answer) / len(union),
        missed=tuple(sorted(question.answer - chosen)),
        wrong=tuple(sorted(chosen - question.answer)),
    )


def score_answer(question: Question, answer) -> Score:
    """Score any question: a sequence of ids (order), a slider value (when) or codes (country)."""
    if isinstance(question, OrderQuestion):
        return score_order(question, answer)
    if isinstance(question, WhenQuestion):
        return score_when(question, answer)
    return score_country(question, answer)


def round_total(scores: Iterable[Score | None]) -> tuple[int, int]:
    """(right answers, answered questions) of a round; None stands for not answered yet."""
    answered = [s for s in scores if s is not None]
    return sum(1 for s in answered if s.correct), len(answered)
