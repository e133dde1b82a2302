"""Sources page: how each article was read (dates and evidence marked), where two articles tell
one event, and where other sources contradict an article."""

import streamlit as st

from events.locale import t
from ui.card import render_card_with_close
from ui.navigation import page_view
from ui.sources import render_article, render_compare, render_fact_check

view = page_view()
lang = view.lang
st.title(t("sources_title", lang))
st.caption(t("sources_intro", lang))

articles, compare, check = st.tabs(
    [
        t("sources_tab_articles", lang),
        t("sources_tab_compare", lang),
        t("sources_tab_factcheck", lang),
    ]
)
with articles:
    render_article(view)
    render_card_with_close(view, key="sources.close")
with compare:
    render_compare(view)
with check:
    render_fact_check(view)
