"""Widgets and callbacks of the Countries page: map and heatmap clicks, country and pair pickers,
actor pills, and where the event card goes.

Clicks change the shared sidebar filters, whose widgets already exist when the page runs, so
every change happens in a callback (before the next run), never in the page body.
"""

import pandas as pd
import streamlit as st

from events.charts.countries import codes_from_points, pair_codes, pair_key
from events.locale import t
from events.model.actors import actor_name
from ui.session import KEY_COUNTRY, KEY_QUERY, chart_points, picked_at
from ui.text import md_literal

KEY_WORLD = "countries.world"
KEY_PICK = "countries.pick"
KEY_PAIR = "countries.pair"
KEY_ACTOR = "countries.actor"
STATIC_TOPOJSON = "app/static/topojson/"


def topojson_url() -> str:
    """Where plotly.js fetches the map shapes: this server's static folder, never the CDN.

    Absolute, so it works on every page path (`/`, `/countries`); honours server.baseUrlPath.
    """
    base = (st.get_option("server.baseUrlPath") or "").strip("/")
    return f"/{base}/{STATIC_TOPOJSON}" if base else f"/{STATIC_TOPOJSON}"


def map_config() -> dict:
    return {"displaylogo": False, "scrollZoom": False, "topojsonURL": topojson_url()}


def on_map_click(key: str) -> None:
    """A country on the map was clicked: it becomes the country filter (again: all countries)."""
    codes = codes_from_points(chart_points(key))
    if codes:
        same = list(st.session_state.get(KEY_COUNTRY, [])) == codes[:1]
        st.session_state[KEY_COUNTRY] = [] if same else codes[:1]


def _on_pick() -> None:
    st.session_state[KEY_COUNTRY] = list(st.session_state[KEY_PICK])


def render_country_pick(
    counts: pd.Series, chosen: tuple[str, ...], names: dict[str, str], lang: str, where
) -> None:
    """A select box with the same effect as a map click (phones, keyboards, tests)."""
    options: list[tuple[str, ...]] = [()] + [(code,) for code in counts.index]
    if chosen and chosen not in options:
        options.insert(1, chosen)
    st.session_state[KEY_PICK] = chosen

    def label(codes: tuple[str, ...]) -> str:
        if not codes:
            return t("countries_all", lang)
        text = ", ".join(names.get(c, c) for c in codes)
        return f"{text} ({counts[codes[0]]})" if len(codes) == 1 and codes[0] in counts else text

    where.selectbox(
        t("countries_pick", lang), options, key=KEY_PICK, format_func=label, on_change=_on_pick
    )


def on_pair_click(key: str) -> None:
    """A heatmap cell was clicked: that pair is chosen (the same cell again: no pair)."""
    keys = codes_from_points(chart_points(key))
    if keys:
        st.session_state[KEY_PAIR] = None if st.session_state.get(KEY_PAIR) == keys[0] else keys[0]


def render_pair_pick(pairs: pd.Series, names: dict[str, str], lang: str) -> tuple[str, ...]:
    """A select box of the country pairs (most shared events first); returns the chosen pair."""
    options = [None] + [pair_key(a, b) for a, b in pairs.index]
    if st.session_state.get(KEY_PAIR) not in options:
        st.session_state[KEY_PAIR] = None

    def label(key: str | None) -> str:
        if key is None:
            return t("pairs_none_chosen", lang)
        a, b = pair_codes(key)
        return f"{names.get(a, a)} + {names.get(b, b)} ({pairs[(a, b)]})"

    chosen = st.selectbox(t("pairs_pick", lang), options, key=KEY_PAIR, format_func=label)
    return pair_codes(chosen) if chosen else ()


def _clear_pair() -> None:
    st.session_state[KEY_PAIR] = None


def _pair_to_filter(codes: tuple[str, ...]) -> None:
    st.session_state[KEY_COUNTRY] = list(codes)


def render_pair_buttons(codes: tuple[str, ...], lang: str) -> None:
    left, right = st.columns(2)
    left.button(t("pairs_clear", lang), key="countries.pair_clear", on_click=_clear_pair)
    right.button(
        t("pairs_to_filter", lang),
        key="countries.pair_filter",
        on_click=_pair_to_filter,
        args=(codes,),
        help=t("pairs_filter_help", lang),
    )


def _on_actor() -> None:
    st.session_state[KEY_QUERY] = st.session_state.get(KEY_ACTOR) or ""


def render_actor_pills(actors: pd.Series, lang: str) -> None:
    """Actors with their counts; picking one searches for it (the sidebar's search field)."""
    options = list(actors.index)
    query = st.session_state.get(KEY_QUERY, "")
    st.session_state[KEY_ACTOR] = query if query in options else None
    st.pills(
        t("actors_pick", lang),
        options,
        key=KEY_ACTOR,
        format_func=lambda actor: md_literal(f"{actor_name(actor, lang)} ({actors[actor]})"),
        on_change=_on_actor,
    )


def card_place(slots: dict) -> object | None:
    """The container the card goes into: next to where the event was picked, else the first."""
    wanted = picked_at()
    return slots.get(wanted) or next(iter(slots.values()), None)
