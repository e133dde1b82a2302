"""Classroom keys in a real browser: keys move the slides whatever has focus and never change
the focused control; B blanks the screen; typing in a text field still types."""

import pytest

from tests.browser.apps import serve_app

pytestmark = pytest.mark.browser

STATE = ".st-key-keys_app-state"
TOGGLE = ".st-key-keys_app-toggle input[type=checkbox]"
RADIO = ".st-key-keys_app-radio"
BLACKOUT = '[data-testid="classroomBlackout"]'
CHECKED_RADIO_JS = """() => {
    const input = document.querySelector('.st-key-keys_app-radio input[type=radio]:checked');
    return input ? input.closest('label').innerText.trim() : null;
}"""


@pytest.fixture(scope="module")
def keys_url(tmp_path_factory):
    with serve_app("keys_app.py", tmp_path_factory.mktemp("keys") / "server.log") as url:
        yield url


@pytest.fixture
def keys_page(page, keys_url):
    page.goto(keys_url)
    page.locator(STATE).get_by_text("runs=1").wait_for(timeout=45_000)
    # the component's script is loaded and listening
    page.wait_for_function("() => Boolean(window.__classroomKeys?.down)", timeout=30_000)
    return page


def wait_state(page, text: str) -> None:
    """Wait until the app's state block shows `text` (after the key's rerun finished)."""
    page.locator(STATE).get_by_text(text, exact=True).wait_for(timeout=20_000)


def test_keys_move_the_slides_while_a_toggle_or_radio_has_focus(keys_page):
    page = keys_page
    page.locator(".st-key-keys_app-toggle").get_by_text("Daten verbergen").click()
    page.wait_for_function(f"() => document.querySelector('{TOGGLE}').checked")
    assert page.evaluate("() => document.activeElement.type") == "checkbox"

    page.keyboard.press("PageDown")
    wait_state(page, "slide=s2")
    page.keyboard.press("Space")
    wait_state(page, "slide=s3")
    page.keyboard.press("ArrowRight")
    wait_state(page, "slide=s4")
    assert page.locator(TOGGLE).is_checked()

    page.locator(RADIO).get_by_text("mittel").click()
    page.wait_for_function(f"() => ({CHECKED_RADIO_JS})() === 'mittel'")
    assert page.evaluate("() => document.activeElement.type") == "radio"
    page.keyboard.press("ArrowLeft")
    wait_state(page, "slide=s3")
    page.keyboard.press("End")
    wait_state(page, "slide=s10")
    page.keyboard.press("ArrowRight")  # stops at the last slide
    wait_state(page, "log=next,next,next,previous,last,next")
    page.keyboard.press("Home")
    wait_state(page, "slide=s1")
    page.keyboard.press("PageUp")
    wait_state(page, "log=next,next,next,previous,last,next,first,previous")
    assert page.locator(STATE).get_by_text("slide=s1", exact=True).is_visible()
    assert page.evaluate(CHECKED_RADIO_JS) == "mittel"
    assert page.locator(TOGGLE).is_checked()


def test_quick_keys_all_arrive(keys_page):
    page = keys_page
    for _ in range(4):
        page.keyboard.press("PageDown")
    wait_state(page, "slide=s5")
    wait_state(page, "log=next,next,next,next")


def test_b_blanks_the_screen_and_a_key_brings_the_slide_back(keys_page):
    page = keys_page
    page.locator(".st-key-keys_app-toggle").get_by_text("Daten verbergen").click()
    page.wait_for_function(f"() => document.querySelector('{TOGGLE}').checked")

    page.keyboard.press("b")
    cover = page.locator(BLACKOUT)
    cover.wait_for(state="visible", timeout=10_000)
    box = cover.bounding_box()
    assert (box["x"], box["y"], box["width"], box["height"]) == (0, 0, 1280, 720)
    assert cover.evaluate("e => getComputedStyle(e).backgroundColor") == "rgb(0, 0, 0)"
    assert (
        page.evaluate("() => document.elementFromPoint(640, 360).dataset.testid")
        == "classroomBlackout"
    )
    wait_state(page, "log=black")

    page.keyboard.press("PageDown")  # the first key only brings the slide back
    cover.wait_for(state="detached", timeout=10_000)
    wait_state(page, "log=black,resume")
    assert page.locator(STATE).get_by_text("slide=s1", exact=True).is_visible()

    page.keyboard.press(".")
    cover.wait_for(state="visible", timeout=10_000)
    page.keyboard.press("Escape")
    cover.wait_for(state="detached", timeout=10_000)
    wait_state(page, "log=black,resume,black,resume")
    assert page.locator(TOGGLE).is_checked()


def test_typing_in_a_text_field_still_types_but_the_clicker_works(keys_page):
    page = keys_page
    field = page.get_by_label("Suche")
    field.click()
    page.keyboard.type("Baku f. 2024")
    assert field.input_value() == "Baku f. 2024"
    assert page.locator(BLACKOUT).count() == 0
    page.keyboard.press("PageDown")
    wait_state(page, "slide=s2")
    assert field.input_value() == "Baku f. 2024"


def test_f_toggles_full_screen_and_escape_leaves_it(keys_page):
    page = keys_page
    page.keyboard.press("f")
    page.wait_for_function("() => document.fullscreenElement === document.documentElement")
    wait_state(page, "log=fullscreen")
    page.keyboard.press("Escape")
    page.wait_for_function("() => document.fullscreenElement === null")
    wait_state(page, "log=fullscreen,escape")
    page.keyboard.press("F")
    page.wait_for_function("() => document.fullscreenElement !== null")
    page.keyboard.press("F")
    page.wait_for_function("() => document.fullscreenElement === null")
    wait_state(page, "slide=s1")
