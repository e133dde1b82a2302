"""`text_date` against the extractor: what `find_dates` reads in each event's `date_text`."""

from collections import defaultdict
from functools import lru_cache

import pandas as pd

from events.extract import DateMention, find_dates
from events.extract.values import format_interval
from events.model.fuzzy_dates import date_bounds
from events.store.problems import Problem


def text_dates_agree(text_date: str, extracted: str) -> bool:
    """True when the curated `text_date` is what the extractor's value `extracted` says.

    Besides equality, a curator may add what the extractor cannot mark: a trailing `~` or `?`
    (the publication date is itself approximate, or the words leave the year open), and an open
    end `/..` for "seit 2014" (the extractor dates the start the words name).
    """
    return text_date in (extracted, f"{extracted}~", f"{extracted}?", f"{extracted}/..")


@lru_cache(maxsize=16)
def _mentions(text: str, published: str) -> tuple[DateMention, ...]:
    """The extractor's reading of one article, resolved against the last day it may have
    appeared on (each article is read once per process)."""
    return tuple(find_dates(text, date_bounds(published).end, include_vague=True))


def _readings(hits: list[DateMention]) -> list[str]:
    """The values of the mentions in a date_text and, for a list or range the extractor reports
    point by point ("20. und 21. Mai 2025"), the days they cover together."""
    values = [m.edtf for m in hits if m.edtf]
    if len(values) > 1 and not any(v.startswith("-") for v in values):
        bounds = [date_bounds(v) for v in values]
        if all(b.end for b in bounds):
            values.append(format_interval(min(b.start for b in bounds), max(b.end for b in bounds)))
    return values


def _check_text_dates_against_extractor(
    events: pd.DataFrame,
    evidence: pd.DataFrame,
    sources: pd.DataFrame,
    texts: dict[str, str],
    name: str,
    problems: list[Problem],
) -> None:
    """`text_date` must agree with what `find_dates` resolves from `date_text` in its quote."""
    published = dict(zip(sources["id"], sources["published"], strict=True))
    rows_of: dict[str, list[tuple[str, str]]] = defaultdict(list)
    for event_id, source, quote in zip(
        evidence["event_id"], evidence["source"], evidence["quote"], strict=True
    ):
        rows_of[event_id].append((source, quote))
    columns = ("id", "date_text", "text_date", "_row")
    for event_id, date_text, text_date, row in zip(
        *(events[c].tolist() for c in columns), strict=True
    ):
        event_id, date_text, text_date = event_id.strip(), date_text.strip(), text_date.strip()
        if not date_text or not text_date:
            continue
        readings = []
        for source, quote in rows_of.get(event_id, []):
            if date_text not in quote or source not in texts or source not in published:
                continue
            text = texts[source]
            start = text.index(quote) + quote.index(date_text)
            end = start + len(date_text)
            mentions = _mentions(text, published[source])
            hits = [m for m in mentions if m.start < end and start < m.end]
            readings.append((source, published[source], _readings(hits)))
        if not readings:
            continue  # no quote holds date_text: reported by the evidence check
        if any(text_dates_agree(text_date, v) for _, _, values in readings for v in values):
            continue
        source, day, values = readings[0]
        if values:
            message = (
                f"the extractor reads date_text '{date_text}' (in {source}, published {day}) as "
                f"'{values[0]}', but text_date is '{text_date}': fix whichever is wrong"
            )
        else:
            message = (
                f"the extractor finds no date in date_text '{date_text}' (in {source}, "
                f"published {day}); text_date is '{text_date}'"
            )
        problems.append(Problem(name, int(row), "text_date", text_date, message))
