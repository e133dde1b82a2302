"""axe-core on every page and state, both languages, beamer and phone size.

axe-core comes from the npm registry (package.json / package-lock.json; the README's test command
runs `npm ci`) and is injected from node_modules into each page: no CDN. A serious or critical
violation fails; every violation found is printed with its impact and target nodes.
"""

import json
import re
from pathlib import Path

import pytest

from browser.conftest import wait_for_app
from ui.navigation import PAGES

pytestmark = pytest.mark.browser

ROOT = Path(__file__).resolve().parents[2]
AXE = ROOT / "node_modules" / "axe-core" / "axe.min.js"
VIEWPORTS = {"beamer": (1280, 720), "phone": (390, 844)}
LANGS = ("de", "en")
# Every page of the navigation, by its URL path (the first page is the start page "/").
PAGE_PATHS = ["" if i == 0 else Path(path).stem for i, (path, _, _) in enumerate(PAGES)]
STATES = {
    "card-open": "?event=azal-8243-crash",
    "dates-hidden": "classroom?hide=1",
    "presentation": "classroom?present=1",
    "filters-set": "?country=ARM&theme=diplomacy",
}
AXE_OPTIONS = {
    "runOnly": {
        "type": "tag",
        "values": ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "best-practice"],
    },
    "resultTypes": ["violations"],
}
FAILING = ("serious", "critical")
RUN_AXE_JS = "options => axe.run(document, options).then(r => JSON.parse(JSON.stringify(r)))"


@pytest.fixture(scope="module")
def contexts(browser):
    """One browser context per viewport, reused by every test of this module."""
    if not AXE.exists():
        pytest.fail(f"{AXE} is missing: run `npm ci` (see the README's test command)")
    made = {}
    for name, (width, height) in VIEWPORTS.items():
        made[name] = browser.new_context(
            viewport={"width": width, "height": height}, locale="de-DE"
        )
    yield made
    for context in made.values():
        context.close()


def with_lang(path: str, lang: str) -> str:
    if lang == "de":
        return path
    return f"{path}{'&' if '?' in path else '?'}lang={lang}"


def load(context, url: str):
    page = context.new_page()
    page.goto(url)
    page.wait_for_selector('[data-testid="stMainBlockContainer"] h1', timeout=45_000)
    wait_for_app(page)
    # the page-wide stylesheet (ui/style.py) and <html lang> arrive a moment after the page
    page.wait_for_function(
        """lang => document.documentElement.lang === lang && getComputedStyle(
            document.documentElement).getPropertyValue('--app-style').trim() === '1'""",
        arg="en" if "lang=en" in url else "de",
        timeout=30_000,
    )
    # a chart draws after the script run: wait until each one has its SVG
    page.wait_for_function(
        """() => [...document.querySelectorAll('[data-testid="stPlotlyChart"]')]
            .every(c => c.querySelector('.main-svg'))""",
        timeout=30_000,
    )
    # the story view's list is drawn by its component's script (ui/story.py) after the run
    page.wait_for_function(
        """() => [...document.querySelectorAll('.st-key-story')]
            .every(e => e.querySelector('.story-list button[data-story-id]'))""",
        timeout=30_000,
    )
    page.evaluate("() => document.fonts.ready.then(() => true)")
    return page


def axe_violations(page) -> list[dict]:
    page.add_script_tag(path=str(AXE))
    return page.evaluate(RUN_AXE_JS, AXE_OPTIONS)["violations"]


def report(violations: list[dict]) -> str:
    lines = []
    for v in violations:
        lines.append(f"{v['id']} [{v['impact']}] {v['help']}")
        for node in v["nodes"][:8]:
            summary = node.get("failureSummary", "")
            lines.append(f"    {json.dumps(node['target'])}: {summary!r}"[:400])
        if len(v["nodes"]) > 8:
            lines.append(f"    ... {len(v['nodes']) - 8} more nodes")
    return "\n".join(lines)


# (viewport, path) -> the violations axe found there, so the heading test reuses a page's run
FOUND: dict[tuple[str, str], list[dict]] = {}


def violations_on(contexts, app_url: str, viewport: str, path: str) -> list[dict]:
    if (viewport, path) not in FOUND:
        page = load(contexts[viewport], f"{app_url}/{path}")
        try:
            FOUND[viewport, path] = axe_violations(page)
        finally:
            page.close()
    return FOUND[viewport, path]


def check(contexts, app_url: str, viewport: str, path: str) -> None:
    violations = violations_on(contexts, app_url, viewport, path)
    print(f"\naxe on /{path} at {viewport}: {len(violations)} violation(s)")
    print(report(violations))
    failing = [v for v in violations if v["impact"] in FAILING]
    assert not failing, f"serious/critical axe violations on /{path}:\n{report(failing)}"


@pytest.mark.parametrize("viewport", VIEWPORTS)
@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("page_path", PAGE_PATHS)
def test_every_page_has_no_serious_violation(contexts, app_url, page_path, lang, viewport):
    check(contexts, app_url, viewport, with_lang(page_path, lang))


@pytest.mark.parametrize("viewport", VIEWPORTS)
@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("state", STATES)
def test_every_state_has_no_serious_violation(contexts, app_url, state, lang, viewport):
    check(contexts, app_url, viewport, with_lang(STATES[state], lang))


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("page_path", PAGE_PATHS)
def test_headings_are_in_order(contexts, app_url, page_path, lang):
    violations = violations_on(contexts, app_url, "beamer", with_lang(page_path, lang))
    wrong = [v for v in violations if v["id"] == "heading-order"]
    assert not wrong, report(wrong)


@pytest.mark.parametrize("lang", LANGS)
def test_html_lang_follows_the_ui_language(contexts, app_url, lang):
    """<html lang> is the UI language; the German article on the Sources page says it is German."""
    page = load(contexts["beamer"], f"{app_url}/{with_lang('sources', lang)}")
    try:
        page.wait_for_function(f"() => document.documentElement.lang === {lang!r}", timeout=30_000)
        article = page.locator('.st-key-sources-text [lang="de"]')
        article.wait_for(timeout=30_000)
        assert "src-article" in article.inner_html()
    finally:
        page.close()


# The focus ring of a control: the element that draws it (the label around a radio's or a
# toggle's hidden input), its outline and the colour behind it.
FOCUS_RING_JS = """selector => {
    const control = document.querySelector(selector);
    control.focus();
    const ring = control.matches('input') ? control.closest('label') : control;
    const style = getComputedStyle(ring);
    // the colour behind the ring: the backgrounds of its ancestors, see-through ones blended
    const layers = [];
    for (let e = ring.parentElement; e; e = e.parentElement) {
        const [r, g, b, a = 1] = getComputedStyle(e).backgroundColor.match(/[\\d.]+/g).map(Number);
        if (a > 0) layers.push([r, g, b, a]);
        if (a >= 1) break;
    }
    let [r, g, b] = [255, 255, 255];
    for (const [lr, lg, lb, a] of layers.reverse()) {
        [r, g, b] = [lr * a + r * (1 - a), lg * a + g * (1 - a), lb * a + b * (1 - a)];
    }
    const background = `rgb(${Math.round(r)}, ${Math.round(g)}, ${Math.round(b)})`;
    return {focused: document.activeElement === control,
            visible: control.matches(':focus-visible'),
            color: style.outlineColor, width: parseFloat(style.outlineWidth),
            style: style.outlineStyle, background};
}"""
FOCUSABLE = {
    "radio": '.st-key-classroom-importance input[type="radio"]',
    "toggle": ".st-key-classroom-hide input",
    "button": ".st-key-classroom-next button",
    "nav link": '[data-testid="stSidebarNavLink"]',
}


def luminance(css_rgb: str) -> float:
    channels = [int(c) / 255 for c in re.findall(r"\d+", css_rgb)[:3]]
    linear = [c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
    return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]


def contrast(a: str, b: str) -> float:
    light, dark = sorted((luminance(a), luminance(b)), reverse=True)
    return (light + 0.05) / (dark + 0.05)


@pytest.mark.parametrize("control", FOCUSABLE)
def test_keyboard_focus_is_visible_with_3_to_1_contrast(contexts, app_url, control):
    page = load(contexts["beamer"], f"{app_url}/classroom")
    try:
        # the control itself, not only the run's end (CI once found no "next" button here)
        page.locator(FOCUSABLE[control]).first.wait_for(state="attached", timeout=30_000)
        wait_for_app(page)
        page.keyboard.press("Tab")  # keyboard use: the browser then shows :focus-visible
        ring = page.evaluate(FOCUS_RING_JS, FOCUSABLE[control])
    finally:
        page.close()
    assert ring["focused"] and ring["visible"], ring
    assert ring["style"] == "solid" and ring["width"] >= 2, ring
    assert contrast(ring["color"], ring["background"]) >= 3, ring
