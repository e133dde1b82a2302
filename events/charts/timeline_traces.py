"""The traces of the timeline: marks and spans per theme colour, the legend's style entries and
the titles on the chart, as plain dicts (see `events.charts.timeline`)."""

import numpy as np

from events.charts.labels import fit_text, plotly_text, text_px
from events.locale import t
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
LABEL_FONT = 14  # event titles on the chart
MARK_PX = 14  # an exact day's diamond
LABEL_PAD = 5  # between a mark and its title
MIN_LABEL_PX = 70  # a title cut shorter than this is left out
LABEL_TRACE = "labels"
STYLE_GREY = "#555555"


def _tint(colour: str, alpha: float) -> str:
    """`#RRGGBB` as an rgba() string with the given opacity."""
    red, green, blue = (int(colour[i : i + 2], 16) for i in (1, 3, 5))
    return f"rgba({red},{green},{blue},{alpha})"


def _hover(titles, written, other, lang: str) -> list[str]:
    """Hover text: the full title and the date as written, all data escaped for Plotly."""
    note = f"<br><i>{plotly_text(t('chart_other_sources', lang))}</i>"
    return [
        f"<b>{plotly_text(title)}</b><br>{plotly_text(when)}" + (note if o else "")
        for title, when, o in zip(titles, written, other, strict=True)
    ]


class _Labels:
    """Per row: the title to show (or None), its side of the mark and its anchor in pixels."""

    def __init__(self, n: int) -> None:
        self.text: list[str | None] = [None] * n
        self.right = np.ones(n, dtype=bool)
        self.anchor = np.zeros(n)
        self.lo = np.full(n, np.nan)
        self.hi = np.full(n, np.nan)


def place_labels(titles, x_lo, x_hi, exact, in_view, plot_px: float, font_px: float) -> _Labels:
    """Where each title would go: right of the mark (or inside its bar) if it fits, else left of
    it, else cut with "…" on the roomier side; inside a bar only where the bar is longer than
    the title. None where no useful title fits, and for events out of view."""
    labels = _Labels(len(titles))
    for i, title in enumerate(titles):
        if not in_view[i]:
            continue
        width = text_px(title, font_px)
        if exact[i]:
            start, end = x_lo[i] + MARK_PX / 2 + LABEL_PAD, x_lo[i] - MARK_PX / 2 - LABEL_PAD
        elif min(x_hi[i], plot_px) - max(x_lo[i], 0) >= width + 2 * LABEL_PAD:
            start, end = max(x_lo[i], 0) + LABEL_PAD, min(x_hi[i], plot_px) - LABEL_PAD  # inside
        else:  # beside a bar too short for its title
            start, end = x_hi[i] + LABEL_PAD, x_lo[i] - LABEL_PAD
        room_right, room_left = plot_px - start, end
        text, right = title, True
        if width > room_right:
            if width <= room_left:
                right = False
            else:
                right = room_right >= room_left
                text = fit_text(title, max(room_right, room_left), font_px)
                width = text_px(text, font_px)
        if width < MIN_LABEL_PX and text != title:
            continue
        labels.text[i], labels.right[i] = text, right
        labels.anchor[i] = start if right else end
        labels.lo[i], labels.hi[i] = (start, start + width) if right else (end - width, end)
    return labels


def mark_traces(rows, exact, other, y, right_edge, lane_by: str, lang: str) -> list[dict]:
    """One bar trace (spans) and one scatter trace (days) per theme colour and date kind; open
    intervals run to `right_edge`."""
    traces = []
    colour_keys = rows["colour_key"].to_numpy()
    starts = rows["start"].to_numpy()
    ids = rows["id"].to_numpy()
    written = rows["date_text"].where(rows["date_text"] != "", rows["_described"]).to_numpy()
    titles = rows[f"title_{lang}"].astype(str).to_numpy()
    draw_end = rows["end"].fillna(right_edge).to_numpy()
    present = set(colour_keys)
    for key in [k for k in THEMES if k in present]:
        colour, name = THEME_COLOURS[key], theme_label(key, lang)
        first = True
        for is_point, is_other in ((False, False), (False, True), (True, False), (True, True)):
            sel = np.flatnonzero((colour_keys == key) & (exact == is_point) & (other == is_other))
            if not len(sel):
                continue
            trace = {
                "name": name,
                "legendgroup": key,
                "showlegend": lane_by == "country" and first,
                "customdata": ids[sel],
                "hovertext": _hover(titles[sel], written[sel], other[sel], lang),
                "hovertemplate": "%{hovertext}<extra></extra>",
            }
            first = False
            if is_point:
                trace |= {
                    "type": "scatter",
                    "x": starts[sel],
                    "y": y[sel],
                    "mode": "markers",
                    "marker": _point_marker(colour, is_other),
                }
            else:
                width_ms = (draw_end[sel] + np.timedelta64(1, "D") - starts[sel]) / np.timedelta64(
                    1, "ms"
                )
                trace |= {
                    "type": "bar",
                    "orientation": "h",
                    "base": starts[sel],
                    "x": width_ms,
                    "y": y[sel],
                    "width": 0.7,
                    "marker": _span_marker(colour, is_other),
                }
            traces.append(trace)
    return traces


def _point_marker(colour: str, is_other: bool) -> dict:
    marker = {"size": MARK_PX, "symbol": "diamond"}
    if is_other:  # outlined: the day is not the article's
        return marker | {"color": "white", "line": {"color": colour, "width": 3}}
    return marker | {"color": colour, "line": {"color": "white", "width": 1.5}}


def _span_marker(colour: str, is_other: bool) -> dict:
    if is_other:  # outlined, no hatching: the span is more precise than the article's words
        return {"color": "rgba(255,255,255,0.6)", "line": {"color": colour, "width": 3}}
    return {
        "color": _tint(colour, 0.25),
        "line": {"color": colour, "width": 2},
        "pattern": {"shape": "/", "fgcolor": colour, "size": 9, "solidity": 0.35},
    }


def style_traces(exact, other, lang: str) -> list[dict]:
    """Legend entries (no data) that explain the kinds of marks present in the figure."""
    entries = []
    if exact.any() and not other[exact].all():
        entries.append(("scatter", t("chart_exact", lang), _point_marker(STYLE_GREY, False)))
    if (~exact).any():
        entries.append(("bar", t("chart_span", lang), _span_marker(STYLE_GREY, False)))
    if other.any():
        kind = "scatter" if exact[other].any() else "bar"
        marker = _point_marker if kind == "scatter" else _span_marker
        entries.append((kind, t("chart_other_sources", lang), marker(STYLE_GREY, True)))
    traces = []
    for kind, name, marker in entries:
        trace = {"type": kind, "name": name, "x": [None], "y": [None], "marker": marker}
        trace |= {"showlegend": True, "hoverinfo": "skip"}
        if kind == "bar":
            trace["orientation"] = "h"
        else:
            trace["mode"] = "markers"
        traces.append(trace)
    return traces


def label_traces(rows, labels: _Labels, labelled, y, v0_ns, ns_per_px, lang) -> list[dict]:
    """The titles, as two text traces (right and left of their marks); clicking one selects its
    event like clicking the mark."""
    traces = []
    ids = rows["id"].to_numpy()
    written = rows["date_text"].where(rows["date_text"] != "", rows["_described"]).to_numpy()
    titles = rows[f"title_{lang}"].astype(str).to_numpy()
    other = rows["_other"].to_numpy()
    for right in (True, False):
        sel = np.flatnonzero(labelled & (labels.right == right))
        if not len(sel):
            continue
        x_ns = (v0_ns + labels.anchor[sel] * ns_per_px).astype("int64")
        traces.append(
            {
                "type": "scatter",
                "name": LABEL_TRACE,
                "mode": "text",
                "x": x_ns.astype("datetime64[ns]"),
                "y": y[sel],
                "text": [plotly_text(labels.text[i]) for i in sel],
                "textposition": "middle right" if right else "middle left",
                "textfont": {"size": LABEL_FONT, "color": "#1a1a1a"},
                "customdata": ids[sel],
                "hovertext": _hover(titles[sel], written[sel], other[sel], lang),
                "hovertemplate": "%{hovertext}<extra></extra>",
                "showlegend": False,
            }
        )
    return traces
