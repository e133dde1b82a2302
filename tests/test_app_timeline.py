"""AppTest of dashboard.py with the timeline page: renders, filters narrow, URL round trip."""

import json
from pathlib import Path

import pytest
from apptest_helpers import (
    DASHBOARD,
    as_html,
    as_list,
    card_html,
    html_bodies,
    notice_text,
    run_app,
    shown,
    story_titles,
)
from streamlit.testing.v1 import AppTest

from events.store.tables import load_dataset

DATA = load_dataset()
EVENTS = DATA.events.set_index("id", drop=False)


def event_id(keyword: str) -> str:
    """The id of the one event whose German title contains `keyword`."""
    hits = EVENTS[EVENTS["title_de"].str.contains(keyword)]
    assert len(hits) == 1, (keyword, list(hits["id"]))
    return hits.index[0]


LAVROV = event_id("Lawrow")
TALIBAN = event_id("erkennt als erstes Land die Taliban")


def run(params: dict | None = None) -> AppTest:
    return run_app(params)


def chart_ids(at: AppTest) -> set[str]:
    """Event ids of every trace of the timeline chart."""
    charts = at.get("plotly_chart")
    assert len(charts) == 1
    figure = json.loads(charts[0].proto.spec)
    ids = set()
    for trace in figure["data"]:
        if trace.get("name") == "selected":
            continue
        ids.update(c[0] if isinstance(c, list) else c for c in trace.get("customdata", []))
    return ids


def count_text(at: AppTest) -> str:
    return next(
        shown(m.value)
        for m in at.sidebar.markdown
        if "Ereignissen" in m.value or "events" in m.value
    )


def test_start_page_shows_every_event():
    at = run()
    assert chart_ids(at) == set(EVENTS.index)
    assert count_text(at) == f"**{len(EVENTS)} von {len(EVENTS)} Ereignissen**"
    assert at.title[0].value == "Zeitleiste der Ereignisse"


def test_country_filter_from_url():
    at = run({"country": "ARM"})
    ids = chart_ids(at)
    assert LAVROV in ids and TALIBAN not in ids
    assert ids == {i for i in EVENTS.index if "ARM" in EVENTS.loc[i, "countries"]}


def test_each_filter_narrows():
    at = run()
    total = len(chart_ids(at))
    at.multiselect(key="filters.theme").set_value(["military"]).run()
    military = chart_ids(at)
    assert 0 < len(military) < total
    assert all("military" in EVENTS.loc[i, "themes"] for i in military)
    at.multiselect(key="filters.theme").set_value([]).run()
    at.text_input(key="filters.q").set_value("Aliyev").run()
    aliyev = chart_ids(at)
    assert 0 < len(aliyev) < total
    at.text_input(key="filters.q").set_value("").run()
    at.radio(key="filters.importance").set_value(3).run()
    key_events = chart_ids(at)
    assert key_events == {i for i in EVENTS.index if EVENTS.loc[i, "importance"] == 3}
    at.radio(key="filters.importance").set_value(1).run()
    last_month = str(EVENTS["start"].max().to_period("M"))
    at.select_slider(key="filters.period").set_range("2025-01", last_month).run()
    recent = chart_ids(at)
    assert TALIBAN in recent and len(recent) < total


def test_spellings_find_the_same_events():
    results = []
    for spelling in ("Alijew", "Aliyev", "Aliev"):
        at = run({"q": spelling})
        results.append(chart_ids(at))
    assert results[0] and results[0] == results[1] == results[2]


def test_filter_change_updates_the_url():
    at = run()
    at.multiselect(key="filters.country").set_value(["ARM", "AZE"]).run()
    at.text_input(key="filters.q").set_value("Lawrow").run()
    assert as_list(at.query_params["country"]) == ["ARM", "AZE"]
    assert as_list(at.query_params["q"]) == ["Lawrow"]


def test_url_round_trip_restores_the_view():
    params = {"country": ["ARM"], "theme": ["diplomacy"], "from": "2025", "q": "Lawrow"}
    first = run(params)
    ids = chart_ids(first)
    again = run({k: v for k, v in first.query_params.items()})
    assert chart_ids(again) == ids
    assert LAVROV in ids and len(ids) < len(EVENTS)


def test_lang_en_shows_english_titles():
    at = run({"lang": "en", "event": LAVROV})
    assert at.title[0].value == "Timeline of events"
    assert (LAVROV, EVENTS.loc[LAVROV, "title_en"]) in story_titles(at)
    assert as_html(EVENTS.loc[LAVROV, "summary_en"]) in card_html(at)


def test_event_in_url_opens_its_card_with_quote():
    at = run({"event": LAVROV})
    quote = DATA.evidence[DATA.evidence["event_id"] == LAVROV]["quote"].iloc[0]
    bodies = " ".join(html_bodies(at))
    assert as_html(EVENTS.loc[LAVROV, "summary_de"]) in card_html(at)
    assert quote.split()[3] in bodies


@pytest.mark.parametrize(
    "params",
    [
        {"country": "XXX"},
        {"theme": "weather"},
        {"from": "2024-13", "to": "bald"},
        {"lang": "fr"},
        {"event": "does-not-exist"},
        {"importance": "7"},
        {"from": "2025", "to": "2020"},
    ],
)
def test_malformed_parameters_are_ignored_with_a_notice(params):
    at = run(params)
    assert chart_ids(at) == set(EVENTS.index) or "from" in params
    assert "Im Link ignoriert" in notice_text(at)


def test_reset_clears_every_filter():
    at = run({"country": "ARM", "q": "Lawrow", "importance": "2"})
    at.button(key="filters.reset").click().run()
    assert chart_ids(at) == set(EVENTS.index)
    assert not dict(at.query_params)


def test_broken_table_shows_its_problems_instead_of_crashing(tmp_path, monkeypatch):
    rows = (Path(DASHBOARD).parent / "events" / "data" / "events.csv").read_text(encoding="utf-8")
    broken = rows.replace(",2024-12-25,", ",2024-13-45,", 1)
    assert broken != rows
    (tmp_path / "events.csv").write_text(broken, encoding="utf-8")
    evidence = Path(DASHBOARD).parent / "events" / "data" / "evidence.csv"
    (tmp_path / "evidence.csv").write_bytes(evidence.read_bytes())
    monkeypatch.setenv("TIMELINE_DATA_DIR", str(tmp_path))
    at = run()
    message = " ".join(shown(e.value) for e in at.error)
    assert "events.csv, row" in message and "column date, value '2024-13-45'" in message
    assert len(chart_ids(at)) == len(EVENTS) - 1  # the broken row is left out, the rest shows
