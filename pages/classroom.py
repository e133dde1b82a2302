"""Classroom page: the filtered events one at a time, in large type, for a beamer."""

import streamlit as st

from events.locale import t
from events.queries.presentation import progress, slide_events, slim_timeline
from ui.a11y import chart_alt
from ui.classroom import (
    apply_keys,
    is_revealed,
    mirror_widgets,
    page_css,
    render_controls,
    render_exit,
    render_nav,
    render_slide,
)
from ui.keys import classroom_keys
from ui.navigation import page_view
from ui.session import select_event, selected_event
from ui.url import current_modes, link_modes

view = page_view()
lang = view.lang
link_modes("hide", "contrast", "present")
actions = classroom_keys(lang)

slides = slide_events(view.events)  # the sidebar's importance filter is the page's level
ids = list(slides["id"])
if ids:
    select_event(selected_event() if selected_event() in ids else ids[0])
    apply_keys(ids, actions)
modes = current_modes()
st.html(page_css(modes.present, modes.contrast))
if modes.present:
    render_exit(lang)
else:
    mirror_widgets()
    render_controls(lang)
if not ids:
    st.info(t("classroom_none", lang))
    st.stop()

current = selected_event()
event = slides.set_index("id", drop=False).loc[current]
hidden = modes.hide and not is_revealed(current)
render_slide(view, event, hidden, modes.present)

timeline, count = st.columns([7, 1], vertical_alignment="center")
with timeline:
    chart_alt(t("chart_alt_slide", lang))
timeline.plotly_chart(
    slim_timeline(slides, current, hidden, height=90, contrast=modes.contrast),
    key="classroom.timeline",
    config={"displayModeBar": False, "staticPlot": True},
)
with count.container(key="classroom-progress"):
    st.markdown(progress(ids, current))
if not modes.present:
    render_nav(ids, lang)
    with st.container(key="classroom-help"):
        st.markdown(t("keys_help", lang))
