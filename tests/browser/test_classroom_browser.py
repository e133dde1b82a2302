"""Classroom journeys in a real browser at beamer size."""

import pytest

from browser.conftest import wait_for_app
from events.store.tables import load_dataset

pytestmark = pytest.mark.browser
EVENTS = load_dataset().events
TITLE = ".st-key-classroom-slide h1"

# Every element that could scroll vertically: the page itself and Streamlit's main area.
OVERFLOW_JS = """() => [document.scrollingElement, ...document.querySelectorAll(
    '[data-testid="stMain"], [data-testid="stAppViewContainer"], section.main')]
    .filter(e => e).map(e => e.scrollHeight - e.clientHeight)"""


def test_fits_a_beamer_without_scrolling(page, app_url):
    page.goto(f"{app_url}/classroom")
    page.wait_for_selector(TITLE, timeout=45_000)
    page.wait_for_selector('[data-testid="stPlotlyChart"] .main-svg', timeout=30_000)
    wait_for_app(page)
    page.evaluate("() => document.fonts.ready.then(() => true)")
    assert max(page.evaluate(OVERFLOW_JS)) <= 2


def test_right_arrow_shows_the_next_event(page, app_url):
    page.goto(f"{app_url}/classroom")
    title = page.locator(TITLE)
    title.wait_for(timeout=45_000)
    assert title.inner_text() == EVENTS.iloc[0]["title_de"]
    page.get_by_text(f"1 / {len(EVENTS)}").wait_for(timeout=30_000)
    wait_for_app(page)  # the run has finished, so the shortcuts are bound
    title.click()  # focus the page on the slide's title, not on a widget
    page.keyboard.press("ArrowRight")
    page.wait_for_function(
        f"() => document.querySelector('{TITLE}').innerText === {EVENTS.iloc[1]['title_de']!r}",
        timeout=30_000,
    )
    # the URL follows at the end of the app's run, a moment after the slide has drawn
    page.wait_for_url(f"**event={EVENTS.iloc[1]['id']}*", timeout=30_000)
    page.keyboard.press("PageDown")
    page.wait_for_function(
        f"() => document.querySelector('{TITLE}').innerText === {EVENTS.iloc[2]['title_de']!r}",
        timeout=30_000,
    )
