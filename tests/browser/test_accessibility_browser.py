"""axe-core on every page and state, both languages, beamer and phone size.

axe-core comes from the npm registry (package.json / package-lock.json; the README's test command
runs `npm ci`) and is injected from node_modules into each page: no CDN. A serious or critical
violation fails; every violation found is printed with its impact and target nodes.
"""

import json
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
    # a chart draws after the script run: wait until each one has its SVG
    page.wait_for_function(
        """() => [...document.querySelectorAll('[data-testid="stPlotlyChart"]')]
            .every(c => c.querySelector('.main-svg'))""",
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


def check(contexts, app_url: str, viewport: str, path: str) -> None:
    page = load(contexts[viewport], f"{app_url}/{path}")
    try:
        violations = axe_violations(page)
    finally:
        page.close()
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
def test_html_lang_follows_the_ui_language(contexts, app_url, lang):
    page = load(contexts["beamer"], f"{app_url}/{with_lang('', lang)}")
    try:
        page.wait_for_function(f"() => document.documentElement.lang === {lang!r}", timeout=30_000)
    finally:
        page.close()
