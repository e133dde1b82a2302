"""An article as marked text for the Sources page: every date expression the extractor finds
and every evidence sentence, as segments of the article, and those segments as safe HTML.

`article_segments` cuts the text at every mark boundary (pure data, no markup);
`segments_html` turns them into HTML in which every piece of the article and every value from
the tables goes through `html.escape`, so an article holding `<script>` or Markdown shows
literally. The page gives the HTML to Streamlit as it is; nothing else is added to it.
"""

import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from html import escape

import pandas as pd

from events.extract import find_dates
from events.locale import t
from events.model.fuzzy_dates import date_bounds, describe_date
from events.model.schema import CORRECTION_MARKER

# a curated summary that says the article is wrong: "Das stimmt nicht.", "... zeitlich nicht."
ARTICLE_WRONG = re.compile(r"\bDas stimmt(?: \w+)? nicht\b")


@dataclass(frozen=True)
class DateMark:
    """A highlighted date expression: where, what it resolves to, how, and on what."""

    start: int
    end: int
    text: str
    edtf: str
    basis: str
    anchor_text: str = ""
    from_table: bool = False  # not found by the extractor: the curated event's reading


@dataclass(frozen=True)
class EvidenceMark:
    """An evidence sentence in the article: its place and the event it backs (`number` is its
    label on the page, from 1)."""

    start: int
    end: int
    event_id: str
    number: int


@dataclass(frozen=True)
class Segment:
    """A run of the article with the same marks: the date (index into the dates) and the
    evidence marks (indexes) covering it; `date_ends`/`evidence_ends` name the marks that end
    with this segment."""

    text: str
    date: int | None
    evidence: tuple[int, ...]
    date_ends: bool = False
    evidence_ends: tuple[int, ...] = ()


@lru_cache(maxsize=32)
def date_marks(text: str, published: str) -> tuple[DateMark, ...]:
    """Every date expression the extractor finds in `text` (resolved against the last day the
    article may have appeared on, as the table check does); each article is read once."""
    mentions = find_dates(text, date_bounds(published).end, include_vague=True)
    return tuple(
        DateMark(m.start, m.end, m.text, m.edtf, m.basis, m.anchor_text or "") for m in mentions
    )


def evidence_marks(text: str, evidence: pd.DataFrame) -> list[EvidenceMark]:
    """The evidence rows of one article, located in its text (rows whose quote is not in the
    text are left out; the table check reports them)."""
    marks = []
    for event_id, quote in zip(evidence["event_id"], evidence["quote"], strict=True):
        start = text.find(quote)
        if start >= 0 and quote:
            marks.append(EvidenceMark(start, start + len(quote), event_id, len(marks) + 1))
    return marks


def with_curated_dates(
    text: str, evidence: pd.DataFrame, events: pd.DataFrame, found: Sequence[DateMark]
) -> list[DateMark]:
    """The extractor's marks, made to cover every evidence `date_text` too, in text order.

    Where the extractor marks only part of a curated `date_text` ("1990er Jahren" in "seit den
    1990er Jahren"), its mark is widened to cover both, keeping its reading; where it marks
    nothing there, the curated event's reading (`text_date`, `date_basis`) is used.
    """
    marks = list(found)
    by_id = events.set_index("id", drop=False) if not events.empty else events
    for event_id, quote, date_text in zip(
        evidence["event_id"], evidence["quote"], evidence["date_text"], strict=True
    ):
        where = text.find(quote) if quote else -1
        if not date_text or where < 0 or date_text not in quote:
            continue
        start = where + quote.index(date_text)
        end = start + len(date_text)
        overlapping = [m for m in marks if m.start < end and start < m.end]
        if any(m.start <= start and end <= m.end for m in overlapping):
            continue
        if overlapping:
            first = min(overlapping, key=_start)
            lo = min(start, *(m.start for m in overlapping))
            hi = max(end, *(m.end for m in overlapping))
            widened = DateMark(lo, hi, text[lo:hi], first.edtf, first.basis, first.anchor_text)
            marks = [m for m in marks if m not in overlapping] + [widened]
            continue
        if event_id in by_id.index:
            event = by_id.loc[event_id]
            edtf, basis = event["text_date"] or event["date"], event["date_basis"]
        else:
            edtf, basis = "", ""
        marks.append(DateMark(start, end, date_text, edtf, basis, "", from_table=True))
    return sorted(marks, key=_start)


def article_segments(
    text: str, dates: Sequence[DateMark], evidence: Sequence[EvidenceMark]
) -> list[Segment]:
    """`text` cut at every boundary of a mark; each piece knows which marks cover it."""
    cuts = {0, len(text)}
    for mark in [*dates, *evidence]:
        cuts.update((max(0, mark.start), min(len(text), mark.end)))
    points = sorted(cuts)
    segments = []
    for start, end in zip(points, points[1:], strict=False):
        date = next((i for i, d in enumerate(dates) if d.start <= start and end <= d.end), None)
        covering = tuple(i for i, e in enumerate(evidence) if e.start <= start and end <= e.end)
        segments.append(
            Segment(
                text[start:end],
                date,
                covering,
                date_ends=date is not None and dates[date].end == end,
                evidence_ends=tuple(i for i in covering if evidence[i].end == end),
            )
        )
    return segments


def date_tip(mark: DateMark, lang: str) -> str:
    """The hover text of a date mark: the date in words, how it was resolved, its anchor."""
    parts = [describe_date(mark.edtf, lang) if mark.edtf else t("sources_no_reading", lang)]
    if mark.basis:
        parts.append(t(f"basis_{mark.basis}", lang))
    if mark.anchor_text:
        parts.append(t("sources_anchor", lang, anchor=mark.anchor_text))
    if mark.from_table:
        parts.append(t("sources_from_table", lang))
    return " · ".join(parts)


def segments_html(
    segments: Sequence[Segment],
    dates: Sequence[DateMark],
    evidence: Sequence[EvidenceMark],
    lang: str,
) -> str:
    """The marked article as HTML; every text from the article or the tables is escaped."""
    out = ['<div class="src-article">']
    for segment in segments:
        piece = escape(segment.text).replace("\n", "<br>")
        if segment.date is not None:
            tip = ""
            if segment.date_ends:
                tip = (
                    '<span class="src-tip" role="tooltip">'
                    f"{escape(date_tip(dates[segment.date], lang))}</span>"
                )
            piece = (
                f'<mark class="src-date" tabindex="0" data-date="{segment.date}">'
                f"{piece}{tip}</mark>"
            )
        if segment.evidence:
            numbers = "".join(
                f'<sup class="src-num">[{evidence[i].number}]</sup>' for i in segment.evidence_ends
            )
            piece = f'<span class="src-ev">{piece}</span>{numbers}'
        out.append(piece)
    out.append("</div>")
    return "".join(out)


def article_html(
    text: str, published: str, evidence: pd.DataFrame, events: pd.DataFrame, lang: str
) -> tuple[str, list[DateMark], list[EvidenceMark]]:
    """One article, ready for the page: its HTML and the marks in it."""
    dates = with_curated_dates(text, evidence, events, date_marks(text, published))
    marks = evidence_marks(text, evidence)
    return segments_html(article_segments(text, dates, marks), dates, marks, lang), dates, marks


def _start(mark: DateMark) -> int:
    return mark.start


def shared_events(evidence: pd.DataFrame) -> list[str]:
    """The events with evidence from at least two articles, in table order."""
    per_event = evidence.groupby("event_id", sort=False)["source"].nunique()
    return [event_id for event_id, n in per_event.items() if n >= 2]


def article_is_wrong(event: pd.Series) -> bool:
    """True when the table says the article gets this event wrong: `date_source` starts with
    the correction marker, or the curated German summary says so ("Das stimmt nicht")."""
    return str(event["date_source"]).startswith(CORRECTION_MARKER) or bool(
        ARTICLE_WRONG.search(str(event["summary_de"]))
    )


def fact_checks(events: pd.DataFrame) -> pd.DataFrame:
    """The events where the article is contradicted by other sources."""
    if events.empty:
        return events
    return events[[article_is_wrong(row) for _, row in events.iterrows()]]


def citation(date_source: str) -> str:
    """`date_source` without the correction marker: the sources a student can follow."""
    return date_source.removeprefix(CORRECTION_MARKER).strip()
