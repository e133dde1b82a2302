"""Page-wide CSS: less empty space above the content so charts fit a 1280x720 beamer."""

import streamlit as st

COMPACT_CSS = """
<style>
[data-testid="stMainBlockContainer"] { padding-top: 3rem; padding-bottom: 2rem; }
[data-testid="stSidebarUserContent"] { padding-top: 1rem; }
h1 { font-size: 2.1rem !important; padding-top: 0 !important; }
@media (max-width: 640px) {
  [data-testid="stMainBlockContainer"] { padding-top: 4.5rem; }
  h1 { font-size: 1.7rem !important; }
}
</style>
"""


def apply_compact_layout() -> None:
    """Inject the constant stylesheet (no table data goes into it)."""
    st.html(COMPACT_CSS)
