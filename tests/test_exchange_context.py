"""What every export prints around the events: the filter line, the intro, plain text only."""

from datetime import date

import pandas as pd
import pytest
from exchange_data import real

import events.store.intro as intro_module
from events.exchange.context import (
    clean_text,
    date_provenance,
    filter_line,
    make_context,
    story_intro,
)
from events.exchange.safe_csv import csv_file
from events.exchange.timelinejs import timelinejs_json_file
from events.exchange.webpage import html_file
from events.queries.filters import FilterState

FILTER_LINES = [
    (FilterState(), "de", "Filter: keine – alle Ereignisse · 43 von 43 Ereignissen"),
    (FilterState(), "en", "Filters: none – all events · 43 of 43 events"),
    (
        FilterState(countries=("ARM", "AZE"), themes=("diplomacy",)),
        "de",
        "Filter: Armenien, Aserbaidschan · Diplomatie · 43 von 43 Ereignissen",
    ),
    (FilterState(date_from="2023", date_to="2025-07"), "de", "Filter: 2023 – Juli 2025 · "),
    (FilterState(date_from="2024-12-25"), "en", "Filters: from 25 December 2024 · "),
    (FilterState(date_to="2020"), "de", "Filter: bis 2020 · "),
    (FilterState(query="Alijew", min_importance=3), "de", "Suche „Alijew“ · Wichtigkeit: nur"),
]


@pytest.mark.parametrize(("filters", "lang", "expected"), FILTER_LINES)
def test_filter_line(filters, lang, expected):
    assert expected in filter_line(filters, lang, 43, 43)


def test_filter_line_without_total_counts_the_events():
    assert filter_line(FilterState(), "en", 5).endswith("· 5 events")


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("a\u202eb\u2066c", "abc"),
        ("tab\tand\nnewline", "tab\tand\nnewline"),
        ("nul\x00bell\x07", "nulbell"),
        (None, ""),
        (float("nan"), ""),
    ],
)
def test_clean_text_drops_bidi_and_control_characters(value, expected):
    assert clean_text(value) == expected


def test_intro_falls_back_to_the_sources_titles(tmp_path, monkeypatch):
    monkeypatch.setattr(intro_module, "INTRO_TOML", tmp_path / "intro.toml")
    sources = real().sources
    intro = story_intro(sources, "de")
    assert intro.startswith("Grundlage dieser Zeitleiste: „")
    assert all(title in intro for title in sources["title"])
    intro_toml = '[de]\ntitle = "Worum es geht"\ntext = "Die Geschichte."\n'
    (tmp_path / "intro.toml").write_text(intro_toml, encoding="utf-8")
    assert story_intro(sources, "de") == "Die Geschichte."
    assert story_intro(sources, "en").startswith("This timeline is based on")


def test_context_sorts_by_date_and_keeps_only_their_evidence():
    data = real()
    shuffled = data.events.sample(frac=1, random_state=3)
    chosen = shuffled.iloc[:5]
    ctx = make_context(chosen, data.evidence, data.sources, FilterState(), "xx")
    assert ctx.lang == "de" and ctx.exported == date.today()
    assert list(ctx.events["start"]) == sorted(chosen["start"])
    assert set(ctx.evidence["event_id"]) <= set(chosen["id"])
    expected = data.evidence[data.evidence["event_id"].isin(chosen["id"])]
    pd.testing.assert_frame_equal(ctx.evidence, expected.reset_index(drop=True))


def test_date_provenance_names_the_articles_date_and_its_source():
    event = real().events.iloc[0].copy()
    assert date_provenance(event.drop(["text_date", "date_source"], errors="ignore"), "de") == []
    event["date"], event["text_date"] = "2025-06-29/2025-06-30", "2025-05/2025-06"
    event["date_source"] = "EU-Pressemitteilung vom 30. Juni 2025"
    assert date_provenance(event, "de") == [
        ("Datum laut Artikel", "Mai 2025 – Juni 2025 (EDTF 2025-05/2025-06)"),
        ("Quelle des genaueren Datums", "EU-Pressemitteilung vom 30. Juni 2025"),
    ]
    event["text_date"], event["date_source"] = event["date"], ""
    assert date_provenance(event, "en") == []


def test_every_export_carries_the_date_provenance():
    data = real()
    events = data.events.iloc[:1].assign(
        date="2025-06-29/2025-06-30", text_date="2025-05/2025-06", date_source="EU-Quelle"
    )
    events = events.assign(start=pd.Timestamp("2025-06-29"), end=pd.Timestamp("2025-06-30"))
    for function in (csv_file, timelinejs_json_file, html_file):
        text = function(events, data.evidence, data.sources, FilterState(), "de").data.decode(
            "utf-8-sig"
        )
        assert "EU-Quelle" in text and "2025-05/2025-06" in text, function.__name__
