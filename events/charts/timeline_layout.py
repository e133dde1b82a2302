"""The timeline figure's layout: notes and legend above the plot, lane bands and names, axes."""

from events.charts.axis import time_ticks
from events.charts.labels import FONT_FAMILY, plotly_text, text_px, wrap_text
from events.charts.sizes import FONT_SIZE, LEGEND_FONT, MARGIN
from events.locale import t


def notes(titled: int, visible: int, earlier: int, lang: str) -> list[str]:
    """What the figure says about itself: titles left out, events left of the view."""
    notes = []
    if titled < visible:
        notes.append(t("chart_labels_some", lang, shown=titled, total=visible))
    if earlier:
        notes.append(
            t("chart_before_one", lang) if earlier == 1 else t("chart_before", lang, n=earlier)
        )
    return notes


def wrap_notes(notes: list[str], plot_px: float) -> list[str]:
    """The notes as lines that fit the plot's width."""
    return [line for note in notes for line in wrap_text(note, plot_px, LEGEND_FONT)]


def legend_lines(items: list[str], plot_px: float) -> int:
    """Lines of a horizontal legend: all on one line if they fit, else Plotly's grid with
    columns as wide as the widest entry."""
    if not items:
        return 0
    widths = [text_px(name, LEGEND_FONT) + 46 for name in items]
    if sum(widths) <= plot_px:
        return 1
    per_line = max(1, int(plot_px // max(widths)))
    return -(-len(items) // per_line)


def margin_top(note_lines: int, legend_lines: int) -> int:
    """The space above the plot for the notes and the legend."""
    return 12 + 22 * (note_lines + legend_lines)


def _shading(bands) -> list[dict]:
    """Every other lane on a grey band; one layout list is far faster than add_hrect."""
    return [
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


def _legend(note_lines: list[str]) -> dict:
    """A horizontal legend above the plot, with the notes as its title."""
    note = "<br>".join(plotly_text(line) for line in note_lines)
    return {
        "orientation": "h",
        "y": 1.0,
        "yanchor": "bottom",
        "x": 0,
        "font": {"size": LEGEND_FONT},
        "title": {"text": note, "side": "top", "font": {"size": LEGEND_FONT}},
        "traceorder": "normal",
        "itemclick": False,
        "itemdoubleclick": False,
    }


def layout(bands, names, view, height, margin_top, note_lines, units, plot_px, lang, width_px):
    """The figure's layout dict: lane bands and names, legend with notes, time axis."""
    tickvals, ticktext = time_ticks(view[0], view[1], lang, plot_px, FONT_SIZE)
    return {
        "shapes": _shading(bands),
        "barmode": "overlay",
        "height": height,
        "margin": {**MARGIN, "t": margin_top},
        "font": {"size": FONT_SIZE, "family": FONT_FAMILY},
        "hoverlabel": {"font": {"size": FONT_SIZE}},
        "showlegend": True,
        "legend": _legend(note_lines),
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
