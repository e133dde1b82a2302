"""The top of the main area: notices about ignored link values (as plain text, cut short) and
the filter line with its one-click reset."""

import streamlit as st

from events.locale import t
from events.queries.filterline import filter_line, is_filtered
from ui.session import KEY_NOTICES
from ui.sidebar import reset_filters
from ui.story import render_story_link
from ui.text import cut, show_html, show_text
from ui.view import View

# constant stylesheets (no data in them)
NOTICE_CSS = (
    "<style>.notice { background: #fff4d6; color: #31333f; padding: 0.4rem 0.7rem;"
    " border-radius: 0.4rem; margin: 0; overflow-wrap: anywhere; }</style>"
)
FILTERLINE_CSS = (
    "<style>.filterline { font-weight: 600; margin: 0.2rem 0; overflow-wrap: anywhere; }"
    " .skip-story { margin: 0; font-size: 0.95rem; }</style>"
)
MAX_NOTICES = 5  # more ignored values are summed up as '…'
NOTICE_ITEM = 60  # characters of one echoed link value


def notice_items(notices: list[str]) -> str:
    """The ignored 'name=value' items, each cut short, at most MAX_NOTICES of them."""
    items = [cut(item, NOTICE_ITEM) for item in notices[:MAX_NOTICES]]
    if len(notices) > MAX_NOTICES:
        items.append("…")
    return ", ".join(items)


def render_link_notices(lang: str) -> None:
    """Which values of the link were ignored, literally (a link value never becomes a link)."""
    notices = st.session_state.get(KEY_NOTICES)
    if notices:
        show_html(NOTICE_CSS)
        show_text(t("notice_ignored", lang, items=notice_items(notices)), "notice", role="status")


def render_filter_line(view: View) -> None:
    """'Gefiltert: Armenien · 2023 – Juli 2025 · 8 von 43 Ereignissen', a reset button when
    filtered, and the link down to the story view."""
    lang = view.lang
    show_html(FILTERLINE_CSS)
    line = filter_line(
        view.filters, len(view.events), len(view.all_events), lang, view.country_names
    )
    with st.container(horizontal=True, vertical_alignment="center", key="filterline", gap="medium"):
        show_text(line, "filterline")
        if is_filtered(view.filters):
            st.button(t("filterline_reset", lang), key="filterline.reset", on_click=reset_filters)
        if not view.events.empty:
            render_story_link(lang, len(view.events))
