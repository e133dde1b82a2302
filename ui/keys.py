"""Classroom keys that work whatever has focus: a small offline component (components v2).

`st.button(shortcut=...)` listens only while no widget takes the key: with a radio focused,
← and → change the radio, and "." is not supported at all. The component in
`ui/components/keys/keys.js` listens page-wide in the capture phase, cancels the key's default
action and sends the action here. Black screen (B or .) and full screen (F) happen in the browser
at once; Python gets told as well.
"""

from pathlib import Path

import streamlit as st
from streamlit.components.v2 import component

from events.locale import t

KEY = "classroom.keys"
ACTIONS = ("next", "previous", "first", "last", "black", "resume", "fullscreen", "escape")
MOVES = {"next": "next", "previous": "previous", "first": "first", "last": "last"}
_JS = (Path(__file__).parent / "components" / "keys" / "keys.js").read_text(encoding="utf-8")

_keys_component = component("timeline_classroom.keys", js=_JS, isolate_styles=True)


def _ignore() -> None:
    """State changes only need the rerun Streamlit does anyway."""


def _seen_key(key: str) -> str:
    return f"{key}.seen"


def classroom_keys(lang: str | None = None, key: str = KEY) -> list[str]:
    """The actions of the keys pressed since the last run, oldest first ("next", "previous",
    "first", "last", "black", "resume", "fullscreen", "escape"); mounts the listener."""
    data = {"blackout_label": t("keys_blackout", lang)}
    result = _keys_component(
        key=key,
        data=data,
        default={"presses": None},
        on_presses_change=_ignore,
        height=0,
    )
    st.html(f"<style>.st-key-{key.replace('.', '-')} {{ display: none; }}</style>")
    presses = result.presses or {}
    seen = st.session_state.get(_seen_key(key), 0)
    fresh = [
        action
        for seq, action in presses.get("log", [])
        if isinstance(seq, int) and seq > seen and action in ACTIONS
    ]
    st.session_state[_seen_key(key)] = max(seen, int(presses.get("seq", 0) or 0))
    return fresh


def classroom_key(lang: str | None = None, key: str = KEY) -> str | None:
    """The latest action since the last run, or None (see `classroom_keys`)."""
    fresh = classroom_keys(lang, key)
    return fresh[-1] if fresh else None


def key_presses(actions: list[str], last_seq: int = 0) -> dict:
    """The state the browser sends after `actions` (following press number `last_seq`): for
    AppTest, `at.session_state[KEY] = {"presses": key_presses(["next"])}` presses a key."""
    log = [[last_seq + n, action] for n, action in enumerate(actions, start=1)]
    return {"seq": last_seq + len(actions), "log": log}


def slide_moves(actions: list[str]) -> list[str]:
    """The slide steps among `actions` (first / previous / next / last), in order."""
    return [MOVES[action] for action in actions if action in MOVES]
