"""Classroom mode: which events are shown, in which order, where we are, what a slide says."""

import re

import pandas as pd
import plotly.graph_objects as go

from events.charts.timeline import FONT_SIZE, THEME_COLOURS

_MONTHS = (
    "Januar|Februar|März|April|Mai|Juni|Juli|August|September|Oktober|November|Dezember|"
    "January|February|March|May|June|July|October|December"
)
DATE_WORDS = re.compile(
    rf"\b(?:\d{{1,2}}\.?\s*)?(?:{_MONTHS})(?:\s+\d{{4}})?\b|\b(?:1[89]|20)\d\d(?:er)?\b"
)
HIDDEN = "…"


def mask_dates(text: str) -> str:
    """The text with years, months and days replaced by '…': a summary that does not give
    away the answer while the class guesses the date."""
    return DATE_WORDS.sub(HIDDEN, text)


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


def slim_timeline(
    events: pd.DataFrame, current: str | None, hide_dates: bool = False, height: int = 130
) -> go.Figure:
    """One row of markers, one per slide, the current one large; no dates when hidden."""
    mid = events["start"] + (events["end"].fillna(events["start"]) - events["start"]) / 2
    colours = [THEME_COLOURS.get(themes[0], "#999999") for themes in events["themes"]]
    is_current = (events["id"] == current).to_numpy()
    fig = go.Figure(
        go.Scatter(
            x=mid,
            y=[0] * len(events),
            mode="markers",
            customdata=events["id"],
            marker={
                "color": colours,
                "size": [26 if c else 11 for c in is_current],
                "symbol": ["star" if c else "circle" for c in is_current],
                "line": {"color": "#000000", "width": [2 if c else 0 for c in is_current]},
            },
            hoverinfo="skip",
        )
    )
    fig.update_layout(
        height=height,
        margin={"l": 10, "r": 10, "t": 10, "b": 30},
        font={"size": FONT_SIZE},
        showlegend=False,
        plot_bgcolor="white",
        xaxis={"type": "date", "showticklabels": not hide_dates, "gridcolor": "#eeeeee"},
        yaxis={"visible": False, "fixedrange": True},
    )
    return fig
