"""The app's pages and how each page gets its view.

dashboard.py declares the pages (`navigation`), builds the view and hands it over
(`hand_over`); the page file it runs takes it with `page_view()`.
"""

import streamlit as st

from events.locale import t
from ui.session import current_lang
from ui.view import View

KEY_VIEW = "app.view"
KEY_LEAVING = "app.leaving_pages_directory"
# (file, title key, icon); the first page is the start page.
PAGES = (
    ("pages/timeline.py", "nav_timeline", ":material/timeline:"),
    ("pages/countries.py", "nav_countries", ":material/public:"),
    ("pages/classroom.py", "nav_classroom", ":material/school:"),
    ("pages/quiz.py", "nav_quiz", ":material/quiz:"),
    ("pages/sources.py", "nav_sources", ":material/article:"),
    ("pages/editor.py", "nav_editor", ":material/edit_note:"),
)


# The icons are drawn by CSS with the Material Symbols font Streamlit bundles, not given to
# st.Page: Streamlit's frontend may also make a page's icon the favicon, and for a ":material/…:"
# icon it fetches that from fonts.gstatic.com (seen now and then on opening a page directly), a
# request that must never leave a school network. `content: "…" / ""` keeps the ligature's
# name out of what a screen reader says.
NAV_ICON_CSS = (
    "<style>"
    + "".join(
        f'[data-testid="stSidebarNavItems"] > li:nth-child({n}) a[data-testid="stSidebarNavLink"]'
        f'::before {{ content: "{icon.removeprefix(":material/").removesuffix(":")}" / ""; }}'
        for n, (_, _, icon) in enumerate(PAGES, start=1)
    )
    + (
        '[data-testid="stSidebarNavLink"]::before { font-family: "Material Symbols Rounded";'
        " font-size: 1.25rem; line-height: 1; color: rgba(47, 45, 43, 0.75); margin-right: 0.5rem;"
        " font-feature-settings: 'liga'; -webkit-font-smoothing: antialiased; }</style>"
    )
)


def navigation(lang: str):
    """Declare the pages (titles in `lang`) and return the one the URL asks for."""
    page = st.navigation(
        [
            st.Page(path, title=t(title, lang), default=i == 0)
            for i, (path, title, _) in enumerate(PAGES)
        ]
    )
    st.html(NAV_ICON_CSS)
    return page


def hand_over(view: View) -> None:
    """dashboard.py, before running the page: this run's view is the page's."""
    st.session_state[KEY_VIEW] = view


def page_view() -> View:
    """The view dashboard.py built in this run (each page calls this once, first)."""
    view = st.session_state.pop(KEY_VIEW, None)
    if view is None:
        _leave_pages_directory_mode()
    st.session_state.pop(KEY_LEAVING, None)
    return view


def _leave_pages_directory_mode() -> None:
    """Streamlit ran this page file without dashboard.py: the one place that knows why.

    While no session has called st.navigation, Streamlit treats a `pages/` folder beside the
    entry script as a legacy multipage app and runs the URL's page file alone (Streamlit 1.67,
    runtime/pages_manager.py: `PagesManager.uses_pages_directory = Path(self.main_script_parent
    / "pages").exists()`; runtime/scriptrunner/script_runner.py: `if
    PagesManager.uses_pages_directory: _mpa_v1(self._main_script_path)`). That is a deep link
    such as `/classroom` on a freshly started server, and every AppTest run after
    `switch_page` (AppTest resets the flag). st.navigation ends that mode: "As soon as any
    session of your app executes the st.navigation command, your app will ignore the pages/
    directory (across all sessions)" (its documentation; commands/navigation.py:
    `PagesManager.uses_pages_directory = False`). So: declare the pages and run again, now
    through dashboard.py. tests/test_app_navigation.py fails loudly if that stops working.
    """
    if st.session_state.get(KEY_LEAVING):
        raise RuntimeError(
            "Streamlit ran a pages/ file without dashboard.py again after st.navigation: "
            "its legacy pages/ mode no longer ends with st.navigation (see ui/navigation.py)"
        )
    st.session_state[KEY_LEAVING] = True
    navigation(current_lang())
    st.rerun()
