"""The shared filters in the sidebar (language, countries, themes, period, search, importance)
and the view they select."""

import streamlit as st

from events.locale import LANGS, t
from events.model.countries import country_name
from events.model.fuzzy_dates import describe_date
from events.model.themes import THEMES, theme_label
from events.queries.filters import FilterState, country_counts, filter_events
from events.queries.slider import full_range, slider_period
from ui.data import Prepared, prepared
from ui.session import (
    KEY_COUNTRY,
    KEY_EXACT,
    KEY_IMPORTANCE,
    KEY_LANG,
    KEY_NOTICES,
    KEY_PERIOD,
    KEY_QUERY,
    KEY_THEME,
    current_lang,
)
from ui.view import View


def _forget_exact_period() -> None:
    st.session_state[KEY_EXACT] = (None, None)


def reset_filters() -> None:
    """Callback of the reset button: every filter back to 'all events'."""
    st.session_state[KEY_COUNTRY] = []
    st.session_state[KEY_THEME] = []
    st.session_state[KEY_QUERY] = ""
    st.session_state[KEY_IMPORTANCE] = 1
    st.session_state[KEY_PERIOD] = full_range(prepared().months)
    st.session_state[KEY_EXACT] = (None, None)
    st.session_state[KEY_NOTICES] = []


def _filter_widgets(prep: Prepared, lang: str) -> None:
    events = prep.data.events
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
            value=full_range(prep.months),  # a range slider, not a single month
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


def _filter_state(months: list[str]) -> FilterState:
    date_from, date_to = slider_period(
        months, st.session_state.get(KEY_PERIOD), st.session_state.get(KEY_EXACT, (None, None))
    )
    return FilterState(
        countries=tuple(st.session_state[KEY_COUNTRY]),
        themes=tuple(st.session_state[KEY_THEME]),
        date_from=date_from,
        date_to=date_to,
        query=st.session_state[KEY_QUERY],
        min_importance=int(st.session_state[KEY_IMPORTANCE]),
    )


def render_sidebar(prep: Prepared) -> View:
    """Draw the shared filters in the sidebar and return the view they select (the widgets'
    state comes from the link first: `ui.url.init_from_url` ran before)."""
    events = prep.data.events
    with st.sidebar:
        st.radio(
            t("language", current_lang()),
            LANGS,
            key=KEY_LANG,
            format_func=lambda code: t(f"lang_name_{code}", current_lang()),
            horizontal=True,
        )
        lang = current_lang()
        st.header(t("filters", lang))
        _filter_widgets(prep, lang)
        filters = _filter_state(prep.months)
        selected = filter_events(events, filters, prep.texts)
        st.markdown(f"**{t('count', lang, n=len(selected), total=len(events))}**")
    return View(prep, lang, filters, selected)
