"""AppTest of the classroom page: moving between slides, reveal, filters, URL position."""

import re

from apptest_helpers import as_list, notice_text, run_app, shown
from streamlit.testing.v1 import AppTest

from events.store.tables import load_dataset
from ui.keys import KEY, key_presses

EVENTS = load_dataset().events  # already in date order
ORDER = list(EVENTS["id"])


def open_classroom(params: dict | None = None) -> AppTest:
    return run_app(params, page="pages/classroom.py")


def slide_title(at: AppTest) -> str:
    return next(shown(m.value) for m in at.main.markdown if m.value.startswith("# "))[2:]


def progress_text(at: AppTest) -> str:
    return next(shown(m.value) for m in at.main.markdown if re.fullmatch(r"\d+ / \d+", m.value))


def current(at: AppTest) -> str:
    value = at.query_params["event"]
    return value[0] if isinstance(value, list) else value


def press(at: AppTest, actions: list[str], last_seq: int = 0) -> AppTest:
    at.session_state[KEY] = {"presses": key_presses(actions, last_seq)}
    at.run()
    assert not at.exception, at.exception
    return at


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
    assert progress_text(at) == f"1 / {len(ORDER)}"


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
    text = " ".join(shown(m.value) for m in at.main.markdown)
    assert "Dezember 2024" not in text and "Ratet" in text
    at.button(key="classroom.reveal").click().run()
    assert "25. Dezember 2024" in " ".join(shown(m.value) for m in at.main.markdown)
    click(at, "next")  # the next slide starts hidden again
    assert "Ratet" in " ".join(shown(m.value) for m in at.main.markdown)


def test_the_filters_decide_the_slides():
    armenia = [i for i in ORDER if "ARM" in EVENTS.set_index("id").loc[i, "countries"]]
    at = open_classroom({"country": "ARM"})
    assert current(at) == armenia[0]
    assert progress_text(at) == f"1 / {len(armenia)}"
    click(at, "last")
    assert current(at) == armenia[-1]


def test_importance_level_and_english():
    key_events = list(EVENTS[EVENTS["importance"] == 3]["id"])
    at = open_classroom({"lang": "en"})
    at.radio(key="classroom.importance").set_value(3).run()
    assert current(at) == key_events[0]
    assert slide_title(at) == EVENTS.set_index("id").loc[key_events[0], "title_en"]


def slide_text(at: AppTest) -> str:
    return " ".join(shown(m.value) for m in at.main.markdown)


def test_modes_from_the_link_and_back_into_it():
    at = open_classroom({"hide": "1", "contrast": "1", "event": "azal-8243-crash"})
    assert at.toggle(key="classroom.hide").value and at.toggle(key="classroom.contrast").value
    assert "Ratet" in slide_text(at) and "2024" not in slide_text(at)
    assert as_list(at.query_params["hide"]) == as_list(at.query_params["contrast"]) == ["1"]
    at.toggle(key="classroom.hide").set_value(False).run()
    assert "hide" not in at.query_params and "25. Dezember 2024" in slide_text(at)


def test_presentation_mode_from_the_link_hides_every_control():
    at = open_classroom({"present": "1", "hide": "1", "lang": "en"})
    keys = {button.key for button in at.main.button}
    assert keys == {"classroom.exit", "classroom.reveal"}
    assert not at.main.toggle and not at.main.radio
    assert as_list(at.query_params["present"]) == ["1"]
    at.button(key="classroom.exit").click().run()
    assert "present" not in at.query_params
    assert {"classroom.next", "classroom.present"} <= {b.key for b in at.main.button}
    at.button(key="classroom.present").click().run()
    assert as_list(at.query_params["present"]) == ["1"] and not at.main.toggle


def test_hidden_dates_mask_title_summary_and_source_line():
    title = "Krieg um Luhansk und Donezk seit 2014"
    war = EVENTS[EVENTS["title_de"] == title]
    at = open_classroom({"hide": "1", "event": war.iloc[0]["id"]})
    text = slide_text(at)
    assert "▢▢▢" in slide_title(at) and "2014" not in text
    assert not re.search(r"\b20\d\d\b", text), text


def test_keys_move_reveal_in_presentation_mode_and_escape_leaves_it():
    at = open_classroom({"present": "1", "hide": "1"})
    press(at, ["next"])  # a hidden date is revealed first
    assert current(at) == ORDER[0] and "Ratet" not in slide_text(at)
    press(at, ["next"], last_seq=1)
    assert current(at) == ORDER[1] and "Ratet" in slide_text(at)
    press(at, ["last", "previous", "escape"], last_seq=2)
    assert current(at) == ORDER[-2] and "present" not in at.query_params


def test_keys_in_normal_mode_move_and_keep_the_controls():
    at = open_classroom({"hide": "1"})
    at.radio(key="classroom.importance").set_value(2).run()
    two = list(EVENTS[EVENTS["importance"] >= 2]["id"])
    press(at, ["next", "next"])
    assert current(at) == two[2] and "Ratet" in slide_text(at)
    assert at.radio(key="classroom.importance").value == 2 and as_list(
        at.query_params["importance"]
    ) == ["2"]
    assert at.toggle(key="classroom.hide").value


def test_ignored_mode_values_are_noticed():
    at = open_classroom({"present": "yes", "round": "x"})
    notice = notice_text(at)
    assert "present=yes" in notice and "round=x" in notice
    assert "present" not in at.query_params


def test_hostile_link_values_are_echoed_as_short_plain_text():
    link = "[klick](https://evil.example/e)"
    at = open_classroom({"event": link, "hide": "![](https://evil.example/e.png)", "q": "x"})
    notice = notice_text(at)
    assert f"event={link}" in notice and "hide=![](https://evil.example/e.png)" in notice
    assert "<a " not in notice and "<img" not in notice  # plain text, never markdown
    assert not [m for m in at.markdown if "evil.example" in m.value]
    at = open_classroom({"round": "`$x$`" + "a" * 10_000})
    notice = notice_text(at)
    echoed = re.search(r"round=`\$x\$`a*…", notice)
    assert echoed and len(echoed[0]) == 60  # cut to 60 characters, not 10 kB
