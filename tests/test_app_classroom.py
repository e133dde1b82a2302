"""AppTest of the classroom page: moving between slides, reveal, filters, URL position."""

from apptest_helpers import run_app
from streamlit.testing.v1 import AppTest

from events.store.tables import load_dataset

EVENTS = load_dataset().events  # already in date order
ORDER = list(EVENTS["id"])


def open_classroom(params: dict | None = None) -> AppTest:
    return run_app(params, page="pages/classroom.py")


def slide_title(at: AppTest) -> str:
    return next(m.value for m in at.main.markdown if m.value.startswith("# "))[2:]


def current(at: AppTest) -> str:
    value = at.query_params["event"]
    return value[0] if isinstance(value, list) else value


def click(at: AppTest, step: str) -> AppTest:
    at.button(key=f"classroom.{step}").click().run()
    assert not at.exception, at.exception
    return at


def test_starts_at_the_first_event_and_previous_stops_there():
    at = open_classroom()
    assert current(at) == ORDER[0]
    assert slide_title(at) == EVENTS.iloc[0]["title_de"]
    click(at, "previous")
    assert current(at) == ORDER[0]
    assert any(m.value == f"### 1 / {len(ORDER)}" for m in at.main.markdown)


def test_next_moves_and_stops_at_the_last():
    at = open_classroom()
    click(at, "next")
    assert current(at) == ORDER[1]
    click(at, "last")
    assert current(at) == ORDER[-1]
    click(at, "next")
    assert current(at) == ORDER[-1]
    click(at, "first")
    assert current(at) == ORDER[0]


def test_the_link_keeps_the_place():
    at = open_classroom({"event": ORDER[5]})
    assert slide_title(at) == EVENTS.iloc[5]["title_de"]
    click(at, "next")
    assert current(at) == ORDER[6]


def test_hide_dates_and_reveal():
    at = open_classroom({"event": "azal-8243-crash"})
    at.toggle(key="classroom.hide").set_value(True).run()
    text = " ".join(m.value for m in at.main.markdown)
    assert "Dezember 2024" not in text and "Ratet" in text
    at.button(key="classroom.reveal").click().run()
    assert "25. Dezember 2024" in " ".join(m.value for m in at.main.markdown)
    click(at, "next")  # the next slide starts hidden again
    assert "Ratet" in " ".join(m.value for m in at.main.markdown)


def test_the_filters_decide_the_slides():
    armenia = [i for i in ORDER if "ARM" in EVENTS.set_index("id").loc[i, "countries"]]
    at = open_classroom({"country": "ARM"})
    assert current(at) == armenia[0]
    assert any(m.value == f"### 1 / {len(armenia)}" for m in at.main.markdown)
    click(at, "last")
    assert current(at) == armenia[-1]


def test_importance_level_and_english():
    key_events = list(EVENTS[EVENTS["importance"] == 3]["id"])
    at = open_classroom({"lang": "en"})
    at.radio(key="classroom.importance").set_value(3).run()
    assert current(at) == key_events[0]
    assert slide_title(at) == EVENTS.set_index("id").loc[key_events[0], "title_en"]
