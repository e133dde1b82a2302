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


@pytest.mark.parametrize("query", ["", "?hide=1", "?lang=en&hide=1", "?lang=en&contrast=1&hide=1"])
def test_fits_a_beamer_without_scrolling(page, app_url, query):
    page.goto(f"{app_url}/classroom{query}")
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
    wait_for_app(page)
    page.wait_for_function("() => Boolean(window.__classroomKeys?.down)", timeout=30_000)
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


HIDE = ".st-key-classroom-hide"
RADIO = ".st-key-classroom-importance"
BLACKOUT = '[data-testid="classroomBlackout"]'
CHECKED_RADIO_JS = """() => {
    const input = document.querySelector('.st-key-classroom-importance input:checked');
    return input ? input.closest('label').innerText.trim() : null;
}"""
# Sizes in presentation mode: the slide's title and body text, the timeline's tick labels.
SIZES_JS = """() => {
    const size = e => parseFloat(getComputedStyle(e).fontSize);
    const slide = document.querySelector('.st-key-classroom-slide');
    const body = [...slide.querySelectorAll('p')].filter(p => !p.closest('button'));
    const ticks = [...document.querySelectorAll('[data-testid="stPlotlyChart"] .xtick text')];
    return {title: size(slide.querySelector('h1')), body: Math.min(...body.map(size)),
            ticks: ticks.length ? Math.min(...ticks.map(size)) : 0};
}"""
VISIBLE_CONTROLS_JS = """() => [...document.querySelectorAll(
    '[data-testid="stSidebar"], [data-testid="stHeader"], .stRadio, .stCheckbox, button')]
    .filter(e => e.offsetParent !== null && e.getBoundingClientRect().width > 0)
    .map(e => e.innerText.trim())"""


def open_page(page, app_url, query: str = "") -> None:
    page.goto(f"{app_url}/classroom{query}")
    page.wait_for_selector(TITLE, timeout=45_000)
    page.wait_for_selector('[data-testid="stPlotlyChart"] .main-svg', timeout=30_000)
    wait_for_app(page)
    page.wait_for_function("() => Boolean(window.__classroomKeys?.down)", timeout=30_000)


def wait_title(page, title: str) -> None:
    page.wait_for_function(
        f"() => document.querySelector('{TITLE}')?.innerText === {title!r}", timeout=30_000
    )


def test_keys_move_after_hide_dates_was_clicked_and_the_radio_keeps_its_value(page, app_url):
    open_page(page, app_url)
    page.locator(RADIO).get_by_text("wichtig", exact=True).click()
    two = EVENTS[EVENTS["importance"] >= 2]
    wait_title(page, two.iloc[0]["title_de"])
    wait_for_app(page)
    page.locator(HIDE).get_by_text("Daten verbergen").click()
    page.get_by_text("Wann war das? Ratet!").wait_for(timeout=30_000)
    page.wait_for_url("**hide=1*", timeout=30_000)
    wait_for_app(page)
    assert page.evaluate("() => document.activeElement.type") == "checkbox"

    page.keyboard.press("PageDown")
    page.wait_for_url(f"**event={two.iloc[1]['id']}*", timeout=30_000)
    wait_for_app(page)
    page.locator(RADIO).get_by_text("wichtig", exact=True).click()  # focus the radio
    page.keyboard.press("ArrowRight")
    page.wait_for_url(f"**event={two.iloc[2]['id']}*", timeout=30_000)
    page.keyboard.press("ArrowLeft")
    page.wait_for_url(f"**event={two.iloc[1]['id']}*", timeout=30_000)
    wait_for_app(page)
    assert page.evaluate(CHECKED_RADIO_JS) == "wichtig"
    assert page.locator(f"{HIDE} input").is_checked()
    assert page.get_by_text("Wann war das? Ratet!").is_visible()


def test_b_blanks_the_screen(page, app_url):
    open_page(page, app_url)
    page.keyboard.press("b")
    cover = page.locator(BLACKOUT)
    cover.wait_for(state="visible", timeout=10_000)
    assert page.evaluate("() => document.elementFromPoint(640, 360).dataset.testid") == (
        "classroomBlackout"
    )
    page.keyboard.press("PageDown")  # the first key brings the slide back, it does not move
    cover.wait_for(state="detached", timeout=10_000)
    wait_for_app(page)
    assert page.locator(TITLE).inner_text() == EVENTS.iloc[0]["title_de"]


def test_reload_with_hide_keeps_the_dates_hidden(page, app_url):
    war = EVENTS[EVENTS["title_de"].str.contains("2014")].iloc[0]
    open_page(page, app_url, f"?hide=1&event={war['id']}")
    for _ in range(2):
        page.get_by_text("Wann war das? Ratet!").wait_for(timeout=30_000)
        slide = page.locator(".st-key-classroom-slide").inner_text()
        assert "2014" not in slide and "▢▢▢" in slide
        assert page.locator(f"{HIDE} input").is_checked()
        page.reload()
        open_page(page, app_url, f"?hide=1&event={war['id']}")


def test_reveal_puts_the_focus_on_next(page, app_url):
    open_page(page, app_url, "?hide=1")
    page.locator(".st-key-classroom-reveal button").click()
    page.get_by_text("Wann war das? Ratet!").wait_for(state="detached", timeout=30_000)
    page.wait_for_function(
        "() => document.activeElement?.closest('.st-key-classroom-next') !== null",
        timeout=10_000,
    )


def test_one_click_presents_and_escape_leaves(page, app_url):
    open_page(page, app_url)
    page.get_by_role("button", name="Präsentieren").click()
    page.wait_for_url("**present=1*", timeout=30_000)
    page.get_by_role("button", name="✕").wait_for(timeout=30_000)
    wait_for_app(page)
    assert page.evaluate(VISIBLE_CONTROLS_JS) == ["✕"]
    page.keyboard.press("Escape")
    page.wait_for_url(lambda url: "present=1" not in url, timeout=30_000)
    page.get_by_role("button", name="Präsentieren").wait_for(timeout=30_000)
    wait_for_app(page)
    assert page.locator('[data-testid="stSidebar"]').is_visible()


@pytest.mark.parametrize(("width", "height"), [(1280, 720), (1920, 1080)])
@pytest.mark.parametrize("lang", ["de", "en"])
def test_presentation_mode_fits_without_scrolling(browser, app_url, lang, width, height):
    context = browser.new_context(viewport={"width": width, "height": height})
    page = context.new_page()
    try:
        for event in EVENTS.sort_values(by="summary_en", key=lambda s: s.str.len()).iloc[-3:]["id"]:
            open_page(page, app_url, f"?present=1&hide=1&lang={lang}&event={event}")
            page.locator(".st-key-classroom-reveal").wait_for(timeout=30_000)
            page.evaluate("() => document.fonts.ready.then(() => true)")
            assert max(page.evaluate(OVERFLOW_JS)) <= 2, ("hidden", event)
            sizes = page.evaluate(SIZES_JS)
            assert sizes["title"] >= 48 and sizes["body"] >= 28 and sizes["ticks"] >= 18, sizes
            page.keyboard.press("PageDown")  # in presentation mode "next" first reveals
            page.locator(".st-key-classroom-reveal").wait_for(state="detached", timeout=30_000)
            wait_for_app(page)
            assert max(page.evaluate(OVERFLOW_JS)) <= 2, ("revealed", event)
    finally:
        context.close()
