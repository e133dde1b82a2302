"""Quiz page: questions built from the filtered events (order, when, which country), answered
alone on a phone or laptop, or with the class on a beamer where the teacher reveals answers."""

import streamlit as st

from events.locale import t
from events.queries.quiz import build_round
from ui.classroom import render_exit
from ui.keys import classroom_keys
from ui.navigation import page_view
from ui.quiz import (
    current_index,
    current_seed,
    go_to_question,
    quiz_css,
    render_feedback,
    render_question,
    render_question_nav,
    score_line,
    set_beamer,
    start_new_round,
)
from ui.url import current_modes, link_modes

view = page_view()
lang = view.lang
link_modes("round", "present", "contrast")
seed = current_seed()
rnd = build_round(view.events, seed)
total = len(rnd.questions)
index = current_index(total)

if current_modes().present:
    # On the beamer the clicker moves between questions and Esc ends class mode; a student's
    # page has no key listener, so arrow keys keep working in the slider and the lists.
    for action in classroom_keys(lang, key="quiz.keys"):
        if action in ("next", "previous", "first", "last") and total:
            step = {"next": index + 1, "previous": index - 1, "first": 0, "last": total - 1}
            go_to_question(min(max(step[action], 0), total - 1))
        elif action == "escape":
            set_beamer(False)
    index = current_index(total)
modes = current_modes()
st.html(quiz_css(modes.present, modes.contrast))

if modes.present:
    render_exit(lang)
else:
    st.title(t("quiz_title", lang))
    st.markdown(t("quiz_intro", lang))
with st.container(key="quiz-bar", horizontal=True, vertical_alignment="center"):
    st.markdown(f"**{t('quiz_round', lang, seed=seed)}**")
    st.button(t("quiz_new_round", lang), key="quiz.new_round", on_click=start_new_round)
    if not modes.present:
        st.button(t("quiz_beamer", lang), key="quiz.beamer", on_click=set_beamer, args=(True,))
        st.markdown(score_line(rnd, lang))

if not total:
    st.info(t("quiz_empty", lang))
    st.stop()
if rnd.skipped and not modes.present:
    kinds = ", ".join(t(f"quiz_kind_{kind}", lang) for kind in rnd.skipped)
    st.caption(t("quiz_skipped", lang, kinds=kinds))

question = render_question(view, rnd, index, beamer=modes.present)
render_feedback(view, question)
render_question_nav(rnd, index, lang)
