"""TimelineJS export and import: the documented JSON shape, the spreadsheet columns, round trips,
and the display date mapped back to a fuzzy EDTF value."""

import csv
import io
import json
import re
from datetime import date, timedelta

import pytest
from exchange_data import HOSTILE_TITLE, real, with_hostile_event
from hypothesis import assume, given, settings
from hypothesis import strategies as st

from events.exchange.context import clean_text
from events.exchange.timelinejs import (
    SPREADSHEET_COLUMNS,
    TimelineImportError,
    candidate_rows,
    read_timelinejs,
    slide_edtf,
    timelinejs_csv_file,
    timelinejs_json_file,
)
from events.model.fuzzy_dates import date_bounds, describe_date
from events.queries.filters import FilterState

EXPORTED = date(2025, 8, 1)


NO_FILTERS = FilterState()


def export(kind, lang="de", events=None, evidence=None, filters=NO_FILTERS):
    data = real()
    function = timelinejs_json_file if kind == "json" else timelinejs_csv_file
    return function(
        data.events if events is None else events,
        data.evidence if evidence is None else evidence,
        data.sources,
        filters,
        lang,
        total=len(data.events),
        exported=EXPORTED,
    )


def test_json_has_the_documented_shape():
    result = export("json")
    timeline = json.loads(result.data)
    assert result.mime == "application/json" and result.filename.endswith(".json")
    assert set(timeline) == {"title", "events"}
    assert "start_date" not in timeline["title"] and timeline["title"]["text"]["headline"]
    assert len(timeline["events"]) == len(real().events)
    for slide, (_, event) in zip(timeline["events"], real().events.iterrows(), strict=True):
        assert set(slide["start_date"]) == {"year", "month", "day"}
        bounds = date_bounds(event["date"])
        assert date(**slide["start_date"]) == bounds.start
        if "end_date" in slide:
            assert date(**slide["end_date"]) == (bounds.end or EXPORTED)
        else:
            assert bounds.precision == "day" and not bounds.approximate
        assert slide["display_date"] == describe_date(event["date"], "de")
        assert set(slide["text"]) == {"headline", "text"}
        assert f"EDTF: {event['date']}" in slide["text"]["text"]
        assert slide["group"] and slide["unique_id"] == event["id"]
        assert slide["autolink"] is False


def test_title_slide_names_filters_export_date_and_licence():
    text = json.loads(export("json", "en", filters=FilterState(countries=("ARM",))).data)
    title = text["title"]["text"]["text"]
    assert "Filters: Armenia" in title
    assert "Exported on 1 August 2025" in title
    assert "no free licence" in title


def test_spreadsheet_has_timelinejs_columns_and_a_title_row():
    rows = list(csv.reader(io.StringIO(export("csv").data.decode("utf-8"))))
    assert tuple(rows[0]) == SPREADSHEET_COLUMNS
    assert rows[1][SPREADSHEET_COLUMNS.index("Type")] == "title"
    assert len(rows) == 2 + len(real().events)


def test_fuzzy_date_spreadsheet_row():
    events = real().events
    autumn = events[events["date"].str.fullmatch(r"\d{4}-2[1-4]")].iloc[[0]]
    rows = list(csv.DictReader(io.StringIO(export("csv", events=autumn).data.decode())))
    row = rows[1]
    bounds = date_bounds(autumn["date"].iloc[0])
    assert (row["Year"], row["Month"], row["Day"]) == tuple(
        str(v) for v in (bounds.start.year, bounds.start.month, bounds.start.day)
    )
    assert (row["End Year"], row["End Month"], row["End Day"]) == tuple(
        str(v) for v in (bounds.end.year, bounds.end.month, bounds.end.day)
    )
    assert row["Display Date"] == describe_date(autumn["date"].iloc[0], "de")


@pytest.mark.parametrize("kind", ["json", "csv"])
@pytest.mark.parametrize("lang", ["de", "en"])
def test_round_trip_keeps_titles_dates_and_texts(kind, lang):
    events = real().events
    slides = read_timelinejs(export(kind, lang).data)
    assert [s["title"] for s in slides] == [clean_text(v) for v in events[f"title_{lang}"]]
    assert [s["date"] for s in slides] == list(events["date"])
    assert {s["date_from"] for s in slides} == {"edtf"}
    assert [s["summary"] for s in slides] == [
        " ".join(v.split()) for v in events[f"summary_{lang}"]
    ]
    assert [s["display_date"] for s in slides] == [describe_date(v, lang) for v in events["date"]]
    quotes = real().evidence.groupby("event_id")["quote"].apply(list)
    for slide, event_id in zip(slides, events["id"], strict=True):
        for quote in quotes.get(event_id, []):
            assert " ".join(quote.split()) in slide["text"]


@pytest.mark.parametrize("lang", ["de", "en"])
def test_without_the_edtf_marker_the_display_date_gives_the_date_back(lang):
    """A timeline edited elsewhere may lose our marker: display date + fields still suffice."""
    timeline = json.loads(export("json", lang).data)
    for slide in timeline["events"]:
        slide["text"]["text"] = re.sub(r"EDTF: \S+", "", slide["text"]["text"])
    slides = read_timelinejs(json.dumps(timeline).encode())
    assert [s["date"] for s in slides] == list(real().events["date"])
    assert {s["date_from"] for s in slides} == {"display"}


FIELD_CASES = [
    # (start fields, end fields, display date, expected EDTF, found by)
    (
        {"year": 2024, "month": 9, "day": 1},
        {"year": 2024, "month": 11, "day": 30},
        "Herbst 2024",
        "2024-23",
        "display",
    ),
    (
        {"year": 2024, "month": 9, "day": 1},
        {"year": 2024, "month": 11, "day": 30},
        "autumn 2024",
        "2024-23",
        "display",
    ),
    (
        {"year": 2025, "month": 7, "day": 1},
        {"year": 2025, "month": 7, "day": 31},
        "about July 2025",
        "2025-07~",
        "display",
    ),
    (
        {"year": 2014, "month": 1, "day": 1},
        {"year": 2025, "month": 8, "day": 1},
        "seit 2014",
        "2014/..",
        "display",
    ),
    (
        {"year": 2025, "month": 1, "day": 1},
        {"year": 2025, "month": 3, "day": 31},
        "1. Quartal 2025",
        "2025-33",
        "display",
    ),
    ({"year": 2024}, None, "Herbst 2024", "2024-23", "words"),
    ({"year": 2025}, None, "Anfang 2025", "2025-01/2025-04", "words"),
    ({"year": "2024", "month": "12", "day": "25"}, None, "", "2024-12-25", "fields"),
    ({"year": "2024", "month": "12"}, None, "", "2024-12", "fields"),
    (
        {"year": 2020, "month": 9, "day": 27},
        {"year": 2020, "month": 11, "day": 10},
        "",
        "2020-09-27/2020-11-10",
        "fields",
    ),
    ({"year": 2023}, {"year": 2025}, "", "2023/2025", "fields"),
    ({"year": 2024}, None, "Weihnachten 2023", "2024", "fields"),  # words outside the fields
    ({"year": 2024}, None, "a very good year", "2024", "fields"),
    ({"year": "x"}, None, "", "", ""),
    (None, None, "Herbst 2024", "2024-23", "words"),
]


@pytest.mark.parametrize(("start", "end", "display", "expected", "how"), FIELD_CASES)
def test_slide_date_from_display_date_and_fields(start, end, display, expected, how):
    assert slide_edtf(start, end, display, "") == (expected, how)


def test_edtf_marker_wins_over_fields():
    assert slide_edtf({"year": 2024}, None, "2024", "<p>EDTF: 2024-12~</p>") == (
        "2024-12~",
        "edtf",
    )


def test_import_turns_markup_into_plain_text():
    events, evidence, _ = with_hostile_event()
    slides = read_timelinejs(export("json", events=events, evidence=evidence).data)
    hostile = next(s for s in slides if s["id"] == "hostile-event")
    assert hostile["title"] == HOSTILE_TITLE
    assert "</blockquote><script>alert(2)</script>" in hostile["text"]


def test_exported_json_escapes_html_in_data():
    events, evidence, _ = with_hostile_event()
    timeline = json.loads(export("json", events=events, evidence=evidence).data)
    hostile = next(s for s in timeline["events"] if s["unique_id"] == "hostile-event")
    assert "<script>" not in hostile["text"]["headline"] + hostile["text"]["text"]
    assert "&lt;script&gt;alert(1)" in hostile["text"]["headline"]


def test_foreign_spreadsheet_with_title_and_era_rows():
    sheet = (
        ",".join(SPREADSHEET_COLUMNS) + "\n"
        ",,,,,,,,,My timeline,<p>intro</p>,,,,,title,,\n"
        "2020,,,,2021,,,,,An era,,,,,,era,,\n"
        "2024,,,,,,,,Herbst 2024,Something,<p>It happened &amp; more</p>,,,,,,Diplomatie,\n"
        "2023,10,7,,,,,,,Other,,,,,,,,\n"
    ).encode()
    slides = read_timelinejs(sheet)
    assert [(s["title"], s["date"], s["summary"]) for s in slides] == [
        ("Something", "2024-23", "It happened & more"),
        ("Other", "2023-10-07", ""),
    ]
    rows = candidate_rows(slides, "timelinejs-test")
    assert rows[0]["themes"] == "diplomacy" and rows[0]["date_text"] == "Herbst 2024"
    assert rows[0]["date_basis"] == "text" and rows[1]["date_basis"] == "knowledge"


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (b"{not json", "not valid JSON"),
        (b'{"title": {}}', "no 'events' list"),
        (b"Year,Month\n2024,1\n", "column(s) Headline, Text, Display Date missing"),
        (b"", "the file is empty"),
        (b"\xff\xfe\x00garbage", "not UTF-8"),
        (b"{" + b" " * 5_000_001 + b"}", "larger than 5 MB"),
    ],
)
def test_unreadable_imports_say_why(data, message):
    with pytest.raises(TimelineImportError, match=re.escape(message)):
        read_timelinejs(data)


def test_candidate_rows_mark_known_events():
    slides = read_timelinejs(export("json").data)
    rows = candidate_rows(slides, "timelinejs-x", set(real().events["id"]))
    assert [r["curated_events"] for r in rows] == list(real().events["id"])
    assert all(r["source"] == "timelinejs-x" for r in rows)


def _plain(draw_day: date, precision: str) -> str:
    return {"day": draw_day.isoformat(), "month": draw_day.isoformat()[:7]}.get(
        precision, str(draw_day.year)
    )


@st.composite
def edtf_values(draw) -> str:
    day = draw(st.dates(min_value=date(1900, 1, 1), max_value=date(2030, 12, 31)))
    kind = draw(st.sampled_from(["day", "month", "year", "sub", "decade", "interval", "open"]))
    if kind == "sub":
        core = f"{day.year}-{draw(st.sampled_from([21, 22, 23, 24, 33, 34, 35, 36]))}"
    elif kind == "decade":
        core = f"{day.year // 10}X"
    elif kind in ("interval", "open"):
        left = _plain(day, draw(st.sampled_from(["day", "month", "year"])))
        if kind == "open":
            core = f"{left}/.."
        else:
            later = draw(st.dates(min_value=day + timedelta(days=1), max_value=date(2031, 12, 31)))
            right = _plain(later, draw(st.sampled_from(["day", "month", "year"])))
            assume(right != left)  # "2028-11/2028-11" is just November
            core = f"{left}/{right}"
    else:
        core = _plain(day, kind)
    return core + draw(st.sampled_from(["", "~", "?", "%"]))


@settings(max_examples=150, deadline=None)
@given(value=edtf_values(), lang=st.sampled_from(["de", "en"]))
def test_display_date_and_widest_interval_give_the_edtf_value_back(value, lang):
    bounds = date_bounds(value)
    assume(bounds.end is None or bounds.end > bounds.start or value[-1] in "~?%")
    end = bounds.end or date(2031, 12, 31)
    start_obj = {"year": bounds.start.year, "month": bounds.start.month, "day": bounds.start.day}
    end_obj = {"year": end.year, "month": end.month, "day": end.day}
    found = slide_edtf(start_obj, end_obj, describe_date(value, lang), "")
    assert found == (value, "display")
