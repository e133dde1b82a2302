"""Classroom-mode logic: order, moving between slides, progress, short summaries."""

import pytest
from sample import table

from events.queries.presentation import (
    mask_dates,
    move,
    position,
    progress,
    short_summary,
    slide_events,
    slim_timeline,
)

IDS = ["a", "b", "c"]


@pytest.mark.parametrize(
    ("current", "step", "expected"),
    [
        ("a", "previous", "a"),
        ("a", "next", "b"),
        ("b", "next", "c"),
        ("c", "next", "c"),
        ("c", "previous", "b"),
        ("b", "first", "a"),
        ("a", "last", "c"),
        ("unknown", "next", "b"),
        (None, "previous", "a"),
    ],
)
def test_moves_stop_at_both_ends(current, step, expected):
    assert move(IDS, current, step) == expected


def test_no_slides():
    assert (move([], None, "next"), progress([], None)) == (None, "0 / 0")


def test_position_and_progress():
    assert (position(IDS, "c"), progress(IDS, "c"), progress(IDS, "gone")) == (2, "3 / 3", "1 / 3")


def test_slides_in_date_order_from_an_importance_level():
    events, _ = table()
    assert list(slide_events(events)["id"]) == list(events.sort_values("start")["id"])
    assert set(slide_events(events, 3)["id"]) == {"crash", "karabakh", "taliban", "csto"}


def test_short_summary_keeps_whole_sentences():
    text = "Erster Satz hier. Zweiter Satz ist auch da. " + "Sehr lang " * 40 + "."
    assert short_summary(text, 60) == "Erster Satz hier. Zweiter Satz ist auch da."
    assert short_summary("Nur ein sehr langer Satz " * 30, 20).startswith("Nur ein")


def test_slim_timeline_highlights_the_current_event_and_can_hide_dates():
    events, _ = table()
    fig = slim_timeline(events, "csto", hide_dates=True)
    sizes = dict(zip(fig.data[0].customdata, fig.data[0].marker.size, strict=True))
    assert sizes["csto"] > max(v for k, v in sizes.items() if k != "csto")
    assert fig.layout.xaxis.showticklabels is False


def test_mask_dates_hides_years_months_and_days():
    text = (
        "Ende Dezember 2024 stürzte es ab; laut Quellen am 25. Dezember 2024. "
        "Seit 2014 und in den 1990er Jahren, on 3 July 2025."
    )
    masked = mask_dates(text)
    assert not any(word in masked for word in ("2024", "Dezember", "2014", "1990", "July"))
    assert masked.startswith("Ende … stürzte es ab")
