"""The link and the session: a link's parameters become the widgets' state once per session;
after every run the view is written back, so the link reproduces it."""

import streamlit as st

from events.model.themes import THEMES
from events.queries.filters import Modes, country_counts, parse_url_params, url_params
from events.queries.slider import slider_value
from ui import session
from ui.data import Prepared
from ui.view import View

# The modes a link can carry (`hide`, `contrast`, `present`, `round`), kept for the session; a
# page that uses them puts them into its link with `link_modes` in each run.
KEY_HIDE = "modes.hide"
KEY_CONTRAST = "modes.contrast"
KEY_PRESENT = "modes.present"
KEY_ROUND = "modes.round"
_KEY_LINKED = "modes.linked"


def _current_params() -> dict[str, list[str]]:
    return {key: st.query_params.get_all(key) for key in st.query_params}


def notice(name: str, value: str) -> str:
    """An ignored link value as 'name=value' on one line (ui.filterline cuts it short and shows
    it as plain text, so no markdown link, image, KaTeX or autolink from a link renders)."""
    return " ".join(f"{name}={value}".split())


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
    st.session_state[KEY_HIDE] = url.modes.hide
    st.session_state[KEY_CONTRAST] = url.modes.contrast
    st.session_state[KEY_PRESENT] = url.modes.present
    st.session_state[KEY_ROUND] = url.modes.round
    st.session_state[session.KEY_NOTICES] = [notice(name, value) for name, value in url.ignored]
    st.session_state[session.KEY_READY] = True


def current_modes() -> Modes:
    """The session's modes (from the link at first, then as the pages set them)."""
    return Modes(
        hide=bool(st.session_state.get(KEY_HIDE)),
        contrast=bool(st.session_state.get(KEY_CONTRAST)),
        present=bool(st.session_state.get(KEY_PRESENT)),
        round=st.session_state.get(KEY_ROUND),
    )


def link_modes(*names: str) -> None:
    """This run's page uses the modes `names` ("hide", "contrast", "present", "round"): they go
    into the link (other pages leave them out, but the session keeps them)."""
    st.session_state[_KEY_LINKED] = names


def sync_url(view: View) -> None:
    """Write the current view into the URL, so the link reproduces it."""
    names = st.session_state.pop(_KEY_LINKED, ())
    modes = current_modes()
    linked = Modes(**{name: getattr(modes, name) for name in names})
    wanted = url_params(view.filters, view.lang, session.selected_event(), linked)
    normalized = {k: v if isinstance(v, list) else [v] for k, v in wanted.items()}
    if _current_params() != normalized:
        st.query_params.from_dict(wanted)
