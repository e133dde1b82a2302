"""Saving editor changes: validation first, atomic commit, lock, conflicts, history and undo.

Every test works on a copy of the project's tables in tmp_path; the real events/data is never
written.
"""

import contextlib
import multiprocessing
import os
import signal
import stat
import threading
import time
from pathlib import Path

import pytest
from store_sample import (
    DECLARATION,
    SOURCE_FILE,
    SOURCE_ID,
    TREATY_TEXT,
    article_change,
    copy_project_tables,
    event_row,
    evidence_row,
    table_bytes,
)

import events.store.atomic as atomic
import events.store.saving as saving
from events.store.layout import StoreLayout
from events.store.rejections import Rejection, record_rejections, rejected_keys, without_rejected
from events.store.saving import (
    ChangeSet,
    ConflictError,
    EventEdit,
    EvidenceEdit,
    InvalidChange,
    NewSource,
    NothingToUndo,
    StoreBusy,
    UndoConflict,
    ValidationFailed,
    event_for_edit,
    load_current,
    read_history,
    save_changes,
    store_lock,
    suggest_article_file,
    undo_last,
)
from events.store.tables import load_dataset

NEW_IDS = {"test-washington-declaration", "test-treaty-text-agreed"}


@pytest.fixture
def store(tmp_path) -> StoreLayout:
    return copy_project_tables(tmp_path / "project")


def event_ids(layout: StoreLayout) -> set[str]:
    return set(load_dataset(layout.events_csv, layout.evidence_csv, layout.sources_csv).events.id)


def staged_files(layout: StoreLayout) -> list[Path]:
    folders = [*layout.table_dirs(), layout.state_dir]
    return [p for f in folders if f.is_dir() for p in f.iterdir() if p.name.endswith(".staged")]


def first_event(layout: StoreLayout) -> tuple[dict, str]:
    event_id = load_dataset(layout.events_csv, layout.evidence_csv, layout.sources_csv).events.id[0]
    return event_for_edit(layout, event_id)


# --- a save --------------------------------------------------------------------------------------


def test_save_writes_article_events_evidence_and_history(store):
    before = event_ids(store)
    result = save_changes(store, article_change(note="Stunde 5"), who="Frau Berger")

    dataset = load_current(store)
    assert dataset.problems == []
    assert set(dataset.events.id) == before | NEW_IDS
    assert SOURCE_ID in set(dataset.sources.id)
    assert (store.seeds_dir / SOURCE_FILE).read_text(encoding="utf-8") == (
        Path(__file__).parent / "data" / "editor_article.txt"
    ).read_text(encoding="utf-8")
    quotes = set(dataset.evidence[dataset.evidence.source == SOURCE_ID].quote)
    assert quotes == {DECLARATION, TREATY_TEXT}

    [entry] = read_history(store)
    assert entry == result.entry
    assert entry["who"] == "Frau Berger" and entry["kind"] == "save"
    assert entry["what"]["note"] == "Stunde 5"
    assert set(entry["what"]["events_added"]) == NEW_IDS
    assert entry["what"]["sources_added"] == [SOURCE_ID]
    assert set(entry["files"]) == {"events", "evidence", "sources", f"seed:{SOURCE_FILE}"}
    assert entry["when"].endswith("Z")


def test_written_files_have_mode_0644_and_no_leftovers(store):
    old_umask = os.umask(0o077)
    try:
        save_changes(store, article_change(), who="a")
    finally:
        os.umask(old_umask)
    for path in (
        store.events_csv,
        store.evidence_csv,
        store.sources_csv,
        store.history_file,
        store.seeds_dir / SOURCE_FILE,
    ):
        assert stat.S_IMODE(path.stat().st_mode) == 0o644, path
    assert staged_files(store) == []
    assert not store.journal_file.exists()


def test_untouched_rows_keep_their_bytes(store):
    old_events, old_evidence, old_sources = table_bytes(store)
    save_changes(store, article_change(), who="a")
    new_events, new_evidence, new_sources = table_bytes(store)
    assert new_events.startswith(old_events)
    assert new_evidence.startswith(old_evidence)
    assert new_sources.startswith(old_sources)


def test_saving_the_same_change_twice_changes_nothing(store):
    save_changes(store, article_change(), who="a")
    snapshot = table_bytes(store)
    assert not save_changes(store, article_change(), who="b").changed
    assert table_bytes(store) == snapshot
    assert len(read_history(store)) == 1


# --- validation before anything is written ------------------------------------------------------


def assert_nothing_written(layout: StoreLayout, before: tuple) -> None:
    assert table_bytes(layout) == before
    assert not (layout.seeds_dir / SOURCE_FILE).exists()
    assert not layout.history_file.exists()
    assert not layout.blob_dir.exists()
    assert staged_files(layout) == []


@pytest.mark.parametrize(
    ("change", "file", "column"),
    [
        (
            ChangeSet(
                sources=article_change().sources,
                new_events=(event_row(),),
                new_evidence=(
                    evidence_row("test-washington-declaration", "Nicht im Text.", "8. August 2025"),
                ),
            ),
            "evidence.csv",
            "quote",
        ),
        (
            ChangeSet(
                sources=article_change().sources,
                new_events=(event_row(countries="XXX"),),
                new_evidence=article_change().new_evidence[:1],
            ),
            "events.csv",
            "countries",
        ),
        (ChangeSet(new_events=(event_row(),)), "events.csv", "id"),  # no evidence
        (
            ChangeSet(sources=(NewSource({**article_change().sources[0].row, "genre": "x"}, "T"),)),
            "sources.csv",
            "genre",
        ),
    ],
    ids=["quote-not-in-text", "unknown-country", "event-without-evidence", "bad-genre"],
)
def test_invalid_result_is_rejected_with_nothing_written(store, change, file, column):
    before = table_bytes(store)
    with pytest.raises(ValidationFailed) as failure:
        save_changes(store, change, who="a")
    assert any(p.file.endswith(file) and p.column == column for p in failure.value.problems)
    assert_nothing_written(store, before)


def test_malformed_change_is_rejected_with_nothing_written(store):
    before = table_bytes(store)
    bad_file = ChangeSet(
        sources=(NewSource({**article_change().sources[0].row, "file": "../x.txt"}, "T"),)
    )
    with pytest.raises(InvalidChange, match="plain name"):
        save_changes(store, bad_file, who="a")
    with pytest.raises(InvalidChange, match="unknown column"):
        save_changes(store, ChangeSet(new_events=({**event_row(), "colour": "red"},)), who="a")
    hidden = NewSource(article_change().sources[0].row, "Baku\u202e ukaB\n")
    with pytest.raises(InvalidChange, match="normalise"):
        save_changes(store, ChangeSet(sources=(hidden,)), who="a")
    assert_nothing_written(store, before)


def test_problems_the_tables_already_have_do_not_block_a_save(store):
    # break one existing evidence row by hand: the save of an unrelated change still works
    text = store.evidence_csv.read_text(encoding="utf-8")
    lines = text.splitlines(keepends=True)
    lines.append("no-such-event,news-2025-07,Ein Satz.,\n")
    store.evidence_csv.write_text("".join(lines), encoding="utf-8")
    result = save_changes(store, article_change(), who="a")
    assert result.changed
    assert any(p.column == "event_id" for p in result.known_problems)


# --- conflicts and merges ------------------------------------------------------------------------


def test_edit_based_on_an_old_version_is_a_conflict_with_both_versions(store):
    row, version = first_event(store)
    first = {**row, "summary_en": row["summary_en"] + " Edited by A."}
    second = {**row, "summary_en": row["summary_en"] + " Edited by B."}
    save_changes(store, ChangeSet(event_edits=(EventEdit(first, version),)), who="A")
    after_a = table_bytes(store)

    with pytest.raises(ConflictError) as raised:
        save_changes(store, ChangeSet(event_edits=(EventEdit(second, version),)), who="B")
    [conflict] = raised.value.conflicts
    assert conflict.table == "events" and conflict.key == row["id"]
    assert conflict.mine["summary_en"].endswith("Edited by B.")
    assert conflict.theirs["summary_en"].endswith("Edited by A.")
    assert conflict.base_version == version != conflict.current_version
    assert table_bytes(store) == after_a  # nothing overwritten

    # B looks at both and keeps theirs: a save based on the current version
    save_changes(store, ChangeSet(event_edits=(conflict.keep_mine(),)), who="B")
    assert event_for_edit(store, row["id"])[0]["summary_en"].endswith("Edited by B.")


def test_edits_of_different_events_merge(store):
    events = saving.read_event_rows(store)
    (id_a, row_a), (id_b, row_b) = list(events.items())[:2]
    version_a, version_b = saving.event_version(row_a), saving.event_version(row_b)
    # both editors opened their event before either saved
    other = "1" if str(row_a["importance"]) != "1" else "3"  # a real change of that row
    edit_a = EventEdit({**row_a, "importance": other}, version_a)
    edit_b = EventEdit({**row_b, "summary_de": row_b["summary_de"] + " Ergänzt."}, version_b)
    save_changes(store, ChangeSet(event_edits=(edit_a,)), who="A")
    save_changes(store, ChangeSet(event_edits=(edit_b,)), who="B")
    rows = saving.read_event_rows(store)
    assert rows[id_a]["importance"] == other
    assert rows[id_b]["summary_de"].endswith(" Ergänzt.")


def test_two_editors_creating_the_same_event_id_conflict(store):
    save_changes(store, article_change(), who="A")
    other = ChangeSet(
        new_events=(event_row(title_de="Anderer Titel"),),
        new_evidence=article_change().new_evidence[:1],
    )
    with pytest.raises(ConflictError) as raised:
        save_changes(store, other, who="B")
    assert raised.value.conflicts[0].reason == "exists"


def test_evidence_edit_of_a_row_someone_changed_is_a_conflict(store):
    save_changes(store, article_change(), who="A")
    old = evidence_row("test-washington-declaration", DECLARATION, "8. August 2025")
    changed = {**old, "date_text": "August 2025"}
    save_changes(store, ChangeSet(evidence_edits=(EvidenceEdit(old, changed),)), who="A")
    with pytest.raises(ConflictError) as raised:
        save_changes(store, ChangeSet(evidence_edits=(EvidenceEdit(old, None),)), who="B")
    [conflict] = raised.value.conflicts
    assert conflict.table == "evidence" and conflict.theirs["date_text"] == "August 2025"


def test_editing_a_deleted_event_is_a_conflict(store):
    with pytest.raises(ConflictError) as raised:
        save_changes(store, ChangeSet(event_edits=(EventEdit(event_row("gone"), "0" * 16),)), "B")
    assert raised.value.conflicts[0].reason == "deleted"
    assert raised.value.conflicts[0].theirs is None


# --- atomicity -----------------------------------------------------------------------------------


def test_crash_between_files_leaves_old_or_new_tables(store, monkeypatch):
    old = table_bytes(store)
    real_replace = os.replace
    calls = []

    def crash_after_first_table(src, dst):
        real_replace(src, dst)
        calls.append(Path(dst).name)
        if Path(dst).name in ("events.csv", "evidence.csv", "sources.csv"):
            raise OSError("simulated crash")

    monkeypatch.setattr(atomic.os, "replace", crash_after_first_table)
    with pytest.raises(OSError, match="simulated crash"):
        save_changes(store, article_change(), who="a")
    monkeypatch.setattr(atomic.os, "replace", real_replace)

    # on disk now: one table new, the others old, and the journal that completes them
    assert table_bytes(store) != old and store.journal_file.exists()
    dataset = load_current(store)  # recovers first
    assert set(dataset.events.id) >= NEW_IDS and dataset.problems == []
    assert not store.journal_file.exists() and staged_files(store) == []
    assert len(read_history(store)) == 1


def test_crash_before_the_commit_point_leaves_old_tables(store, monkeypatch):
    old = table_bytes(store)
    real_replace = os.replace

    def crash_at_journal(src, dst):
        if Path(dst) == store.journal_file:
            raise OSError("simulated crash")
        real_replace(src, dst)

    monkeypatch.setattr(atomic.os, "replace", crash_at_journal)
    with pytest.raises(OSError):
        save_changes(store, article_change(), who="a")
    monkeypatch.setattr(atomic.os, "replace", real_replace)
    assert staged_files(store)  # the staged new files are there, not committed
    load_current(store)
    assert table_bytes(store) == old and staged_files(store) == []
    assert not (store.seeds_dir / SOURCE_FILE).exists()
    assert read_history(store) == []


def _save_and_stop(root: Path, stop_at: int, before: bool, marker: Path) -> None:
    """Child process: save, but freeze at the `stop_at`-th os.replace until killed."""
    real_replace = os.replace
    seen = []

    def replace(src, dst):
        seen.append(Path(dst).name)
        if len(seen) == stop_at and before:
            marker.write_text("journal" if "journal.json" in seen[:-1] else "old")
            time.sleep(60)
        real_replace(src, dst)
        if len(seen) == stop_at:
            marker.write_text("journal" if "journal.json" in seen else "old")
            time.sleep(60)

    os.replace = replace
    save_changes(StoreLayout.under(root), article_change(), who="child")
    marker.write_text(f"done {len(seen)}")


def _run_child(root: Path, stop_at: int, before: bool) -> str:
    marker = root.parent / f"marker-{stop_at}-{before}"
    ctx = multiprocessing.get_context("fork")
    child = ctx.Process(target=_save_and_stop, args=(root, stop_at, before, marker))
    child.start()
    deadline = time.monotonic() + 30
    while not (marker.exists() and marker.read_text()):
        assert child.is_alive() and time.monotonic() < deadline, "the child failed"
        time.sleep(0.01)
    state = marker.read_text()
    if child.is_alive():
        os.kill(child.pid, signal.SIGKILL)
    child.join(10)
    return state


def test_killed_process_at_any_replace_leaves_old_or_new_tables(tmp_path):
    reference = copy_project_tables(tmp_path / "reference")
    old = table_bytes(reference)
    done = _run_child(reference.state_dir.parents[2], stop_at=0, before=False)
    total = int(done.split()[1])
    new = table_bytes(reference)
    assert total >= 5 and new != old

    for stop_at in range(1, total + 1):
        for before in (True, False):
            layout = copy_project_tables(tmp_path / f"run-{stop_at}-{before}")
            state = _run_child(layout.state_dir.parents[2], stop_at, before)
            assert state in ("old", "journal")
            on_disk = table_bytes(layout)
            assert on_disk in (old, new) or layout.journal_file.exists()
            dataset = load_current(layout)
            assert table_bytes(layout) == (new if state == "journal" else old), (stop_at, before)
            assert dataset.problems == []
            assert staged_files(layout) == [] and not layout.journal_file.exists()


# --- the lock ------------------------------------------------------------------------------------


def _slow_validation(monkeypatch, seconds=0.3):
    real = saving.validate_contents

    def slow(*args, **kwargs):
        time.sleep(seconds)
        return real(*args, **kwargs)

    monkeypatch.setattr(saving, "validate_contents", slow)


def _other_editor_change(layout: StoreLayout) -> tuple[ChangeSet, str]:
    row, version = first_event(layout)
    edited = {**row, "summary_en": row["summary_en"] + " Second editor."}
    return ChangeSet(event_edits=(EventEdit(edited, version),)), row["id"]


def _save_in_threads(layout, changes):
    errors = []

    def run(change, who):
        try:
            save_changes(layout, change, who=who)
        except Exception as exc:  # noqa: BLE001 - reported below
            errors.append(exc)

    threads = [threading.Thread(target=run, args=(c, f"editor {i}")) for i, c in enumerate(changes)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(30)
    return errors


def test_two_saves_at_once_in_threads_both_kept(store, monkeypatch):
    _slow_validation(monkeypatch)
    other, other_id = _other_editor_change(store)
    assert _save_in_threads(store, [article_change(), other]) == []
    assert event_ids(store) >= NEW_IDS
    assert saving.read_event_rows(store)[other_id]["summary_en"].endswith(" Second editor.")
    assert len(read_history(store)) == 2


def test_without_the_lock_the_same_race_loses_a_change(store, monkeypatch):
    """Shows that the test above can fail: with the lock removed one change is lost."""
    _slow_validation(monkeypatch)
    monkeypatch.setattr(saving, "store_lock", lambda *a, **k: contextlib.nullcontext())
    other, other_id = _other_editor_change(store)
    _save_in_threads(store, [article_change(), other])
    kept_a = event_ids(store) >= NEW_IDS
    kept_b = saving.read_event_rows(store)[other_id]["summary_en"].endswith(" Second editor.")
    assert not (kept_a and kept_b)


def _save_in_child(root: Path, which: str) -> None:
    real = saving.validate_contents

    def slow(*args, **kwargs):
        time.sleep(0.3)
        return real(*args, **kwargs)

    saving.validate_contents = slow
    layout = StoreLayout.under(root)
    change = article_change() if which == "article" else _other_editor_change(layout)[0]
    save_changes(layout, change, who=which)


def test_two_saves_at_once_in_processes_both_kept(store):
    root = store.state_dir.parents[2]
    _, other_id = _other_editor_change(store)
    ctx = multiprocessing.get_context("fork")
    children = [ctx.Process(target=_save_in_child, args=(root, w)) for w in ("article", "edit")]
    for child in children:
        child.start()
    for child in children:
        child.join(60)
    assert [child.exitcode for child in children] == [0, 0]
    assert event_ids(store) >= NEW_IDS
    assert saving.read_event_rows(store)[other_id]["summary_en"].endswith(" Second editor.")
    assert {entry["who"] for entry in read_history(store)} == {"article", "edit"}


def test_a_held_lock_makes_a_save_wait_then_give_up(store):
    before = table_bytes(store)
    with store_lock(store), pytest.raises(StoreBusy):
        save_changes(store, article_change(), who="a", timeout=0.2)
    assert table_bytes(store) == before


# --- undo and history ----------------------------------------------------------------------------


def test_undo_restores_the_previous_tables_and_is_recorded(store):
    original = table_bytes(store)
    save_changes(store, article_change(), who="A")
    row, version = first_event(store)
    other = "1" if str(row["importance"]) != "1" else "3"  # a real change of that row
    save_changes(
        store, ChangeSet(event_edits=(EventEdit({**row, "importance": other}, version),)), who="A"
    )
    after_two = table_bytes(store)

    undo = undo_last(store, who="B")
    assert undo.entry["kind"] == "undo" and undo.entry["who"] == "B"
    assert table_bytes(store) != after_two
    assert event_ids(store) >= NEW_IDS  # only the edit is undone

    undo_last(store, who="B")
    assert table_bytes(store) == original
    assert not (store.seeds_dir / SOURCE_FILE).exists()
    assert [e["kind"] for e in read_history(store)] == ["save", "save", "undo", "undo"]
    with pytest.raises(NothingToUndo):
        undo_last(store, who="B")


def test_undo_refuses_when_the_files_changed_since(store):
    save_changes(store, article_change(), who="A")
    store.events_csv.write_bytes(store.events_csv.read_bytes() + b"\n")  # a hand edit
    changed = table_bytes(store)
    with pytest.raises(UndoConflict) as raised:
        undo_last(store, who="B")
    assert raised.value.files == ["events"]
    assert table_bytes(store) == changed


def test_undo_with_empty_history(store):
    with pytest.raises(NothingToUndo):
        undo_last(store, who="B")


# --- rejected candidates -------------------------------------------------------------------------


def test_rejected_candidates_are_remembered_and_filtered(store):
    candidates = [
        {"source": SOURCE_ID, "sentence": DECLARATION},
        {"source": SOURCE_ID, "sentence": TREATY_TEXT},
        {"source": "other", "sentence": DECLARATION},
    ]
    assert without_rejected(candidates, rejected_keys(store)) == candidates
    result = record_rejections(store, [Rejection(SOURCE_ID, DECLARATION)], who="A")
    assert result.entry["what"]["rejected"]
    # the same sentence with other line breaks is still recognised
    rewrapped = {"source": SOURCE_ID, "sentence": DECLARATION.replace(" im ", "\nim ")}
    keys = rejected_keys(store)
    assert without_rejected([*candidates, rewrapped], keys) == candidates[1:]
    assert not record_rejections(store, [Rejection(SOURCE_ID, DECLARATION)], who="B").changed
    undo_last(store, who="A")
    assert without_rejected(candidates, rejected_keys(store)) == candidates
    assert not store.rejected_csv.exists()


def test_suggested_article_file_follows_the_seed_pattern(store):
    name = suggest_article_file(store, "Ein Text.")
    assert name.startswith("004_") and name.endswith(".txt") and len(name) == 24


# --- the fingerprint the UI cache is keyed on ----------------------------------------------------


@pytest.mark.parametrize("content", [False, True])
def test_fingerprint_changes_with_every_save_and_undo_and_hand_edit(store, content):
    from events.store.fingerprint import tables_fingerprint

    seen = [tables_fingerprint(store, content)]
    assert tables_fingerprint(store, content) == seen[0]  # stable while nothing changes
    save_changes(store, article_change(), who="A")
    seen.append(tables_fingerprint(store, content))
    undo_last(store, who="A")
    seen.append(tables_fingerprint(store, content))
    text = store.seeds_dir / "000_ae1e676b21058354.txt"
    text.write_text(text.read_text(encoding="utf-8") + "Nachtrag.\n", encoding="utf-8")
    seen.append(tables_fingerprint(store, content))
    store.evidence_csv.unlink()
    seen.append(tables_fingerprint(store, content))
    if content:  # the undo brought back the very same bytes
        assert seen[2] == seen[0]
        del seen[2]
    assert len(set(seen)) == len(seen)


def test_old_contents_beyond_the_undo_depth_are_dropped(store, monkeypatch):
    monkeypatch.setattr(saving, "UNDO_DEPTH", 2)
    for note in ("eins", "zwei", "drei"):
        row, version = first_event(store)
        edited = {**row, "summary_en": row["summary_en"] + f" {note}"}
        save_changes(store, ChangeSet(event_edits=(EventEdit(edited, version),)), who="A")
    # only the contents the last two entries refer to remain
    assert len(list(store.blob_dir.iterdir())) == 2
    undo_last(store, who="A")  # drei: still possible
    assert first_event(store)[0]["summary_en"].endswith(" zwei")
    undo_last(store, who="A")
    with pytest.raises(NothingToUndo, match="no longer kept"):
        undo_last(store, who="A")
