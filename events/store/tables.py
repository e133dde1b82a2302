"""The curated table on disk: load events, evidence and sources, derive date columns, validate.

Every problem becomes one `Problem` naming file, row, column and value; loading never raises on
bad content, so the dashboard and the `check` command can show all problems at once. Reading a
file is `events.store.csv_read`, the row checks `events.store.checks` and
`events.store.text_dates`, the problems themselves `events.store.problems`.
"""

from dataclasses import dataclass, field
from pathlib import Path

import pandas as pd

from events.model.fuzzy_dates import date_bounds
from events.model.provenance import date_origin
from events.model.schema import (
    EVENT_COLUMNS,
    EVIDENCE_COLUMNS,
    LIST_FIELDS,
    SOURCE_COLUMNS,
    Event,
    Evidence,
    Source,
    split_list,
)
from events.store.checks import (
    FIRST_DATA_ROW,
    _check_events_against_evidence,
    _check_evidence,
    _check_two_dates,
    _duplicate_ids,
    _read_texts,
    _validate_rows,
    check_event_row,
)
from events.store.csv_read import _tolerant_records, read_table
from events.store.paths import EVENTS_CSV, EVIDENCE_CSV, SOURCES_CSV
from events.store.problems import (
    FOLLOW_ON,
    Problem,
    ProblemSummary,
    display_path,
    summarize_problems,
)
from events.store.text_dates import _check_text_dates_against_extractor, text_dates_agree

__all__ = [
    "FIRST_DATA_ROW",
    "FOLLOW_ON",
    "Dataset",
    "Problem",
    "ProblemSummary",
    "_tolerant_records",
    "add_date_columns",
    "add_text_date_columns",
    "check_event_row",
    "check_tables",
    "load_dataset",
    "read_table",
    "summarize_problems",
    "text_dates_agree",
]


@dataclass
class Dataset:
    """The loaded tables (only rows that passed validation) and every problem found."""

    events: pd.DataFrame
    evidence: pd.DataFrame
    sources: pd.DataFrame
    texts: dict[str, str] = field(default_factory=dict)
    problems: list[Problem] = field(default_factory=list)


def add_date_columns(events: pd.DataFrame) -> pd.DataFrame:
    """Add `start`, `end` (Timestamps; NaT for open ends), `precision` and `approximate`.

    Each distinct EDTF value is parsed once (and cached), so large tables stay fast.
    """
    bounds = {value: date_bounds(value) for value in events["date"].unique()}
    dates = events["date"]
    events = events.assign(
        start=pd.to_datetime(dates.map(lambda v: bounds[v].start)),
        end=pd.to_datetime(dates.map(lambda v: bounds[v].end)),
        precision=dates.map(lambda v: bounds[v].precision),
        approximate=dates.map(lambda v: bounds[v].approximate),
    )
    return events


def add_text_date_columns(events: pd.DataFrame) -> pd.DataFrame:
    """Add `text_start`, `text_end` (NaT when empty or open) and `text_precision` ("" when
    empty) for `text_date`, and `date_origin` (see `events.model.provenance`).

    Each distinct value is parsed once, as for `date`.
    """
    values = events["text_date"]
    bounds = {value: date_bounds(value) for value in values.unique() if value}
    events = events.assign(
        text_start=pd.to_datetime(values.map(lambda v: bounds[v].start if v else None)),
        text_end=pd.to_datetime(values.map(lambda v: bounds[v].end if v else None)),
        text_precision=values.map(lambda v: bounds[v].precision if v else ""),
    )
    events["date_origin"] = [
        date_origin(date, text_date, basis, source)
        for date, text_date, basis, source in zip(
            events["date"], values, events["date_basis"], events["date_source"], strict=True
        )
    ]
    return events


def _typed_events(events: pd.DataFrame) -> pd.DataFrame:
    events = events.copy()
    for column in LIST_FIELDS:
        events[column] = [tuple(split_list(v)) for v in events[column]]
    events["importance"] = events["importance"].astype(int)
    for column in ("id", "date", "date_text", "date_basis", "text_date", "date_source"):
        events[column] = events[column].str.strip()
    events = add_text_date_columns(add_date_columns(events))
    return events.sort_values(["start", "id"], kind="stable").reset_index(drop=True)


def load_dataset(
    events_csv: Path = EVENTS_CSV,
    evidence_csv: Path = EVIDENCE_CSV,
    sources_csv: Path = SOURCES_CSV,
) -> Dataset:
    """Load, validate and type the three tables; rows with problems are left out."""
    problems: list[Problem] = []
    src_name, ev_name, evi_name = map(display_path, (sources_csv, events_csv, evidence_csv))

    sources = read_table(sources_csv, SOURCE_COLUMNS, problems)
    sources = _validate_rows(sources, Source, src_name, problems)
    _duplicate_ids(sources, "id", src_name, problems)
    sources = sources.drop_duplicates("id")
    texts = _read_texts(sources, sources_csv.parent, src_name, problems)

    event_records = read_table(events_csv, EVENT_COLUMNS, problems)
    listed_ids = {r["id"].strip() for r in event_records}  # invalid rows still count as events
    events = _validate_rows(event_records, Event, ev_name, problems)
    _duplicate_ids(events, "id", ev_name, problems)
    events = events.drop_duplicates("id")

    evidence_records = read_table(evidence_csv, EVIDENCE_COLUMNS, problems)
    # an event whose quote is wrong still has evidence
    listed_evidence = pd.DataFrame.from_records(
        evidence_records, columns=[*EVIDENCE_COLUMNS, "_row"]
    )
    evidence = _validate_rows(evidence_records, Evidence, evi_name, problems)
    evidence = _check_evidence(evidence, listed_ids, texts, set(sources["id"]), evi_name, problems)
    _check_events_against_evidence(events, listed_evidence, ev_name, problems)
    _check_two_dates(events, ev_name, problems)
    _check_text_dates_against_extractor(events, evidence, sources, texts, ev_name, problems)

    return Dataset(
        events=_typed_events(events),
        evidence=evidence.reset_index(drop=True),
        sources=sources.reset_index(drop=True),
        texts=texts,
        problems=problems,
    )


def check_tables(
    events_csv: Path = EVENTS_CSV,
    evidence_csv: Path = EVIDENCE_CSV,
    sources_csv: Path = SOURCES_CSV,
) -> list[Problem]:
    """Return every problem in the three tables (empty when all invariants hold)."""
    return load_dataset(events_csv, evidence_csv, sources_csv).problems
