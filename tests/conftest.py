"""Shared test setup."""

import pytest
import streamlit.testing.v1.app_test as app_test_module
from streamlit.runtime.pages_manager import PagesManager


class _NavigationPagesManager(PagesManager):
    """AppTest resets Streamlit's legacy 'pages/ directory' flag before every run, so a rerun
    of an st.navigation app whose pages live in pages/ executes the page file alone (no
    sidebar). The live server clears the flag once st.navigation is called; do the same."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        PagesManager.uses_pages_directory = False


@pytest.fixture(autouse=True)
def _apptest_uses_navigation(monkeypatch):
    monkeypatch.setattr(app_test_module, "PagesManager", _NavigationPagesManager)
