"""What one browser session remembers: the widget keys of the shared filters, the language and
the selected event.

Every way of choosing an event (a chart point, a list row, a slide button, a link) goes through
`select_event`; charts and lists hand their selection to it in a callback (`on_chart_pick`,
`on_table_pick`), so the card shows in the same run as the click.
"""

from functools import partial

import streamlit as st

from events.charts.countries import codes_from_points
from events.locale import normalize_lang

KEY_LANG = "filters.lang"
KEY_COUNTRY = "filters.country"
KEY_THEME = "filters.theme"
KEY_PERIOD = "filters.period"
KEY_QUERY = "filters.q"
KEY_IMPORTANCE = "filters.importance"
KEY_EXACT = "filters.period_exact"
KEY_NOTICES = "filters.notices"
KEY_READY = "filters.ready"
KEY_EVENT = "app.event"
KEY_PICKED_AT = "app.picked_at"


def current_lang() -> str:
    return normalize_lang(st.session_state.get(KEY_LANG))


def selected_event() -> str | None:
    return st.session_state.get(KEY_EVENT)


def select_event(event_id: str | None, where: str | None = None) -> None:
    """Choose an event (None: no event); `where` names the place it was picked (its card may
    go next to it)."""
    st.session_state[KEY_EVENT] = event_id
    st.session_state[KEY_PICKED_AT] = where


def picked_at() -> str | None:
    """Where the selected event was picked (`where` of `select_event`), if anywhere."""
    return st.session_state.get(KEY_PICKED_AT)


def _selection(widget_key: str) -> dict:
    state = st.session_state.get(widget_key) or {}
    return state.get("selection") or {}


def chart_points(widget_key: str) -> list[dict]:
    """The points selected in the chart `widget_key` (in its on_select callback)."""
    return _selection(widget_key).get("points") or []


def _pick_from_chart(widget_key: str, where: str | None) -> None:
    ids = codes_from_points(chart_points(widget_key))
    if ids:
        select_event(ids[0], where)


def _pick_from_table(widget_key: str, ids: tuple[str, ...], where: str | None) -> None:
    rows = _selection(widget_key).get("rows") or []
    if rows:
        select_event(ids[rows[0]], where)


def on_chart_pick(widget_key: str, where: str | None = None):
    """The `on_select` callback of a chart whose points carry event ids as customdata."""
    return partial(_pick_from_chart, widget_key, where)


def on_table_pick(widget_key: str, ids, where: str | None = None):
    """The `on_select` callback of a table whose rows are the events `ids`, in order."""
    return partial(_pick_from_table, widget_key, tuple(ids), where)
