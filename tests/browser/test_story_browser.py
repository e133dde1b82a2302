"""The story view in a real browser, at 1280x720 and on a 390x844 phone: one click (or Enter,
or Space) on a title opens the card inside the viewport, and again after closing it; "show
more" puts the focus on the first new title; the phone never scrolls sideways; link values
stay text."""

import os
import re
from urllib.parse import urlparse

import pytest
from playwright.sync_api import expect

from bench.synthetic import write_synthetic
from browser.conftest import select_point, serve, wait_for_app
from ui.story import STORY_STEP, title_selector

pytestmark = pytest.mark.browser
SIZES = [(1280, 720), (390, 844)]
AZAL = "azal-8243-crash"
DIALOG = '[role="dialog"]'
CHART = '[data-testid="stPlotlyChart"]'


@pytest.fixture(params=SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
def sized_page(request, browser):
    width, height = request.param
    context = browser.new_context(viewport={"width": width, "height": height}, locale="de-DE")
    page = context.new_page()
    yield page
    context.close()


def story_button(page, event_id: str):
    """The title of `event_id` in the story view (the selector the app's focus moves use)."""
    return page.locator(title_selector(event_id))


def focused_story_id(page) -> str | None:
    return page.evaluate("() => document.activeElement?.dataset?.storyId ?? null")


def assert_inside_viewport(page, selector: str) -> None:
    box = page.locator(selector).bounding_box()
    size = page.viewport_size
    assert box is not None
    assert box["x"] >= 0 and box["y"] >= 0, box
    assert box["x"] + box["width"] <= size["width"], (box, size)
    assert box["y"] + box["height"] <= size["height"], (box, size)


def test_one_click_in_the_story_view_shows_the_card_in_the_viewport(sized_page, app_url):
    page = sized_page
    page.goto(app_url)
    button = story_button(page, AZAL)
    button.scroll_into_view_if_needed(timeout=45_000)
    wait_for_app(page)
    button.click()
    dialog = page.locator(DIALOG)
    expect(dialog).to_contain_text("Ende Dezember 2024", timeout=30_000)
    expect(dialog).to_contain_text("Genauer Tag aus anderen Quellen: 25. Dezember 2024")
    wait_for_app(page)
    assert_inside_viewport(page, DIALOG)
    expect(page).to_have_url(re.compile(rf"event={AZAL}"))
    page.locator(f'{DIALOG} button[aria-label="Close"]').click()  # the ×, on every width
    expect(dialog).to_have_count(0, timeout=30_000)
    expect(page).not_to_have_url(re.compile("event="))
    expect(button).to_be_in_viewport()  # closing returns to the same place


def test_the_keyboard_opens_a_card_from_the_story_view(page, app_url):
    page.goto(app_url)
    button = story_button(page, "lavrov-visits-yerevan")
    button.scroll_into_view_if_needed(timeout=45_000)
    wait_for_app(page)
    button.focus()
    page.keyboard.press("Enter")
    expect(page.locator(DIALOG)).to_contain_text("Eriwan", timeout=30_000)
    page.keyboard.press("Escape")
    expect(page.locator(DIALOG)).to_have_count(0, timeout=30_000)
    expect(page).not_to_have_url(re.compile("event="), timeout=30_000)


def test_a_title_opens_its_card_again_after_closing_by_mouse_and_space(page, app_url):
    page.goto(app_url)
    button = story_button(page, AZAL)
    button.scroll_into_view_if_needed(timeout=45_000)
    wait_for_app(page)
    assert button.evaluate("b => b.tagName") == "BUTTON"  # a real button, in the page's DOM
    dialog = page.locator(DIALOG)
    for press in (button.click, lambda: (button.focus(), page.keyboard.press(" "))):
        press()
        expect(dialog).to_contain_text("Ende Dezember 2024", timeout=30_000)
        expect(page).to_have_url(re.compile(rf"event={AZAL}"))
        wait_for_app(page)
        page.locator(f'{DIALOG} button[aria-label="Close"]').click()
        expect(dialog).to_have_count(0, timeout=30_000)
        expect(page).not_to_have_url(re.compile("event="), timeout=30_000)
        wait_for_app(page)
        page.wait_for_function(  # the focus is back on the title (ui/card.py's _close)
            "id => document.activeElement?.dataset?.storyId === id", arg=AZAL, timeout=30_000
        )


@pytest.fixture(scope="module")
def long_list_url(tmp_path_factory):
    """A server on a synthetic table with more events than the story view shows at once."""
    folder = tmp_path_factory.mktemp("long-story")
    write_synthetic(folder, STORY_STEP + 30)
    env = {**os.environ, "TIMELINE_DATA_DIR": str(folder)}
    with serve("dashboard.py", folder / "server.log", env=env) as url:
        yield url


def test_show_more_puts_the_focus_on_the_first_new_title(page, long_list_url):
    page.goto(long_list_url)
    titles = page.locator(".st-key-story button[data-story-id]")
    more = page.locator(".st-key-story-more button")
    more.scroll_into_view_if_needed(timeout=45_000)
    wait_for_app(page)
    expect(titles).to_have_count(STORY_STEP)
    shown = titles.evaluate_all("buttons => buttons.map(b => b.dataset.storyId)")
    more.focus()
    page.keyboard.press("Enter")
    expect(titles).to_have_count(STORY_STEP + 30, timeout=30_000)
    wait_for_app(page)
    after = titles.evaluate_all("buttons => buttons.map(b => b.dataset.storyId)")
    assert after[:STORY_STEP] == shown
    page.wait_for_function(
        "id => document.activeElement?.dataset?.storyId === id",
        arg=after[STORY_STEP],
        timeout=30_000,
    )
    expect(more).to_have_count(0)  # every event is shown now
    page.keyboard.press("Enter")  # the focused new title opens its card
    expect(page.locator(DIALOG)).to_be_visible(timeout=30_000)
    expect(page).to_have_url(re.compile(rf"event={re.escape(after[STORY_STEP])}"))


def test_the_phone_never_scrolls_sideways(browser, app_url):
    context = browser.new_context(viewport={"width": 390, "height": 844}, locale="de-DE")
    page = context.new_page()
    for path in ("/", "/?lang=en", f"/?event={AZAL}", "/?country=ARM&from=2023&to=2025-07"):
        page.goto(app_url + path)
        page.wait_for_selector("#story", timeout=45_000)
        wait_for_app(page)
        widths = page.evaluate(
            """() => [document.documentElement.scrollWidth, innerWidth,
                ...[...document.querySelectorAll('[data-testid="stMain"], [role="dialog"]')]
                    .map(e => e.scrollWidth - e.clientWidth)]"""
        )
        assert widths[0] <= widths[1], (path, widths)
        assert all(extra <= 0 for extra in widths[2:]), (path, widths)
    context.close()


def test_hostile_link_values_render_as_text(page, app_url):
    requests = []
    page.on("request", lambda request: requests.append(request.url))
    hostile = "[x](https://evil.example/e)"
    image = "![](https://evil.example/e.png)"
    page.goto(f"{app_url}/?event={hostile}&q={image}&theme=$x^2$")
    page.wait_for_selector(".notice", timeout=45_000)
    wait_for_app(page)
    expect(page.locator(".notice")).to_contain_text(hostile)
    assert page.locator('a[href*="evil"]').count() == 0
    assert page.locator('img[src*="evil"]').count() == 0
    assert page.locator(".katex").count() == 0
    assert not [url for url in requests if urlparse(url).hostname == "evil.example"]


def test_the_citation_is_a_safe_link_and_quotes_are_marked_german(page, app_url):
    page.goto(f"{app_url}/?event={AZAL}&lang=en")
    link = page.locator(f"{DIALOG} .card-provenance a")
    expect(link).to_have_count(1, timeout=45_000)
    assert link.get_attribute("href").startswith("https://")
    assert link.get_attribute("rel") == "noopener noreferrer"
    expect(page.locator("html")).to_have_attribute("lang", re.compile("^en"))
    marked = page.locator(f'{DIALOG} [lang="de"]')
    assert marked.count() >= 2  # the article's date words and its German quotes
    expect(marked.first).to_contain_text("Ende Dezember 2024")


def test_the_same_chart_point_opens_its_card_again_after_closing(page, app_url):
    page.goto(f"{app_url}/?country=ARM&q=Lawrow&from=2025-05&to=2025-05")
    for _ in range(2):
        page.wait_for_selector(f"{CHART} .js-plotly-plot .main-svg", timeout=45_000)
        wait_for_app(page)
        select_point(page, "lavrov-visits-yerevan", until="event=lavrov-visits-yerevan")
        expect(page.locator(DIALOG)).to_contain_text("Eriwan", timeout=30_000)
        wait_for_app(page)
        page.locator(f'{DIALOG} button[aria-label="Close"]').click()
        expect(page.locator(DIALOG)).to_have_count(0, timeout=30_000)
        expect(page).not_to_have_url(re.compile("event="), timeout=30_000)


def test_the_link_above_the_chart_jumps_to_the_story_view(browser, app_url):
    context = browser.new_context(viewport={"width": 390, "height": 844}, locale="de-DE")
    page = context.new_page()
    page.goto(app_url)
    heading = page.locator("#story")
    heading.wait_for(timeout=45_000)
    wait_for_app(page)
    expect(heading).not_to_be_in_viewport()
    page.locator(".skip-story a").click()
    expect(heading).to_be_in_viewport()
    context.close()
