"""Page-wide accessibility: `<html lang>` follows the UI language, and the focus goes to a
sensible control after a run that removed the focused one (closing the card, "show more", the
Classroom's reveal and presentation mode on/off): the one place that moves the focus.

Streamlit 1.67 serves every page with `<html lang="en">`; screen readers pick the voice from
it. A tiny components-v2 script (no iframe, runs in the app's document, like ui/keys.py) sets
`document.documentElement.lang` on every run. st.html would need `unsafe_allow_javascript`;
a component keeps the script a fixed file with only the language (and a CSS selector of
the app's own making) passed as data.
"""

from pathlib import Path

import streamlit as st
from streamlit.components.v2 import component

from ui.text import esc

KEY = "a11y.lang"
KEY_FOCUS = "a11y.focus"
_KEY_SEQ = "a11y.focus_seq"
_JS = (Path(__file__).parent / "components" / "a11y" / "lang.js").read_text(encoding="utf-8")

_lang_component = component("timeline_a11y.lang", js=_JS, isolate_styles=True)


# hidden from sight by its own style attribute, so it never shows, not even before the page's
# stylesheet arrives (ui/style.py takes its element container out of the page's flow there, so
# it adds no gap: the Classroom slide must still fit a beamer screen)
SR_ONLY_STYLE = (
    "position: absolute; width: 1px; height: 1px; padding: 0; margin: -1px; overflow: hidden;"
    " clip: rect(0, 0, 0, 0); white-space: nowrap; border: 0;"
)


def chart_alt(text: str) -> None:
    """A chart's text alternative for screen readers, right before the chart: what it shows and
    where its text version is on the page (`text` from the locale files)."""
    st.html(f'<p class="sr-only" role="note" style="{SR_ONLY_STYLE}">{esc(text)}</p>')


def focus_after_run(selector: str) -> None:
    """After the next run, put the keyboard focus on the element `selector` (once; nothing
    happens when the page has no such element). Call it from a widget callback."""
    st.session_state[KEY_FOCUS] = selector


def set_document_lang(lang: str) -> None:
    """Mount the script that sets `<html lang>` to `lang` ("de" or "en") and moves the focus a
    callback asked for (`focus_after_run`); takes no space."""
    data: dict = {"lang": lang}
    if selector := st.session_state.pop(KEY_FOCUS, None):
        seq = st.session_state.get(_KEY_SEQ, 0) + 1
        st.session_state[_KEY_SEQ] = seq
        data |= {"focus": selector, "focus_seq": seq}
    _lang_component(key=KEY, data=data, height=0)
    st.html(f"<style>.st-key-{KEY.replace('.', '-')} {{ display: none; }}</style>")
