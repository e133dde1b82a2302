"""Countries page: events per country on a map, the chosen country's timeline, pairs, actors."""

from functools import partial

import streamlit as st

from events.charts.countries import (
    actor_counts,
    choropleth_figure,
    cooccurrence_figure,
    cooccurrence_matrix,
    countries_outside,
    country_pairs,
    events_naming_all,
    events_per_country,
)
from events.charts.timeline import timeline_figure
from events.locale import t
from ui.a11y import chart_alt
from ui.card import render_card_with_close
from ui.countries import (
    KEY_WORLD,
    card_place,
    map_config,
    on_map_click,
    on_pair_click,
    render_actor_pills,
    render_country_pick,
    render_pair_buttons,
    render_pair_pick,
)
from ui.event_list import render_event_list
from ui.navigation import page_view
from ui.session import on_chart_pick, selected_event
from ui.view import device_chart_size, show_table_problems

view = page_view()
lang = view.lang
events = view.events
chosen = view.filters.countries
names = view.country_names
st.title(t("countries_title", lang))
show_table_problems(view)
st.caption(t("countries_intro", lang))

counts = events_per_country(events)
top_col, world_col = st.columns([3, 1], vertical_alignment="bottom")
render_country_pick(counts, chosen, names, lang, top_col)
world = world_col.toggle(t("countries_world", lang), key=KEY_WORLD)
slots = {}
if events.empty:
    st.warning(t("no_events", lang))
else:
    # a fresh chart per filter and view: no stale selection, no view state of the other projection
    map_key = f"countries.map.{'+'.join(chosen)}.{'world' if world else 'region'}"
    chart_alt(t("chart_alt_map", lang))
    st.plotly_chart(
        choropleth_figure(counts, names, lang, world=world, chosen=chosen),
        key=map_key,
        on_select=partial(on_map_click, map_key),
        selection_mode="points",
        config=map_config(),
    )
    hidden = [] if world else countries_outside(counts.index)
    outside = ", ".join(f"{names.get(c, c)} ({counts[c]})" for c in hidden)
    note = t("countries_outside", lang, items=outside) + " " if hidden else ""
    st.caption(note + t("countries_credit", lang))
    slots["map"] = st.container()

if chosen:
    st.header(t("countries_own", lang, names=", ".join(names.get(c, c) for c in chosen)))
    if not events.empty:
        timeline_key = f"countries.timeline.{selected_event() or ''}"
        chart_alt(t("chart_alt_country_timeline", lang))
        st.plotly_chart(
            timeline_figure(
                events,
                lang=lang,
                lane_by="theme" if len(chosen) == 1 else "country",
                country_names=names,
                described_dates=view.dates_in_words,
                selected_id=selected_event(),
                focus_countries=chosen,
                **device_chart_size(),
            ),
            key=timeline_key,
            on_select=on_chart_pick(timeline_key, "country"),
            selection_mode="points",
            config={"displaylogo": False, "scrollZoom": True},
        )
        slots["country"] = st.container()
        render_event_list(view, events, key="countries.list", where="country")

st.header(t("pairs_title", lang))
pairs = country_pairs(events)
if pairs.empty:
    st.caption(t("pairs_empty", lang))
else:
    st.caption(t("pairs_intro", lang))
    heat = st.container()
    with heat:
        chart_alt(t("chart_alt_pairs", lang))
    pick_col, info_col = st.columns([2, 3], vertical_alignment="bottom")
    with pick_col:
        pair = render_pair_pick(pairs, names, lang)
    if pair:
        both = events_naming_all(events, pair)
        with info_col:
            a, b = (names.get(c, c) for c in pair)
            count_key = "pairs_count_one" if len(both) == 1 else "pairs_count"
            st.markdown(f"**{t(count_key, lang, n=len(both), a=a, b=b)}**")
            render_pair_buttons(pair, lang)
    heat_key = "countries.pairs." + "+".join(pair)  # a fresh chart (no stale selection)
    heat.plotly_chart(
        cooccurrence_figure(cooccurrence_matrix(events), names, lang, chosen_pair=pair),
        key=heat_key,
        on_select=partial(on_pair_click, heat_key),
        selection_mode="points",
        config={"displaylogo": False, "displayModeBar": False},
    )
    if pair:
        slots["pair"] = st.container()
        render_event_list(view, both, key="countries.pair_list", where="pair")

st.header(t("actors_title", lang))
actors = actor_counts(events)
if actors.empty:
    st.caption(t("actors_empty", lang))
else:
    render_actor_pills(actors, lang)

place = card_place(slots)
if place is not None:
    with place:
        render_card_with_close(view, key="countries.close")
