"""The lane timelines on a phone, in the running app: a phone says so in its User-Agent, and the
Timeline and Countries pages then pack the chart's titles for a phone-wide chart. Measured in
the DOM as Chromium draws them: no title covers another title or a lane name, and every title
stays inside the plot."""

import pytest

from browser.conftest import wait_for_app

pytestmark = pytest.mark.browser

PHONE_UA = (
    "Mozilla/5.0 (iPhone; CPU iPhone OS 17_0 like Mac OS X) AppleWebKit/605.1.15"
    " (KHTML, like Gecko) Version/17.0 Mobile/15E148 Safari/604.1"
)

# the lane chart is the one with titles (the Countries page also has a map and a pair table)
MEASURE = """() => {
    const chart = [...document.querySelectorAll('[data-testid="stPlotlyChart"]')]
        .find(c => c.querySelector('.textpoint text'));
    const box = el => {
        const r = el.getBoundingClientRect();
        return {text: el.textContent, left: r.left, right: r.right, top: r.top, bottom: r.bottom};
    };
    return {
        plot: box(chart.querySelector('.nsewdrag')),
        titles: [...chart.querySelectorAll('.textpoint text')].map(box),
        lanes: [...chart.querySelectorAll('.annotation-text')].map(box),
    };
}"""


def overlaps(a: dict, b: dict) -> bool:
    return (
        a["left"] < b["right"] - 1
        and b["left"] < a["right"] - 1
        and a["top"] < b["bottom"] - 1
        and b["top"] < a["bottom"] - 1
    )


@pytest.mark.parametrize(
    ("path", "lang"),
    [("/", "de"), ("/?lang=en", "en"), ("/countries?country=ARM", "de")],
)
def test_phone_chart_titles_cover_no_title_and_no_lane_name(browser, app_url, path, lang):
    context = browser.new_context(
        viewport={"width": 390, "height": 844},
        user_agent=PHONE_UA,
        is_mobile=True,
        has_touch=True,
        locale="de-DE",
    )
    page = context.new_page()
    try:
        page.goto(app_url + path)
        page.wait_for_selector('[data-testid="stPlotlyChart"] .textpoint text', timeout=45_000)
        wait_for_app(page)
        drawn = page.evaluate(MEASURE)
    finally:
        context.close()
    titles, lanes, plot = drawn["titles"], drawn["lanes"], drawn["plot"]
    assert len(titles) >= 3 and lanes
    pairs = [(a, b) for i, a in enumerate(titles) for b in titles[i + 1 :]]
    assert [(a["text"], b["text"]) for a, b in pairs if overlaps(a, b)] == []
    assert [(t["text"], n["text"]) for t in titles for n in lanes if overlaps(t, n)] == []
    outside = [t["text"] for t in titles if t["left"] < plot["left"] - 1]
    outside += [t["text"] for t in titles if t["right"] > plot["right"] + 1]
    assert outside == []
