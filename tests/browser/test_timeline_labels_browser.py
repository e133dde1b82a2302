"""The timeline figure's titles as Chromium draws them: present, readable, never overlapping.

The figure is written to a standalone HTML file (plotly.js inline, so offline) and measured in
the DOM, which checks the pixel-width estimate the label packing relies on.
"""

import pytest

from events.charts.timeline import CHART_HEIGHT, LABEL_TRACE, PHONE_HEIGHT, timeline_figure
from events.store.tables import load_dataset

pytestmark = pytest.mark.browser

MEASURE = """() => {
    const plot = document.querySelector('.nsewdrag').getBoundingClientRect();
    const titles = [...document.querySelectorAll('.textpoint text')].map(t => {
        const r = t.getBoundingClientRect();
        return {text: t.textContent, left: r.left, right: r.right, top: r.top,
                bottom: r.bottom, size: parseFloat(getComputedStyle(t).fontSize),
                links: t.querySelectorAll('a').length};
    });
    return {plot: {left: plot.left, right: plot.right}, titles};
}"""


HOVER = """([curve, point]) => {
    const plot = document.querySelector('.js-plotly-plot');
    Plotly.Fx.hover(plot, [{curveNumber: curve, pointNumber: point}]);
    const label = document.querySelector('.hoverlayer .hovertext');
    return label ? {text: label.textContent, links: label.querySelectorAll('a').length} : null;
}"""


def drawn_titles(browser, tmp_path, fig, width: int, height: int, lang: str, hover=None):
    path = tmp_path / "figure.html"
    fig.update_layout(width=width - 20)
    path.write_text(fig.to_html(include_plotlyjs=True, full_html=True), encoding="utf-8")
    context = browser.new_context(viewport={"width": width, "height": height}, locale=lang)
    page = context.new_page()
    try:
        page.goto(path.as_uri())
        page.wait_for_selector(".textpoint text", timeout=30_000)
        drawn = page.evaluate(MEASURE)
        if hover is not None:
            drawn["hover"] = page.evaluate(HOVER, list(hover))
        return drawn
    finally:
        context.close()


def overlapping(titles) -> list:
    return [
        (a["text"], b["text"])
        for i, a in enumerate(titles)
        for b in titles[i + 1 :]
        if a["left"] < b["right"] - 1
        and b["left"] < a["right"] - 1
        and a["top"] < b["bottom"] - 1
        and b["top"] < a["bottom"] - 1
    ]


@pytest.mark.parametrize(("width", "height", "lang"), [(1280, 720, "de"), (390, 844, "en")])
def test_titles_drawn_by_chromium_fit_and_do_not_overlap(browser, tmp_path, width, height, lang):
    events = load_dataset().events
    height_px = PHONE_HEIGHT if width < 500 else CHART_HEIGHT  # as the page draws it
    fig = timeline_figure(events, lang=lang, width_px=width - 20, height_px=height_px)
    expected = [s for t in fig.data if t.name == LABEL_TRACE for s in t.text]
    drawn = drawn_titles(browser, tmp_path, fig, width, height, lang)
    titles = drawn["titles"]
    assert len(titles) == len(expected) >= 8
    assert overlapping(titles) == []
    assert all(t["size"] >= 14 for t in titles)
    plot = drawn["plot"]
    assert all(plot["left"] - 1 <= t["left"] and t["right"] <= plot["right"] + 1 for t in titles)


def test_a_title_with_markup_is_drawn_as_its_literal_text(browser, tmp_path):
    events = load_dataset().events
    hostile = '<a href="https://evil.example/x">Link</a> <b>fett</b> & <i>kursiv</i>'
    chosen = events["id"].iloc[-1]
    events = events.assign(title_de=events["title_de"].where(events["id"] != chosen, hostile))
    fig = timeline_figure(events, width_px=1260, selected_id=chosen)
    curve = next(
        i
        for i, t in enumerate(fig.data)
        if t.name != LABEL_TRACE and t.customdata is not None and chosen in list(t.customdata)
    )
    point = list(fig.data[curve].customdata).index(chosen)
    drawn = drawn_titles(browser, tmp_path, fig, 1280, 720, "de", hover=(curve, point))
    mine = [t for t in drawn["titles"] if "evil" in t["text"]]
    assert [t["text"] for t in mine] == [hostile]
    assert all(t["links"] == 0 for t in drawn["titles"])
    assert drawn["hover"]["text"].startswith(hostile) and drawn["hover"]["links"] == 0
