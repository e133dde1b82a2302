"""AppTest helpers shared by the tests of dashboard.py and its pages."""

from pathlib import Path

from streamlit.testing.v1 import AppTest

DASHBOARD = str(Path(__file__).resolve().parent.parent / "dashboard.py")


def run_app(params: dict | None = None, page: str | None = None) -> AppTest:
    """dashboard.py opened with the link's `params`, on `page` (a file in pages/) if given."""
    at = AppTest.from_file(DASHBOARD, default_timeout=60)
    for key, value in (params or {}).items():
        at.query_params[key] = value
    at.run()
    if page:
        at.switch_page(page).run()
    assert not at.exception, at.exception
    return at


def as_list(value) -> list[str]:
    """A query parameter's value as a list (AppTest gives a single value as a string)."""
    return value if isinstance(value, list) else [value]
