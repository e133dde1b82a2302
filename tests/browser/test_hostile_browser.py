"""Text is text, in a real browser: every page on a server whose tables and seeds hold hostile
values (tests/hostile.py), opened with hostile link parameters, in German and in English, and
driven into the states that show table text (card, teacher table, revealed slide, quiz
feedback, the three Sources tabs, the Editor's candidates of a hostile article).

After each state the live DOM (every frame) must hold no link to evil.example or javascript:,
no image, frame or object from evil.example, no on* handler attribute, no script the payloads
set (`window.__hostile`), no KaTeX and no heading made from the data; the payloads must still be
visible as literal text (so data that vanished fails too). Every request the page makes must stay
on this machine.
"""

import csv
import os
import re
import sys
from pathlib import Path
from urllib.parse import urlencode, urlparse

import pytest
from playwright.sync_api import TimeoutError as PlaywrightTimeout

from browser.conftest import ROOT, select_point, serve, wait_for_app
from events.queries.article_marks import CORRECTION_MARKER
from ui.navigation import PAGES
from ui.story import title_selector

sys.path.insert(0, str(ROOT / "tests"))
from hostile import (  # noqa: E402
    ALL_SHORT,
    EVIL,
    LINK_PARAMS,
    PAYLOADS,
    TITLE_PAYLOADS,
    write_hostile_tables,
)

pytestmark = pytest.mark.browser
SECRET = "hostile-browser-geheim"
LANGS = ("de", "en")
# page name -> URL path (the first page of the navigation is the start page "/")
PATHS = {Path(path).stem: "" if i == 0 else Path(path).stem for i, (path, _, _) in enumerate(PAGES)}
LOCAL_HOSTS = {"127.0.0.1", "localhost", "::1", "[::1]"}
LOCAL_SCHEMES = {"data", "blob", "about"}
# No link to evil.example is allowed anywhere: the addresses inside `date_source` (explicit
# http(s) links by design, rel="noopener noreferrer") point at news.example in tests/hostile.py.
DATE_SOURCE_URL = ""
# The Timeline's card: an event whose title holds a payload and whose date_source holds a URL.
CARD_EVENT = "second-karabakh-war"
ARTICLE = (
    f"{ALL_SHORT}\n\n"
    f"Am 3. März 2025 eröffnete Armenien einen neuen Grenzübergang zu Georgien {ALL_SHORT}.\n\n"
    "Die Regierung in Tiflis begrüßte den Schritt.\n"
)
ARTICLE_TITLE = PAYLOADS["md_link"]
UNLOCK = {"de": "Entsperren", "en": "Unlock"}
DIALOG = '[role="dialog"]'
ANY_PAYLOAD = object()  # expected: at least one of the short payloads, literally
SEARCH = "evil"  # in the summaries and quotes of the hostile rows (tests/hostile.py) only

# Everything the payloads could have put into one document: returned, not asserted, so that a
# failure names the page, state, selector and value.
FINDINGS_JS = r"""([evil, allowedHref, withNotice]) => {
    const cut = s => String(s).replace(/\s+/g, ' ').slice(0, 160);
    // where an element is: its nearest widget key and the chain of Streamlit test ids
    const layout = /^st(Vertical|Horizontal)Block|^stElementContainer|^stLayoutWrapper/;
    const where = e => {
        const keyed = e.closest('[class*="st-key-"]');
        const key = keyed ? [...keyed.classList].find(c => c.startsWith('st-key-')) : '-';
        const ids = [];
        for (let p = e; p && ids.length < 4; p = p.parentElement) {
            const id = p.dataset && p.dataset.testid;
            if (id && !layout.test(id)) {
                ids.unshift(id);
            }
        }
        return `${key} ${ids.join('>')} <${e.tagName.toLowerCase()}>`;
    };
    const out = {links: [], media: [], handlers: [], katex: [], headings: [], scripts: [],
                 hostile: typeof window.__hostile !== 'undefined', text: ''};
    for (const a of document.querySelectorAll('a[href], area[href]')) {
        const href = a.getAttribute('href') || '';
        const bad = href.includes(evil) || /^\s*javascript:/i.test(href);
        if (!bad) continue;
        const rel = (a.getAttribute('rel') || '').split(/\s+/);
        const allowed = href === allowedHref && a.closest('.card-provenance') !== null
            && rel.includes('noopener') && rel.includes('noreferrer');
        if (!allowed) out.links.push(`${where(a)} href=${cut(href)} text=${cut(a.innerText)}`);
    }
    const media = 'img, source, iframe, object, embed, video, audio, track, image, use, link';
    for (const e of document.querySelectorAll(media)) {
        for (const name of ['src', 'srcset', 'data', 'href', 'xlink:href', 'poster', 'srcdoc']) {
            const value = e.getAttribute(name);
            if (value && value.includes(evil)) out.media.push(`${where(e)} ${name}=${cut(value)}`);
        }
    }
    for (const e of document.querySelectorAll('*')) {
        for (const attr of e.attributes) {
            if (attr.name.toLowerCase().startsWith('on')) {
                out.handlers.push(`${where(e)} ${attr.name}=${cut(attr.value)}`);
            }
        }
    }
    for (const k of document.querySelectorAll('.katex, .katex-display, math')) {
        out.katex.push(`${where(k)} text=${cut(k.textContent)}`);
    }
    for (const h of document.querySelectorAll('h1, h2, h3, h4, h5, h6')) {
        if (h.textContent.trim().startsWith('Überschrift')) {
            out.headings.push(`${where(h)} text=${cut(h.textContent)}`);
        }
    }
    for (const s of document.querySelectorAll('script')) {
        const body = s.textContent;
        if (body.includes('__hostile')) out.scripts.push(`${where(s)} ${cut(body)}`);
    }
    // U+2060 (word joiner) is invisible: ui.text.md_literal puts it into addresses
    out.text = document.body ? document.body.innerText.replace(/\u2060/g, '') : '';
    if (!withNotice) {  // the notice echoes the link: data must show elsewhere
        for (const n of document.querySelectorAll('.notice')) {
            out.text = out.text.replace(n.innerText.replace(/\u2060/g, ''), '');
        }
    }
    return out;
}"""


@pytest.fixture(scope="module")
def hostile_server(tmp_path_factory):
    """One server on the hostile copy of the tables and seeds, with an editor secret."""
    folder = tmp_path_factory.mktemp("hostile")
    data, seeds = write_hostile_tables(folder)
    fact_check_gets_payloads(data / "events.csv")
    env = {
        **os.environ,
        "TIMELINE_DATA_DIR": str(data),
        "TIMELINE_SEEDS_DIR": str(seeds),
        "TIMELINE_EDITOR_SECRET": SECRET,
    }
    with serve("dashboard.py", folder / "server.log", env=env) as url:
        yield url


def fact_check_gets_payloads(path: Path) -> None:
    """tests/hostile.py leaves the fact-checked rows clean: give the first one payloads in its
    titles and summaries (its date_source keeps the correction marker)."""
    with path.open(encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle))
    row = next(r for r in rows if r["date_source"].startswith(CORRECTION_MARKER))
    for lang in ("de", "en"):
        row[f"title_{lang}"] = f"{PAYLOADS['katex']} {row[f'title_{lang}']}"[:120]
        row[f"summary_{lang}"] = f"{ALL_SHORT} {row[f'summary_{lang}']}"[:1200]
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=list(rows[0]))
        writer.writeheader()
        writer.writerows(rows)


class Watch:
    """One browser context whose every request (and web socket) is recorded; a request that
    would leave the machine is recorded and aborted, so nothing leaves even when a test fails."""

    def __init__(self, browser):
        self.urls: list[str] = []
        self.context = browser.new_context(viewport={"width": 1280, "height": 900}, locale="de-DE")
        self.context.route("**/*", self._route)
        self.page = self.context.new_page()
        self.page.on("request", lambda request: self.urls.append(request.url))
        self.page.on("websocket", lambda socket: self.urls.append(socket.url))
        self.problems: list[str] = []
        self.seen: set[str] = set()

    def report(self, state: str, finding: str, once: bool = True) -> None:
        """Note a finding with the state it was first seen in (the DOM keeps what earlier
        states drew, so a finding is reported once)."""
        if once and finding in self.seen:
            return
        self.seen.add(finding)
        self.problems.append(f"[{state}] {finding}")

    def _route(self, route):
        url = route.request.url
        self.urls.append(url)
        if is_local(url):
            route.continue_()
        else:
            route.abort()

    def outside(self) -> list[str]:
        return sorted({url[:200] for url in self.urls if not is_local(url)})


def is_local(url: str) -> bool:
    parsed = urlparse(url)
    return parsed.scheme in LOCAL_SCHEMES or parsed.hostname in LOCAL_HOSTS


@pytest.fixture
def watch(browser):
    made = Watch(browser)
    yield made
    made.context.close()


def link_query(lang: str) -> str:
    params = dict(LINK_PARAMS)
    if lang == "en":
        params["lang"] = "en"
    return urlencode(params)


def open_page(watch: Watch, url: str, name: str, lang: str, extra: str = "") -> None:
    """Open page `name` with the hostile link and check it; then search for "evil" in the
    sidebar (the link's own search matches no event): the page shows the hostile rows."""
    page = watch.page
    page.goto(f"{url}/{PATHS[name]}?{link_query(lang)}{extra}")
    page.wait_for_selector(".notice", timeout=45_000)
    wait_for_app(page)
    # the notice lists the first ignored values (country= first), each cut short
    check_state(watch, f"{name}: link", [f"country={LINK_PARAMS['country']}"], notice=True)
    search = page.locator(".st-key-filters-q input")
    search.fill(SEARCH)
    search.press("Enter")
    page.wait_for_url(lambda address: f"q={SEARCH}" in address, timeout=30_000)
    wait_for_app(page)


def check_state(watch: Watch, state: str, expected: list, notice: bool = False) -> None:
    """Collect every finding of this state (all frames) into watch.problems."""
    page = watch.page
    text = ""
    for frame in page.frames:
        try:
            found = frame.evaluate(FINDINGS_JS, [EVIL, DATE_SOURCE_URL, notice])
        except Exception as exc:  # noqa: BLE001 - a detached frame has no DOM to check
            if "detached" in str(exc).lower() or "destroyed" in str(exc).lower():
                continue
            raise
        frame_name = "main" if frame == page.main_frame else f"frame {frame.url[:60]}"
        for kind in ("links", "media", "handlers", "katex", "headings", "scripts"):
            for item in found[kind]:
                watch.report(state, f"{frame_name}: {kind}: {item}")
        if found["hostile"]:
            watch.report(state, f"{frame_name}: window.__hostile is set")
        text += found["text"] + "\n"
    for literal in expected:
        if literal is ANY_PAYLOAD:
            if not any(PAYLOADS[name] in text for name in TITLE_PAYLOADS):
                watch.report(state, "no payload shown literally", once=False)
        elif literal not in text:
            watch.report(state, f"literal text missing: {literal[:80]!r}", once=False)
    for url in watch.outside():
        watch.report(state, f"request left the machine: {url}")


def finish(watch: Watch) -> None:
    assert not watch.problems, "\n".join(watch.problems)


# ---- the pages --------------------------------------------------------------------------------


def drive_timeline(watch: Watch, url: str, lang: str) -> None:
    page = watch.page
    open_page(watch, url, "timeline", lang)
    notice = PAYLOADS["md_image"]
    button = page.locator(title_selector(CARD_EVENT))
    button.scroll_into_view_if_needed(timeout=45_000)
    wait_for_app(page)
    check_state(watch, "timeline: all events", [PAYLOADS["md_link"], PAYLOADS["heading"]])
    button.click()
    dialog = page.locator(DIALOG)
    dialog.locator(".card-provenance").wait_for(timeout=30_000)
    wait_for_app(page)
    check_state(watch, "timeline: card open", [PAYLOADS["autolink"], PAYLOADS["md_link"]])
    dialog.get_by_role("tab").nth(1).click()
    dialog.locator(".card-quote").first.wait_for(timeout=30_000)
    wait_for_app(page)
    check_state(watch, "timeline: card sources tab", [PAYLOADS["autolink"]])
    dialog.locator('button[aria-label="Close"]').click()
    page.locator(DIALOG).wait_for(state="detached", timeout=30_000)
    wait_for_app(page)
    page.locator(".st-key-timeline-teacher summary").click()
    page.locator('.st-key-timeline-list [data-testid="stDataFrame"]').wait_for(timeout=30_000)
    wait_for_app(page)
    check_state(watch, "timeline: teacher table", [notice])


def drive_countries(watch: Watch, url: str, lang: str) -> None:
    page = watch.page
    open_page(watch, url, "countries", lang)
    select_point(page, "ARM", trace="countries", until="country=ARM")
    wait_for_app(page)
    page.locator(".st-key-countries-list").wait_for(timeout=30_000)
    check_state(watch, "countries: Armenia", [])
    select_point(page, CARD_EVENT, until=page.locator(f"{DIALOG} .card-provenance"))
    wait_for_app(page)
    check_state(watch, "countries: card open", [PAYLOADS["autolink"]])


def drive_classroom(watch: Watch, url: str, lang: str) -> None:
    page = watch.page
    open_page(watch, url, "classroom", lang, "&hide=1")
    reveal = page.locator(".st-key-classroom-reveal button")
    reveal.wait_for(timeout=30_000)
    wait_for_app(page)
    # the first slide is the first hostile row: its title is the Markdown link
    check_state(watch, "classroom: dates hidden", [PAYLOADS["md_link"]])
    reveal.click()
    page.locator(".st-key-classroom-reveal").wait_for(state="detached", timeout=30_000)
    wait_for_app(page)
    check_state(watch, "classroom: revealed", [PAYLOADS["md_link"]])


def open_list(page, box) -> None:
    """Open a selectbox's list from the keyboard (a click on the last box of a long page
    sometimes only focuses it); a list that does not open is asked again."""
    for attempt in range(3):
        box.focus()
        page.keyboard.press("ArrowDown")
        try:
            page.get_by_role("option").first.wait_for(state="attached", timeout=5_000)
            return
        except PlaywrightTimeout:
            if attempt == 2:
                raise
            page.keyboard.press("Escape")


def drive_quiz(watch: Watch, url: str, lang: str) -> None:
    page = watch.page
    open_page(watch, url, "quiz", lang)
    question = page.locator(".st-key-quiz-question")
    question.locator('[data-testid="stBaseButton-primary"]').wait_for(timeout=30_000)
    wait_for_app(page)
    check_state(watch, "quiz: question", [])
    selects = question.locator('[data-testid="stSelectbox"]')
    for n in range(selects.count()):  # an order question: each position its own event
        open_list(page, selects.nth(n).locator("input"))
        page.get_by_role("option").nth(n).click()
        wait_for_app(page)
    question.locator('[data-testid="stBaseButton-primary"]').click()
    page.locator(".st-key-quiz-feedback").wait_for(timeout=30_000)
    wait_for_app(page)
    # every question is about hostile rows: their titles, summaries or sources show
    check_state(watch, "quiz: feedback", [ANY_PAYLOAD])


def drive_sources(watch: Watch, url: str, lang: str) -> None:
    page = watch.page
    open_page(watch, url, "sources", lang)
    page.locator(".src-article").wait_for(timeout=30_000)
    wait_for_app(page)
    check_state(watch, "sources: article", [ALL_SHORT])
    page.get_by_role("tab").nth(1).click()
    page.locator('[class*="st-key-sources-compare-"]').first.wait_for(timeout=30_000)
    wait_for_app(page)
    check_state(watch, "sources: compare", [PAYLOADS["md_link"]])
    page.get_by_role("tab").nth(2).click()
    page.locator('[class*="st-key-sources-check-"]').first.wait_for(timeout=30_000)
    wait_for_app(page)
    check_state(watch, "sources: fact check", [PAYLOADS["katex"], ALL_SHORT])


def drive_editor(watch: Watch, url: str, lang: str) -> None:
    page = watch.page
    open_page(watch, url, "editor", lang)
    page.locator(".st-key-editor-secret input").fill(SECRET)
    page.get_by_role("button", name=UNLOCK[lang]).click()
    page.locator(".st-key-editor-paste textarea").wait_for(timeout=45_000)
    wait_for_app(page)
    for key, value in (("editor-paste textarea", ARTICLE), ("editor-meta_title input", "")):
        field = page.locator(f".st-key-{key}")
        field.fill(value or ARTICLE_TITLE)
        field.press("Tab")
        wait_for_app(page)
    page.locator(".st-key-editor-read button").click()
    candidate = page.locator(".st-key-editor-cand-0")
    candidate.wait_for(timeout=45_000)
    wait_for_app(page)
    check_state(watch, "editor: candidates", [ALL_SHORT])
    # as a new event: the form prefilled from the hostile sentence, and its problem list
    candidate.locator('.st-key-editor-c-0-action [role="radiogroup"] label').nth(1).click()
    page.locator(".st-key-editor-c-0-ev-title_de input").wait_for(timeout=30_000)
    wait_for_app(page)
    check_state(watch, "editor: new event form", [ALL_SHORT])


DRIVERS = {
    "timeline": drive_timeline,
    "countries": drive_countries,
    "classroom": drive_classroom,
    "quiz": drive_quiz,
    "sources": drive_sources,
    "editor": drive_editor,
}


def test_every_page_of_the_navigation_is_driven():
    assert set(DRIVERS) == set(PATHS)


# once per page in the browser, the languages taking turns (the AppTest sweep in
# tests/test_app_hostile.py runs every page in both languages)
PAGE_RUNS = [(name, LANGS[i % 2]) for i, name in enumerate(DRIVERS)]


@pytest.mark.parametrize(("name", "lang"), PAGE_RUNS)
def test_hostile_values_stay_text(watch, hostile_server, name, lang, tmp_path):
    try:
        DRIVERS[name](watch, hostile_server, lang)
    except Exception:
        watch.page.screenshot(path=str(tmp_path / "failed.png"), full_page=True)
        print(f"screenshot: {tmp_path / 'failed.png'}; findings so far:", *watch.problems, sep="\n")
        raise
    finish(watch)


def test_the_findings_catch_a_leak(watch, hostile_server):
    """The checks can fail: payloads planted into the page as HTML are all found."""
    page = watch.page
    page.goto(f"{hostile_server}/countries?{link_query('de')}")
    page.wait_for_selector(".notice", timeout=45_000)
    wait_for_app(page)
    planted = (
        f'<a href="https://{EVIL}/x">x</a><a href="javascript:void(0)">j</a><h2>Überschrift</h2>'
        f'<img src="https://{EVIL}/p.png" onerror="window.__hostile=3">'
    )
    with page.expect_request(lambda request: EVIL in request.url):
        page.evaluate("html => document.body.insertAdjacentHTML('beforeend', html)", planted)
    page.wait_for_function("() => window.__hostile === 3")
    check_state(watch, "planted", ["a text the page never shows"])
    found = "\n".join(watch.problems)
    for expected in (
        f"links: .*href=https://{EVIL}/x",
        "links: .*href=javascript:void",
        "headings: .*Überschrift",
        f"media: .*src=https://{EVIL}/p.png",
        "handlers: .*onerror=window.__hostile=3",
        "window.__hostile is set",
        "literal text missing: 'a text the page never shows'",
        f"request left the machine: https://{EVIL}/p.png",
    ):
        assert re.search(expected, found), (expected, found)
