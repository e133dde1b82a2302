"""Find German temporal expressions in news and narrative text and resolve them to EDTF values
and TIMEX3 annotations.

`find_dates(text, published)` returns one `DateMention` per expression, in text order. Spans follow
TimeML/TIMEX3 and its German annex: a leading preposition stays outside, the article after it
inside ("in der vergangenen Woche" gives "der vergangenen Woche"), a contracted one outside ("im
Herbst letzten Jahres" gives "Herbst letzten Jahres"); lists and ranges are one mention per point
("20. und 21. Mai" gives "20." and "21. Mai"); modifiers belong to the expression ("Anfang 2025",
"Mitte der 1990er Jahre"). Values are what the text supports, resolved with the publication date
(basis `text+dct`) or against an earlier mention (`text+event`, e.g. "Drei Tage nach dem Absturz").

How it works: the rules of the rule modules (each a pattern built from the words of
`events/data/de_dates.toml`, declared next to its resolver) propose candidate spans; the longest
candidate wins where they overlap (a list or range by its whole span); then the mentions are
resolved in text order, so an anchored one can use the mentions before it (events.extract.anchors).

Reference time. Whether a text is news or a narrative is decided from the text itself: the
explicit dates (those naming their year, basis `text`) are read first; when the median of their
years lies more than five years before publication, the text is a narrative (a history text).
In a narrative, a date without a year ("am 31. August", "im Mai", "Ende des Jahres") takes the
year of the last explicit date before it, and so do the anchored expressions built on it ("am
selben Tag", "zwei Tage später"). In news the publication date stays the reference time (a day
without a year is its occurrence nearest to publication, the next one in a sentence about the
future), except in the sentence of an explicit date of another year and the one after it.
"Now", "then" and "in future" words (PRESENT_REF, PAST_REF, FUTURE_REF) are never anchors.

Values. Every mention has an EDTF value (empty only for PAST_REF words such as "damals", which
name no calendar time) and its TIMEX3 reading (`timex`, `timex_type`, `timex_mod`, see
events.extract.timex). No mention is reported whose days run backwards or fall outside the
calendar, on any text.

Vague words that only sometimes mean "now" or "at the same time" ("nun", "gerade", "prompt",
"gleichzeitig") are reported only with `include_vague=True`, marked `vague`.
"""

from __future__ import annotations

import re
from dataclasses import asdict, dataclass
from datetime import date, datetime

from events.extract import (
    rules_anchored,
    rules_dates,
    rules_named,
    rules_periods,
    rules_relative,
)
from events.extract.anchors import choose_anchor, is_anchor, resolve_on
from events.extract.lexicon import word_alternation, words
from events.extract.rulebook import Candidate, Rule
from events.extract.sentences import Context
from events.extract.timex import REFERENCE_VALUES, timex_of_edtf
from events.extract.values import Value
from events.model.fuzzy_dates import is_valid_edtf

_DECLARED = (
    rules_dates.RULES.rules
    + rules_periods.RULES.rules
    + rules_relative.RULES.rules
    + rules_named.RULES.rules
    + rules_anchored.RULES.rules
)
# the order decides ties between candidates of the same length: firm rules before vague ones
RULES: tuple[Rule, ...] = tuple(r for r in _DECLARED if not r.vague) + tuple(
    r for r in _DECLARED if r.vague
)


@dataclass(frozen=True)
class DateMention:
    """One temporal expression: character offsets (end exclusive), its text and EDTF value."""

    start: int
    end: int
    text: str
    edtf: str
    basis: str  # "text", "text+dct" or "text+event"
    anchor: int | None = None  # index (in the same result list) of the mention it was resolved on
    anchor_text: str | None = None
    vague: bool = False
    timex: str = ""  # the TIMEX3 value: 2010-09-16, 2010-W37, 2010-SU, 201, PRESENT_REF, ...
    timex_type: str = "DATE"  # DATE, TIME, DURATION or SET
    timex_mod: str | None = None  # START, MID, END, APPROX, BEFORE, AFTER, ...

    def to_dict(self) -> dict:
        return asdict(self)


def _resolve(rule: Rule, m, ctx: Context) -> Candidate | None:
    """A rule's candidate for a match; None for no date, or for days outside the calendar."""
    try:
        candidate = rule.resolve(m, ctx)
    except (ValueError, OverflowError):  # a day before year 1 or after 9999
        return None
    if candidate is None or candidate.end <= candidate.start:
        return None
    values = [c.value for c in candidate.parts or [candidate]]
    if any(isinstance(v, Value) and not _shown(v) for v in values):
        return None
    candidate.rule, candidate.match = rule, m
    return candidate


def _shown(value: Value) -> bool:
    """Whether a value may be reported: its days run forward and its EDTF string is valid (or
    empty, for the past in general: PAST_REF)."""
    if value.edtf == "":
        return value.timex in REFERENCE_VALUES
    if value.edtf.startswith("-") or value.edtf == "0000" or "/-" in value.edtf:
        return True  # BC values carry no Python days (checked by the rules' own tests)
    return value.valid and is_valid_edtf(value.edtf)


def _candidates(text: str, ctx: Context, include_vague: bool) -> list[Candidate]:
    found = []
    for rule in RULES:
        if rule.vague and not include_vague:
            continue
        for m in rule.pattern.finditer(text):
            candidate = _resolve(rule, m, ctx)
            if candidate is not None:
                found.append(candidate)
    # the longest wins where candidates overlap; among equals, the earlier rule
    chosen: list[Candidate] = []
    taken = bytearray(len(text) + 1)
    for candidate in sorted(found, key=lambda c: c.start - c.end):
        if not any(taken[candidate.start : candidate.end]):
            chosen.append(candidate)
            taken[candidate.start : candidate.end] = b"\x01" * (candidate.end - candidate.start)
    return sorted(chosen, key=lambda c: c.start)


def _is_story_date(candidate: Candidate) -> bool:
    """An explicit date of the text (a year it names), usable as the narrative's time."""
    value = candidate.value
    return (
        candidate.basis == "text"
        and isinstance(value, Value)
        and value.kind == "DATE"
        and not value.edtf.startswith("-")
        and value.timex not in REFERENCE_VALUES
        and value.valid
        and value.start.year > 1
        and value.end.year - value.start.year <= 1
    )


def _read_story(candidates: list[Candidate], ctx: Context) -> list[Candidate]:
    """Decide news or narrative from the explicit dates, and re-read the dates without a year.

    A text is a narrative when the median of its explicit years lies more than five years
    before its publication (a history text); then a date without a year ("am 31. August",
    "im Mai") takes the year of the last explicit date before it. In news the publication date
    stays the reference, except right after an explicit date far from it (Context.story_year).
    """
    points = _points(candidates)
    story = [(c.start, c.value.start.year) for c in points if _is_story_date(c)]
    if not story:
        return candidates
    years = sorted(year for _, year in story)
    narrative = years[len(years) // 2] < ctx.published.year - 5
    ctx.set_story(story, narrative)
    result = []
    for candidate in candidates:
        if candidate.basis == "text+dct" and ctx.story_year(candidate.start) is not None:
            again = _resolve(candidate.rule, candidate.match, ctx)
            if again is not None and (again.start, again.end) == (candidate.start, candidate.end):
                candidate = again
        result.append(candidate)
    return result


_ARTICLE_BEFORE = re.compile(
    rf"(?<!\w)(?:{word_alternation(words('span_article', 'prepositions'))})\s+"
    rf"(?P<article>{word_alternation(words('span_article', 'articles'))})\s+$",
    re.IGNORECASE,
)


def _with_article(candidates: list[Candidate], text: str) -> list[Candidate]:
    """The article after a preposition joins the mention (TimeML German annex): "in der
    vergangenen Woche" gives "der vergangenen Woche"."""
    taken_until = 0
    for candidate in candidates:
        before = text[max(taken_until, candidate.start - 30) : candidate.start]
        found = _ARTICLE_BEFORE.search(before)
        if found:
            candidate.start -= len(before) - found.start("article")
        taken_until = candidate.end
    return candidates


def _points(candidates: list[Candidate]) -> list[Candidate]:
    """Lists and ranges as their parts, one candidate per point."""
    return [part for c in candidates for part in (c.parts or [c])]


def _mention(candidate: Candidate, text: str, value: Value, **extra) -> DateMention:
    timex, mod = (value.timex, value.mod) if value.timex else timex_of_edtf(value.edtf)
    return DateMention(
        candidate.start,
        candidate.end,
        text[candidate.start : candidate.end],
        value.edtf,
        extra.pop("basis", candidate.basis),
        vague=candidate.vague,
        timex=timex,
        timex_type=value.kind,
        timex_mod=mod,
        **extra,
    )


def find_dates(
    text: str, published: date | datetime, *, include_vague: bool = False
) -> list[DateMention]:
    """The temporal expressions in German `text`, resolved against the publication date.

    Each mention has character offsets (`text[start:end] == mention.text`), an EDTF value, its
    TIMEX3 reading (`timex`, `timex_type`, `timex_mod`) and its basis: `text`, `text+dct`
    (needed the publication date or the narrative's time) or `text+event` (resolved against the
    earlier mention `anchor`, an index into the returned list). `include_vague` adds words that
    only sometimes are temporal ("nun", "gerade", "prompt", "gleichzeitig"), marked `vague`.
    It never raises on any text and never reports a value whose end precedes its start.
    """
    if isinstance(published, datetime):
        published = published.date()
    ctx = Context.of(text, published)
    mentions: list[DateMention] = []
    anchors: list[int] = []  # the indices of the mentions later ones can be told from

    def add(mention: DateMention) -> None:
        if is_anchor(mention, ctx):
            anchors.append(len(mentions))
        mentions.append(mention)

    found = _points(_read_story(_candidates(text, ctx, include_vague), ctx))
    for candidate in _with_article(found, text):
        if isinstance(candidate.value, Value):
            add(_mention(candidate, text, candidate.value))
            continue
        anchor = choose_anchor(mentions, anchors, candidate.value.noun, ctx)
        if anchor is None:
            continue  # nothing earlier to resolve against
        try:
            value = resolve_on(mentions[anchor], candidate, ctx)
        except (ValueError, OverflowError):
            continue  # a day outside the calendar
        if not _shown(value):
            continue
        mention = _mention(
            candidate,
            text,
            value,
            basis="text+event",
            anchor=anchor,
            anchor_text=mentions[anchor].text,
        )
        add(mention)
    return mentions
