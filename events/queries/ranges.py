"""Time ranges for the timeline, computed from the data: the dense part, everything, the last year.

A table whose story is mostly 2022–2025 but starts in 1993 would squeeze most events into the
right edge of a 1993–2025 axis; the default view is the dense part instead, and "all" is one
click away. Nothing here is hard-coded to a year, so the presets follow the next article.
"""

from typing import NamedTuple

import numpy as np
import pandas as pd
from babel.dates import format_date

from events.locale import normalize_lang, t

DENSE_SHARE = 0.9  # the dense part holds at least this share of the events' starts
DENSE_IF_BELOW = 0.6  # offered only when it is shorter than this share of the whole span
MIN_SPAN = pd.Timedelta(days=42)  # a single day is shown with a few weeks around it
PAD_SHARE = 0.04  # free space on each side of the events, as a share of the span …
MAX_PAD = pd.Timedelta(days=365)  # … but no more than this (a mark at the edge stays whole)
LAST_MONTHS = 12


class NamedRange(NamedTuple):
    """A preset of the time axis: `key` for code and links, `label` for people ("Schwerpunkt
    (Aug. 2021 – Juli 2025)"), `name` and `span` its two parts for a compact control."""

    key: str
    label: str
    start: pd.Timestamp
    end: pd.Timestamp
    name: str = ""
    span: str = ""


def data_extent(events: pd.DataFrame) -> tuple[pd.Timestamp, pd.Timestamp]:
    """First start and last known moment (a start or a closed end) of the events."""
    first = events["start"].min()
    last = max(events["start"].max(), events["end"].max() if events["end"].notna().any() else first)
    return pd.Timestamp(first), pd.Timestamp(last)


def padded(first: pd.Timestamp, last: pd.Timestamp) -> tuple[pd.Timestamp, pd.Timestamp]:
    """[first, last] with some room on both sides, and at least MIN_SPAN wide."""
    span = last - first
    if span < MIN_SPAN:
        middle = first + span / 2
        return (middle - MIN_SPAN / 2).floor("D"), (middle + MIN_SPAN / 2).ceil("D")
    pad = min(span * PAD_SHARE, MAX_PAD)
    return (first - pad).floor("D"), (last + pad).ceil("D")


def dense_start(events: pd.DataFrame, share: float = DENSE_SHARE) -> pd.Timestamp:
    """The start from which on `share` of the events begin (a low quantile of the starts)."""
    starts = np.sort(events["start"].to_numpy("datetime64[ns]"))
    index = int(np.floor((1 - share) * len(starts) + 1e-9))  # how many may lie before it
    return pd.Timestamp(starts[index])


def _month_year(day: pd.Timestamp, lang: str) -> str:
    return format_date(day.date(), "MMM y", locale=lang)


def _span_text(first: pd.Timestamp, last: pd.Timestamp, lang: str) -> str:
    if first.year != last.year and first.month == 1 and last.month == 12:
        return f"{first.year} – {last.year}"
    if (first.year, first.month) == (last.year, last.month):
        return _month_year(first, lang)
    return f"{_month_year(first, lang)} – {_month_year(last, lang)}"


RANGE_KEYS = ("dense", "all", "last12")  # every preset named_ranges can give


def _named(key: str, start, end, span: str, lang: str) -> NamedRange:
    label = t(f"range_{key}", lang, span=span)
    return NamedRange(key, label, start, end, t(f"range_name_{key}", lang), span)


def named_ranges(events: pd.DataFrame, lang: str = "de") -> list[NamedRange]:
    """The presets for `events`, the default first: the dense part (when the events are
    unevenly spread), all events, and the last 12 months of the data (when they span more)."""
    lang = normalize_lang(lang)
    if events.empty:
        return []
    first, last = data_extent(events)
    whole = padded(first, last)
    ranges = []
    dense_first = dense_start(events)
    if dense_first - first > (last - first) * (1 - DENSE_IF_BELOW):
        start, end = padded(dense_first, last)
        ranges.append(_named("dense", start, end, _span_text(dense_first, last, lang), lang))
    ranges.append(_named("all", *whole, _span_text(first, last, lang), lang))
    year_before = last - pd.DateOffset(months=LAST_MONTHS)
    if year_before > first + pd.Timedelta(days=90):
        start, end = padded(year_before, last)
        span = _span_text(year_before, last, lang)
        ranges.append(_named("last12", max(start, year_before), end, span, lang))
    return ranges


def default_range(events: pd.DataFrame) -> tuple[pd.Timestamp, pd.Timestamp] | None:
    """The view the timeline opens with: the first of `named_ranges` (None for no events)."""
    ranges = named_ranges(events)
    return (ranges[0].start, ranges[0].end) if ranges else None
