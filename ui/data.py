"""The curated tables the app shows: where they are read from, what is derived once per load,
and how a change on disk reaches every session.

The cached dataset is keyed on `events.store.fingerprint.tables_fingerprint` (a few `stat`
calls per rerun), so a save from the editor or a hand edit shows on the next rerun of every
session, without a restart. Loading goes through `events.store.saving.load_current`, which
first finishes a save that a crash left half done. When the new files have problems, the last
good data of the same tables stays on screen and `render_data_banner` says what is wrong.
"""

import os
from dataclasses import dataclass, field, replace
from pathlib import Path

import pandas as pd
import streamlit as st

from events.locale import LANGS, t
from events.model.fuzzy_dates import describe_date
from events.queries.filters import month_options, search_texts
from events.store.fingerprint import tables_fingerprint
from events.store.layout import StoreLayout
from events.store.saving import load_current
from events.store.tables import Dataset, ProblemSummary, summarize_problems

ENV_DATA_DIR = "TIMELINE_DATA_DIR"  # events.csv, evidence.csv (+ the editor's own files)
ENV_SEEDS_DIR = "TIMELINE_SEEDS_DIR"  # sources.csv and the article texts


@dataclass(frozen=True)
class Prepared:
    """The dataset plus everything derived once per load: search texts, dates in words.

    `broken` summarises the problems of the files on disk when they have any; `stale` is True
    when the data shown is the last good state because the newer files are broken. `memo`
    holds what is derived on first use from these tables alone (country names per language,
    story items, figures): every session of this load shares it, so a rerun does not rebuild it.
    """

    data: Dataset
    texts: pd.Series
    described: dict[str, pd.Series]
    months: list[str]
    fingerprint: str = ""
    broken: ProblemSummary | None = None
    stale: bool = False
    memo: dict = field(default_factory=dict, compare=False, repr=False)


def store_layout() -> StoreLayout:
    """The files the app reads and the editor writes.

    TIMELINE_DATA_DIR points at another folder for events.csv and evidence.csv (and the
    editor's history, rejections and lock); its sources.csv and articles are used when it has
    a sources.csv. TIMELINE_SEEDS_DIR points at another folder for sources.csv and articles.
    """
    default = StoreLayout.default()
    folder, seeds = os.environ.get(ENV_DATA_DIR), os.environ.get(ENV_SEEDS_DIR)
    if not folder and not seeds:
        return default
    sources = default.sources_csv
    if seeds:
        sources = Path(seeds) / "sources.csv"
    elif folder and (Path(folder) / "sources.csv").exists():
        sources = Path(folder) / "sources.csv"
    if not folder:
        return replace(default, sources_csv=sources)
    data = Path(folder)
    return StoreLayout(
        events_csv=data / "events.csv",
        evidence_csv=data / "evidence.csv",
        sources_csv=sources,
        rejected_csv=data / "rejected.csv",
        history_file=data / "history.jsonl",
        state_dir=data / ".store",
    )


def table_paths() -> tuple[Path, Path, Path]:
    """The three tables of `store_layout()` (events, evidence, sources)."""
    layout = store_layout()
    return layout.events_csv, layout.evidence_csv, layout.sources_csv


def german_for_missing_english(events: pd.DataFrame, marker: str) -> pd.DataFrame:
    """Fill an empty `title_en`/`summary_en` with the German text, marked as German."""
    events = events.copy()
    for column in ("title", "summary"):
        missing = events[f"{column}_en"].fillna("").str.strip() == ""
        events[f"{column}_en_missing"] = missing
        german = events.loc[missing, f"{column}_de"]
        events.loc[missing, f"{column}_en"] = (
            german + f" {marker}" if column == "title" else f"{marker} " + german
        )
    return events


@st.cache_resource(show_spinner=False, max_entries=4)
def _prepare(layout: StoreLayout, fingerprint: str) -> Prepared:
    data = load_current(layout)
    events = german_for_missing_english(data.events, t("german_only", "en"))
    data = replace(data, events=events)
    unique = events["date"].unique()
    described = {
        lang: events["date"].map({v: describe_date(v, lang) for v in unique}).astype(str)
        for lang in LANGS
    }
    texts = search_texts(events, data.evidence)
    return Prepared(data, texts, described, month_options(events), fingerprint)


@st.cache_resource(show_spinner=False)
def _last_good() -> dict[StoreLayout, Prepared]:
    """Per set of tables, the newest load without problems (shared by every session)."""
    return {}


def prepared() -> Prepared:
    """The current tables (reloaded when a file changed), or the last good ones with the new
    files' problems when the new files are broken."""
    layout = store_layout()
    fresh = _prepare(layout, tables_fingerprint(layout))
    good = _last_good()
    if not fresh.data.problems:
        good[layout] = fresh
        return fresh
    broken = summarize_problems(fresh.data.problems)
    previous = good.get(layout)
    if previous is None:
        return replace(fresh, broken=broken)
    return replace(previous, broken=broken, stale=True)


def render_data_banner(prep: Prepared, lang: str) -> None:
    """On every page: the tables on disk are broken; name the first real problem per file."""
    from ui.text import md_literal

    broken = prep.broken
    if broken is None:
        return
    head = t("data_stale" if prep.stale else "data_partial", lang, n=broken.real)
    lines = [f"- {md_literal(str(problem))}" for problem in broken.first_per_file]
    if broken.follow_on:
        lines.append(f"- {t('data_follow_on', lang, n=broken.follow_on)}")
    with st.container(key="data_banner"):
        st.error(head + "\n\n" + "\n".join(lines), icon=":material/warning:")
