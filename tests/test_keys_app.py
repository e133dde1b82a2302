"""Classroom keys on the Python side (AppTest): each press counts once, in order."""

from streamlit.testing.v1 import AppTest

from ui.keys import KEY, key_presses, slide_moves

APP = "browser/apps/keys_app.py"


def texts(at: AppTest) -> list[str]:
    return [element.value for element in at.text]


def press(at: AppTest, actions: list[str], last_seq: int = 0) -> AppTest:
    at.session_state[KEY] = {"presses": key_presses(actions, last_seq)}
    return at.run(timeout=30)


def test_no_key_no_move():
    at = AppTest.from_file(APP).run(timeout=30)
    assert not at.exception
    assert texts(at)[:2] == ["slide=s1", "log="]


def test_each_press_counts_once_even_after_other_reruns():
    at = AppTest.from_file(APP).run(timeout=30)
    press(at, ["next", "next"])
    assert texts(at)[:2] == ["slide=s3", "log=next,next"]
    at.radio[0].set_value("alle").run(timeout=30)  # a rerun with the same component state
    assert texts(at)[:2] == ["slide=s3", "log=next,next"]
    press(at, ["last", "previous", "black"], last_seq=2)
    assert texts(at)[:2] == ["slide=s9", "log=next,next,last,previous,black"]


def test_old_and_unknown_presses_are_ignored():
    at = AppTest.from_file(APP).run(timeout=30)
    press(at, ["next", "next", "next"])
    at.session_state[KEY] = {"presses": {"seq": 3, "log": [[2, "next"], [3, "next"]]}}
    at.run(timeout=30)
    assert texts(at)[0] == "slide=s4"
    at.session_state[KEY] = {"presses": {"seq": 5, "log": [[4, "explode"], ["5", "next"]]}}
    at.run(timeout=30)
    assert texts(at)[:2] == ["slide=s4", "log=next,next,next"]


def test_key_presses_and_slide_moves():
    assert key_presses(["next", "black"], 4) == {"seq": 6, "log": [[5, "next"], [6, "black"]]}
    assert slide_moves(["next", "black", "resume", "first", "escape", "last"]) == [
        "next",
        "first",
        "last",
    ]
