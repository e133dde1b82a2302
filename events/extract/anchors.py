"""Anchors: which earlier mention an anchored expression ("drei Tage nach dem Absturz", "am selben
Tag") is told from, and its value resolved on it.

The anchor is the latest earlier mention that is a point in time (not vague, not BC, not a limit
such as "seit 2014"); with an event noun, the latest one whose sentence tells of that event
("Absturz" ~ "stürzte ... ab"). What happened after the anchor in a past-tense text happened by
the publication day.
"""

from __future__ import annotations

import re

from events.extract.lexicon import (
    ATTRIBUTIVE_PREPOSITIONS,
    EVENT_NOUNS,
    LIMIT_PREPOSITIONS,
    NOUN_PREFIXES,
)
from events.extract.rulebook import Anchored, Candidate
from events.extract.sentences import Context
from events.extract.timex import REFERENCE_VALUES
from events.extract.values import Value
from events.model.fuzzy_dates import date_bounds

_FOLD = str.maketrans({"ä": "a", "ö": "o", "ü": "u", "ß": "ss"})
_PREFIXES = tuple(prefix.translate(_FOLD) for prefix in NOUN_PREFIXES)


def stem(noun: str) -> str:
    """A noun without umlauts and its verb prefix, cut to five letters: "Absturz" -> "sturz"."""
    word = noun.lower().translate(_FOLD)
    for prefix in _PREFIXES:
        if word.startswith(prefix) and len(word) - len(prefix) >= 4:
            word = word[len(prefix) :]
            break
    return word[:5]


def is_anchor(mention, ctx: Context) -> bool:
    """Whether later text can be told relative to this mention: not vague, not "now", "then" or
    "in future" (PRESENT_REF, PAST_REF, FUTURE_REF), not "seit 2014"."""
    if mention.vague or mention.edtf.startswith("-"):  # BC years have no Python date
        return False
    if mention.timex in REFERENCE_VALUES or mention.timex_type != "DATE":
        return False
    before = ctx.word_before(mention.start)
    if before in LIMIT_PREPOSITIONS:
        return False
    if before in ATTRIBUTIVE_PREPOSITIONS:  # "des Abschusses vom Dezember 2024" dates a noun
        head = re.search(r"(\w+)\W+\w+\W*$", ctx.text[max(0, mention.start - 60) : mention.start])
        sentence_start = ctx.sentence_of(mention.start)[0]
        if head and head[1][:1].isupper() and mention.start - len(head[0]) > sentence_start:
            return False
    return True


def _stems(noun: str) -> set[str]:
    """The stem of an event noun and of the nouns of the same kind (events.data event_nouns)."""
    own = stem(noun)
    found = {own}
    for kind in EVENT_NOUNS.values():
        stems = {stem(word) for word in kind}
        if own in stems:
            found |= stems
    return found


NOUN_LOOKBACK = 60  # how many earlier anchors are searched for the event noun's sentence


def choose_anchor(mentions: list, anchors: list[int], noun: str | None, ctx: Context) -> int | None:
    """The index of the mention to resolve on, or None when there is none.

    `anchors` are the indices of the earlier mentions that can be anchors (`is_anchor`), kept by
    the finder as it goes, so choosing takes the same time however long the text is.
    """
    if not anchors:
        return None
    if noun:  # the sentences that tell of the event: "Absturz" ~ "stürzte ... ab"
        stems = _stems(noun)
        telling = []
        for i in reversed(anchors[-NOUN_LOOKBACK:]):
            start, end = ctx.sentence_of(mentions[i].start)
            words = re.findall(r"\w+", ctx.text[start:end].lower().translate(_FOLD))
            if any(s in word for s in stems for word in words):
                telling.append(i)
        if telling:  # the latest, or a finer date of the event inside it ("Jahr 2023" is
            # the year of "Im September 2023" told earlier: the month is the better anchor)
            latest = date_bounds(mentions[telling[0]].edtf)
            inside = [
                i
                for i in telling
                if (b := date_bounds(mentions[i].edtf)).end
                and latest.end
                and latest.start <= b.start
                and b.end <= latest.end
            ]
            return min(inside, key=lambda i: _days_covered(mentions[i]))
    return anchors[-1]


def _days_covered(mention) -> int:
    bounds = date_bounds(mention.edtf)
    return (bounds.end - bounds.start).days if bounds.end else 10**6


def told_just_before(anchor, candidate: Candidate, ctx: Context) -> bool:
    """Whether the anchor is in the candidate's sentence or the sentence right before it."""
    return ctx.sentence_index(candidate.start) - ctx.sentence_index(anchor.start) <= 1


def value_of(mention) -> Value:
    bounds = date_bounds(mention.edtf)  # cached there
    return Value(mention.edtf, bounds.start, bounds.end)


def resolve_on(anchor, candidate: Candidate, ctx: Context) -> Value:
    """The value of an anchored candidate told from the mention `anchor`."""
    anchored: Anchored = candidate.value
    anchor_value = value_of(anchor)
    published = ctx.published
    untold = not told_just_before(anchor, candidate, ctx)
    if anchored.noun is None and untold and anchor_value.end < published and not ctx.narrative:
        # "Am selben Tag" after a sentence without a date: the same day as an event told
        # after the anchor, so on or after it and (in a report) not after publication
        anchor_value = Value.days(anchor_value.start, published)
    value = anchored.resolve(anchor_value)
    past = value.start <= published < value.end and published >= anchor_value.end
    if past and not ctx.narrative and not ctx.speaks_of_future(candidate.start):
        # told in the past tense: what happened after the anchor happened before publication
        # (a value wholly after publication stays as it is: cut, it would end before it starts)
        value = Value.days(max(value.start, anchor_value.start), published)
    return value
