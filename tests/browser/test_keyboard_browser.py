"""Keyboard only, in a real browser: from the top of the Timeline the Tab key reaches the link
to the chart's text version, Enter jumps there, Tab reaches an event's title, Enter opens its
card, Escape closes it and the focus is back on that title; on the Classroom page the focus
stays on "Weiter" while the slides move."""

import pytest
from playwright.sync_api import expect

from browser.conftest import wait_for_app
from ui.story import title_selector

pytestmark = pytest.mark.browser
DIALOG = '[role="dialog"]'
ACTIVE = """() => {
  const a = document.activeElement;
  if (!a || a === document.body) return {tag: 'BODY', text: '', key: '', href: ''};
  const box = a.closest('[class*="st-key-"]');
  const key = box ? (box.className.match(/st-key-[\\w-]+/) || [''])[0] : '';
  return {tag: a.tagName, text: (a.innerText || '').trim().slice(0, 80), key,
          href: a.getAttribute('href') || '', story: a.dataset.storyId || ''};
}"""


def tab_until(page, wanted, limit: int = 120) -> dict:
    """Press Tab until `wanted(active)` holds; the focused element's facts."""
    for _ in range(limit):
        page.keyboard.press("Tab")
        active = page.evaluate(ACTIVE)
        if wanted(active):
            return active
    raise AssertionError(f"not reached with {limit} Tab presses; last focus {active}")


def test_every_event_is_reached_and_opened_by_keyboard(page, app_url):
    page.goto(app_url)
    page.wait_for_selector("#story", timeout=45_000)
    wait_for_app(page)
    skip = tab_until(page, lambda a: a["href"] == "#story")
    assert "Ereignisliste" in skip["text"]
    page.keyboard.press("Enter")
    expect(page.locator("#story")).to_be_in_viewport()
    first = tab_until(page, lambda a: a["key"] == "st-key-story" and a["story"], limit=10)
    assert first["tag"] == "BUTTON"
    page.keyboard.press("Enter")
    dialog = page.locator(DIALOG)
    expect(dialog).to_be_visible(timeout=30_000)
    expect(dialog).to_contain_text(first["text"].split("\n")[0][:30])
    wait_for_app(page)
    page.keyboard.press("Escape")
    expect(dialog).to_have_count(0, timeout=30_000)
    wait_for_app(page)
    page.wait_for_function(
        "id => document.activeElement?.dataset?.storyId === id", arg=first["story"]
    )  # the focus is back on the title that opened the card


def test_the_close_button_returns_the_focus_to_the_title(page, app_url):
    page.goto(app_url)
    button = page.locator(title_selector("azal-8243-crash"))
    button.scroll_into_view_if_needed(timeout=45_000)
    wait_for_app(page)
    button.focus()
    page.keyboard.press("Enter")
    close = page.locator(f'{DIALOG} button[aria-label="Close"]')
    close.wait_for(timeout=30_000)
    wait_for_app(page)
    close.focus()
    page.keyboard.press("Enter")
    expect(page.locator(DIALOG)).to_have_count(0, timeout=30_000)
    wait_for_app(page)
    page.wait_for_function(
        "selector => document.activeElement?.matches(selector)",
        arg=title_selector("azal-8243-crash"),
    )


def test_next_keeps_the_focus_while_the_slides_move(page, app_url):
    page.goto(f"{app_url}/classroom")
    next_button = page.locator(".st-key-classroom-next button")
    next_button.wait_for(timeout=45_000)
    wait_for_app(page)
    progress = page.get_by_text("1 / ", exact=False).first
    expect(progress).to_be_visible()
    next_button.focus()
    page.keyboard.press("Enter")
    expect(page.get_by_text("2 / ", exact=False).first).to_be_visible(timeout=30_000)
    wait_for_app(page)
    page.wait_for_function(
        "() => document.activeElement?.closest('.st-key-classroom-next') !== null"
    )


def test_the_chart_has_a_text_alternative_for_screen_readers(page, app_url):
    page.goto(app_url)
    page.wait_for_selector('[data-testid="stPlotlyChart"]', timeout=45_000)
    wait_for_app(page)
    note = page.get_by_role("note").filter(has_text="Textfassung")
    expect(note).to_have_count(1)  # in the accessibility tree, right before the chart
    assert "Die Ereignisse der Reihe nach" in note.inner_text()
    box = note.bounding_box()
    assert box is not None and box["width"] <= 1 and box["height"] <= 1  # not on screen
