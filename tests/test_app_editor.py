"""AppTest of the Editor page: locked without a secret, wrong secret, review and save a fixture
article (tests/data/editor_article.txt), undo, history."""

import datetime as dt
from pathlib import Path
from types import SimpleNamespace

import pandas as pd
import pytest
from apptest_helpers import run_app, use_tables

from events.store.access import ENV_VAR

ARTICLE = (Path(__file__).parent / "data" / "editor_article.txt").read_text(encoding="utf-8")
SECRET = "richtig-geheim-123"
NEW_ID = "usa-hosts-declaration-test"


@pytest.fixture
def tables(tmp_path, monkeypatch):
    data, seeds = use_tables(monkeypatch, tmp_path)
    monkeypatch.setenv(ENV_VAR, SECRET)
    return data, seeds


def open_editor():
    return run_app(page="pages/editor.py")


def unlock(at, secret: str = SECRET):
    at.text_input(key="editor.secret").input(secret)
    next(b for b in at.button if b.label == "Entsperren").click().run()
    assert not at.exception, at.exception
    return at


def test_locked_without_a_secret_and_says_how(monkeypatch, tmp_path):
    use_tables(monkeypatch, tmp_path)
    monkeypatch.delenv(ENV_VAR, raising=False)
    at = open_editor()
    assert "gesperrt" in at.warning[0].value
    assert any("TIMELINE_EDITOR_SECRET" in m.value for m in at.markdown)
    assert any("editor_secret" in m.value for m in at.markdown)
    assert not at.main.text_input and not at.main.text_area


def test_wrong_secret_is_refused_and_slows_down(tables, monkeypatch):
    monkeypatch.setattr("ui.editor.time", SimpleNamespace(monotonic=lambda: 1000.0))
    at = unlock(open_editor(), "falsch")
    assert "Falsches Passwort" in at.error[0].value
    assert SECRET not in str(at) and "falsch" not in " ".join(e.value for e in at.error)
    assert not at.main.text_area  # still locked
    unlock(at, SECRET)  # at once: refused without comparing
    assert "warten" in at.warning[0].value
    assert not at.main.text_area


def fill_article(at):
    unlock(at)
    at.text_area(key="editor.paste").input(ARTICLE).run()
    at.text_input(key="editor.meta_title").input("Frieden in Sichtweite?").run()
    at.text_input(key="editor.meta_outlet").input("Testzeitung").run()
    at.date_input(key="editor.date_day").set_value(dt.date(2025, 8, 10)).run()
    at.button(key="editor.read").click().run()
    assert not at.exception, at.exception
    return at


def test_review_and_save_a_new_article(tables):
    data, seeds = tables
    at = fill_article(open_editor())
    marked = "<mark>8. August 2025</mark>"  # the first candidate's date in its sentence
    assert any(marked in h.value for h in at.get("html"))
    # candidate 1: a new event, validated as it is typed
    at.radio(key="editor.c.0.action").set_value("new").run()
    assert any(r"column title\_de" in e.value for e in at.error)  # empty: the check says so
    at.text_input(key="editor.c.0.ev.id").input(NEW_ID).run()
    at.text_input(key="editor.c.0.ev.title_de").input("Erklärung im Weißen Haus").run()
    at.text_area(key="editor.c.0.ev.summary_de").input("Beide Länder unterzeichnen.").run()
    at.multiselect(key="editor.c.0.ev.themes_list").set_value(["diplomacy"]).run()
    assert any("besteht die Prüfung" in s.value for s in at.success)
    # candidate 2: evidence for an existing event
    at.radio(key="editor.c.1.action").set_value("evidence").run()
    at.selectbox(key="editor.c.1.target").set_value("armenia-azerbaijan-treaty-text").run()
    at.button(key="editor.save").click().run()
    assert not at.exception, at.exception
    assert any("Gespeichert: 1" in s.value for s in at.success), [s.value for s in at.success]

    events = pd.read_csv(data / "events.csv", dtype=str, keep_default_na=False)
    row = events.set_index("id").loc[NEW_ID]
    assert (row["date"], row["title_en"], row["countries"]) == ("2025-08-08", "", "USA;ARM;AZE")
    evidence = pd.read_csv(data / "evidence.csv", dtype=str, keep_default_na=False)
    added = evidence[evidence["quote"].map(lambda q: q in ARTICLE)]
    assert set(added["event_id"]) == {NEW_ID, "armenia-azerbaijan-treaty-text"}
    sources = pd.read_csv(seeds / "sources.csv", dtype=str, keep_default_na=False)
    new_source = sources[sources["title"] == "Frieden in Sichtweite?"].iloc[0]
    assert (seeds / new_source["file"]).read_text(encoding="utf-8") == ARTICLE
    assert set(added["source"]) == {new_source["id"]}

    # the history lists it, and the same session's timeline shows the new event at once
    assert at.dataframe[0].value["kind"].tolist() == ["save"]
    timeline = run_app({"lang": "en"})
    assert "Erklärung im Weißen Haus [German only]" in str(
        timeline.get("plotly_chart")[0].proto.spec
    )

    # undo takes the whole change back
    at.button(key="editor.undo").click().run()
    assert any("Rückgängig" in s.value for s in at.success)
    events = pd.read_csv(data / "events.csv", dtype=str, keep_default_na=False)
    assert NEW_ID not in set(events["id"])
    assert not (seeds / new_source["file"]).exists()


def test_rejected_candidates_do_not_come_back(tables):
    data, _ = tables
    at = fill_article(open_editor())
    at.radio(key="editor.c.0.action").set_value("reject").run()
    at.button(key="editor.save").click().run()
    assert (data / "rejected.csv").exists()
    at.button(key="editor.read").click().run()
    assert not at.exception
    sentences = " ".join(m.value for m in at.markdown)
    assert "8\\. August 2025" not in sentences and "8. August 2025" not in sentences.replace(
        "**", ""
    )


def test_the_same_new_event_saved_meanwhile_shows_both_versions_and_mine_can_win(tables):
    from events.store.saving import ChangeSet, save_changes
    from ui.data import store_layout

    data, _ = tables
    at = fill_article(open_editor())
    at.radio(key="editor.c.0.action").set_value("new").run()
    at.text_input(key="editor.c.0.ev.id").input(NEW_ID).run()
    at.text_input(key="editor.c.0.ev.title_de").input("Meine Fassung").run()
    at.text_area(key="editor.c.0.ev.summary_de").input("Beide Länder unterzeichnen.").run()
    at.multiselect(key="editor.c.0.ev.themes_list").set_value(["diplomacy"]).run()
    # another editor saves an event with the same id first (evidence from an existing article)
    events = pd.read_csv(data / "events.csv", dtype=str, keep_default_na=False)
    evidence = pd.read_csv(data / "evidence.csv", dtype=str, keep_default_na=False)
    donor = events[events["date_basis"] == "text"].iloc[0]
    quote = evidence[evidence["event_id"] == donor["id"]].iloc[0]
    theirs = {**donor.to_dict(), "id": NEW_ID, "title_de": "Ihre Fassung"}
    their_evidence = {**quote.to_dict(), "event_id": NEW_ID}
    save_changes(
        store_layout(), ChangeSet(new_events=(theirs,), new_evidence=(their_evidence,)), "B"
    )

    at.button(key="editor.save").click().run()
    assert not at.exception, at.exception
    assert any("dasselbe Ereignis" in w.value for w in at.warning)
    both = at.dataframe[0].value
    assert both.loc["title_de"].tolist() == ["Meine Fassung", "Ihre Fassung"]
    at.button(key="editor.keep_mine").click().run()
    assert any("Gespeichert" in s.value for s in at.success), [s.value for s in at.success]
    events = pd.read_csv(data / "events.csv", dtype=str, keep_default_na=False)
    assert events.set_index("id").loc[NEW_ID, "title_de"] == "Meine Fassung"
