"""Timeline page: the filtered events on a Plotly timeline, a card for the chosen one, a list."""

import streamlit as st

from events.charts.timeline import timeline_figure
from events.locale import t
from events.model.countries import country_names
from events.queries.filters import data_range_months
from ui.card import render_event_card
from ui.event_list import render_event_list
from ui.state import current_view, select_event, selected_event, show_table_problems

view = current_view()
lang = view.lang
st.title(t("timeline_title", lang))
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
        country_names=country_names(view.all_events["countries"].explode().unique(), lang),
        described_dates=view.prepared.described[lang].loc[events.index],
        selected_id=selected_event(),
        x_range=x_range,
        focus_countries=view.filters.countries,
    )
    clicked = st.plotly_chart(
        fig,
        key="timeline.chart",
        on_select="rerun",
        selection_mode="points",
        config={"displaylogo": False, "scrollZoom": True},
    )
    points = clicked.selection.points if clicked else []
    ids = [p.get("customdata") for p in points if p.get("customdata")]
    click = ids[0] if ids else None
    if click and click != st.session_state.get("timeline.last_click"):
        select_event(click[0] if isinstance(click, list) else click)
    st.session_state["timeline.last_click"] = click

chosen = selected_event()
data = view.prepared.data
if chosen and chosen in set(data.events["id"]):
    event = data.events.set_index("id", drop=False).loc[chosen]
    render_event_card(event, data.evidence, data.sources, lang)
    st.button(t("close_card", lang), key="timeline.close", on_click=select_event, args=(None,))

st.subheader(t("list_title", lang))
render_event_list(events, view.prepared.described[lang], lang, key="timeline.list")
