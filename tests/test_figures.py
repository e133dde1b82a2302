"""The timeline figure, checked through fig.data and fig.layout."""

import numpy as np
import pandas as pd
import pytest
from sample import table

from events.charts.labels import text_px
from events.charts.timeline import (
    CHART_WIDTH,
    FONT_SIZE,
    LABEL_FONT,
    LABEL_TRACE,
    MARGIN,
    MARK_PX,
    PHONE_HEIGHT,
    PHONE_WIDTH,
    THEME_COLOURS,
    chart_width,
    timeline_figure,
)
from events.locale import t
from events.model.themes import THEMES
from events.store.tables import add_date_columns, load_dataset


def mark_traces(fig):
    return [t for t in fig.data if t.customdata is not None and t.name not in (LABEL_TRACE,)]


def traces_by_kind(fig):
    marks = mark_traces(fig)
    return [t for t in marks if t.type == "bar"], [t for t in marks if t.type == "scatter"]


def ids_of(traces) -> set[str]:
    return {c for t in traces for c in t.customdata}


def label_traces(fig):
    return [t for t in fig.data if t.name == LABEL_TRACE]


def labelled_ids(fig) -> list[str]:
    return [c for t in label_traces(fig) for c in t.customdata]


def lane_names(fig) -> list[str]:
    return [
        unescape(a.text.removeprefix("<b>").removesuffix("</b>")) for a in fig.layout.annotations
    ]


def unescape(text: str) -> str:
    return text.replace("&lt;", "<").replace("&gt;", ">").replace("&amp;", "&")


def boxes(fig, width_px: int = CHART_WIDTH):
    """(y, lo, hi, kind, id) in pixels of every mark, bar and title, from the figure alone."""
    x0, x1 = (pd.Timestamp(v) for v in fig.layout.xaxis.range)
    plot_px = width_px - MARGIN["l"] - MARGIN["r"]

    def px(value):
        return (pd.Timestamp(value) - x0) / (x1 - x0) * plot_px

    found = []
    for trace in fig.data:
        if trace.customdata is None or trace.name == "selected":
            continue
        drawn = zip(trace.x, trace.y, trace.customdata, strict=True)
        if trace.name == LABEL_TRACE:
            for (x, y, key), text in zip(drawn, trace.text, strict=True):
                width = text_px(unescape(text), LABEL_FONT)
                lo = px(x) if trace.textposition == "middle right" else px(x) - width
                found.append((y, lo, lo + width, "title", key))
        elif trace.type == "scatter":
            found += [(y, px(x) - MARK_PX / 2, px(x) + MARK_PX / 2, "mark", k) for x, y, k in drawn]
        else:
            for (ms, y, key), base in zip(drawn, trace.base, strict=True):
                start = pd.Timestamp(base)
                end = start + pd.Timedelta(milliseconds=ms)
                found.append((y, px(start), px(end), "bar", key))
    return found


def title_collisions(fig, width_px: int = CHART_WIDTH) -> list:
    """Pairs of a title and anything else in its row that it touches on screen (a title may
    lie inside its own bar)."""
    drawn = boxes(fig, width_px)
    bad = []
    for y, lo, hi, kind, key in drawn:
        if kind != "title":
            continue
        for y2, lo2, hi2, kind2, key2 in drawn:
            if y2 != y or (kind2 == "title" and key2 == key) or (kind2 == "bar" and key2 == key):
                continue
            if lo < hi2 and lo2 < hi:
                bad.append(((key, lo, hi), (kind2, key2, lo2, hi2)))
    return bad


GERMAN_MONTHS = [
    "Jan.",
    "Feb.",
    "März",
    "Apr.",
    "Mai",
    "Juni",
    "Juli",
    "Aug.",
    "Sept.",
    "Okt.",
    "Nov.",
    "Dez.",
]
COUNTRIES = ["RUS", "AZE", "ARM", "UKR", "KAZ", "GEO", "TUR", "IRN"]


def real_events() -> pd.DataFrame:
    data = load_dataset()
    assert not data.problems
    return data.events


def synthetic_events(n: int, seed: int = 3) -> pd.DataFrame:
    """`n` events of every date kind, crowded into a few years, with titles of real length."""
    rng = np.random.default_rng(seed)
    days = pd.Timestamp("2022-01-01") + pd.to_timedelta(rng.integers(0, 1300, n), unit="D")
    kinds = rng.integers(0, 4, n)
    kinds_of_date = (
        lambda d: f"{d:%Y-%m-%d}",
        lambda d: f"{d:%Y-%m-%d}",
        lambda d: f"{d:%Y-%m}",
        lambda d: f"{d:%Y-%m-%d}/{d + pd.Timedelta(days=40):%Y-%m-%d}",
    )
    dates = [kinds_of_date[k](d) for d, k in zip(days, kinds, strict=True)]
    words = [
        "Armenien",
        "Russland",
        "Gipfel",
        "Vertrag",
        "Angriff",
        "Abkommen",
        "Protest",
        "Wahl",
        "Grenze",
        "Gas",
    ]
    titles = [" ".join(rng.choice(words, rng.integers(2, 8))) for _ in range(n)]
    themes = list(THEMES)
    frame = pd.DataFrame(
        {
            "id": [f"s{i}" for i in range(n)],
            "date": dates,
            "date_text": [""] * n,
            "title_de": titles,
            "title_en": titles,
            "countries": [tuple(rng.choice(COUNTRIES, 2, replace=False)) for _ in range(n)],
            "themes": [(themes[i % len(themes)],) for i in rng.integers(0, 9, n)],
            "importance": rng.integers(1, 4, n),
        }
    )
    return add_date_columns(frame)


def test_exact_days_are_markers_and_fuzzy_dates_are_spans():
    events, _ = table()
    bars, points = traces_by_kind(timeline_figure(events))
    assert ids_of(points) == {"crash", "taliban"}
    assert ids_of(bars) == {"karabakh", "war", "lavrov", "csto"}
    assert all(t.marker.pattern.shape == "/" for t in bars)
    assert all(t.marker.symbol == "diamond" for t in points)


def test_every_event_is_drawn_once_with_theme_lanes():
    events, _ = table()
    fig = timeline_figure(events)
    all_ids = [c for t in mark_traces(fig) for c in t.customdata]
    assert sorted(all_ids) == sorted(events["id"])


def test_country_lanes_repeat_an_event_in_each_of_its_countries():
    events, _ = table()
    fig = timeline_figure(events, lane_by="country", country_names={"ARM": "Armenien"})
    crash_rows = sum(list(t.customdata).count("crash") for t in mark_traces(fig))
    assert crash_rows == 3
    assert "Armenien" in lane_names(fig)


def test_open_interval_runs_to_the_right_edge():
    events, _ = table()
    fig = timeline_figure(events)
    bars, _ = traces_by_kind(fig)
    war = next(t for t in bars if "war" in t.customdata)
    i = list(war.customdata).index("war")
    end = pd.Timestamp(war.base[i]) + pd.Timedelta(milliseconds=war.x[i])
    assert end > pd.Timestamp(fig.layout.xaxis.range[1])


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
    hover = {c: h for t in mark_traces(fig) for c, h in zip(t.customdata, t.hovertext, strict=True)}
    assert hover["crash"] == "<b>Title crash</b><br>Im Dezember letzten Jahres"
    assert hover["csto"] == "<b>Title csto</b><br>2024"


def test_title_text_is_data_not_markup():
    events, _ = table()
    hostile = '<a href="https://evil.example">x</a> <b>fett</b> & <span style="x">'
    events = events.assign(title_de=[hostile] * len(events))
    fig = timeline_figure(events, width_px=2000)
    texts = [h for t in fig.data if t.hovertext is not None for h in t.hovertext]
    texts += [s for t in label_traces(fig) for s in t.text]
    assert texts and all("<a" not in s and "<span" not in s and "fett</b>" not in s for s in texts)
    assert all("&lt;a href" in s for s in texts if "evil" in s)
    assert any(s.startswith("&lt;a href=") for t in label_traces(fig) for s in t.text)


def test_text_is_large_enough_for_a_beamer_and_colours_are_the_safe_palette():
    events, _ = table()
    fig = timeline_figure(events)
    assert fig.layout.font.size >= 14 and FONT_SIZE >= 14
    assert fig.layout.xaxis.tickfont.size >= 14
    assert all(t.textfont.size >= 14 for t in label_traces(fig)) and label_traces(fig)
    assert all(a.font.size >= 14 for a in fig.layout.annotations)
    colours = {t.marker.line.color for t in mark_traces(fig) if t.type == "bar"}
    assert colours <= set(THEME_COLOURS.values())


def test_selected_event_is_highlighted():
    events, _ = table()
    fig = timeline_figure(events, selected_id="crash")
    assert [t.name for t in fig.data].count("selected") == 1


def test_the_selected_event_always_carries_its_title():
    events = synthetic_events(200)
    fig = timeline_figure(events, width_px=CHART_WIDTH)
    unlabelled = sorted(set(events["id"]) - set(labelled_ids(fig)))
    chosen = unlabelled[len(unlabelled) // 2]
    fig = timeline_figure(events, width_px=CHART_WIDTH, selected_id=chosen)
    assert chosen in labelled_ids(fig)


def test_phones_get_titles_packed_for_a_phone_wide_chart():
    iphone = "Mozilla/5.0 (iPhone; CPU iPhone OS 17_0 like Mac OS X) Mobile/15E148 Safari/604.1"
    android = "Mozilla/5.0 (Linux; Android 14; Pixel 8) Chrome/124.0 Mobile Safari/537.36"
    desktop = "Mozilla/5.0 (X11; Linux x86_64) Chrome/124.0 Safari/537.36"
    assert chart_width(iphone) == chart_width(android) == PHONE_WIDTH < chart_width(desktop)
    assert chart_width(None) == CHART_WIDTH


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
    ticks = fig.layout.xaxis.ticktext
    assert ticks and all(s.isdigit() or s.split()[0] in GERMAN_MONTHS for s in ticks)


def test_country_lanes_are_the_chosen_countries_plus_other():
    events, _ = table()
    fig = timeline_figure(events, lane_by="country", focus_countries=("ARM",))
    assert lane_names(fig) == ["ARM", "weitere Länder"]
    assert sorted(c for t in mark_traces(fig) for c in t.customdata) == sorted(events["id"])


# --- titles on the chart -------------------------------------------------------------------


@pytest.mark.parametrize("lang", ["de", "en"])
@pytest.mark.parametrize(
    ("width", "height"), [(1260, 470), (CHART_WIDTH, 470), (380, PHONE_HEIGHT)]
)
def test_real_table_titles_do_not_overlap(lang, width, height):
    events = real_events()
    fig = timeline_figure(events, lang=lang, width_px=width, height_px=height)
    assert len(labelled_ids(fig)) >= 8
    assert title_collisions(fig, width) == []
    shown = {unescape(s).rstrip("…") for t in label_traces(fig) for s in t.text}
    titles = set(events[f"title_{lang}"])
    assert all(any(title.startswith(s) for title in titles) for s in shown)


def test_key_events_carry_their_title_at_the_default_view():
    events = real_events()
    fig = timeline_figure(events, width_px=1260)
    x0, x1 = (pd.Timestamp(v) for v in fig.layout.xaxis.range)
    key = events[(events["importance"] == 3) & (events["start"] >= x0) & (events["start"] <= x1)]
    assert len(key) >= 5
    assert set(key["id"]) <= set(labelled_ids(fig))


def test_the_legend_says_how_many_titles_are_shown():
    events = real_events()
    fig = timeline_figure(events, width_px=CHART_WIDTH)
    x0 = pd.Timestamp(fig.layout.xaxis.range[0])
    in_view = events[events["end"].isna() | (events["end"] >= x0)]
    shown = len(set(labelled_ids(fig)))
    assert shown < len(in_view)
    expected = t("chart_labels_some", "de", shown=shown, total=len(in_view))
    assert expected.split(";")[0] in unescape(fig.layout.legend.title.text.replace("<br>", " "))
    earlier = len(events) - len(in_view)
    assert f"{earlier} frühere Ereignisse" in fig.layout.legend.title.text


@pytest.mark.parametrize("lang", ["de", "en"])
def test_on_a_phone_the_legend_fits_and_the_tool_buttons_cover_no_note(lang):
    events = real_events()
    fig = timeline_figure(events, lang=lang, width_px=PHONE_WIDTH, height_px=PHONE_HEIGHT)
    plot_px = PHONE_WIDTH - MARGIN["l"] - MARGIN["r"]
    entries = [t.name for t in fig.data if t.showlegend]
    lines = [line for name in entries for line in name.split("<br>")]
    assert len(lines) > len(entries)  # the longest entry needed a second line
    assert max(text_px(line, 14) + 46 for line in lines) <= plot_px
    assert t("chart_exact", lang) in lines
    notes = fig.layout.legend.title.text.count("<br>") + 1
    legend_rows = len(lines)  # one entry per grid row on a phone
    # a row of its own for Plotly's tool buttons, above the notes and the legend
    assert fig.layout.margin.t == 12 + 22 * (1 + notes + legend_rows)


def test_on_the_beamer_the_legend_stays_on_one_line():
    fig = timeline_figure(real_events(), lang="en", width_px=CHART_WIDTH)
    assert all("<br>" not in t.name for t in fig.data if t.showlegend)


@pytest.mark.parametrize("width", [CHART_WIDTH, 380])
def test_200_synthetic_events_titles_do_not_overlap(width):
    events = synthetic_events(200)
    fig = timeline_figure(events, width_px=width)
    assert title_collisions(fig, width) == []
    assert 0 < len(labelled_ids(fig)) < 200
    assert sorted(c for t in mark_traces(fig) for c in t.customdata) == sorted(events["id"])


def test_where_titles_compete_the_important_ones_win():
    events = synthetic_events(200)
    fig = timeline_figure(events, width_px=CHART_WIDTH)
    importance = events.set_index("id")["importance"]
    labelled = importance[labelled_ids(fig)]
    assert labelled.mean() > importance.mean()
    assert (labelled == 3).sum() > (labelled == 1).sum()


def test_titles_follow_the_language():
    events, _ = table()
    de = {s for t in label_traces(timeline_figure(events, width_px=2000)) for s in t.text}
    en = {s for t in label_traces(timeline_figure(events, "en", width_px=2000)) for s in t.text}
    assert de and all(s.startswith("Titel") for s in de)
    assert en and all(s.startswith("Title") for s in en)


# --- axis, default view ------------------------------------------------------------------


def test_axis_is_in_german_and_english():
    events = real_events()
    story = ("2022-12-01", "2025-08-01")  # two and a half years: half-year ticks fit
    de = timeline_figure(events, x_range=story).layout.xaxis.ticktext
    en = timeline_figure(events, "en", x_range=story).layout.xaxis.ticktext
    assert {"Jan. 2023", "Juli"} <= set(de) and not {"Jul", "Oct"} & set(de)
    assert {"Jan 2023", "Jul"} <= set(en)


def test_default_view_is_the_dense_part_and_all_is_one_argument_away():
    events = real_events()
    fig = timeline_figure(events)
    x0, x1 = (pd.Timestamp(v) for v in fig.layout.xaxis.range)
    inside = events["start"].between(x0, x1)
    assert inside.mean() >= 0.9
    assert x0 > events["start"].min() and x1 >= events["start"].max()
    wide = timeline_figure(events, x_range=("1990-01-01", "2026-01-01"))
    assert wide.layout.xaxis.range[0].startswith("1990")


def test_a_single_day_gets_a_few_weeks_of_axis_with_german_month_names():
    events = real_events()
    one = events[events["countries"].map(lambda c: "MDA" in c)]
    assert len(one) == 1 and one["precision"].iloc[0] == "day"
    fig = timeline_figure(one)
    x0, x1 = (pd.Timestamp(v) for v in fig.layout.xaxis.range)
    day = one["start"].iloc[0]
    assert x0 < day < x1 and pd.Timedelta(days=28) <= x1 - x0 <= pd.Timedelta(days=70)
    visible = [
        text
        for val, text in zip(fig.layout.xaxis.tickvals, fig.layout.xaxis.ticktext, strict=True)
        if x0 <= pd.Timestamp(val) <= x1
    ]
    assert len(visible) >= 3 and any("Juni" in s or "Juli" in s for s in visible)
    assert not any(":" in s or "Jun " in s for s in fig.layout.xaxis.ticktext)
    assert labelled_ids(fig) == list(one["id"])


# --- lanes follow the filter ---------------------------------------------------------------


def test_with_a_theme_filter_an_event_sits_in_the_filtered_theme_lane():
    events, _ = table()
    events = events.assign(themes=[("justice", "diplomacy")] + list(events["themes"][1:]))
    free = timeline_figure(events)
    filtered = timeline_figure(events, focus_themes=("diplomacy",))
    assert lane_of(free, "crash") == "Justiz & Recht"
    assert lane_of(filtered, "crash") == "Diplomatie"
    colour = next(t.marker.color for t in mark_traces(filtered) if "crash" in t.customdata)
    assert colour == THEME_COLOURS["diplomacy"]


def test_with_a_country_filter_an_event_sits_in_the_filtered_country_lane():
    events, _ = table()
    fig = timeline_figure(events, lane_by="country", focus_countries=("KAZ",))
    assert lane_of(fig, "crash") == "KAZ"


def lane_of(fig, event_id: str) -> str:
    """The lane name whose band holds the event's mark."""
    y = next(
        t.y[list(t.customdata).index(event_id)]
        for t in mark_traces(fig)
        if event_id in t.customdata
    )
    starts = sorted(
        (a.y, lane) for a, lane in zip(fig.layout.annotations, lane_names(fig), strict=True)
    )
    return [lane for start, lane in starts if start <= y][-1]


# --- honest dates --------------------------------------------------------------------------


def test_a_day_from_other_sources_is_outlined_and_explained():
    events, _ = table()
    events = events.assign(text_date=["2024-12", "2023-09", "2014/..", "2025-05", "", "2024"])
    fig = timeline_figure(events)
    by_id = {c: t for t in mark_traces(fig) for c in t.customdata}
    assert by_id["crash"].marker.color == "white"  # "2024-12-25", the article says December
    assert by_id["crash"].marker.line.color == THEME_COLOURS["incident"]
    assert by_id["taliban"].marker.color != "white"  # no text_date: nothing to compare
    assert by_id["lavrov"].marker.pattern.shape is None  # span more precise than "2025-05"
    assert by_id["csto"].marker.pattern.shape == "/"  # same as the article
    legend = [t.name for t in fig.data if t.showlegend]
    assert t("chart_other_sources", "de") in legend
    hover = dict(zip(by_id["crash"].customdata, by_id["crash"].hovertext, strict=True))
    assert t("chart_other_sources", "de") in hover["crash"]


def test_without_text_date_column_nothing_is_outlined():
    events, _ = table()
    fig = timeline_figure(events)
    assert t("chart_other_sources", "de") not in [t.name for t in fig.data if t.showlegend]
    assert {t.marker.color for t in mark_traces(fig) if t.type == "scatter"} != {"white"}


def test_figure_strings_come_from_the_locale_files():
    events, _ = table()
    for lang in ("de", "en"):
        legend = [t.name for t in timeline_figure(events, lang).data if t.showlegend]
        assert t("chart_exact", lang) in legend and t("chart_span", lang) in legend
