"""Timeline page: the filter line, the filtered events on a Plotly timeline, the story view
below it (the chart's text version), a compact table for teachers; the chosen event's card opens
in a dialog."""

import streamlit as st

from events.charts.timeline import timeline_figure
from events.locale import t
from events.queries.ranges import named_ranges
from ui.a11y import chart_alt
from ui.card import render_card_with_close
from ui.event_list import render_event_list
from ui.exports import render_exports
from ui.filterline import render_filter_line
from ui.navigation import page_view
from ui.session import on_chart_pick, selected_event
from ui.story import render_intro, render_story
from ui.view import device_chart_size, show_table_problems

view = page_view()
lang = view.lang
st.title(t("timeline_title", lang))
render_intro(lang)
render_filter_line(view)
show_table_problems(view)
st.caption(t("timeline_intro", lang))

left, right = st.columns([1, 2])
lane_by = left.radio(
    t("lanes", lang),
    ("theme", "country"),
    key="timeline.lane",
    format_func=lambda v: t(f"lanes_{v}", lang),
    horizontal=True,
)
# the presets come from the selected events: the dense part (default), all, the last 12 months
ranges = {r.key: r for r in named_ranges(view.events, lang)}
if st.session_state.get("timeline.zoom") not in ranges:
    st.session_state.pop("timeline.zoom", None)
zoom = right.radio(
    t("zoom", lang),
    tuple(ranges),
    key="timeline.zoom",
    format_func=lambda key: ranges[key].name,
    captions=[r.span for r in ranges.values()],
    horizontal=True,
)

events = view.events
if events.empty:
    st.warning(t("no_events", lang))
else:
    chosen = ranges.get(zoom)
    fig = timeline_figure(
        events,
        lang=lang,
        lane_by=lane_by,
        country_names=view.country_names,
        described_dates=view.dates_in_words,
        selected_id=selected_event(),
        x_range=(chosen.start, chosen.end) if chosen else None,
        focus_countries=view.filters.countries,
        focus_themes=view.filters.themes,
        **device_chart_size(),
    )
    chart_alt(t("chart_alt_timeline", lang))
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
    render_exports(view)

render_card_with_close(view, key="timeline.close")
