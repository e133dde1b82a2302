"""The one-file offline timeline opened in Chromium with every request off the machine blocked:
the chart draws, every title is on the page, nothing is fetched, no sideways scroll on a phone."""

import pytest
from exchange_data import HOSTILE_TITLE, with_hostile_event
from test_exchange_html import export

pytestmark = pytest.mark.browser


def test_offline_page_draws_the_chart_and_every_title(browser, tmp_path):
    events, evidence, _ = with_hostile_event()
    page_file = tmp_path / "timeline.html"
    page_file.write_text(export(events=events, evidence=evidence), encoding="utf-8")
    off_machine, dialogs = [], []
    context = browser.new_context(viewport={"width": 1280, "height": 720})
    try:
        page = context.new_page()

        def only_files(route):
            if route.request.url.startswith(("file://", "data:", "blob:")):
                route.continue_()
            else:
                off_machine.append(route.request.url)
                route.abort()

        page.route("**/*", only_files)
        page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
        page.goto(page_file.as_uri())
        page.wait_for_selector("#timeline-chart .main-svg", timeout=30_000)
        points = page.locator("#timeline-chart .scatterlayer .point").count()
        bars = page.locator("#timeline-chart .barlayer .point").count()
        text = page.inner_text("body")
        page.set_viewport_size({"width": 390, "height": 844})
        # plotly's responsive resize has run once the chart fits the phone's width
        page.wait_for_function(
            "() => document.querySelector('#timeline-chart .main-svg')"
            ".getBoundingClientRect().width <= 390",
            timeout=30_000,
        )
        phone_width = page.evaluate("document.documentElement.scrollWidth")
    finally:
        context.close()
    assert points + bars >= len(events)
    squashed = " ".join(text.split())
    missing = [t for t in events["title_de"] if " ".join(t.split()) not in squashed]
    assert not missing
    assert HOSTILE_TITLE in text
    assert not dialogs and not off_machine
    assert phone_width <= 390  # no horizontal scroll on a phone
