"""Classroom page: the filtered events one at a time, in large type, for a beamer."""

import streamlit as st

from events.locale import t
from events.model.countries import country_name
from events.model.fuzzy_dates import describe_date
from events.queries.presentation import (
    mask_dates,
    progress,
    short_summary,
    slide_events,
    slim_timeline,
)
from ui.card import md_escape
from ui.classroom import SLIDE_CSS, compact_source_line, is_revealed, render_nav, reveal
from ui.navigation import page_view
from ui.session import select_event, selected_event

view = page_view()
lang = view.lang
st.html(SLIDE_CSS)

options = st.columns([3, 2, 2])
level = options[0].radio(
    t("classroom_level", lang),
    (1, 2, 3),
    key="classroom.importance",
    format_func=lambda n: t(f"importance_{n}", lang),
    horizontal=True,
)
hide_dates = options[1].toggle(t("classroom_hide", lang), key="classroom.hide")
contrast = options[2].toggle(t("classroom_contrast", lang), key="classroom.contrast")

slides = slide_events(view.events, level)
ids = list(slides["id"])
if not ids:
    st.info(t("classroom_none", lang))
    st.stop()
current = selected_event() if selected_event() in ids else ids[0]
select_event(current)
event = slides.set_index("id", drop=False).loc[current]
data = view.data

with st.container(key="classroom-slide-hc" if contrast else "classroom-slide"):
    st.markdown(f"# {md_escape(event[f'title_{lang}'])}")
    if hide_dates and not is_revealed(current):
        st.markdown(f"**{t('classroom_hidden', lang)}**")
        st.button(
            t("classroom_reveal", lang), key="classroom.reveal", on_click=reveal, args=(current,)
        )
    else:
        written = f" · „{md_escape(event['date_text'])}“" if event["date_text"] else ""
        st.markdown(f"**{md_escape(describe_date(event['date'], lang))}**{written}")
    summary = short_summary(event[f"summary_{lang}"])
    hidden = hide_dates and not is_revealed(current)
    st.markdown(md_escape(mask_dates(summary) if hidden else summary))
    countries = ", ".join(country_name(code, lang) for code in event["countries"])
    sources = data.sources.set_index("id")
    used = data.evidence[data.evidence["event_id"] == current]["source"].unique()
    lines = [compact_source_line(sources.loc[s], lang) for s in used if s in sources.index]
    st.markdown(f"**{md_escape(countries)}**")
    st.caption(md_escape(f"{t('classroom_source', lang)}: {' | '.join(lines) or '–'}"))

st.plotly_chart(
    slim_timeline(slides, current, hide_dates and not is_revealed(current), height=105),
    key="classroom.timeline",
    config={"displayModeBar": False, "staticPlot": True},
)
nav, count = st.columns([5, 1])
with nav:
    render_nav(ids, lang)
count.markdown(f"### {progress(ids, current)}")
st.caption(t("classroom_keys", lang))
