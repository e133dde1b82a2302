"""The one selection path: chart points and table rows choose an event through select_event."""

from types import SimpleNamespace

import pytest

from ui import session


@pytest.fixture
def state(monkeypatch) -> dict:
    """ui.session on a plain dict instead of Streamlit's session state."""
    fake = {}
    monkeypatch.setattr(session, "st", SimpleNamespace(session_state=fake))
    return fake


def test_a_chart_point_selects_its_event_and_where(state):
    state["chart"] = {"selection": {"points": [{"customdata": ["war", "2014"]}]}}
    session.on_chart_pick("chart", "country")()
    assert session.selected_event() == "war"
    assert session.picked_at() == "country"


def test_a_table_row_selects_the_event_of_that_row(state):
    state["list"] = {"selection": {"rows": [1]}}
    session.on_table_pick("list", ["crash", "lavrov", "war"])()
    assert session.selected_event() == "lavrov"
    assert session.picked_at() is None


@pytest.mark.parametrize(
    "selection", [{}, {"selection": {"points": []}}, {"selection": {"rows": []}}]
)
def test_an_emptied_selection_keeps_the_chosen_event(state, selection):
    session.select_event("crash", "pair")
    state["chart"] = state["list"] = selection
    session.on_chart_pick("chart")()
    session.on_table_pick("list", ["war"])()
    assert session.selected_event() == "crash"
    assert session.picked_at() == "pair"


def test_unknown_language_is_german(state):
    state[session.KEY_LANG] = "fr"
    assert session.current_lang() == "de"
    state[session.KEY_LANG] = "en"
    assert session.current_lang() == "en"
