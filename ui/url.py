"""The link and the session: a link's parameters become the widgets' state once per session;
after every run the view is written back, so the link reproduces it."""

import streamlit as st

from events.model.themes import THEMES
from events.queries.filters import country_counts, parse_url_params, url_params
from events.queries.slider import slider_value
from ui import session
from ui.data import Prepared
from ui.view import View


def _current_params() -> dict[str, list[str]]:
    return {key: st.query_params.get_all(key) for key in st.query_params}


def init_from_url(prep: Prepared) -> None:
    """On a session's first run, before any widget: copy the link's filters, language and
    event into the widgets' state (later runs keep the widgets' own state)."""
    if st.session_state.get(session.KEY_READY):
        return
    events = prep.data.events
    url = parse_url_params(
        _current_params(),
        countries=set(country_counts(events).index),
        themes=set(THEMES),
        event_ids=set(events["id"]),
    )
    state = url.filters
    st.session_state[session.KEY_LANG] = url.lang
    st.session_state[session.KEY_COUNTRY] = list(state.countries)
    st.session_state[session.KEY_THEME] = list(state.themes)
    st.session_state[session.KEY_QUERY] = state.query
    st.session_state[session.KEY_IMPORTANCE] = state.min_importance
    st.session_state[session.KEY_EXACT] = (state.date_from, state.date_to)
    st.session_state[session.KEY_PERIOD] = slider_value(prep.months, state.date_from, state.date_to)
    st.session_state[session.KEY_EVENT] = url.event
    st.session_state[session.KEY_NOTICES] = [f"{name}={value}" for name, value in url.ignored]
    st.session_state[session.KEY_READY] = True


def sync_url(view: View) -> None:
    """Write the current view into the URL, so the link reproduces it."""
    wanted = url_params(view.filters, view.lang, session.selected_event())
    normalized = {k: v if isinstance(v, list) else [v] for k, v in wanted.items()}
    if _current_params() != normalized:
        st.query_params.from_dict(wanted)
