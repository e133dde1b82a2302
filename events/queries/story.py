"""The story view's content: the filtered events in date order, grouped by year, each with its
date in words, a visible marker for how sharp that date is, one sentence and its countries.

Pure functions on the event table (no Streamlit), so the rules are tested on their own.
"""

import re
from collections.abc import Mapping
from dataclasses import dataclass

import pandas as pd

from events.locale import t
from events.model.fuzzy_dates import date_bounds, describe_date
from events.model.provenance import date_statement
from events.model.themes import THEMES

# how sharp a date is, and the sign the story view shows in front of it
MARKERS = {
    "exact": "●",  # one known day
    "fuzzy": "≈",  # a month, season, year, decade or an approximate day
    "uncertain": "?",  # the source itself is unsure (EDTF `?`)
    "span": "↔",  # a period from one day to another
    "ongoing": "→",  # since then, still going on
}
# a sentence ends at . ! ? (after a quote mark too), not after a number ("25. Dezember")
SENTENCE_END = re.compile(r"(?:(?<=[^\d\s][.!?])|(?<=[.!?][“”\"]))\s+(?=[A-ZÄÖÜ„“\"])")
MAX_SENTENCE = 220


def marker_kind(value: str) -> str:
    """Which of MARKERS fits the EDTF `value` ('2024-12-25' exact, '2024-12' fuzzy, ...)."""
    bounds = date_bounds(value)
    if "?" in value or "%" in value:
        return "uncertain"
    if bounds.precision == "open":
        return "ongoing"
    if bounds.precision == "interval" and not bounds.approximate:
        return "span"
    if bounds.precision == "day" and not bounds.approximate:
        return "exact"
    return "fuzzy"


def one_sentence(text: str, max_chars: int = MAX_SENTENCE) -> str:
    """The first sentence of `text`, cut at a word (with '…') when longer than `max_chars`."""
    text = " ".join(text.split())
    first = SENTENCE_END.split(text, maxsplit=1)[0]
    if len(first) <= max_chars:
        return first
    cut = first[: max_chars - 1].rsplit(" ", 1)[0].rstrip(",;:–- ")
    return cut + "…"


def year_label(start: pd.Timestamp | object) -> str:
    """The heading a date belongs under: its start year."""
    return str(pd.Timestamp(start).year)


@dataclass(frozen=True)
class StoryItem:
    """One event as the story view shows it."""

    id: str
    year: str
    date_words: str  # the best-known date in words
    marker: str  # one of MARKERS' signs
    marker_label: str  # the sign in words ('ungefähr', 'genauer Tag', ...)
    kind: str  # one of MARKERS' keys
    title: str
    sentence: str
    theme: str  # the first theme: its colour marks the item
    countries: tuple[str, ...]  # names in the UI language
    date_note: str  # what the article says and, where different, what other sources add
    from_outside: bool  # the shown date is not (only) the article's


def date_note(event: Mapping, lang: str) -> str:
    """The article's date and what other sources add, without the citation (the card has it)."""
    statement = date_statement(event, lang)
    outside = statement.outside
    if statement.source:
        outside = outside.replace(f" ({t('provenance_source', lang, source=statement.source)})", "")
    return " ".join(part for part in (statement.article, outside) if part)


def story_item(event: Mapping, lang: str, country_names: dict[str, str]) -> StoryItem:
    """The story view's item for one row of the event table (a dict or a pandas Series)."""
    kind = marker_kind(event["date"])
    themes = [th for th in event["themes"] if th in THEMES]
    statement = date_statement(event, lang)
    return StoryItem(
        id=event["id"],
        year=year_label(event["start"]),
        date_words=describe_date(event["date"], lang),
        marker=MARKERS[kind],
        marker_label=t(f"story_marker_{kind}", lang),
        kind=kind,
        title=event[f"title_{lang}"],
        sentence=one_sentence(event[f"summary_{lang}"]),
        theme=themes[0] if themes else "",
        countries=tuple(country_names.get(c, c) for c in event["countries"]),
        date_note=date_note(event, lang),
        from_outside=statement.refined_from_outside,
    )


def story_years(
    events: pd.DataFrame,
    lang: str,
    country_names: dict[str, str],
    limit: int | None = None,
    known: dict | None = None,
) -> list[tuple[str, list[StoryItem]]]:
    """The events in date order (ties by id), grouped under their start year; only the first
    `limit` of them when given (a long selection is shown in steps).

    `known` (optional) remembers the items already built, keyed by the row's index label: pass
    the same dict only for rows of the same table, language and `country_names` (the app keeps
    one per loaded table and language, so a rerun builds only the items it has not seen)."""
    ordered = events.sort_values(["start", "id"], kind="stable")
    if limit is not None:
        ordered = ordered.head(limit)
    if known is None or not ordered.index.is_unique:  # plain dicts: faster than Series rows
        items = [story_item(event, lang, country_names) for event in ordered.to_dict("records")]
    else:
        labels = ordered.index.tolist()
        missing = [position for position, label in enumerate(labels) if label not in known]
        if missing:
            rows = ordered.iloc[missing].to_dict("records")
            for position, event in zip(missing, rows, strict=True):
                known[labels[position]] = story_item(event, lang, country_names)
        items = [known[label] for label in labels]
    years: list[tuple[str, list[StoryItem]]] = []
    for item in items:
        if not years or years[-1][0] != item.year:
            years.append((item.year, []))
        years[-1][1].append(item)
    return years
