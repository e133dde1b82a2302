"""Shared app state: the cached dataset, the sidebar filters and their mirror in the URL."""

import os
from dataclasses import dataclass
from pathlib import Path

import pandas as pd
import streamlit as st

from events.locale import LANGS, t
from events.model.countries import country_name
from events.model.fuzzy_dates import describe_date
from events.model.themes import THEMES, theme_label
from events.queries.filters import (
    FilterState,
    country_counts,
    filter_events,
    month_options,
    parse_url_params,
    search_texts,
    url_params,
)
from events.store.paths import EVENTS_CSV, EVIDENCE_CSV, SOURCES_CSV
from events.store.tables import Dataset, load_dataset

KEY_LANG = "filters.lang"
KEY_COUNTRY = "filters.country"
KEY_THEME = "filters.theme"
KEY_PERIOD = "filters.period"
KEY_QUERY = "filters.q"
KEY_IMPORTANCE = "filters.importance"
KEY_EXACT = "filters.period_exact"
KEY_NOTICES = "filters.notices"
KEY_EVENT = "app.event"
KEY_READY = "filters.ready"


@dataclass(frozen=True)
class Prepared:
    """The dataset plus everything derived once per load: search texts, dates in words."""

    data: Dataset
    texts: pd.Series
    described: dict[str, pd.Series]
    months: list[str]


@dataclass(frozen=True)
class View:
    """What a page needs: the language, the filters and the events they select."""

    prepared: Prepared
    lang: str
    filters: FilterState
    events: pd.DataFrame

    @property
    def all_events(self) -> pd.DataFrame:
        return self.prepared.data.events


def _table_paths() -> tuple[Path, Path, Path]:
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
    return _prepare(*_table_paths())


def _init_from_url(prep: Prepared) -> None:
    """On a session's first run, copy the link's parameters into the widgets' state."""
    params = {key: st.query_params.get_all(key) for key in st.query_params}
    events = prep.data.events
    url = parse_url_params(
        params,
        countries=set(country_counts(events).index),
        themes=set(THEMES),
        event_ids=set(events["id"]),
    )
    state = url.filters
    st.session_state[KEY_LANG] = url.lang
    st.session_state[KEY_COUNTRY] = list(state.countries)
    st.session_state[KEY_THEME] = list(state.themes)
    st.session_state[KEY_QUERY] = state.query
    st.session_state[KEY_IMPORTANCE] = state.min_importance
    st.session_state[KEY_EXACT] = (state.date_from, state.date_to)
    st.session_state[KEY_PERIOD] = _period_slider_value(prep.months, state)
    st.session_state[KEY_EVENT] = url.event
    st.session_state[KEY_NOTICES] = [f"{name}={value}" for name, value in url.ignored]
    st.session_state[KEY_READY] = True


def _clamp_month(months: list[str], value: str | None, *, end: bool) -> str:
    """The slider month for a URL period value (`2023` is January or December 2023)."""
    if not value:
        return months[-1] if end else months[0]
    month = value[:7] if len(value) >= 7 else f"{value}-{'12' if end else '01'}"
    return min(max(month, months[0]), months[-1])


def _period_slider_value(months: list[str], state: FilterState) -> tuple[str, str]:
    if not months:
        return ("", "")
    return (
        _clamp_month(months, state.date_from, end=False),
        _clamp_month(months, state.date_to, end=True),
    )


def _forget_exact_period() -> None:
    st.session_state[KEY_EXACT] = (None, None)


def reset_filters() -> None:
    """Callback of the reset button: every filter back to 'all events'."""
    months = prepared().months
    st.session_state[KEY_COUNTRY] = []
    st.session_state[KEY_THEME] = []
    st.session_state[KEY_QUERY] = ""
    st.session_state[KEY_IMPORTANCE] = 1
    st.session_state[KEY_PERIOD] = (months[0], months[-1]) if months else ("", "")
    st.session_state[KEY_EXACT] = (None, None)
    st.session_state[KEY_NOTICES] = []


def init_from_url() -> None:
    """Once per session, before any widget: take filters, language and event from the link."""
    if not st.session_state.get(KEY_READY):
        _init_from_url(prepared())


def current_lang() -> str:
    lang = st.session_state.get(KEY_LANG, "de")
    return lang if lang in LANGS else "de"


def _period_state(months: list[str]) -> tuple[str | None, str | None]:
    exact_from, exact_to = st.session_state.get(KEY_EXACT, (None, None))
    if exact_from or exact_to:
        return exact_from, exact_to
    if not months:
        return None, None
    first, last = st.session_state.get(KEY_PERIOD, (months[0], months[-1]))
    return (first if first != months[0] else None, last if last != months[-1] else None)


def render_sidebar() -> View:
    """Draw the shared filters in the sidebar and return the view they select."""
    prep = prepared()
    init_from_url()
    events = prep.data.events
    with st.sidebar:
        st.radio(
            t("language", current_lang()),
            LANGS,
            key=KEY_LANG,
            format_func={"de": "Deutsch", "en": "English"}.get,
            horizontal=True,
        )
        lang = current_lang()
        st.header(t("filters", lang))
        counts = country_counts(events)
        st.multiselect(
            t("countries", lang),
            list(counts.index),
            key=KEY_COUNTRY,
            placeholder=t("choose", lang),
            format_func=lambda code: f"{country_name(code, lang)} ({counts.get(code, 0)})",
        )
        st.multiselect(
            t("themes", lang),
            [theme for theme in THEMES if any(theme in ts for ts in events["themes"])],
            key=KEY_THEME,
            placeholder=t("choose", lang),
            format_func=lambda theme: theme_label(theme, lang),
        )
        if len(prep.months) > 1:
            st.select_slider(
                t("period", lang),
                prep.months,
                value=(prep.months[0], prep.months[-1]),  # a range slider, not a single month
                key=KEY_PERIOD,
                format_func=lambda m: describe_date(m, lang),
                on_change=_forget_exact_period,
            )
        st.text_input(t("search", lang), key=KEY_QUERY, help=t("search_help", lang))
        st.radio(
            t("importance", lang),
            (1, 2, 3),
            key=KEY_IMPORTANCE,
            format_func=lambda n: t(f"importance_{n}", lang),
            horizontal=True,
        )
        st.button(t("reset", lang), key="filters.reset", on_click=reset_filters)
        date_from, date_to = _period_state(prep.months)
        filters = FilterState(
            countries=tuple(st.session_state[KEY_COUNTRY]),
            themes=tuple(st.session_state[KEY_THEME]),
            date_from=date_from,
            date_to=date_to,
            query=st.session_state[KEY_QUERY],
            min_importance=int(st.session_state[KEY_IMPORTANCE]),
        )
        selected = filter_events(events, filters, prep.texts)
        st.markdown(f"**{t('count', lang, n=len(selected), total=len(events))}**")
        notices = st.session_state.get(KEY_NOTICES)
        if notices:
            st.info(t("ignored_params", lang, items=", ".join(notices)), icon="ℹ️")
    return View(prep, lang, filters, selected)


def show_table_problems(view: View) -> None:
    """A broken table: list its problems on the page (the valid rows still show)."""
    problems = view.prepared.data.problems
    if problems:
        lines = "\n".join(f"- `{problem}`" for problem in problems[:50])
        st.error(f"{t('table_problems', view.lang, n=len(problems))}\n\n{lines}")


def selected_event() -> str | None:
    return st.session_state.get(KEY_EVENT)


def select_event(event_id: str | None) -> None:
    st.session_state[KEY_EVENT] = event_id


def sync_url(view: View) -> None:
    """Write the current view into the URL, so the link reproduces it."""
    wanted = url_params(view.filters, view.lang, selected_event())
    current = {key: st.query_params.get_all(key) for key in st.query_params}
    normalized = {k: v if isinstance(v, list) else [v] for k, v in wanted.items()}
    if current != normalized:
        st.query_params.from_dict(wanted)


KEY_VIEW = "app.view"


def build_view() -> View:
    """Called once per run by dashboard.py: draws the sidebar and remembers the view."""
    view = render_sidebar()
    st.session_state[KEY_VIEW] = view
    return view


def _leave_legacy_pages_mode() -> None:
    """A deep link (`/classroom`) on a freshly started server runs the page file alone:
    Streamlit takes the `pages/` folder for a legacy multipage app until st.navigation has run
    once. Switch that mode off and rerun, so dashboard.py (config, sidebar) runs first."""
    from streamlit.runtime.pages_manager import PagesManager

    if PagesManager.uses_pages_directory:
        PagesManager.uses_pages_directory = False
        st.rerun()


def current_view() -> View:
    """The view of this run (built by dashboard.py before the page runs)."""
    _leave_legacy_pages_mode()
    view = st.session_state.get(KEY_VIEW)
    return view if view is not None else build_view()
