"""Editor page (teachers with the editor secret): add an article, review its candidate events,
save them into the tables, undo, history."""

import streamlit as st

from events.locale import t
from ui.editor import render_history, render_input, render_lock, render_review, render_save
from ui.navigation import page_view

view = page_view()
lang = view.lang
st.title(t("editor_title", lang))
if render_lock(lang):
    render_input(view)
    decisions, valid = render_review(view)
    render_save(view, decisions, valid)
    render_history(view)
