"""Find German temporal expressions in news text and resolve them to EDTF values.

`find_dates(text, published)` returns one `DateMention` per expression, in text order. Spans follow
TimeML/TIMEX3: a leading preposition or article stays outside ("im Herbst letzten Jahres" gives
"Herbst letzten Jahres"), modifiers belong to the expression ("Anfang 2025", "Mitte der 1990er
Jahre"). Values are what the text supports, resolved with the publication date (basis
`text+dct`) or against an earlier mention (`text+event`, e.g. "Drei Tage nach dem Absturz").

How it works: the rules of the rule modules (each a pattern built from the words of
`events/data/de_dates.toml`, declared next to its resolver) propose candidate spans; the longest
candidate wins where they overlap; explicit calendar dates with a day are parsed by `dateparser`;
then the mentions are resolved in text order, so an anchored one can use the mentions before it
(events.extract.anchors).

Vague words that only sometimes mean "now" or "at the same time" ("nun", "gerade", "prompt",
"gleichzeitig") are reported only with `include_vague=True`, marked `vague`.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass
from datetime import date, datetime

from events.extract import rules_anchored, rules_dates, rules_periods, rules_relative
from events.extract.anchors import choose_anchor, resolve_on
from events.extract.rulebook import Candidate, Rule
from events.extract.sentences import Context
from events.extract.values import Value

_DECLARED = (
    rules_dates.RULES.rules
    + rules_periods.RULES.rules
    + rules_relative.RULES.rules
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

    def to_dict(self) -> dict:
        return asdict(self)


def _candidates(text: str, ctx: Context, include_vague: bool) -> list[Candidate]:
    found = []
    for rule in RULES:
        if rule.vague and not include_vague:
            continue
        for m in rule.pattern.finditer(text):
            candidate = rule.resolve(m, ctx)
            if candidate is not None and candidate.end > candidate.start:
                found.append(candidate)
    # the longest wins where candidates overlap; among equals, the earlier rule
    chosen: list[Candidate] = []
    taken = bytearray(len(text) + 1)
    for candidate in sorted(found, key=lambda c: c.start - c.end):
        if not any(taken[candidate.start : candidate.end]):
            chosen.append(candidate)
            taken[candidate.start : candidate.end] = b"\x01" * (candidate.end - candidate.start)
    return sorted(chosen, key=lambda c: c.start)


def find_dates(
    text: str, published: date | datetime, *, include_vague: bool = False
) -> list[DateMention]:
    """The temporal expressions in German `text`, resolved against the publication date.

    Each mention has character offsets (`text[start:end] == mention.text`), an EDTF value and its
    basis: `text`, `text+dct` (needed the publication date) or `text+event` (resolved against the
    earlier mention `anchor`, an index into the returned list). `include_vague` adds words that
    only sometimes are temporal ("nun", "gerade", "prompt", "gleichzeitig"), marked `vague`.
    """
    if isinstance(published, datetime):
        published = published.date()
    ctx = Context.of(text, published)
    mentions: list[DateMention] = []
    for candidate in _candidates(text, ctx, include_vague):
        span = text[candidate.start : candidate.end]
        if isinstance(candidate.value, Value):
            edtf, basis, vague = candidate.value.edtf, candidate.basis, candidate.vague
            mentions.append(
                DateMention(candidate.start, candidate.end, span, edtf, basis, vague=vague)
            )
            continue
        anchor = choose_anchor(mentions, candidate.value.noun, ctx)
        if anchor is None:
            continue  # nothing earlier to resolve against
        value = resolve_on(mentions[anchor], candidate, ctx)
        mention = DateMention(
            candidate.start,
            candidate.end,
            span,
            value.edtf,
            "text+event",
            anchor=anchor,
            anchor_text=mentions[anchor].text,
            vague=candidate.vague,
        )
        mentions.append(mention)
    return mentions
