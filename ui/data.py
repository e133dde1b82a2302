"""The curated tables the app shows: where they are read from, and what is derived once per load."""

import os
from dataclasses import dataclass
from pathlib import Path

import pandas as pd
import streamlit as st

from events.locale import LANGS
from events.model.fuzzy_dates import describe_date
from events.queries.filters import month_options, search_texts
from events.store.paths import EVENTS_CSV, EVIDENCE_CSV, SOURCES_CSV
from events.store.tables import Dataset, load_dataset


@dataclass(frozen=True)
class Prepared:
    """The dataset plus everything derived once per load: search texts, dates in words."""

    data: Dataset
    texts: pd.Series
    described: dict[str, pd.Series]
    months: list[str]


def table_paths() -> tuple[Path, Path, Path]:
    """The curated tables; TIMELINE_DATA_DIR points at another set (tests, benchmarks)."""
    folder = os.environ.get("TIMELINE_DATA_DIR")
    if folder:
        own_sources = Path(folder) / "sources.csv"
        sources = own_sources if own_sources.exists() else SOURCES_CSV
        return Path(folder) / "events.csv", Path(folder) / "evidence.csv", sources
    return EVENTS_CSV, EVIDENCE_CSV, SOURCES_CSV


@st.cache_resource(show_spinner=False)
def _prepare(events_csv: Path, evidence_csv: Path, sources_csv: Path) -> Prepared:
    data = load_dataset(events_csv, evidence_csv, sources_csv)
    events = data.events
    unique = events["date"].unique()
    described = {
        lang: events["date"].map({v: describe_date(v, lang) for v in unique}).astype(str)
        for lang in LANGS
    }
    return Prepared(data, search_texts(events, data.evidence), described, month_options(events))


def prepared() -> Prepared:
    """The loaded, validated table (cached for the server's lifetime)."""
    return _prepare(*table_paths())
