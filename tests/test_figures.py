"""The timeline figure, checked through fig.data and fig.layout."""

import pandas as pd
from sample import table

from events.charts.timeline import FONT_SIZE, THEME_COLOURS, timeline_figure


def traces_by_kind(fig):
    bars = [t for t in fig.data if t.type == "bar"]
    points = [t for t in fig.data if t.type == "scatter" and t.name != "selected"]
    return bars, points


def ids_of(traces) -> set[str]:
    return {c for t in traces for c in t.customdata}


def test_exact_days_are_markers_and_fuzzy_dates_are_spans():
    events, _ = table()
    bars, points = traces_by_kind(timeline_figure(events))
    assert ids_of(points) == {"crash", "taliban"}
    assert ids_of(bars) == {"karabakh", "war", "lavrov", "csto"}
    assert all(t.marker.pattern.shape == "/" for t in bars)


def test_every_event_is_drawn_once_with_theme_lanes():
    events, _ = table()
    fig = timeline_figure(events)
    all_ids = [c for t in fig.data for c in t.customdata]
    assert sorted(all_ids) == sorted(events["id"])


def test_country_lanes_repeat_an_event_in_each_of_its_countries():
    events, _ = table()
    fig = timeline_figure(events, lane_by="country", country_names={"ARM": "Armenien"})
    crash_rows = sum(list(t.customdata).count("crash") for t in fig.data)
    assert crash_rows == 3
    assert "Armenien" in fig.layout.yaxis.ticktext


def test_open_interval_runs_to_the_right_edge():
    events, _ = table()
    fig = timeline_figure(events)
    bars, _ = traces_by_kind(fig)
    war = next(t for t in bars if "war" in t.customdata)
    i = list(war.customdata).index("war")
    end = pd.Timestamp(war.base[i]) + pd.Timedelta(milliseconds=war.x[i])
    assert end > events["start"].max()


def test_span_covers_the_whole_uncertainty():
    events, _ = table()
    bars, _ = traces_by_kind(timeline_figure(events))
    csto = next(t for t in bars if "csto" in t.customdata)
    i = list(csto.customdata).index("csto")
    start = pd.Timestamp(csto.base[i])
    end = start + pd.Timedelta(milliseconds=csto.x[i])
    assert (start, end) == (pd.Timestamp("2024-01-01"), pd.Timestamp("2025-01-01"))


def test_hover_has_title_and_date_as_written():
    events, _ = table()
    events = events.assign(date_text=["Im Dezember letzten Jahres", "", "", "", "", ""])
    fig = timeline_figure(events, lang="en")
    hover = {c: h for t in fig.data for c, h in zip(t.customdata, t.hovertext, strict=True)}
    assert hover["crash"] == "<b>Title crash</b><br>Im Dezember letzten Jahres"
    assert hover["csto"] == "<b>Title csto</b><br>2024"


def test_text_is_large_enough_for_a_beamer_and_colours_are_the_safe_palette():
    events, _ = table()
    fig = timeline_figure(events)
    assert fig.layout.font.size >= 14 and FONT_SIZE >= 14
    assert fig.layout.xaxis.tickfont.size >= 14 and fig.layout.yaxis.tickfont.size >= 14
    colours = {t.marker.line.color for t in fig.data if t.type == "bar"}
    assert colours <= set(THEME_COLOURS.values())


def test_selected_event_is_highlighted():
    events, _ = table()
    fig = timeline_figure(events, selected_id="crash")
    assert [t.name for t in fig.data].count("selected") == 1


def test_empty_table_gives_an_empty_figure():
    events, _ = table()
    assert len(timeline_figure(events.iloc[0:0]).data) == 0


def test_many_events_are_drawn_as_counts_per_lane_and_month():
    events, _ = table()
    many = pd.concat([events] * 300, ignore_index=True)
    many["id"] = [f"e{i}" for i in range(len(many))]
    fig = timeline_figure(many)
    assert [t.type for t in fig.data] == ["heatmap"]
    assert fig.data[0].z.sum() == len(many)


def test_country_lanes_are_the_chosen_countries_plus_other():
    events, _ = table()
    fig = timeline_figure(events, lane_by="country", focus_countries=("ARM",))
    assert list(fig.layout.yaxis.ticktext) == ["ARM", "weitere Länder"]
    assert sorted(c for t in fig.data for c in t.customdata) == sorted(events["id"])
