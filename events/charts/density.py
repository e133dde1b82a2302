"""The timeline for very many events: a heatmap of events per lane and start month."""

import numpy as np
import pandas as pd
import plotly.graph_objects as go

from events.charts.axis import tick_text, time_ticks
from events.charts.labels import FONT_FAMILY, plotly_text
from events.charts.lanes import lane_label, lane_rows, ordered_lanes
from events.charts.sizes import CHART_HEIGHT, CHART_WIDTH, FONT_SIZE
from events.locale import normalize_lang, t
from events.queries.ranges import default_range


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
    lane_order = ordered_lanes(rows, lane_by)
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
