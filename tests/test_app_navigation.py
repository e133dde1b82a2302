"""A page opened first (a deep link such as `/classroom` on a fresh server) runs through
dashboard.py: page config, navigation and the sidebar filters are there.

Streamlit treats the `pages/` folder as a legacy multipage app until st.navigation has run;
AppTest starts every run in that mode, so these runs go through ui/navigation.py's one shim.
If Streamlit stops ending that mode with st.navigation, the shim raises and these tests fail.
"""

from pathlib import Path

import pytest
from apptest_helpers import DASHBOARD
from streamlit.testing.v1 import AppTest


@pytest.mark.parametrize(
    ("page", "widget", "key"),
    [
        ("pages/classroom.py", "button", "classroom.next"),
        ("pages/countries.py", "selectbox", "countries.pick"),
    ],
)
def test_a_page_opened_first_gets_the_sidebar_and_its_view(page, widget, key):
    at = AppTest.from_file(DASHBOARD, default_timeout=60)
    at.query_params["country"] = "ARM"
    at.switch_page(page).run()  # the first run of the session is the page's
    assert not at.exception, at.exception
    assert at.multiselect(key="filters.country").value == ["ARM"]  # the link reached the sidebar
    assert [w for w in at.get(widget) if w.key == key]  # and the page itself ran


def test_a_page_file_run_alone_twice_fails_loudly():
    """The shim's guard: a page that is still run without dashboard.py after st.navigation."""
    page = Path(DASHBOARD).parent / "pages" / "timeline.py"
    at = AppTest.from_file(str(page), default_timeout=60)
    at.session_state["app.leaving_pages_directory"] = True
    at.run()
    assert at.exception and "legacy pages/ mode" in at.exception[0].message
