"""Classroom mode: which events are shown, in which order, where we are, what a slide says."""

import re
from datetime import date

import pandas as pd
import plotly.graph_objects as go

from events.charts.contrast import HIGH, NORMAL
from events.charts.timeline import THEME_COLOURS
from events.queries.masking import event_publication_days, mask_dates

TIMELINE_FONT = 18  # px: the slim timeline's labels, readable from the back of a room

SENTENCE_END = re.compile(r"(?<=[.!?“”\"])\s+(?=[A-ZÄÖÜ„\"])")


def slide_events(events: pd.DataFrame, min_importance: int = 1) -> pd.DataFrame:
    """The events to present: at least `min_importance`, in date order (ties by id)."""
    chosen = events[events["importance"] >= min_importance]
    return chosen.sort_values(["start", "id"], kind="stable")


def position(ids: list[str], current: str | None) -> int:
    """Index of `current` in `ids`; 0 (the first slide) when it is not there."""
    return ids.index(current) if current in ids else 0


def move(ids: list[str], current: str | None, step: str) -> str | None:
    """The event id after a first / previous / next / last step; stops at both ends."""
    if not ids:
        return None
    here = position(ids, current)
    target = {"first": 0, "previous": here - 1, "next": here + 1, "last": len(ids) - 1}[step]
    return ids[min(max(target, 0), len(ids) - 1)]


def progress(ids: list[str], current: str | None) -> str:
    """'7 / 23': the slide number and the number of slides."""
    return f"{position(ids, current) + 1} / {len(ids)}" if ids else "0 / 0"


def short_summary(text: str, max_chars: int = 260) -> str:
    """The first sentences of `text` that fit into `max_chars` (at least one sentence)."""
    sentences = SENTENCE_END.split(text.strip())
    kept = [sentences[0]]
    for sentence in sentences[1:]:
        if len(" ".join([*kept, sentence])) > max_chars:
            break
        kept.append(sentence)
    return " ".join(kept)


def publication_day_of(event_id: str, evidence: pd.DataFrame, sources: pd.DataFrame) -> date:
    """The publication day an event's texts are read against (its first quoted source); an
    event dated from outside knowledge (no evidence) gets the latest day of all sources."""
    days = event_publication_days(evidence, sources)
    return days.get(event_id) or max(days.values(), default=date.today())


def shown_text(text: str, published: date, lang: str, hidden: bool) -> str:
    """`text` as a slide or a question shows it: with dates hidden, every date expression
    (found by the extractor, see events.queries.masking) is masked."""
    return mask_dates(text, published, lang=lang) if hidden else text


def slim_timeline(
    events: pd.DataFrame,
    current: str | None,
    hide_dates: bool = False,
    height: int = 130,
    *,
    contrast: bool = False,
    font_size: int = TIMELINE_FONT,
) -> go.Figure:
    """One row of markers, one per slide, the current one large. With dates hidden no marker
    stands out, so the timeline does not tell where the current event sits."""
    mid = events["start"] + (events["end"].fillna(events["start"]) - events["start"]) / 2
    is_current = (events["id"] == current).to_numpy() & (not hide_dates)
    if contrast:
        colours = [HIGH["current_mark"] if c else HIGH["mark"] for c in is_current]
        outline, background, axis, grid = (
            HIGH["background"],
            HIGH["background"],
            HIGH["axis"],
            "#444444",
        )
    else:
        colours = [THEME_COLOURS.get(themes[0], "#999999") for themes in events["themes"]]
        outline, background, axis, grid = (
            NORMAL["mark_outline"],
            NORMAL["background"],
            NORMAL["axis"],
            "#dddddd",
        )
    fig = go.Figure(
        go.Scatter(
            x=mid,
            y=[0] * len(events),
            mode="markers",
            customdata=events["id"],
            marker={
                "color": colours,
                "size": [28 if c else 12 for c in is_current],
                "symbol": ["star" if c else "circle" for c in is_current],
                "line": {"color": outline, "width": [2 if c else 1 for c in is_current]},
            },
            hoverinfo="skip",
        )
    )
    fig.update_layout(
        height=height,
        margin={"l": 12, "r": 12, "t": 6, "b": font_size + 14},
        font={"size": font_size, "color": axis},
        showlegend=False,
        paper_bgcolor=background,
        plot_bgcolor=background,
        xaxis={"type": "date", "gridcolor": grid, "tickfont": {"size": font_size, "color": axis}},
        yaxis={"visible": False, "fixedrange": True},
    )
    return fig
