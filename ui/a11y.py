"""Page-wide accessibility: `<html lang>` follows the UI language.

Streamlit 1.67 serves every page with `<html lang="en">`; screen readers pick the voice from
it. A tiny components-v2 script (no iframe, runs in the app's document, like ui/keys.py) sets
`document.documentElement.lang` on every run. st.html would need `unsafe_allow_javascript`;
a component keeps the script a fixed file with only the language passed as data.
"""

from pathlib import Path

import streamlit as st
from streamlit.components.v2 import component

KEY = "a11y.lang"
_JS = (Path(__file__).parent / "components" / "a11y" / "lang.js").read_text(encoding="utf-8")

_lang_component = component("timeline_a11y.lang", js=_JS, isolate_styles=True)


def set_document_lang(lang: str) -> None:
    """Mount the script that sets `<html lang>` to `lang` ("de" or "en"); takes no space."""
    _lang_component(key=KEY, data={"lang": lang}, height=0)
    st.html(f"<style>.st-key-{KEY.replace('.', '-')} {{ display: none; }}</style>")
