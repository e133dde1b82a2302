"""Classroom-mode logic: order, moving between slides, progress, short summaries."""

from datetime import date

import pytest
from sample import table

from events.charts.contrast import HIGH
from events.queries.masking import PLACEHOLDER
from events.queries.presentation import (
    move,
    position,
    progress,
    publication_day_of,
    short_summary,
    shown_text,
    slide_events,
    slim_timeline,
)
from events.store.tables import load_dataset

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


def test_slim_timeline_highlights_the_current_event():
    events, _ = table()
    fig = slim_timeline(events, "csto")
    sizes = dict(zip(fig.data[0].customdata, fig.data[0].marker.size, strict=True))
    assert sizes["csto"] > max(v for k, v in sizes.items() if k != "csto")
    assert fig.layout.xaxis.tickfont.size >= 18


@pytest.mark.parametrize("contrast", [False, True])
def test_slim_timeline_with_dates_hidden_does_not_show_the_current_event(contrast):
    events, _ = table()
    fig = slim_timeline(events, "csto", hide_dates=True, contrast=contrast)
    marker = fig.data[0].marker
    assert len(set(marker.size)) == 1 and set(marker.symbol) == {"circle"}
    assert len(set(marker.line.width)) == 1
    if contrast:
        assert set(marker.color) == {HIGH["mark"]}
        assert fig.layout.plot_bgcolor == HIGH["background"]


def test_slim_timeline_in_high_contrast_uses_the_checked_palette():
    events, _ = table()
    fig = slim_timeline(events, "csto", contrast=True)
    colours = dict(zip(fig.data[0].customdata, fig.data[0].marker.color, strict=True))
    assert colours["csto"] == HIGH["current_mark"]
    assert {c for k, c in colours.items() if k != "csto"} == {HIGH["mark"]}
    assert fig.layout.xaxis.tickfont.color == HIGH["axis"]


@pytest.mark.parametrize("lang", ["de", "en"])
def test_shown_text_masks_dates_only_when_hidden(lang):
    text = {"de": "Krieg um Luhansk und Donezk seit 2014", "en": "War since 2014 in Donbas"}[lang]
    assert shown_text(text, date(2025, 7, 4), lang, hidden=False) == text
    masked = shown_text(text, date(2025, 7, 4), lang, hidden=True)
    assert "2014" not in masked and PLACEHOLDER in masked


def test_publication_day_of_an_event():
    data = load_dataset()
    first = data.evidence.iloc[0]
    published = data.sources.set_index("id").loc[first["source"], "published"]
    day = publication_day_of(first["event_id"], data.evidence, data.sources)
    assert day.isoformat().startswith(published.rstrip("~?")[:7])
    # an event without evidence (dated from outside knowledge) gets the latest source's day
    latest = max(
        publication_day_of(e, data.evidence, data.sources) for e in data.evidence["event_id"]
    )
    assert publication_day_of("no-such-event", data.evidence, data.sources) == latest
