"""Small Streamlit apps for browser tests of single UI pieces, and a helper that serves one."""

from contextlib import contextmanager
from pathlib import Path

from tests.browser.conftest import serve

APPS = Path(__file__).resolve().parent


@contextmanager
def serve_app(name: str, log: Path):
    """Run `streamlit run tests/browser/apps/<name>` from the project root; yield its URL."""
    with serve(APPS / name, log) as url:
        yield url
