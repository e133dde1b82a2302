"""The Editor page's parts: the lock (here), the article input (`ui.editor_input`), the review
of candidates (`ui.editor_review`), saving with conflicts, undo and history (`ui.editor_save`).
All writing goes through `events.store.saving`."""

import os
import time

import streamlit as st

from events.locale import t
from events.store.access import Attempts, Outcome, check_attempt, configured_secret
from ui.editor_input import render_input
from ui.editor_review import render_review
from ui.editor_save import render_history, render_save
from ui.editor_state import K_ATTEMPTS, K_GRANTED, K_LOCK_MESSAGE

__all__ = ["render_history", "render_input", "render_lock", "render_review", "render_save"]


def _secrets():
    """Streamlit's secrets, or None when there is no readable secrets.toml."""
    try:
        return st.secrets
    except Exception:  # noqa: BLE001 - no or a broken secrets.toml: fall back to the environment
        return None


# --- the lock ---------------------------------------------------------------------------------


def _try_secret() -> None:
    """Callback of the unlock button: check the typed secret, then forget it."""
    given = st.session_state.get("editor.secret") or ""
    st.session_state["editor.secret"] = ""
    secret = configured_secret(_secrets(), os.environ)
    attempts = st.session_state.get(K_ATTEMPTS) or Attempts()
    result = check_attempt(secret, given, attempts, time.monotonic())
    st.session_state[K_ATTEMPTS] = result.attempts
    st.session_state[K_GRANTED] = result.outcome is Outcome.GRANTED
    st.session_state[K_LOCK_MESSAGE] = (result.outcome, result.wait_seconds)


def render_lock(lang: str) -> bool:
    """True when this session may edit; otherwise draw the lock (or how to configure one)."""
    secret = configured_secret(_secrets(), os.environ)
    if secret is None:
        st.warning(t("editor_locked", lang), icon=":material/lock:")
        st.markdown(t("editor_how_to", lang))
        return False
    if st.session_state.get(K_GRANTED):
        return True
    with st.form("editor.lock"):
        st.text_input(t("editor_secret", lang), type="password", key="editor.secret")
        st.form_submit_button(t("editor_unlock", lang), on_click=_try_secret)
    outcome, wait = st.session_state.pop(K_LOCK_MESSAGE, (None, 0.0))
    if outcome is Outcome.WAIT:
        st.warning(t("editor_wait", lang, s=f"{wait:.0f}"))
    elif outcome is Outcome.DENIED:
        st.error(t("editor_wrong", lang, s=f"{wait:.0f}"))
    return False


# --- step 1: the article ----------------------------------------------------------------------


# --- step 2: review ---------------------------------------------------------------------------


# --- step 3: save, conflicts, undo, history ---------------------------------------------------
