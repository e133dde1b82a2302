"""Plotly figures of the event table: the timeline with lanes, exact days and fuzzy spans."""

import heapq
from datetime import timedelta

import numpy as np
import pandas as pd
import plotly.graph_objects as go

from events.locale import normalize_lang
from events.model.themes import THEMES, theme_label

# Okabe-Ito: distinguishable with the common colour-vision deficiencies.
OKABE_ITO = (
    "#0072B2",
    "#D55E00",
    "#009E73",
    "#CC79A7",
    "#E69F00",
    "#56B4E9",
    "#000000",
    "#F0E442",
    "#999999",
)
THEME_COLOURS = dict(zip(THEMES, OKABE_ITO, strict=True))
FONT_SIZE = 16
MARKER_SHARE = 0.022  # a marker's width as a share of the visible time span
CHART_HEIGHT = 470  # fits a 1280x720 beamer below the page header
MIN_ROW_PX = 12  # below this, lane labels (16 px) would overlap: the chart grows instead
DENSITY_ABOVE = 1500  # more events than this: draw how many per lane and month instead
DENSITY_TEXT = {
    "de": "{n} Ereignisse: Anzahl je Monat. Filtere, um einzelne Ereignisse zu sehen.",
    "en": "{n} events: count per month. Filter to see single events.",
}
EXACT_PRECISIONS = ("day",)


def _tint(colour: str, alpha: float) -> str:
    """`#RRGGBB` as an rgba() string with the given opacity."""
    red, green, blue = (int(colour[i : i + 2], 16) for i in (1, 3, 5))
    return f"rgba({red},{green},{blue},{alpha})"


def is_exact(events: pd.DataFrame) -> pd.Series:
    """True for events known to the day and not marked approximate: drawn as markers."""
    return events["precision"].isin(EXACT_PRECISIONS) & ~events["approximate"].astype(bool)


OTHER_LANE = "other"
MAX_COUNTRY_LANES = 8
OTHER_TEXT = {"de": "weitere Länder", "en": "other countries"}


def country_lanes(events: pd.DataFrame, focus: tuple[str, ...] = ()) -> list[str]:
    """The countries that get a lane: the chosen ones, else the most frequent few."""
    if focus:
        return list(focus)
    counts = events["countries"].explode().dropna().value_counts()
    counts = counts.sort_index().sort_values(ascending=False, kind="stable")
    return list(counts.index[:MAX_COUNTRY_LANES])


def lane_rows(events: pd.DataFrame, lane_by: str, focus: tuple[str, ...] = ()) -> pd.DataFrame:
    """One row per (event, lane): lanes by primary theme, or one lane per country of the event
    (for the lane countries; an event naming none of them goes to one 'other' lane)."""
    if lane_by == "country":
        kept = set(country_lanes(events, focus))
        lanes = [[c for c in codes if c in kept] or [OTHER_LANE] for codes in events["countries"]]
        rows = events.assign(lane=lanes).explode("lane")
    else:
        rows = events.assign(lane=[themes[0] for themes in events["themes"]])
    rows = rows.assign(colour_key=[themes[0] for themes in rows["themes"]])
    return rows.reset_index(drop=True)


def _pack(starts: np.ndarray, ends: np.ndarray) -> np.ndarray:
    """Greedy interval packing: the sub-row of each (sorted) span so that none overlap."""
    free: list[tuple[float, int]] = []  # (time the sub-row frees up, sub-row)
    rows = np.zeros(len(starts), dtype=int)
    used = 0
    for i, (start, end) in enumerate(zip(starts, ends, strict=True)):
        if free and free[0][0] < start:
            _, row = heapq.heappop(free)
        else:
            row = used
            used += 1
        rows[i] = row
        heapq.heappush(free, (end, row))
    return rows


def layout_lanes(
    rows: pd.DataFrame,
    lane_order: list[str],
    right_edge: pd.Timestamp,
    visible: tuple[pd.Timestamp, pd.Timestamp] | None = None,
) -> tuple[pd.DataFrame, list[tuple[str, float, float]]]:
    """Give every row a y position; return the rows and (lane, y_from, y_to) bands.

    Two events share a sub-row when they do not overlap on screen: a marker counts as
    MARKER_SHARE of the visible time span wide, so packing follows the zoom.
    """
    first, last = visible if visible else (rows["start"].min(), right_edge)
    span_ns = max((pd.Timestamp(last) - pd.Timestamp(first)).value, 1) if len(rows) else 1
    min_width = pd.Timedelta(span_ns * MARKER_SHARE, unit="ns")
    draw_end = rows["end"].fillna(right_edge)
    rows = rows.assign(draw_end=draw_end)
    occupied_end = np.maximum(
        rows["draw_end"].to_numpy("datetime64[ns]"),
        (rows["start"] + min_width).to_numpy("datetime64[ns]"),
    )
    rows = rows.assign(_occupied=occupied_end)
    placed = []
    bands = []
    base = 0.0
    for lane in lane_order:
        part = rows[rows["lane"] == lane].sort_values(["start", "id"], kind="stable")
        if part.empty:
            continue
        sub = _pack(
            part["start"].to_numpy("datetime64[ns]").astype("int64"),
            part["_occupied"].to_numpy("datetime64[ns]").astype("int64"),
        )
        placed.append(part.assign(y=base + sub))
        height = int(sub.max()) + 1
        bands.append((lane, base - 0.5, base + height - 0.5))
        base += height + 0.6
    if not placed:
        return rows.assign(y=[]), []
    return pd.concat(placed).drop(columns="_occupied"), bands


def _hover(rows: pd.DataFrame, lang: str, described: pd.Series) -> list[str]:
    title = rows[f"title_{lang}"]
    written = rows["date_text"].where(rows["date_text"] != "", described)
    return [f"<b>{t}</b><br>{w}" for t, w in zip(title, written, strict=True)]


def lane_label(lane: str, lane_by: str, country_names: dict[str, str], lang: str) -> str:
    if lane == OTHER_LANE:
        return OTHER_TEXT[lang]
    if lane_by == "country":
        return country_names.get(lane, lane)
    return theme_label(lane, lang)


def timeline_figure(
    events: pd.DataFrame,
    lang: str = "de",
    lane_by: str = "theme",
    country_names: dict[str, str] | None = None,
    described_dates: pd.Series | None = None,
    selected_id: str | None = None,
    x_range: tuple[pd.Timestamp, pd.Timestamp] | None = None,
    focus_countries: tuple[str, ...] = (),
) -> go.Figure:
    """Timeline of `events`: exact days as markers, fuzzy dates as hatched spans, in lanes.

    Every trace carries the event id as customdata, so a click selects the event.
    """
    lang = normalize_lang(lang)
    country_names = country_names or {}
    if len(events) > DENSITY_ABOVE:
        return density_figure(events, lang, lane_by, country_names, x_range)
    fig = go.Figure()
    if events.empty:
        fig.update_layout(height=200, font={"size": FONT_SIZE})
        return fig
    if described_dates is None:
        described_dates = events["date"]
    right_edge = max(events["end"].max(), events["start"].max()) + timedelta(days=60)
    rows = lane_rows(events.assign(_described=described_dates.to_numpy()), lane_by, focus_countries)
    lane_order = _lane_order(rows, lane_by)
    visible = (pd.Timestamp(x_range[0]), pd.Timestamp(x_range[1])) if x_range else None
    rows, bands = layout_lanes(rows, lane_order, right_edge, visible)
    n_rows = (bands[-1][2] + 0.5) if bands else 1
    margin_top = 70 if lane_by == "country" else 10
    height = max(CHART_HEIGHT, int(n_rows * MIN_ROW_PX) + margin_top + 50)
    row_px = (height - margin_top - 50) / n_rows
    marker_px = int(min(16, max(9, row_px * 0.8)))
    exact = is_exact(rows)
    for key in [k for k in THEMES if k in set(rows["colour_key"])]:
        colour = THEME_COLOURS[key]
        part = rows[rows["colour_key"] == key]
        part_exact = exact.loc[part.index]
        spans, points = part[~part_exact], part[part_exact]
        name = theme_label(key, lang)
        if len(spans):
            width = (spans["draw_end"] + pd.Timedelta(days=1) - spans["start"]).dt.total_seconds()
            fig.add_trace(
                go.Bar(
                    orientation="h",
                    base=spans["start"],
                    x=width * 1000,
                    y=spans["y"],
                    width=0.75,
                    name=name,
                    legendgroup=key,
                    showlegend=True,
                    marker={
                        "color": _tint(colour, 0.25),
                        "line": {"color": colour, "width": 2},
                        "pattern": {"shape": "/", "fgcolor": colour, "size": 9, "solidity": 0.35},
                    },
                    customdata=spans["id"],
                    hovertext=_hover(spans, lang, spans["_described"]),
                    hovertemplate="%{hovertext}<extra></extra>",
                )
            )
        if len(points):
            fig.add_trace(
                go.Scatter(
                    x=points["start"],
                    y=points["y"],
                    mode="markers",
                    name=name,
                    legendgroup=key,
                    showlegend=not len(spans),
                    marker={
                        "color": colour,
                        "size": marker_px,
                        "symbol": "diamond",
                        "line": {"color": "white", "width": 1.5},
                    },
                    customdata=points["id"],
                    hovertext=_hover(points, lang, points["_described"]),
                    hovertemplate="%{hovertext}<extra></extra>",
                )
            )
    if selected_id is not None and selected_id in set(rows["id"]):
        chosen = rows[rows["id"] == selected_id]
        fig.add_trace(
            go.Scatter(
                x=chosen["start"],
                y=chosen["y"],
                mode="markers",
                marker={"size": 26, "symbol": "circle-open", "color": "#000", "line": {"width": 3}},
                hoverinfo="skip",
                showlegend=False,
                name="selected",
            )
        )
    # every other lane on a grey band; one layout list is far faster than add_hrect
    lane_shading = [
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
    fig.update_layout(
        shapes=lane_shading,
        barmode="overlay",
        height=height,
        margin={"l": 10, "r": 10, "t": margin_top, "b": 40},
        font={"size": FONT_SIZE},
        hoverlabel={"font": {"size": FONT_SIZE}},
        showlegend=lane_by == "country",  # with theme lanes the lane names the colour
        legend={"orientation": "h", "y": 1.02, "yanchor": "bottom", "x": 0, "font": {"size": 14}},
        dragmode="pan",
        plot_bgcolor="white",
        clickmode="event+select",
        xaxis={
            "type": "date",
            "gridcolor": "#dddddd",
            "tickfont": {"size": FONT_SIZE},
            "range": list(x_range) if x_range else None,
        },
        yaxis={
            "tickvals": [(y0 + y1) / 2 for _, y0, y1 in bands],
            "ticktext": [lane_label(lane, lane_by, country_names, lang) for lane, _, _ in bands],
            "autorange": "reversed",
            "showgrid": False,
            "zeroline": False,
            "tickfont": {"size": FONT_SIZE},
            "fixedrange": True,
        },
    )
    return fig


def _lane_order(rows: pd.DataFrame, lane_by: str) -> list[str]:
    if lane_by == "country":
        counts = rows["lane"][rows["lane"] != OTHER_LANE].value_counts().sort_index()
        order = list(counts.sort_values(ascending=False, kind="stable").index)
        return order + ([OTHER_LANE] if (rows["lane"] == OTHER_LANE).any() else [])
    return [theme for theme in THEMES if theme in set(rows["lane"])]


def density_figure(
    events: pd.DataFrame,
    lang: str = "de",
    lane_by: str = "theme",
    country_names: dict[str, str] | None = None,
    x_range: tuple | None = None,
) -> go.Figure:
    """Too many events to draw one by one: a heatmap of events per lane and start month."""
    country_names = country_names or {}
    rows = lane_rows(events, lane_by)
    lane_order = _lane_order(rows, lane_by)
    months = rows["start"].dt.to_period("M").dt.to_timestamp()
    counts = pd.crosstab(rows["lane"], months).reindex(lane_order).fillna(0)
    fig = go.Figure(
        go.Heatmap(
            x=counts.columns,
            y=[lane_label(lane, lane_by, country_names, lang) for lane in counts.index],
            z=counts.to_numpy(),
            colorscale="Blues",
            hovertemplate="%{y}<br>%{x|%m/%Y}: %{z}<extra></extra>",
            colorbar={"thickness": 12},
        )
    )
    fig.update_layout(
        height=CHART_HEIGHT,
        margin={"l": 10, "r": 10, "t": 40, "b": 40},
        font={"size": FONT_SIZE},
        title={"text": DENSITY_TEXT[lang].format(n=len(events)), "font": {"size": 14}},
        dragmode="pan",
        xaxis={"type": "date", "range": list(x_range) if x_range else None},
        yaxis={"autorange": "reversed", "fixedrange": True},
    )
    return fig
