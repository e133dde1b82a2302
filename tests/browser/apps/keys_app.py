"""Test app for the classroom keys: a slide counter moved by keys, next to a radio, a toggle and a
text field that must never change when a key is meant for the slides."""

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[3]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

import streamlit as st  # noqa: E402

from events.queries.presentation import move  # noqa: E402
from ui.keys import classroom_keys, slide_moves  # noqa: E402

SLIDES = [f"s{n}" for n in range(1, 11)]

actions = classroom_keys("de")
slide = st.session_state.get("keys_app.slide", SLIDES[0])
for step in slide_moves(actions):
    slide = move(SLIDES, slide, step)
st.session_state["keys_app.slide"] = slide
st.session_state["keys_app.log"] = [*st.session_state.get("keys_app.log", []), *actions]
st.session_state["keys_app.runs"] = st.session_state.get("keys_app.runs", 0) + 1

with st.container(key="keys_app-state"):
    st.text(f"slide={slide}")
    st.text(f"log={','.join(st.session_state['keys_app.log'])}")
    st.text(f"runs={st.session_state['keys_app.runs']}")
st.radio("Ereignisse", ["wichtig", "mittel", "alle"], key="keys_app.radio", horizontal=True)
st.toggle("Daten verbergen", key="keys_app.toggle")
st.text_input("Suche", key="keys_app.search")
