"""Figures and counts of the Countries page: events per country on a map, country pairs, actors.

Pure functions on the event table (its `countries` and `actors` columns hold tuples), so every
count and every trace is tested without Streamlit.
"""

import json
from collections import Counter
from functools import lru_cache
from itertools import combinations
from pathlib import Path

import numpy as np
import pandas as pd
import plotly.graph_objects as go

from events.locale import t
from events.queries.filters import country_counts
from events.store.paths import STATIC_DIR

FONT_SIZE = 16
SMALL_FONT = 14
MAP_HEIGHT = 400
WORLD_TOPOJSON = STATIC_DIR / "topojson" / "world_50m.json"
TOPOJSON_RESOLUTION = 50  # plotly.js asks for world_50m.json
# Europe, the Caucasus, Central Asia and the Middle East: (lon_min, lon_max), (lat_min, lat_max)
REGION = ((-10.0, 90.0), (24.0, 64.0))
LABEL_MARGIN = 5.0  # degrees: a label moved into the region view keeps this distance from its edge
# where the count goes when the country's centroid lies outside the region view
REGION_LABELS = {"RUS": (48.0, 57.0)}
# light to dark; most of the range goes to small counts, which are the most common
MAP_COLOURS = [[0.0, "#c6dbef"], [0.15, "#6baed6"], [0.4, "#2171b5"], [1.0, "#08306b"]]
DARK_FROM = 0.3  # share of the colour range from which a label is drawn white
CHOSEN_LINE = "#D55E00"  # outline of the chosen countries (Okabe-Ito vermillion)
PAIR_SEP = "+"
HEATMAP_AXIS = {"tickfont": {"size": SMALL_FONT}, "fixedrange": True, "showgrid": False}
PAIR_OUTLINE = {"size": 30, "symbol": "square-open", "color": CHOSEN_LINE, "line": {"width": 3}}


def events_per_country(events: pd.DataFrame) -> pd.Series:
    """How many of `events` name each country, most frequent first (ties by code)."""
    return country_counts(events)


def country_pairs(events: pd.DataFrame) -> pd.Series:
    """How many events name both countries of each pair, indexed by sorted (code, code),
    most frequent first (ties by codes)."""
    counter: Counter[tuple[str, str]] = Counter()
    for codes in events["countries"]:
        counter.update(combinations(sorted(set(codes)), 2))
    if not counter:
        return pd.Series([], dtype="int64", index=pd.MultiIndex.from_tuples([], names=["a", "b"]))
    pairs = pd.Series(counter, dtype="int64").rename_axis(["a", "b"]).sort_index()
    return pairs.sort_values(ascending=False, kind="stable")


def cooccurrence_matrix(events: pd.DataFrame, codes: list[str] | None = None) -> pd.DataFrame:
    """Symmetric table: cell (a, b) counts the events naming both a and b; the diagonal is 0.

    Without `codes`, the rows are the countries that share an event with another one, most
    frequent first.
    """
    pairs = country_pairs(events)
    if codes is None:
        paired = set(pairs.index.get_level_values(0)) | set(pairs.index.get_level_values(1))
        codes = [code for code in events_per_country(events).index if code in paired]
    matrix = pd.DataFrame(0, index=codes, columns=codes, dtype="int64")
    for (a, b), n in pairs.items():
        if a in matrix.index and b in matrix.index:
            matrix.loc[a, b] = matrix.loc[b, a] = n
    return matrix


def events_naming_all(events: pd.DataFrame, codes: tuple[str, ...]) -> pd.DataFrame:
    """The events that name every country in `codes` (an AND filter; the sidebar's is OR)."""
    wanted = set(codes)
    return events[[wanted.issubset(named) for named in events["countries"]]]


def actor_counts(events: pd.DataFrame) -> pd.Series:
    """How many events name each actor, most frequent first (ties alphabetically)."""
    counts = events["actors"].explode().dropna()
    counts = counts[counts != ""].value_counts()
    return counts.sort_index().sort_values(ascending=False, kind="stable")


def pair_key(a: str, b: str) -> str:
    """One string for an unordered pair of countries: `ARM+AZE`."""
    return PAIR_SEP.join(sorted((a, b)))


def pair_codes(key: str) -> tuple[str, ...]:
    return tuple(key.split(PAIR_SEP))


def codes_from_points(points: list[dict]) -> list[str]:
    """The country codes (or pair keys) a chart selection points at, from their customdata."""
    found = []
    for point in points or []:
        value = point.get("customdata")
        if isinstance(value, list):
            value = value[0] if value else None
        value = value or point.get("location")
        if value and value not in found:
            found.append(value)
    return found


@lru_cache(maxsize=4)
def _country_shapes(topojson: Path) -> tuple[dict[str, np.ndarray], dict[str, tuple[float, float]]]:
    """Every vertex (lon, lat) of every country in a plotly.js topojson file, and the centroid
    of its largest polygon (`properties.ct`, where plotly.js puts a country's text)."""
    data = json.loads(topojson.read_text(encoding="utf-8"))
    scale = np.array(data["transform"]["scale"])
    translate = np.array(data["transform"]["translate"])
    arcs = [
        np.cumsum(np.array(arc, dtype=float), axis=0) * scale + translate for arc in data["arcs"]
    ]

    def arc_ids(nested) -> list[int]:
        if isinstance(nested, int):
            return [nested]
        return [i for item in nested for i in arc_ids(item)]

    vertices: dict[str, np.ndarray] = {}
    centroids: dict[str, tuple[float, float]] = {}
    for geometry in data["objects"]["countries"]["geometries"]:
        code = geometry.get("id")
        if not code or not geometry.get("arcs") or code in vertices:
            continue
        ids = arc_ids(geometry["arcs"])
        vertices[code] = np.vstack([arcs[i if i >= 0 else ~i] for i in ids])
        if "ct" in geometry.get("properties", {}):
            lon, lat = geometry["properties"]["ct"]
            centroids[code] = (float(lon), float(lat))
    return vertices, centroids


def countries_outside(codes, region=REGION, topojson: Path = WORLD_TOPOJSON) -> list[str]:
    """The codes with no shape inside `region` (or no shape at all): hidden on the region map."""
    (lon_min, lon_max), (lat_min, lat_max) = region
    vertices, _ = _country_shapes(topojson)
    outside = []
    for code in codes:
        points = vertices.get(code)
        inside = points is not None and bool(
            (
                (points[:, 0] >= lon_min)
                & (points[:, 0] <= lon_max)
                & (points[:, 1] >= lat_min)
                & (points[:, 1] <= lat_max)
            ).any()
        )
        if not inside:
            outside.append(code)
    return outside


def _inside(lon: float, lat: float, region) -> bool:
    (lon_min, lon_max), (lat_min, lat_max) = region
    return lon_min <= lon <= lon_max and lat_min <= lat <= lat_max


def label_points(
    codes, region=REGION, topojson: Path = WORLD_TOPOJSON
) -> dict[str, tuple[float, float]]:
    """Where each country's count is written: its centroid, moved into the region view when the
    centroid lies outside but part of the country is inside (Russia); none for hidden ones."""
    _, centroids = _country_shapes(topojson)
    hidden = set(countries_outside(codes, region, topojson)) if region else set()
    points = {}
    for code in codes:
        if code not in centroids or code in hidden:
            continue
        lon, lat = centroids[code]
        if region and not _inside(lon, lat, region):
            (lon_min, lon_max), (lat_min, lat_max) = region
            lon, lat = REGION_LABELS.get(
                code,
                (
                    min(max(lon, lon_min + LABEL_MARGIN), lon_max - LABEL_MARGIN),
                    min(max(lat, lat_min + LABEL_MARGIN), lat_max - LABEL_MARGIN),
                ),
            )
        points[code] = (lon, lat)
    return points


def _count_text(n: int, lang: str) -> str:
    return f"{n} {t('map_event_one' if n == 1 else 'map_events', lang)}"


def choropleth_figure(
    counts: pd.Series,
    names: dict[str, str],
    lang: str = "de",
    world: bool = False,
    chosen: tuple[str, ...] = (),
) -> go.Figure:
    """Map of the events per country (darker = more), the count on each country; the chosen
    countries outlined. Region view unless `world`. Each trace carries the codes as customdata,
    so a click names the country."""
    codes = list(counts.index)
    z = [int(n) for n in counts]  # plain numbers in the spec, not a typed array
    top = max(z, default=1) or 1
    hover = [f"<b>{names.get(c, c)}</b><br>{_count_text(int(n), lang)}" for c, n in counts.items()]
    outline = [2.5 if code in chosen else 0.6 for code in codes]
    fig = go.Figure(
        go.Choropleth(
            locations=codes,
            z=z,
            zmin=0,
            zmax=top,
            locationmode="ISO-3",
            colorscale=MAP_COLOURS,
            marker={
                "line": {
                    "color": [CHOSEN_LINE if c in chosen else "#555" for c in codes],
                    "width": outline,
                }
            },
            customdata=codes,
            hovertext=hover,
            hovertemplate="%{hovertext}<extra></extra>",
            showscale=False,  # every country carries its count as text
            name="countries",
        )
    )
    fig.add_trace(_count_labels(counts, hover, world, top))
    fig.update_layout(
        geo=_map_geo(world),
        height=MAP_HEIGHT,
        margin={"l": 0, "r": 0, "t": 0, "b": 0},
        font={"size": FONT_SIZE},
        hoverlabel={"font": {"size": FONT_SIZE}},
        clickmode="event+select",
        dragmode=False,
    )
    return fig


def _count_labels(counts: pd.Series, hover: list[str], world: bool, top: int) -> go.Scattergeo:
    """Each country's count written on it (white on dark fills), carrying its code."""
    codes = list(counts.index)
    placed = label_points(codes, None if world else REGION)
    labelled = [code for code in codes if code in placed]
    return go.Scattergeo(
        lon=[placed[code][0] for code in labelled],
        lat=[placed[code][1] for code in labelled],
        text=[str(int(counts[code])) for code in labelled],
        mode="text",
        textfont={
            "size": SMALL_FONT + 1,
            "color": ["white" if counts[c] / top >= DARK_FROM else "#111" for c in labelled],
        },
        customdata=labelled,
        hovertext=[hover[codes.index(code)] for code in labelled],
        hovertemplate="%{hovertext}<extra></extra>",
        showlegend=False,
        name="counts",
    )


def _map_geo(world: bool) -> dict:
    """The map's geo layout: the region in Mercator, or the world in Natural Earth."""
    geo = {
        "resolution": TOPOJSON_RESOLUTION,
        "fitbounds": False,  # Streamlit's theme fits the view to the locations; we set it
        "showframe": False,
        "showcountries": True,
        "countrycolor": "#9a9a9a",
        "showland": True,
        "landcolor": "#f1f1f1",
        "showocean": True,
        "oceancolor": "#e8f1f8",
        "showlakes": True,
        "lakecolor": "#e8f1f8",
        "coastlinecolor": "#9a9a9a",
    }
    if world:
        geo |= {"projection": {"type": "natural earth"}}
    else:
        (lon_min, lon_max), (lat_min, lat_max) = REGION
        geo |= {
            "projection": {"type": "mercator"},
            "lonaxis": {"range": [lon_min, lon_max]},
            "lataxis": {"range": [lat_min, lat_max]},
        }
    return geo


def cooccurrence_figure(
    matrix: pd.DataFrame,
    names: dict[str, str],
    lang: str = "de",
    chosen_pair: tuple[str, ...] = (),
) -> go.Figure:
    """Heatmap of how many events name both countries; a transparent marker on every cell
    carries the pair key as customdata (heatmaps cannot be selected, markers can)."""
    codes = list(matrix.index)
    labels = [names.get(c, c) for c in codes]
    values = matrix.to_numpy().astype(float)
    shown = np.where(values > 0, values, np.nan)
    fig = go.Figure(
        go.Heatmap(
            x=labels,
            y=labels,
            z=shown,
            zmin=0,
            colorscale=MAP_COLOURS,
            texttemplate="%{z}",
            textfont={"size": SMALL_FONT},
            showscale=False,
            hoverinfo="skip",
            xgap=2,
            ygap=2,
            name="pairs",
        )
    )
    fig.add_trace(_cell_markers(codes, labels, values, lang))
    if len(chosen_pair) == 2 and all(c in codes for c in chosen_pair):
        a, b = (labels[codes.index(c)] for c in chosen_pair)
        fig.add_trace(
            go.Scatter(
                x=[a, b],
                y=[b, a],
                mode="markers",
                marker=PAIR_OUTLINE,
                hoverinfo="skip",
                showlegend=False,
                name="selected",
            )
        )
    side = 36 * len(codes) + 150
    fig.update_layout(
        height=max(260, min(side, 640)),
        margin={"l": 0, "r": 0, "t": 10, "b": 0},
        font={"size": SMALL_FONT},
        hoverlabel={"font": {"size": FONT_SIZE}},
        plot_bgcolor="white",
        clickmode="event+select",
        dragmode=False,
        hovermode="closest",
        hoverdistance=40,
        xaxis=HEATMAP_AXIS,
        yaxis=HEATMAP_AXIS | {"autorange": "reversed"},
    )
    return fig


def _cell_markers(codes: list[str], labels: list[str], values: np.ndarray, lang: str) -> go.Scatter:
    """An invisible marker on every non-empty cell, carrying the pair key as customdata."""
    cells = [(i, j) for i in range(len(codes)) for j in range(len(codes)) if values[i, j] > 0]
    return go.Scatter(
        x=[labels[j] for _, j in cells],
        y=[labels[i] for i, _ in cells],
        mode="markers",
        marker={"size": 28, "symbol": "square", "color": "rgba(0,0,0,0)"},
        selected={"marker": {"opacity": 0}},
        unselected={"marker": {"opacity": 0}},
        customdata=[pair_key(codes[i], codes[j]) for i, j in cells],
        hovertext=[
            f"<b>{labels[i]} + {labels[j]}</b><br>{_count_text(int(values[i, j]), lang)}"
            for i, j in cells
        ],
        hovertemplate="%{hovertext}<extra></extra>",
        showlegend=False,
        name="cells",
    )
