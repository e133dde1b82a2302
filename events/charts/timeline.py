"""Plotly timeline of the event table: lanes, exact days as marks, fuzzy spans, titles on the chart.

The figure is built from plain arrays and dicts (Plotly's per-property validation would cost
more than the rest of a rerun); tests read it back through `fig.data` and `fig.layout`. Lanes
are `events.charts.lanes`, sizes `events.charts.sizes`, the layout
`events.charts.timeline_layout`, the figure for very many events `events.charts.density`.
"""

from dataclasses import dataclass
from datetime import timedelta

import numpy as np
import pandas as pd
import plotly.graph_objects as go

from events.charts.density import density_figure
from events.charts.labels import pack_labels, text_px
from events.charts.lanes import (
    EXACT_PRECISIONS,
    MAX_COUNTRY_LANES,
    OTHER_LANE,
    country_lanes,
    from_other_sources,
    is_exact,
    lane_label,
    lane_rows,
    ordered_lanes,
)
from events.charts.sizes import (
    CHART_HEIGHT,
    CHART_WIDTH,
    DENSITY_ABOVE,
    FONT_SIZE,
    LANE_GAP,
    LEGEND_FONT,
    MARGIN,
    PHONE_HEIGHT,
    PHONE_WIDTH,
    ROW_PX_MAX,
    ROW_PX_MIN,
    chart_height,
    chart_width,
    is_phone,
)
from events.charts.timeline_layout import (
    lane_annotations,
    layout,
    legend_lines,
    margin_top,
    modebar_row,
    notes,
    wrap_legend,
    wrap_notes,
)
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
from events.locale import normalize_lang
from events.model.themes import THEMES, theme_label
from events.queries.ranges import default_range

__all__ = [
    "CHART_HEIGHT",
    "CHART_WIDTH",
    "DENSITY_ABOVE",
    "EXACT_PRECISIONS",
    "FONT_SIZE",
    "LABEL_FONT",
    "LABEL_PAD",
    "LABEL_TRACE",
    "LANE_GAP",
    "LEGEND_FONT",
    "MARGIN",
    "MARK_PX",
    "MAX_COUNTRY_LANES",
    "OTHER_LANE",
    "PHONE_HEIGHT",
    "PHONE_WIDTH",
    "ROW_PX_MAX",
    "ROW_PX_MIN",
    "THEME_COLOURS",
    "chart_height",
    "chart_width",
    "country_lanes",
    "density_figure",
    "from_other_sources",
    "is_exact",
    "is_phone",
    "lane_annotations",
    "lane_label",
    "lane_rows",
    "timeline_figure",
]


@dataclass(frozen=True)
class _Geometry:
    """Where each row's mark lies along the time axis, in pixels from the view's left edge."""

    x_lo: np.ndarray
    x_hi: np.ndarray
    mark_lo: np.ndarray
    mark_hi: np.ndarray
    exact: np.ndarray
    in_view: np.ndarray
    v0_ns: int
    px_per_ns: float


def _geometry(rows: pd.DataFrame, v0, v1, right_edge, plot_px: float) -> _Geometry:
    """The marks' pixel extents for a view from `v0` to `v1` that is `plot_px` wide."""
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
    return _Geometry(x_lo, x_hi, mark_lo, mark_hi, exact, in_view, v0_ns, px_per_ns)


def _legend_items(rows: pd.DataFrame, style: list[dict], lane_by: str, lang: str) -> list[str]:
    """The legend's entries: the mark styles, and with country lanes the theme colours."""
    items = [trace["name"] for trace in style]
    if lane_by == "country":
        keys = set(rows["colour_key"])
        items += [theme_label(key, lang) for key in THEMES if key in keys]
    return items


def _lane_positions(lane_order: list[str], lane_rows_used: dict, lanes: list[str], row):
    """Each lane's band (name, top, bottom), each row's y and the total height in rows."""
    base, bands = {}, []
    y_next = 0.0
    for lane in lane_order:
        base[lane] = y_next
        height_rows = lane_rows_used[lane]
        bands.append((lane, y_next - 0.5, y_next + height_rows - 0.5))
        y_next += height_rows + LANE_GAP
    y = np.array([base[lane] for lane in lanes]) + row
    return bands, y, bands[-1][2] + 0.5


def _selected_ring(rows: pd.DataFrame, ids: np.ndarray, y: np.ndarray, selected_id) -> list:
    """A ring around the selected event's marks (none when it is not in the figure)."""
    if selected_id is None or selected_id not in set(ids):
        return []
    chosen = np.flatnonzero(ids == selected_id)
    return [
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
    ]


def _lane_rows_for(events, described_dates, lane_by, focus_countries, focus_themes):
    """The (event, lane) rows with the described date and the other-sources flag."""
    if described_dates is None:
        described_dates = events["date"]
    return lane_rows(
        events.assign(_described=described_dates.to_numpy(), _other=from_other_sources(events)),
        lane_by,
        focus_countries,
        focus_themes,
    )


def _row_budget(visible, earlier, legend, legend_rows, plot_px, height_px, lang, lane_order) -> int:
    """How many rows of titles fit, leaving room for the notes if some titles are left out."""
    worst_notes = notes(visible, visible + 1, earlier, lang)
    lines = wrap_notes(worst_notes, plot_px)
    top = margin_top(len(lines), legend_rows, modebar_row(lines, legend, plot_px))
    avail = height_px - top - MARGIN["b"]
    return max(len(lane_order), int(avail / ROW_PX_MIN - LANE_GAP * (len(lane_order) - 1)))


def _figure_height(top: int, height_px: int, units: float) -> int:
    """The figure's height: rows as tall as fit `height_px`, within the row size limits."""
    row_px = min(ROW_PX_MAX, max(ROW_PX_MIN, (height_px - top - MARGIN["b"]) / units))
    return int(top + MARGIN["b"] + units * row_px)


def _time_span(events: pd.DataFrame, rows: pd.DataFrame, x_range):
    """The view's ends (`x_range`, else the data's dense part) and where open spans end."""
    view = x_range or default_range(events)
    v0, v1 = pd.Timestamp(view[0]), pd.Timestamp(view[1])
    last_known = max(rows["start"].max(), rows["end"].max() if rows["end"].notna().any() else v0)
    return v0, v1, max(v1, last_known + timedelta(days=60))


def _lane_names(lane_order, lane_by, country_names, lang):
    """Each lane's name, and the space it takes at the left of the lane's first row."""
    names = {lane: lane_label(lane, lane_by, country_names, lang) for lane in lane_order}
    reserved = {lane: [(0.0, text_px(name, FONT_SIZE) * 1.1 + 8)] for lane, name in names.items()}
    return names, reserved


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
    rows = _lane_rows_for(events, described_dates, lane_by, focus_countries, focus_themes)
    lane_order = ordered_lanes(rows, lane_by)
    v0, v1, right_edge = _time_span(events, rows, x_range)
    plot_px = width_px - MARGIN["l"] - MARGIN["r"]
    geo = _geometry(rows, v0, v1, right_edge, plot_px)
    titles = rows[f"title_{lang}"].astype(str).tolist()
    labels = place_labels(titles, geo.x_lo, geo.x_hi, geo.exact, geo.in_view, plot_px, LABEL_FONT)
    names, reserved = _lane_names(lane_order, lane_by, country_names, lang)
    # the space above the plot: the legend, and the notes (assuming some titles are left out)
    ids = rows["id"].to_numpy()
    visible_ids = set(ids[geo.in_view])
    earlier = len(set(ids[geo.mark_hi <= 0]) - visible_ids)
    other = rows["_other"].to_numpy()
    style = style_traces(geo.exact, other, lang)
    for trace in style:  # legend-only traces: a name too wide for a phone goes on two lines
        trace["name"] = wrap_legend(trace["name"], plot_px)
    legend = _legend_items(rows, style, lane_by, lang)
    legend_rows = legend_lines(legend, plot_px)
    max_rows = _row_budget(
        len(visible_ids), earlier, legend, legend_rows, plot_px, height_px, lang, lane_order
    )
    priority = rows["importance"].to_numpy() + 10 * (rows["id"] == selected_id).to_numpy()
    lanes = rows["lane"].tolist()
    packing = pack_labels(
        lanes, geo.mark_lo, geo.mark_hi, labels.lo, labels.hi, priority, max_rows, reserved=reserved
    )
    bands, y, units = _lane_positions(lane_order, packing.lane_rows, lanes, packing.row)
    # what the figure says about itself: titles left out, events left of the view
    titled = len(set(ids[packing.labelled]))
    note_lines = wrap_notes(notes(titled, len(visible_ids), earlier, lang), plot_px)
    modebar = modebar_row(note_lines, legend, plot_px)
    top = margin_top(len(note_lines), legend_rows, modebar)
    height = _figure_height(top, height_px, units)
    traces = mark_traces(rows, geo.exact, other, y, right_edge, lane_by, lang) + style
    traces += label_traces(rows, labels, packing.labelled, y, geo.v0_ns, 1 / geo.px_per_ns, lang)
    traces += _selected_ring(rows, ids, y, selected_id)
    fig_layout = layout(
        bands, names, (v0, v1), height, top, note_lines, units, plot_px, lang, width_px
    )
    return go.Figure({"data": traces, "layout": fig_layout}, _validate=False)
