"""The Countries page's counts and figures on a tiny table, tested through fig.data / fig.layout."""

import pandas as pd
import pytest

from events.charts.countries import (
    REGION,
    TOPOJSON_RESOLUTION,
    WORLD_TOPOJSON,
    actor_counts,
    choropleth_figure,
    codes_from_points,
    cooccurrence_figure,
    cooccurrence_matrix,
    countries_outside,
    country_pairs,
    events_naming_all,
    events_per_country,
    label_points,
    pair_codes,
    pair_key,
)

ROWS = [
    ("a", ("ARM", "AZE", "RUS"), ("EU", "Kreml")),
    ("b", ("AZE", "RUS"), ("Kreml",)),
    ("c", ("ARM",), ()),
    ("d", ("RUS", "UKR"), ("Wladimir Putin", "EU")),
    ("e", ("RUS", "AZE", "USA"), ("Kreml",)),
]
EVENTS = pd.DataFrame(ROWS, columns=["id", "countries", "actors"])
NAMES = {"ARM": "Armenien", "AZE": "Aserbaidschan", "RUS": "Russland", "UKR": "Ukraine"}


def test_events_per_country_counts_each_event_once_most_frequent_first():
    counts = events_per_country(EVENTS)
    assert counts.to_dict() == {"RUS": 4, "AZE": 3, "ARM": 2, "UKR": 1, "USA": 1}
    assert list(counts.index) == ["RUS", "AZE", "ARM", "UKR", "USA"]


def test_country_pairs_count_events_naming_both():
    pairs = country_pairs(EVENTS)
    assert pairs.to_dict() == {
        ("AZE", "RUS"): 3,
        ("ARM", "AZE"): 1,
        ("ARM", "RUS"): 1,
        ("AZE", "USA"): 1,
        ("RUS", "UKR"): 1,
        ("RUS", "USA"): 1,
    }
    assert pairs.index[0] == ("AZE", "RUS")
    assert country_pairs(EVENTS[EVENTS["id"] == "c"]).empty


def test_cooccurrence_matrix_is_symmetric_with_an_empty_diagonal():
    matrix = cooccurrence_matrix(EVENTS)
    assert list(matrix.index) == list(matrix.columns) == ["RUS", "AZE", "ARM", "UKR", "USA"]
    assert (matrix.to_numpy() == matrix.to_numpy().T).all()
    assert (matrix.to_numpy().diagonal() == 0).all()
    assert matrix.loc["AZE", "RUS"] == 3
    assert matrix.loc["ARM", "UKR"] == 0
    assert matrix.loc["USA", "AZE"] == 1


def test_cooccurrence_matrix_leaves_out_countries_without_a_partner():
    alone = pd.DataFrame([("x", ("MDA",), ()), ("y", ("ARM", "AZE"), ())], columns=EVENTS.columns)
    assert list(cooccurrence_matrix(alone).index) == ["ARM", "AZE"]
    assert list(cooccurrence_matrix(alone, ["MDA", "ARM"]).index) == ["MDA", "ARM"]


@pytest.mark.parametrize(
    ("codes", "ids"),
    [
        (("AZE", "RUS"), ["a", "b", "e"]),
        (("ARM", "RUS"), ["a"]),
        (("ARM", "UKR"), []),
        (("ARM",), ["a", "c"]),
    ],
)
def test_events_naming_all_is_an_and_filter(codes, ids):
    assert list(events_naming_all(EVENTS, codes)["id"]) == ids


def test_actor_counts_most_frequent_first_without_empty_names():
    counts = actor_counts(EVENTS)
    assert counts.to_dict() == {"Kreml": 3, "EU": 2, "Wladimir Putin": 1}
    assert list(counts.index) == ["Kreml", "EU", "Wladimir Putin"]
    assert actor_counts(EVENTS[EVENTS["id"] == "c"]).empty


def test_pair_key_is_order_free():
    assert pair_key("RUS", "AZE") == pair_key("AZE", "RUS") == "AZE+RUS"
    assert pair_codes("AZE+RUS") == ("AZE", "RUS")


@pytest.mark.parametrize(
    ("points", "codes"),
    [
        ([{"customdata": "ARM", "location": "ARM"}], ["ARM"]),
        ([{"customdata": ["AZE+RUS"]}], ["AZE+RUS"]),
        ([{"location": "UKR"}], ["UKR"]),
        ([{"customdata": "ARM"}, {"customdata": "ARM"}, {"customdata": "AZE"}], ["ARM", "AZE"]),
        ([{"x": 1}], []),
        ([], []),
        (None, []),
    ],
)
def test_codes_from_points_reads_chart_selections(points, codes):
    assert codes_from_points(points) == codes


def test_choropleth_trace_holds_the_counts():
    counts = events_per_country(EVENTS)
    fig = choropleth_figure(counts, NAMES, "de")
    choropleth = next(trace for trace in fig.data if trace.type == "choropleth")
    assert list(choropleth.locations) == ["RUS", "AZE", "ARM", "UKR", "USA"]
    assert list(choropleth.z) == [4, 3, 2, 1, 1]
    assert list(choropleth.customdata) == list(choropleth.locations)
    assert choropleth.locationmode == "ISO-3"
    assert "Aserbaidschan" in choropleth.hovertext[1] and "3 Ereignisse" in choropleth.hovertext[1]
    assert "1 Ereignis" in choropleth.hovertext[3]


def test_choropleth_labels_every_visible_country_with_its_count():
    counts = events_per_country(EVENTS)
    fig = choropleth_figure(counts, NAMES, "en")
    labels = next(trace for trace in fig.data if trace.type == "scattergeo")
    shown = dict(zip(labels.customdata, labels.text, strict=True))
    assert shown == {"RUS": "4", "AZE": "3", "ARM": "2", "UKR": "1"}  # the USA is off the region
    assert labels.textfont.size >= 14
    world = choropleth_figure(counts, NAMES, "en", world=True)
    assert "USA" in next(t for t in world.data if t.type == "scattergeo").customdata


def test_choropleth_outlines_the_chosen_country():
    fig = choropleth_figure(events_per_country(EVENTS), NAMES, chosen=("AZE",))
    widths = dict(zip(fig.data[0].locations, fig.data[0].marker.line.width, strict=True))
    assert widths["AZE"] > widths["RUS"]


def test_choropleth_region_and_world_view():
    counts = events_per_country(EVENTS)
    region = choropleth_figure(counts, NAMES).layout.geo
    (lon_min, lon_max), (lat_min, lat_max) = REGION
    assert tuple(region.lonaxis.range) == (lon_min, lon_max)
    assert tuple(region.lataxis.range) == (lat_min, lat_max)
    world = choropleth_figure(counts, NAMES, world=True).layout.geo
    assert world.lonaxis.range is None and world.projection.type == "natural earth"
    for geo in (region, world):
        assert geo.resolution == TOPOJSON_RESOLUTION
        assert geo.scope in (None, "world")
        assert geo.fitbounds is False  # Streamlit's theme would zoom to the locations
    assert choropleth_figure(counts, NAMES).layout.font.size >= 14


def test_the_topojson_plotly_asks_for_is_in_static():
    # plotly.js fetches <topojsonURL><scope>_<resolution>m.json
    assert WORLD_TOPOJSON.name == f"world_{TOPOJSON_RESOLUTION}m.json"
    assert WORLD_TOPOJSON.parent.parts[-2:] == ("static", "topojson")
    assert WORLD_TOPOJSON.stat().st_size > 100_000


def test_countries_outside_the_region_view():
    assert countries_outside(["RUS", "ARM", "DEU", "USA", "PRK", "XXX"]) == ["USA", "PRK", "XXX"]


def test_label_points_stay_inside_the_region_view():
    points = label_points(["RUS", "ARM", "USA"])
    assert set(points) == {"RUS", "ARM"}
    (lon_min, lon_max), (lat_min, lat_max) = REGION
    for lon, lat in points.values():
        assert lon_min <= lon <= lon_max and lat_min <= lat <= lat_max
    assert set(label_points(["RUS", "USA"], region=None)) == {"RUS", "USA"}


def test_cooccurrence_figure_cells_carry_their_pair():
    matrix = cooccurrence_matrix(EVENTS)
    fig = cooccurrence_figure(matrix, NAMES, "de", chosen_pair=("AZE", "RUS"))
    heatmap = next(trace for trace in fig.data if trace.type == "heatmap")
    assert list(heatmap.x) == list(heatmap.y) == [NAMES.get(c, c) for c in matrix.index]
    cells = next(trace for trace in fig.data if trace.name == "cells")
    pairs = {(y, x): key for x, y, key in zip(cells.x, cells.y, cells.customdata, strict=True)}
    nonzero = int((matrix.to_numpy() > 0).sum())
    assert len(pairs) == nonzero  # both halves of the symmetric matrix are clickable
    assert pairs[("Russland", "Aserbaidschan")] == pairs[("Aserbaidschan", "Russland")] == "AZE+RUS"
    assert any(trace.name == "selected" for trace in fig.data)
    assert fig.layout.font.size >= 14
