"""Plotly timeline of the event table: lanes, exact days as marks, fuzzy spans, titles on the chart.

The figure is built from plain arrays and dicts (Plotly's per-property validation would cost
more than the rest of a rerun); tests read it back through `fig.data` and `fig.layout`.
"""

from datetime import timedelta

import numpy as np
import pandas as pd
import plotly.graph_objects as go

from events.charts.axis import tick_text, time_ticks
from events.charts.labels import FONT_FAMILY, pack_labels, plotly_text, text_px, wrap_text
from events.charts.timeline_traces import (
    LABEL_FONT,
    LABEL_PAD,
    LABEL_TRACE,
    MARK_PX,
    THEME_COLOURS,
    label_traces,
    mark_traces,
    place_labels,
    style_traces,
)
from events.locale import normalize_lang, t
from events.model.themes import THEMES, theme_label
from events.queries.ranges import default_range

__all__ = ["LABEL_FONT", "LABEL_PAD", "LABEL_TRACE", "MARK_PX", "THEME_COLOURS", "timeline_figure"]

FONT_SIZE = 16  # axis and lane names
LEGEND_FONT = 14
CHART_HEIGHT = 470  # fits a 1280x720 beamer below the page header
CHART_WIDTH = 820  # the chart in the wide layout at 1280 px with the sidebar open (measured)
PHONE_WIDTH = 358  # the chart on a 390 px wide phone (measured)
PHONE_HEIGHT = 560  # a phone is taller than wide: more rows of titles fit
MARGIN = {"l": 10, "r": 10, "b": 50}
ROW_PX_MIN = 22  # a row with a 14 px title
ROW_PX_MAX = 34
LANE_GAP = 0.35  # free rows between two lanes
DENSITY_ABOVE = 1500  # more events than this: draw how many per lane and month instead
EXACT_PRECISIONS = ("day",)
OTHER_LANE = "other"
MAX_COUNTRY_LANES = 8


def is_exact(events: pd.DataFrame) -> pd.Series:
    """True for events known to the day and not marked approximate: drawn as markers."""
    return events["precision"].isin(EXACT_PRECISIONS) & ~events["approximate"].astype(bool)


def from_other_sources(events: pd.DataFrame) -> pd.Series:
    """True where `date` is more precise than what the article says (`text_date` differs)."""
    if "text_date" not in events.columns:
        return pd.Series(False, index=events.index)
    text_date = events["text_date"].fillna("").astype(str).str.strip()
    return (text_date != "") & (text_date != events["date"].astype(str).str.strip())


def country_lanes(events: pd.DataFrame, focus: tuple[str, ...] = ()) -> list[str]:
    """The countries that get a lane: the chosen ones, else the most frequent few."""
    if focus:
        return list(focus)
    counts = events["countries"].explode().dropna().value_counts()
    counts = counts.sort_index().sort_values(ascending=False, kind="stable")
    return list(counts.index[:MAX_COUNTRY_LANES])


def lane_rows(
    events: pd.DataFrame,
    lane_by: str,
    focus: tuple[str, ...] = (),
    focus_themes: tuple[str, ...] = (),
) -> pd.DataFrame:
    """One row per (event, lane). Theme lanes: the event's first theme among the filtered ones
    (else its first theme), which also gives its colour. Country lanes: one lane per country of
    the event among the lane countries (the filtered ones, else the most frequent); an event
    naming none of them goes to one 'other' lane."""
    wanted = set(focus_themes)
    all_themes = events["themes"].tolist()
    if wanted:
        colour = [next((x for x in themes if x in wanted), themes[0]) for themes in all_themes]
    else:
        colour = [themes[0] for themes in all_themes]
    events = events.assign(colour_key=colour)
    if lane_by == "country":
        kept = set(country_lanes(events, focus))
        countries = events["countries"].tolist()
        lanes = [[c for c in codes if c in kept] or [OTHER_LANE] for codes in countries]
        rows = events.assign(lane=lanes).explode("lane")
    else:
        rows = events.assign(lane=colour)
    return rows.reset_index(drop=True)


def lane_label(lane: str, lane_by: str, country_names: dict[str, str], lang: str) -> str:
    if lane == OTHER_LANE:
        return t("chart_other_countries", lang)
    if lane_by == "country":
        return country_names.get(lane, lane)
    return theme_label(lane, lang)


def is_phone(user_agent: str | None) -> bool:
    """Phones say "Mobi" in their User-Agent (as MDN recommends to test)."""
    return bool(user_agent) and "Mobi" in user_agent


def chart_width(user_agent: str | None) -> int:
    """The width to pack titles for, from the browser's User-Agent header (the server never
    learns the real width): phones get the phone width, others the desktop width. Titles packed
    for a wider chart than drawn would overlap."""
    return PHONE_WIDTH if is_phone(user_agent) else CHART_WIDTH


def chart_height(user_agent: str | None) -> int:
    """The chart's height: taller on a phone, where the width holds fewer titles per row."""
    return PHONE_HEIGHT if is_phone(user_agent) else CHART_HEIGHT


def _lane_order(rows: pd.DataFrame, lane_by: str) -> list[str]:
    if lane_by == "country":
        counts = rows["lane"][rows["lane"] != OTHER_LANE].value_counts().sort_index()
        order = list(counts.sort_values(ascending=False, kind="stable").index)
        return order + ([OTHER_LANE] if (rows["lane"] == OTHER_LANE).any() else [])
    present = set(rows["lane"])
    return [theme for theme in THEMES if theme in present]


def timeline_figure(
    events: pd.DataFrame,
    lang: str = "de",
    lane_by: str = "theme",
    country_names: dict[str, str] | None = None,
    described_dates: pd.Series | None = None,
    selected_id: str | None = None,
    x_range: tuple | None = None,
    focus_countries: tuple[str, ...] = (),
    focus_themes: tuple[str, ...] = (),
    width_px: int = CHART_WIDTH,
    height_px: int = CHART_HEIGHT,
) -> go.Figure:
    """Timeline of `events` in lanes: exact days as diamonds, fuzzy dates as hatched spans, the
    titles of the selected and the most important events beside their marks (packed for a
    `width_px` wide figure whose rows of titles fit `height_px`). `x_range` defaults to the
    data's dense part (`events.queries.ranges`); `focus_*` are the filtered countries and themes,
    whose lanes the events sit in. Every trace carries the event id as customdata, so a click
    selects it."""
    lang = normalize_lang(lang)
    country_names = country_names or {}
    if len(events) > DENSITY_ABOVE:
        return density_figure(events, lang, lane_by, country_names, x_range, width_px)
    if events.empty:
        return go.Figure(layout={"height": 200, "font": {"size": FONT_SIZE}})
    if described_dates is None:
        described_dates = events["date"]
    view = x_range or default_range(events)
    v0, v1 = pd.Timestamp(view[0]), pd.Timestamp(view[1])
    rows = lane_rows(
        events.assign(_described=described_dates.to_numpy(), _other=from_other_sources(events)),
        lane_by,
        focus_countries,
        focus_themes,
    )
    lane_order = _lane_order(rows, lane_by)
    last_known = max(rows["start"].max(), rows["end"].max() if rows["end"].notna().any() else v0)
    right_edge = max(v1, last_known + timedelta(days=60))

    # geometry in pixels along the time axis
    plot_px = width_px - MARGIN["l"] - MARGIN["r"]
    v0_ns, px_per_ns = v0.value, plot_px / max((v1 - v0).value, 1)
    start_ns = rows["start"].to_numpy("datetime64[ns]").astype("int64")
    end_ns = (rows["end"].fillna(right_edge) + timedelta(days=1)).to_numpy("datetime64[ns]")
    end_ns = end_ns.astype("int64")
    exact = is_exact(rows).to_numpy()
    x_lo = (start_ns - v0_ns) * px_per_ns
    x_hi = np.where(exact, x_lo, (end_ns - v0_ns) * px_per_ns)
    mark_lo = np.where(exact, x_lo - MARK_PX / 2, x_lo)
    mark_hi = np.where(exact, x_lo + MARK_PX / 2, np.maximum(x_hi, x_lo + 4))
    in_view = (mark_hi > 0) & (mark_lo < plot_px)
    titles = rows[f"title_{lang}"].astype(str).tolist()
    labels = place_labels(titles, x_lo, x_hi, exact, in_view, plot_px, LABEL_FONT)

    # rows: lane names sit inside the plot, at the left of each lane's first row
    lane_lanes = rows["lane"].tolist()
    names = {lane: lane_label(lane, lane_by, country_names, lang) for lane in lane_order}
    reserved = {lane: [(0.0, text_px(name, FONT_SIZE) * 1.1 + 8)] for lane, name in names.items()}
    # the space above the plot: the legend, and the notes (assuming some titles are left out)
    ids = rows["id"].to_numpy()
    visible_ids = set(ids[in_view])
    earlier = len(set(ids[mark_hi <= 0]) - visible_ids)
    other = rows["_other"].to_numpy()
    style = style_traces(exact, other, lang)
    legend_items = [trace["name"] for trace in style]
    if lane_by == "country":  # then the legend also names the theme colours
        keys = set(rows["colour_key"])
        legend_items += [theme_label(key, lang) for key in THEMES if key in keys]
    legend_lines = _legend_lines(legend_items, plot_px)
    largest = len(visible_ids)
    worst_notes = _notes(largest, largest + 1, earlier, lang)
    margin_top = _margin_top(len(_wrap(worst_notes, plot_px)), legend_lines)
    avail = height_px - margin_top - MARGIN["b"]
    max_rows = max(len(lane_order), int(avail / ROW_PX_MIN - LANE_GAP * (len(lane_order) - 1)))
    packing = pack_labels(
        lane_lanes,
        mark_lo,
        mark_hi,
        labels.lo,
        labels.hi,
        rows["importance"].to_numpy() + 10 * (rows["id"] == selected_id).to_numpy(),
        max_rows,
        reserved=reserved,
    )
    base, bands = {}, []
    y_next = 0.0
    for lane in lane_order:
        base[lane] = y_next
        height_rows = packing.lane_rows[lane]
        bands.append((lane, y_next - 0.5, y_next + height_rows - 0.5))
        y_next += height_rows + LANE_GAP
    y = np.array([base[lane] for lane in lane_lanes]) + packing.row
    units = bands[-1][2] + 0.5

    # what the figure says about itself: titles left out, events left of the view
    titled = len(set(ids[packing.labelled]))
    note_lines = _wrap(_notes(titled, len(visible_ids), earlier, lang), plot_px)
    margin_top = _margin_top(len(note_lines), legend_lines)
    avail = height_px - margin_top - MARGIN["b"]
    row_px = min(ROW_PX_MAX, max(ROW_PX_MIN, avail / units))
    height = int(margin_top + MARGIN["b"] + units * row_px)
    traces = mark_traces(rows, exact, other, y, right_edge, lane_by, lang) + style
    ns_per_px = 1 / px_per_ns
    traces += label_traces(rows, labels, packing.labelled, y, v0_ns, ns_per_px, lang)
    if selected_id is not None and selected_id in set(ids):
        chosen = np.flatnonzero(ids == selected_id)
        traces.append(
            {
                "type": "scatter",
                "x": rows["start"].to_numpy()[chosen],
                "y": y[chosen],
                "mode": "markers",
                "marker": {"size": 26, "symbol": "circle-open", "color": "#000"},
                "hoverinfo": "skip",
                "showlegend": False,
                "name": "selected",
            }
        )
    layout = _layout(
        bands, names, (v0, v1), height, margin_top, note_lines, units, plot_px, lang, width_px
    )
    return go.Figure({"data": traces, "layout": layout}, _validate=False)


def _notes(titled: int, visible: int, earlier: int, lang: str) -> list[str]:
    notes = []
    if titled < visible:
        notes.append(t("chart_labels_some", lang, shown=titled, total=visible))
    if earlier:
        notes.append(
            t("chart_before_one", lang) if earlier == 1 else t("chart_before", lang, n=earlier)
        )
    return notes


def _wrap(notes: list[str], plot_px: float) -> list[str]:
    return [line for note in notes for line in wrap_text(note, plot_px, LEGEND_FONT)]


def _legend_lines(items: list[str], plot_px: float) -> int:
    """Lines of a horizontal legend: all on one line if they fit, else Plotly's grid with
    columns as wide as the widest entry."""
    if not items:
        return 0
    widths = [text_px(name, LEGEND_FONT) + 46 for name in items]
    if sum(widths) <= plot_px:
        return 1
    per_line = max(1, int(plot_px // max(widths)))
    return -(-len(items) // per_line)


def _margin_top(note_lines: int, legend_lines: int) -> int:
    return 12 + 22 * (note_lines + legend_lines)


def _layout(bands, names, view, height, margin_top, note_lines, units, plot_px, lang, width_px):
    tickvals, ticktext = time_ticks(view[0], view[1], lang, plot_px, FONT_SIZE)
    # every other lane on a grey band; one layout list is far faster than add_hrect
    shading = [
        {
            "type": "rect",
            "xref": "paper",
            "x0": 0,
            "x1": 1,
            "y0": y0,
            "y1": y1,
            "fillcolor": "#f2f2f2",
            "line": {"width": 0},
            "layer": "below",
        }
        for i, (_, y0, y1) in enumerate(bands)
        if i % 2 == 0
    ]
    note = "<br>".join(plotly_text(line) for line in note_lines)
    return {
        "shapes": shading,
        "barmode": "overlay",
        "height": height,
        "margin": {**MARGIN, "t": margin_top},
        "font": {"size": FONT_SIZE, "family": FONT_FAMILY},
        "hoverlabel": {"font": {"size": FONT_SIZE}},
        "showlegend": True,
        "legend": {
            "orientation": "h",
            "y": 1.0,
            "yanchor": "bottom",
            "x": 0,
            "font": {"size": LEGEND_FONT},
            "title": {"text": note, "side": "top", "font": {"size": LEGEND_FONT}},
            "traceorder": "normal",
            "itemclick": False,
            "itemdoubleclick": False,
        },
        "dragmode": "pan",
        "plot_bgcolor": "white",
        "clickmode": "event+select",
        "xaxis": {
            "type": "date",
            "gridcolor": "#dddddd",
            "tickfont": {"size": FONT_SIZE},
            "range": [view[0].isoformat(), view[1].isoformat()],
            "tickmode": "array",
            "tickvals": tickvals,
            "ticktext": ticktext,
            "tickangle": 0,
        },
        "yaxis": {
            "showticklabels": False,
            "ticks": "",
            "range": [units - 0.5, -0.5],
            "showgrid": False,
            "zeroline": False,
            "fixedrange": True,
        },
        "annotations": lane_annotations(bands, names),
    }


def lane_annotations(bands, names) -> list[dict]:
    """Lane names inside the plot, at the left end of each lane's first row (which the label
    packing keeps free for them)."""
    return [
        {
            "xref": "paper",
            "yref": "y",
            "x": 0,
            "y": y0 + 0.5,
            "xanchor": "left",
            "yanchor": "middle",
            "text": f"<b>{plotly_text(names[lane])}</b>",
            "showarrow": False,
            "font": {"size": FONT_SIZE, "color": "#333333"},
            "name": "lane",
        }
        for lane, y0, _ in bands
    ]


def density_figure(
    events: pd.DataFrame,
    lang: str = "de",
    lane_by: str = "theme",
    country_names: dict[str, str] | None = None,
    x_range: tuple | None = None,
    width_px: int = CHART_WIDTH,
) -> go.Figure:
    """Too many events to draw one by one: a heatmap of events per lane and start month."""
    lang = normalize_lang(lang)
    country_names = country_names or {}
    rows = lane_rows(events, lane_by)
    lane_order = _lane_order(rows, lane_by)
    lane_index = pd.Categorical(rows["lane"], categories=lane_order).codes
    month = rows["start"].to_numpy("datetime64[M]").astype("int64")
    first = int(month.min())
    counts = np.zeros((len(lane_order), int(month.max()) - first + 1), dtype=int)
    np.add.at(counts, (lane_index, month - first), 1)
    days = np.arange(first, first + counts.shape[1]).astype("datetime64[M]").astype("datetime64[D]")
    month_names = [tick_text(day.item(), "month", lang, True) for day in days]
    lane_names = [lane_label(lane, lane_by, country_names, lang) for lane in lane_order]
    hover = [
        [f"{name}<br>{when}: {n}" for when, n in zip(month_names, row, strict=True)]
        for name, row in zip(map(plotly_text, lane_names), counts.tolist(), strict=True)
    ]
    view = x_range or default_range(events)
    tickvals, ticktext = time_ticks(view[0], view[1], lang, width_px - 60, FONT_SIZE)
    heatmap = {
        "type": "heatmap",
        "x": days,
        "y": lane_names,
        "z": counts,
        "text": hover,
        "colorscale": "Blues",
        "hovertemplate": "%{text}<extra></extra>",
        "colorbar": {"thickness": 12},
    }
    layout = {
        "height": CHART_HEIGHT,
        "margin": {"l": 10, "r": 10, "t": 40, "b": 50},
        "font": {"size": FONT_SIZE, "family": FONT_FAMILY},
        "title": {
            "text": plotly_text(t("chart_density", lang, n=len(events))),
            "font": {"size": 14},
        },
        "dragmode": "pan",
        "xaxis": {
            "type": "date",
            "range": [pd.Timestamp(view[0]).isoformat(), pd.Timestamp(view[1]).isoformat()],
            "tickmode": "array",
            "tickvals": tickvals,
            "ticktext": ticktext,
            "tickangle": 0,
        },
        "yaxis": {"autorange": "reversed", "fixedrange": True},
    }
    return go.Figure({"data": [heatmap], "layout": layout}, _validate=False)
