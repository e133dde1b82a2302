"""The Editor page's session-state keys, shared by its steps (`ui.editor*`)."""

import streamlit as st

K_GRANTED = "editor.granted"


K_ATTEMPTS = "editor.attempts"


K_DRAFT = "editor.draft"


K_CONFLICT = "editor.conflict"


K_FLASH = "editor.flash"


K_WHO = "editor.who"


K_LOCK_MESSAGE = "editor.lock_message"


K_NOT_READY = "editor.not_ready"
CANDIDATE_PREFIX = "editor.c."  # the widgets of the draft's candidates


def clear_candidate_widgets() -> None:
    """Forget the widgets of the previous draft's candidates."""
    for key in [k for k in st.session_state if str(k).startswith(CANDIDATE_PREFIX)]:
        del st.session_state[key]


def step_button(label: str, key: str, callback, view) -> None:
    """The primary button that ends a step; `callback(view)` runs before the next rerun."""
    st.button(label, key=key, type="primary", on_click=callback, args=(view,))
