"""The editor in a real browser, on a server started with a copy of the tables and an editor
secret: paste an article, accept two candidates, add one as evidence, save, and see the new
events on the Timeline of a second browser context without a restart; a bad upload is refused
with nothing written."""

import os
import sys

import pandas as pd
import pytest

from browser.conftest import ROOT, serve, wait_for_app

pytestmark = pytest.mark.browser
SECRET = "browser-test-geheim"
ARTICLE = (
    "Eriwan – Am 3. März 2025 eröffnete Armenien einen neuen Grenzübergang zu Georgien. "
    "Die Regierung in Tiflis begrüßte den Schritt.\n\n"
    "Am 12. April 2025 trafen sich die Außenminister Armeniens und Georgiens in Tiflis.\n\n"
    "Im September 2023 erlangte Aserbaidschan nach einer Militärkampagne die Kontrolle über "
    "Karabach zurück.\n"
)
CHART_IDS_JS = """() => [...document.querySelectorAll(
        '[data-testid="stPlotlyChart"] .js-plotly-plot')]
    .flatMap(p => p.data.flatMap(
        d => (d.customdata || []).map(c => Array.isArray(c) ? c[0] : c)))"""


@pytest.fixture(scope="module")
def editor_server(tmp_path_factory):
    """A server on a copy of the tables and seeds, with the editor secret set."""
    folder = tmp_path_factory.mktemp("editor")
    sys.path.insert(0, str(ROOT / "tests"))
    from apptest_helpers import copy_tables

    data, seeds = copy_tables(folder)
    env = {
        **os.environ,
        "TIMELINE_DATA_DIR": str(data),
        "TIMELINE_SEEDS_DIR": str(seeds),
        "TIMELINE_EDITOR_SECRET": SECRET,
    }
    with serve("dashboard.py", folder / "server.log", env=env) as url:
        yield url, data, seeds


def snapshot(*folders) -> dict[str, bytes]:
    return {
        str(path): path.read_bytes()
        for folder in folders
        for path in folder.rglob("*")
        if path.is_file() and ".store" not in path.parts
    }


def key(name: str) -> str:
    return ".st-key-" + name.replace(".", "-")


def unlock(page, url: str) -> None:
    page.goto(f"{url}/editor")
    page.locator(f"{key('editor.secret')} input").fill(SECRET)
    page.get_by_role("button", name="Entsperren").click()
    page.locator(f"{key('editor.paste')} textarea").wait_for(timeout=45_000)
    wait_for_app(page)


def choose(page, widget: str, label: str) -> None:
    page.locator(key(widget)).get_by_text(label, exact=True).click()
    wait_for_app(page)


def type_into(page, widget: str, text: str, tag: str = "input") -> None:
    field = page.locator(f"{key(widget)} {tag}")
    field.fill(text)
    field.press("Tab")  # commit the value (blur)
    wait_for_app(page)


def accept_as_new(page, index: int, title: str, theme: str | None = None) -> None:
    prefix = f"editor.c.{index}"
    choose(page, f"{prefix}.action", "neues Ereignis")
    page.locator(f"{key(prefix + '.ev.title_de')} input").wait_for(timeout=30_000)
    type_into(page, f"{prefix}.ev.title_de", title)
    type_into(page, f"{prefix}.ev.summary_de", f"{title}. Zusammenfassung.", "textarea")
    if theme:
        box = page.locator(f"{key(prefix + '.ev.themes_list')} input")
        box.click()
        box.fill(theme)
        box.press("Enter")
        wait_for_app(page)
    page.locator(key(f"editor.cand.{index}")).get_by_text("besteht die Prüfung").wait_for(
        timeout=30_000
    )


def chart_ids(page) -> set[str]:
    page.wait_for_selector('[data-testid="stPlotlyChart"] .js-plotly-plot .main-svg')
    wait_for_app(page)
    return set(page.evaluate(CHART_IDS_JS))


def test_paste_review_save_and_see_it_in_another_session(browser, editor_server):
    url, data, seeds = editor_server
    student = browser.new_context(viewport={"width": 1280, "height": 720}, locale="de-DE")
    teacher = browser.new_context(viewport={"width": 1280, "height": 900}, locale="de-DE")
    try:
        timeline = student.new_page()
        timeline.goto(url)
        before = chart_ids(timeline)
        page = teacher.new_page()
        unlock(page, url)
        type_into(page, "editor.paste", ARTICLE, "textarea")
        type_into(page, "editor.meta_title", "Grenzübergang nach Georgien")
        choose(page, "editor.date_mode", "als EDTF (z. B. 2025-07 oder 2025-07-04~)")
        type_into(page, "editor.date_edtf", "2025-05-02")
        page.locator(f"{key('editor.read')} button").click()
        page.locator(key("editor.cand.2")).wait_for(timeout=45_000)
        wait_for_app(page)

        accept_as_new(page, 0, "Neuer Grenzübergang", theme="Diplomatie")
        accept_as_new(page, 1, "Außenminister treffen sich in Tiflis")
        choose(page, "editor.c.2.action", "Beleg zu bestehendem Ereignis")
        target = page.locator(f"{key('editor.c.2.target')} input")
        target.click()
        target.fill("Karabach")
        page.get_by_role("option").first.wait_for(timeout=30_000)
        page.get_by_role("option").filter(has_text="übernimmt ganz Karabach").first.click()
        wait_for_app(page)
        page.screenshot(path=str(data.parent / "review.png"), full_page=True)

        page.locator(f"{key('editor.save')} button").click()
        page.get_by_text("Gespeichert: 2 neue(s) Ereignis(se), 3 Beleg(e)").wait_for(timeout=45_000)

        events = pd.read_csv(data / "events.csv", dtype=str, keep_default_na=False)
        new_ids = set(events["id"]) - before
        assert len(new_ids) == 2
        evidence = pd.read_csv(data / "evidence.csv", dtype=str, keep_default_na=False)
        karabakh = evidence[evidence["quote"].str.contains("Militärkampagne die Kontrolle")]
        assert karabakh["event_id"].tolist() == ["karabakh-offensive"]

        # the student's open page shows the new events on its next rerun, no restart
        assert not new_ids & chart_ids(timeline)
        timeline.locator(key("timeline.lane")).get_by_text("Land", exact=True).click()
        timeline.wait_for_function(
            f"() => ({CHART_IDS_JS})().includes({sorted(new_ids)[0]!r})", timeout=45_000
        )
        assert new_ids <= chart_ids(timeline)
    finally:
        student.close()
        teacher.close()


def test_a_bad_upload_is_refused_and_nothing_is_written(browser, editor_server):
    url, data, seeds = editor_server
    context = browser.new_context(viewport={"width": 1280, "height": 720}, locale="de-DE")
    try:
        page = context.new_page()
        unlock(page, url)
        before = snapshot(data, seeds)
        choose(page, "editor.input_mode", "Hochladen")
        uploader = page.locator(f"{key('editor.upload')} input[type=file]")
        png = b"\x89PNG\r\n\x1a\n" + bytes(300)
        uploader.set_input_files({"name": "bild.txt", "mimeType": "text/plain", "buffer": png})
        page.get_by_text("Diese Datei ist kein Text").wait_for(timeout=45_000)
        type_into(page, "editor.meta_title", "Ein Bild")
        page.locator(f"{key('editor.read')} button").click()
        page.get_by_text("Bitte Text, Titel").wait_for(timeout=30_000)
        assert snapshot(data, seeds) == before
    finally:
        context.close()


def prepare_one_new_event(page, url: str, article: str, title: str, event_title: str) -> None:
    """Unlock, paste `article`, read it, and accept its first candidate as a new event."""
    unlock(page, url)
    type_into(page, "editor.paste", article, "textarea")
    type_into(page, "editor.meta_title", title)
    choose(page, "editor.date_mode", "als EDTF (z. B. 2025-07 oder 2025-07-04~)")
    type_into(page, "editor.date_edtf", "2025-06-02")
    page.locator(f"{key('editor.read')} button").click()
    page.locator(key("editor.cand.0")).wait_for(timeout=45_000)
    wait_for_app(page)
    accept_as_new(page, 0, event_title, theme="Diplomatie")


def test_two_editors_saving_at_once_both_land(browser, editor_server):
    """Two browser contexts save different new events at the same moment: the store's lock
    takes one after the other, the second merges onto the first, and both events are kept."""
    url, data, _ = editor_server
    contexts = [
        browser.new_context(viewport={"width": 1280, "height": 900}, locale="de-DE")
        for _ in range(2)
    ]
    try:
        pages = [context.new_page() for context in contexts]
        articles = [
            ("Am 14. Mai 2025 eröffnete Kasachstan ein Konsulat in Eriwan.\n", "Konsulat"),
            ("Am 21. Mai 2025 unterzeichneten Georgien und Armenien ein Abkommen.\n", "Abkommen"),
        ]
        for page, (article, word) in zip(pages, articles, strict=True):
            prepare_one_new_event(page, url, article, f"{word} (Test)", f"{word} im Mai 2025")
        before = set(pd.read_csv(data / "events.csv", dtype=str)["id"])
        buttons = [page.locator(f"{key('editor.save')} button") for page in pages]
        for button in buttons:  # both clicks go out before either save has finished
            button.dispatch_event("click")
        for page in pages:
            page.get_by_text("Gespeichert: 1 neue(s) Ereignis(se), 1 Beleg(e)").wait_for(
                timeout=60_000
            )
        events = pd.read_csv(data / "events.csv", dtype=str, keep_default_na=False)
        added = events[~events["id"].isin(before)]
        assert sorted(added["title_de"]) == ["Abkommen im Mai 2025", "Konsulat im Mai 2025"]
        assert events["id"].is_unique
    finally:
        for context in contexts:
            context.close()
