"""Streamlit entry point: page config, navigation over pages/, the shared sidebar filters."""

from pathlib import Path

import streamlit as st

from events.locale import t
from ui.a11y import set_document_lang
from ui.data import prepared, render_data_banner
from ui.filterline import render_link_notices
from ui.navigation import hand_over, navigation
from ui.session import current_lang
from ui.sidebar import render_sidebar
from ui.style import apply_compact_layout
from ui.url import init_from_url, sync_url

prep = prepared()
init_from_url(prep)  # once per session, before any widget; the link's language names the pages
lang = current_lang()
st.set_page_config(
    page_title=t("page_title", lang),
    # A bundled file: a ":material/...:" page icon makes the browser fetch the favicon from
    # fonts.gstatic.com, which a school network without internet cannot reach.
    page_icon=str(Path(__file__).parent / "static" / "favicon.png"),
    layout="wide",
    initial_sidebar_state="auto",
)
page = navigation(lang)
apply_compact_layout()
set_document_lang(lang)
render_data_banner(prep, lang)
view = render_sidebar(prep)
render_link_notices(lang)  # at the top of the main area, as plain text
hand_over(view)
page.run()
sync_url(view)
