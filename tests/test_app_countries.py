"""AppTest of dashboard.py on the Countries page: the map follows the filters, pickers and
buttons drive the shared filters, pairs list the events naming both countries."""

import json
from collections import Counter

import plotly.graph_objects as go
import plotly.io as pio
import pytest
from apptest_helpers import as_list, card_html, label_text, run_app
from streamlit.testing.v1 import AppTest

from events.model.countries import country_name
from events.queries.filters import FilterState, filter_events, search_texts
from events.store.tables import load_dataset

DATA = load_dataset()
EVENTS = DATA.events.set_index("id", drop=False)


def run(params: dict | None = None) -> AppTest:
    return run_app(params, page="pages/countries.py")


def naming_any(codes) -> list[str]:
    return [i for i in EVENTS.index if set(codes) & set(EVENTS.loc[i, "countries"])]


def naming_all(codes) -> list[str]:
    return [i for i in EVENTS.index if set(codes) <= set(EVENTS.loc[i, "countries"])]


def expected_counts(ids) -> dict[str, int]:
    return dict(Counter(code for i in ids for code in EVENTS.loc[i, "countries"]))


def top_pair() -> tuple[str, str]:
    pairs = Counter(
        tuple(sorted(p))
        for codes in EVENTS["countries"]
        for p in ((a, b) for a in set(codes) for b in set(codes) if a < b)
    )
    return pairs.most_common(1)[0][0]


def figures(at: AppTest) -> dict[str, go.Figure]:
    """Each Plotly chart's figure by the first part of its key (map, timeline, pairs)."""
    return {
        chart.key.split(".")[1]: pio.from_json(chart.proto.spec) for chart in at.get("plotly_chart")
    }


def map_counts(at: AppTest) -> dict[str, int]:
    trace = next(t for t in figures(at)["map"].data if t.type == "choropleth")
    return {code: int(n) for code, n in zip(trace.locations, trace.z, strict=True)}


def country_value(at: AppTest) -> list[str]:
    return list(at.multiselect(key="filters.country").value)


def test_map_shows_every_country_with_its_count():
    at = run()
    assert at.title[0].value == "Länder im Überblick"
    assert map_counts(at) == expected_counts(EVENTS.index)
    captions = " ".join(c.value for c in at.caption)
    assert "Natural Earth" in captions


def test_country_in_the_url_narrows_map_timeline_and_list():
    at = run({"country": "ARM"})
    ids = naming_any(["ARM"])
    assert map_counts(at) == expected_counts(ids)
    assert map_counts(at)["ARM"] == len(ids)
    assert at.selectbox(key="countries.pick").value == ("ARM",)
    assert f"Zeitleiste: {country_name('ARM')}" in [s.value for s in at.header]
    timeline = figures(at)["timeline"]
    drawn = {
        c[0] if isinstance(c, list | tuple) else c
        for trace in timeline.data
        if trace.name != "selected" and trace.customdata is not None
        for c in trace.customdata
    }
    assert drawn == set(ids)
    assert set(at.dataframe(key="countries.list").value.index) == set(ids)


def test_without_a_country_there_is_no_country_timeline():
    at = run()
    assert "timeline" not in figures(at)
    assert not any(s.value.startswith("Zeitleiste:") for s in at.header)


def test_country_picker_sets_the_shared_filter_and_the_url():
    at = run()
    at.selectbox(key="countries.pick").set_value(("AZE",)).run()
    assert not at.exception
    assert country_value(at) == ["AZE"]
    assert as_list(at.query_params["country"]) == ["AZE"]
    assert map_counts(at) == expected_counts(naming_any(["AZE"]))
    at.selectbox(key="countries.pick").set_value(()).run()
    assert country_value(at) == []
    assert map_counts(at) == expected_counts(EVENTS.index)


def test_sidebar_filter_with_two_countries_shows_both_in_the_picker():
    at = run({"country": ["ARM", "AZE"]})
    assert at.selectbox(key="countries.pick").value == ("ARM", "AZE")
    assert map_counts(at) == expected_counts(naming_any(["ARM", "AZE"]))


def test_pair_picker_lists_the_events_naming_both():
    a, b = top_pair()
    at = run()
    at.selectbox(key="countries.pair").set_value(f"{a}+{b}").run()
    assert not at.exception
    both = naming_all([a, b])
    listed = at.dataframe(key="countries.pair_list").value
    assert set(listed.index) == set(both)
    message = " ".join(m.value for m in at.main.markdown)
    assert f"{len(both)} Ereignis" in message and country_name(a) in message
    assert country_value(at) == []  # the pair is the page's own AND filter, not the sidebar's
    heatmap = figures(at)["pairs"]
    assert any(trace.name == "selected" for trace in heatmap.data)


def test_pair_buttons_clear_it_or_put_both_into_the_shared_filter():
    a, b = top_pair()
    at = run()
    at.selectbox(key="countries.pair").set_value(f"{a}+{b}").run()
    at.button(key="countries.pair_filter").click().run()
    assert not at.exception
    assert sorted(country_value(at)) == sorted([a, b])
    assert map_counts(at) == expected_counts(naming_any([a, b]))
    at.button(key="countries.pair_clear").click().run()
    assert at.selectbox(key="countries.pair").value is None
    assert not [d for d in at.dataframe if d.key == "countries.pair_list"]


def test_heatmap_cells_carry_every_pair_of_the_filtered_events():
    at = run({"country": "ARM"})
    cells = next(t for t in figures(at)["pairs"].data if t.name == "cells")
    ids = naming_any(["ARM"])
    wanted = {
        "+".join(sorted((x, y)))
        for i in ids
        for x in EVENTS.loc[i, "countries"]
        for y in EVENTS.loc[i, "countries"]
        if x != y
    }
    assert set(cells.customdata) == wanted


def test_actor_pill_searches_for_the_actor():
    counts = Counter(actor for actors in EVENTS["actors"] for actor in actors if actor)
    actor = max(counts, key=lambda name: (counts[name], name))
    at = run()
    pills = at.pills(key="countries.actor")
    assert f"{actor} ({counts[actor]})" in map(label_text, pills.options)
    pills.set_value(actor).run()
    assert not at.exception
    assert at.text_input(key="filters.q").value == actor
    assert as_list(at.query_params["q"]) == [actor]
    found = filter_events(
        DATA.events, FilterState(query=actor), search_texts(DATA.events, DATA.evidence)
    )
    assert map_counts(at) == expected_counts(found["id"])
    assert all(i in set(found["id"]) for i in EVENTS.index if actor in EVENTS.loc[i, "actors"])
    at.pills(key="countries.actor").set_value(None).run()
    assert at.text_input(key="filters.q").value == ""


def test_world_toggle_switches_the_projection():
    at = run()
    assert figures(at)["map"].layout.geo.projection.type == "mercator"
    at.toggle(key="countries.world").set_value(True).run()
    assert not at.exception
    assert figures(at)["map"].layout.geo.projection.type == "natural earth"


def test_map_config_serves_the_shapes_from_the_app():
    at = run()
    chart = next(c for c in at.get("plotly_chart") if c.key.startswith("countries.map"))
    config = json.loads(chart.proto.config)
    assert config["topojsonURL"] == "/app/static/topojson/"


def test_english_names_and_titles():
    at = run({"lang": "en", "country": "PRK"})
    assert at.title[0].value == "Countries at a glance"
    assert "Timeline: North Korea" in [s.value for s in at.header]


@pytest.mark.parametrize("params", [{"q": "zzzz-nothing-matches"}, {"country": "XXX"}])
def test_no_exception_for_empty_or_malformed_selections(params):
    at = run(params)
    assert not at.exception


def test_event_in_the_url_opens_its_card():
    event_id = naming_any(["ARM"])[0]
    at = run({"country": "ARM", "event": event_id})
    assert f'data-event="{event_id}"' in card_html(at)  # the card, in its dialog
    at.button(key="countries.close").click().run()
    assert not card_html(at)
