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


LEGEND_ITEM_PX = 46  # a legend entry's symbol and gaps beside its text

MODEBAR_PX = 220  # Plotly's tool buttons at the figure's top right (8 buttons, measured)


def wrap_legend(name: str, plot_px: float) -> str:
    """A legend entry wrapped onto lines (joined by `<br>`) if it is wider than the plot: a
    horizontal legend does not wrap, so on a phone a long entry ran off the chart."""
    return "<br>".join(wrap_text(name, plot_px - LEGEND_ITEM_PX, LEGEND_FONT))


def _legend_grid(items: list[str], plot_px: float) -> tuple[list[list[str]], int, float]:
    """A horizontal legend as Plotly lays it out: each entry's lines, the entries per grid row
    (all in one row if they fit, else columns as wide as the widest entry), and the first grid
    row's width in pixels."""
    lines = [name.split("<br>") for name in items]
    widths = [max(text_px(line, LEGEND_FONT) for line in entry) + LEGEND_ITEM_PX for entry in lines]
    if sum(widths) <= plot_px:
        return lines, len(items), sum(widths)
    per_line = max(1, int(plot_px // max(widths)))
    return lines, per_line, per_line * max(widths)


def legend_lines(items: list[str], plot_px: float) -> int:
    """Lines of a horizontal legend of `items` (as `wrap_legend` made them); an entry of two
    lines makes its grid row two lines tall."""
    if not items:
        return 0
    lines, per_line, _ = _legend_grid(items, plot_px)
    return sum(
        max(len(entry) for entry in lines[start : start + per_line])
        for start in range(0, len(lines), per_line)
    )


def modebar_row(note_lines: list[str], legend_items: list[str], plot_px: float) -> bool:
    """Whether the top line above the plot (the notes' first line, else the legend's first row)
    would run under Plotly's tool buttons at the top right, as it does on a phone: then the
    space above the plot gets a row for the buttons alone."""
    if note_lines:
        width = text_px(note_lines[0], LEGEND_FONT)
    elif legend_items:
        width = _legend_grid(legend_items, plot_px)[2]
    else:
        return False
    return width > plot_px - MODEBAR_PX


def margin_top(note_lines: int, legend_lines: int, modebar: bool = False) -> int:
    """The space above the plot for the notes and the legend (and the tool buttons' row)."""
    return 12 + 22 * (note_lines + legend_lines + int(modebar))


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
