"""Timeline page: the filter line, the filtered events on a Plotly timeline, the story view
below it (the chart's text version), a compact table for teachers; the chosen event's card opens
in a dialog."""

import streamlit as st

from events.charts.timeline import timeline_figure
from events.locale import t
from events.queries.filters import data_range_months
from ui.card import render_card_with_close
from ui.event_list import render_event_list
from ui.filterline import render_filter_line
from ui.navigation import page_view
from ui.session import on_chart_pick, selected_event
from ui.story import render_intro, render_story
from ui.view import show_table_problems

view = page_view()
lang = view.lang
st.title(t("timeline_title", lang))
render_intro(lang)
render_filter_line(view)
show_table_problems(view)
st.caption(t("timeline_intro", lang))

left, right = st.columns(2)
lane_by = left.radio(
    t("lanes", lang),
    ("theme", "country"),
    key="timeline.lane",
    format_func=lambda v: t(f"lanes_{v}", lang),
    horizontal=True,
)
zoom = right.radio(
    t("zoom", lang),
    ("all", "recent", "last12"),
    key="timeline.zoom",
    format_func=lambda v: t(f"zoom_{v}", lang),
    horizontal=True,
)

events = view.events
if events.empty:
    st.warning(t("no_events", lang))
else:
    x_range = None
    if zoom == "recent":
        x_range = ("2020-01-01", "2025-12-31")
    elif zoom == "last12":
        x_range = data_range_months(view.all_events, 12)
    fig = timeline_figure(
        events,
        lang=lang,
        lane_by=lane_by,
        country_names=view.country_names,
        described_dates=view.dates_in_words,
        selected_id=selected_event(),
        x_range=x_range,
        focus_countries=view.filters.countries,
    )
    st.plotly_chart(
        fig,
        key="timeline.chart",
        on_select=on_chart_pick("timeline.chart"),
        selection_mode="points",
        config={"displaylogo": False, "scrollZoom": True},
    )
    render_story(view, events)
    # lazy: the table is built only while the expander is open (it costs a rerun ~0.1 s at 10k)
    with st.expander(t("teacher_table", lang), key="timeline.teacher", on_change="rerun") as box:
        if box.open:
            render_event_list(view, events, key="timeline.list")

render_card_with_close(view, key="timeline.close")
