"""Journeys on the timeline page in a real browser."""

import re

import pytest
from playwright.sync_api import expect

from browser.conftest import select_point, wait_for_app
from events.store.tables import load_dataset

pytestmark = pytest.mark.browser
CHART = '[data-testid="stPlotlyChart"]'


def chart_event_ids(page) -> set[str]:
    """The event ids drawn in the Plotly chart (from the traces' customdata)."""
    page.wait_for_selector(f"{CHART} .js-plotly-plot .main-svg", timeout=45_000)
    return set(
        page.evaluate(
            """() => {
            const plot = document.querySelector('[data-testid="stPlotlyChart"] .js-plotly-plot');
            const ids = t => (t.customdata || []).map(c => Array.isArray(c) ? c[0] : c);
            return plot.data.flatMap(ids);
        }"""
        )
    )


def test_start_page_shows_every_event(page, app_url):
    page.goto(app_url)
    ids = chart_event_ids(page)
    assert ids == set(load_dataset().events["id"])
    assert page.locator(f"{CHART} .point, {CHART} .bars path").count() >= len(ids)


def test_link_with_filters_shows_only_those_events(page, app_url):
    page.goto(f"{app_url}/?country=ARM&theme=diplomacy")
    ids = chart_event_ids(page)
    events = load_dataset().events
    wanted = events[
        events["countries"].map(lambda c: "ARM" in c)
        & events["themes"].map(lambda t: "diplomacy" in t)
    ]
    assert ids == set(wanted["id"])
    assert page.get_by_text(re.compile(rf"{len(wanted)} von {len(events)} Ereignissen")).count()


def test_click_an_event_opens_its_card_with_the_quote(page, app_url):
    events = load_dataset()
    target = "lavrov-visits-yerevan"
    page.goto(f"{app_url}/?country=ARM&q=Lawrow&from=2025-05&to=2025-05")
    ids = chart_event_ids(page)
    assert ids == {target}
    quote = events.evidence.set_index("event_id").loc[target, "quote"]
    quote = quote if isinstance(quote, str) else quote.iloc[0]
    wait_for_app(page)
    select_point(page, target, until=f"event={target}")
    card = page.locator(".st-key-card")
    expect(card).to_contain_text(quote[:40], timeout=30_000)  # waits until the card has drawn
