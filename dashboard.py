"""Streamlit entry point: page config, navigation over pages/, the shared sidebar filters."""

from pathlib import Path

import streamlit as st

from events.locale import t
from ui.state import build_view, current_lang, init_from_url, sync_url
from ui.style import apply_compact_layout

st.set_page_config(
    page_title="Zeitleiste Kaukasus",
    # A bundled file: a ":material/...:" page icon makes the browser fetch the favicon from
    # fonts.gstatic.com, which a school network without internet cannot reach.
    page_icon=str(Path(__file__).parent / "static" / "favicon.png"),
    layout="wide",
    initial_sidebar_state="auto",
)
init_from_url()  # the link's language names the pages too
lang = current_lang()
page = st.navigation(
    [
        st.Page(
            "pages/timeline.py",
            title=t("nav_timeline", lang),
            icon=":material/timeline:",
            default=True,
        ),
        st.Page("pages/countries.py", title=t("nav_countries", lang), icon=":material/public:"),
        st.Page("pages/classroom.py", title=t("nav_classroom", lang), icon=":material/school:"),
    ]
)
apply_compact_layout()
view = build_view()
page.run()
sync_url(view)
