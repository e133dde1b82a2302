"""The invariants of design.md section 3, on the real curated table."""

import csv
import subprocess
import sys
from pathlib import Path

import pandas as pd
import pytest

from events.model.schema import EVENT_COLUMNS, EVIDENCE_COLUMNS, SOURCE_COLUMNS
from events.store.paths import EVENTS_CSV, EVIDENCE_CSV, SOURCES_CSV
from events.store.tables import check_tables, load_dataset

ROOT = Path(__file__).resolve().parent.parent
DATA = load_dataset()


def header(path: Path) -> list[str]:
    with path.open(encoding="utf-8", newline="") as handle:
        return next(csv.reader(handle))


@pytest.mark.parametrize(
    ("path", "columns"),
    [(EVENTS_CSV, EVENT_COLUMNS), (EVIDENCE_CSV, EVIDENCE_COLUMNS), (SOURCES_CSV, SOURCE_COLUMNS)],
)
def test_columns_are_exactly_the_fixed_names(path, columns):
    assert header(path) == list(columns)


def test_real_table_has_no_problems():
    assert [str(p) for p in check_tables()] == []


def test_check_command_exits_zero_on_the_real_table():
    done = subprocess.run(
        [sys.executable, "-m", "events", "check"], cwd=ROOT, capture_output=True, text=True
    )
    assert done.returncode == 0, done.stdout + done.stderr


def test_size_and_span_of_the_story():
    events = DATA.events
    assert 35 <= len(events) <= 50
    assert events["start"].min().year == 1990  # "seit den 1990er Jahren"
    assert events["start"].max() <= pd.Timestamp("2025-07-31")


def test_every_quote_is_verbatim_and_every_date_text_inside_its_quote():
    for row in DATA.evidence.itertuples():
        assert row.quote in DATA.texts[row.source]
        assert row.date_text in row.quote


def test_every_event_has_evidence_unless_knowledge_and_date_text_in_a_quote():
    quotes = DATA.evidence.groupby("event_id")["quote"].apply(list)
    for event in DATA.events.itertuples():
        own = quotes.get(event.id, [])
        assert own or event.date_basis == "knowledge", event.id
        if event.date_text and own:
            assert any(event.date_text in quote for quote in own), event.id


def test_both_articles_back_events_and_shared_events_have_two_sources():
    per_event = DATA.evidence.groupby("event_id")["source"].nunique()
    assert set(DATA.evidence["source"]) == set(DATA.sources["id"])
    assert (per_event >= 2).sum() >= 3  # e.g. the AZAL crash and the Yekaterinburg deaths


def test_both_languages_are_filled():
    for column in ("title_de", "title_en", "summary_de", "summary_en"):
        assert DATA.events[column].str.len().min() > 0
