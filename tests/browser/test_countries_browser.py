"""Journeys on the Countries page in a real browser, with every request off this machine blocked."""

import re
from urllib.parse import urlparse

import pytest

from browser.conftest import select_point, wait_for_app
from events.charts.countries import country_pairs, events_per_country
from events.store.tables import load_dataset

pytestmark = pytest.mark.browser
CHART = '[data-testid="stPlotlyChart"]'
MAP = f"{CHART} .choropleth path"
LOCAL_HOSTS = {"127.0.0.1", "localhost"}


@pytest.fixture
def offline_page(browser):
    """A page whose requests may only go to this machine; the others are aborted and listed."""
    context = browser.new_context(viewport={"width": 1280, "height": 720}, locale="de-DE")
    foreign: list[str] = []

    def only_local(route):
        if urlparse(route.request.url).hostname in LOCAL_HOSTS:
            route.continue_()
        else:
            foreign.append(route.request.url)
            route.abort()

    context.route("**/*", only_local)
    page = context.new_page()
    page.foreign_requests = foreign
    yield page
    context.close()


def map_locations(page) -> dict[str, int]:
    """The countries the map's choropleth draws a shape for, with their counts."""
    page.wait_for_selector(MAP, timeout=45_000)
    return page.evaluate(
        """sel => Object.fromEntries([...document.querySelectorAll(sel)]
            .map(p => [p.__data__.loc, p.__data__.z]))""",
        MAP,
    )


def test_map_draws_country_shapes_offline(offline_page, app_url):
    page = offline_page
    page.goto(f"{app_url}/countries")
    drawn = map_locations(page)
    wait_for_app(page)
    counts = events_per_country(load_dataset().events)
    assert drawn == {code: int(n) for code, n in counts.items()}
    land = page.locator(f"{CHART} .geo .layer.land path").first.get_attribute("d")
    assert land and len(land) > 1000  # the shapes came from the app's own topojson
    assert page.get_by_text(re.compile("Natural Earth")).count()
    assert page.foreign_requests == []


def test_click_on_a_country_filters_for_it(offline_page, app_url):
    page = offline_page
    events = load_dataset().events
    counts = events_per_country(events)
    code = next(c for c in counts.index if c != "RUS")  # the most named country but Russia
    page.goto(f"{app_url}/countries")
    map_locations(page)
    wait_for_app(page)
    select_point(page, code, trace="countries", until=f"country={code}")
    wait_for_app(page)
    naming = events[events["countries"].map(lambda codes: code in codes)]
    page.wait_for_function(
        "([sel, n]) => document.querySelectorAll(sel).length === n",
        arg=[MAP, events_per_country(naming).size],
        timeout=30_000,
    )
    assert map_locations(page) == {c: int(n) for c, n in events_per_country(naming).items()}
    page.locator(".st-key-countries-list").wait_for(timeout=30_000)  # the country's event list
    assert page.foreign_requests == []


def test_click_on_a_heatmap_cell_lists_the_events_with_both(offline_page, app_url):
    page = offline_page
    events = load_dataset().events
    (a, b), n = next(iter(country_pairs(events).items()))
    page.goto(f"{app_url}/countries")
    map_locations(page)
    wait_for_app(page)
    message = page.get_by_text(re.compile(rf"^{n} Ereignisse? nenn"))
    select_point(page, f"{a}+{b}", trace="cells", until=message)
    page.locator(".st-key-countries-pair_list").wait_for(timeout=30_000)  # drawn just after it
    assert page.foreign_requests == []
