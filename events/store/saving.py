"""Save an editor's change set into the curated tables without losing anyone's work.

A change set (new article text with its `sources.csv` row, new events, edited events, new or
changed evidence rows, rejected candidates) is applied in five steps, all under one file lock
(`filelock`, `<state dir>/save.lock`) so saves from several sessions or processes are serialised:

1. recover: finish a change a crash left half done (see `events.store.atomic`);
2. plan: read the current tables and apply the change set to them in memory
   (`events.store.changes.plan_changes`, pure). An event edit
   carries the version (`event_version`, a hash of the row) the editor started from; if the
   event has changed since, the save stops with a `ConflictError` holding both versions, so the
   page can show them side by side and let the editor choose (`Conflict.keep_mine`). Edits of
   different events, and identical additions, merge;
3. validate: the resulting dataset is written to a temporary folder and checked with
   `events.store.tables.check_tables`; any problem that the current tables do not already have
   stops the save (`ValidationFailed`) before anything is written;
4. keep the old content of every touched file under its hash (`<state dir>/blobs`), for undo;
5. commit: all files, and the history file with one more JSON line (who, when, what, each
   file's old and new hash), are replaced together through the redo journal of
   `events.store.atomic`: a crash or a killed process at any moment leaves the old or the new
   files once `recover` has run, and every save and `load_current` runs it first.

Why a journal and not a folder swap: the tables live at fixed paths in two folders
(`events/data`, `seeds`) that the CLI, the tests and version control read directly, so a
symlinked generation folder would change the project layout for everyone. The price is that
a program reading the files without this package may, right after a crash, see a mix until the
next save or `load_current` recovers it.

`undo_last` restores the files of the newest change not yet undone, again atomically and as a
history entry of its own, provided nobody changed those files since.

Use from a page (`layout = StoreLayout.default()`):

    row, version = event_for_edit(layout, event_id)          # when the edit form opens
    try:
        save_changes(layout, ChangeSet(event_edits=(EventEdit(edited, version),)), who=name)
    except ConflictError as exc:     # show c.mine beside c.theirs for c in exc.conflicts;
        ...                          # "keep mine" saves ChangeSet(event_edits=(c.keep_mine(),))
    except ValidationFailed as exc:  # exc.problems: file, row, column, value, message
        ...
    dataset = load_current(layout)   # cached on events.store.fingerprint.tables_fingerprint
"""

import contextlib
import errno
import json
import uuid
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from datetime import UTC, datetime

from filelock import FileLock, Timeout

from events.model.schema import EVENT_COLUMNS
from events.store.atomic import (
    FILE_MODE,
    commit,
    read_blob,
    read_bytes_or_none,
    recover,
    sha256,
    store_blob,
)
from events.store.changes import (
    ChangeSet,
    Conflict,
    ConflictError,
    EventEdit,
    EvidenceEdit,
    InvalidChange,
    NewSource,
    SaveError,
    event_version,
    plan_changes,
)
from events.store.csv_rows import TableUnreadable, parse_table
from events.store.history import read_history, undoable_change, undoable_changes
from events.store.layout import (
    EVENTS,
    EVIDENCE,
    HISTORY,
    REJECTED,
    SEED_FILE,
    SOURCES,
    StoreLayout,
    seed_name,
)
from events.store.rejections import Rejection
from events.store.save_check import validate_contents
from events.store.tables import Dataset, Problem, load_dataset

LOCK_TIMEOUT_S = 30.0
UNDO_DEPTH = 50  # old file contents are kept for the newest 50 changes that can be undone
WHO_MAX_CHARS = 100


# --- outcomes ---------------------------------------------------------------------------------


class StoreBusy(SaveError):
    """Another save held the lock for too long."""


class ValidationFailed(SaveError):
    """The resulting dataset would have new problems; `problems` names each."""

    def __init__(self, problems: list[Problem]):
        self.problems = problems
        super().__init__(f"{len(problems)} problem(s): " + "; ".join(map(str, problems[:3])))


class NothingToUndo(SaveError):
    """The history holds no change that can still be undone."""


class UndoConflict(SaveError):
    """Files were changed after the change to undo; `files` names them."""

    def __init__(self, change_id: str, files: list[str]):
        self.change_id = change_id
        self.files = files
        super().__init__(f"{', '.join(files)} changed after {change_id}; undo it by hand")


@dataclass(frozen=True)
class SaveResult:
    """What a save or an undo did: its history entry (None when nothing changed)."""

    entry: dict | None
    known_problems: list[Problem] = field(default_factory=list)

    @property
    def changed(self) -> bool:
        return self.entry is not None


# --- versions and reading ---------------------------------------------------------------------


def read_event_rows(layout: StoreLayout) -> dict[str, dict[str, str]]:
    """The raw rows of events.csv by id (strings, as an edit form needs them)."""
    _, rows = parse_table(read_bytes_or_none(layout.events_csv), EVENT_COLUMNS, "events.csv")
    return {row["id"].strip(): row for row in rows}


def event_for_edit(layout: StoreLayout, event_id: str) -> tuple[dict[str, str], str] | None:
    """An event's row and its version, read when editing starts (None if there is none)."""
    row = read_event_rows(layout).get(event_id)
    return None if row is None else (row, event_version(row))


@contextlib.contextmanager
def store_lock(layout: StoreLayout, timeout: float = LOCK_TIMEOUT_S) -> Iterator[None]:
    """Hold the store's file lock (raises `StoreBusy` after `timeout` seconds)."""
    layout.state_dir.mkdir(parents=True, exist_ok=True)
    lock = FileLock(layout.lock_file, timeout=timeout, mode=FILE_MODE)
    try:
        lock.acquire()
    except Timeout:
        raise StoreBusy(f"another save is still running after {timeout:.0f} s") from None
    try:
        yield
    finally:
        lock.release()


def load_current(layout: StoreLayout | None = None, timeout: float = LOCK_TIMEOUT_S) -> Dataset:
    """Load the dataset consistently: under the lock, after finishing any interrupted save.

    Where the store's folder is read-only (a deployment without an editor) there can be no
    interrupted save, and the tables are loaded directly.
    """
    layout = layout or StoreLayout.default()
    try:
        with store_lock(layout, timeout):
            recover(layout)
            return _load(layout)
    except PermissionError:
        if layout.journal_file.exists():
            raise
        return _load(layout)
    except OSError as exc:
        if exc.errno != errno.EROFS or layout.journal_file.exists():
            raise
        return _load(layout)


def _load(layout: StoreLayout) -> Dataset:
    return load_dataset(layout.events_csv, layout.evidence_csv, layout.sources_csv)


# --- saving and undo ---------------------------------------------------------------------------


def _now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds").replace("+00:00", "Z")


def _change_id() -> str:
    return datetime.now(UTC).strftime("%Y%m%dT%H%M%S%f") + "-" + uuid.uuid4().hex[:8]


def _clean_who(who: str) -> str:
    cleaned = "".join(ch for ch in str(who) if ch.isprintable()).strip()
    return cleaned[:WHO_MAX_CHARS] or "unknown"


def _current_contents(layout: StoreLayout, changes: ChangeSet) -> dict[str, bytes | None]:
    names = [EVENTS, EVIDENCE, SOURCES, REJECTED]
    for source in changes.sources:
        file = str(source.row.get("file", ""))
        if SEED_FILE.match(file):
            names.append(seed_name(file))
    return {name: read_bytes_or_none(layout.resolve(name)) for name in names}


def _write_change(
    layout: StoreLayout,
    new_files: Mapping[str, bytes | None],
    current: Mapping[str, bytes | None],
    entry: dict,
) -> None:
    files = {}
    for name, data in new_files.items():
        old = current.get(name)
        files[name] = {
            "before": None if old is None else store_blob(layout, old),
            "after": None if data is None else sha256(data),
        }
    entry["files"] = files
    history = read_bytes_or_none(layout.history_file) or b""
    if history and not history.endswith(b"\n"):
        history += b"\n"
    line = json.dumps(entry, ensure_ascii=False, sort_keys=True).encode("utf-8") + b"\n"
    commit(layout, entry["id"], {**new_files, HISTORY: history + line})
    _prune_blobs(layout)


def _prune_blobs(layout: StoreLayout) -> None:
    """Drop kept file contents that none of the newest `UNDO_DEPTH` undoable changes needs."""
    keep = {
        hashes["before"]
        for entry in undoable_changes(read_history(layout))[:UNDO_DEPTH]
        for hashes in entry.get("files", {}).values()
        if hashes.get("before")
    }
    if layout.blob_dir.is_dir():
        for blob in layout.blob_dir.iterdir():
            if blob.name not in keep and not blob.name.startswith("."):
                blob.unlink(missing_ok=True)


def save_changes(
    layout: StoreLayout | None,
    changes: ChangeSet,
    who: str,
    timeout: float = LOCK_TIMEOUT_S,
) -> SaveResult:
    """Validate and write a change set atomically; raise `ConflictError`, `ValidationFailed`,
    `InvalidChange` or `StoreBusy` with nothing written."""
    layout = layout or StoreLayout.default()
    who = _clean_who(who)
    with store_lock(layout, timeout):
        recover(layout)
        current = _current_contents(layout, changes)
        when = _now()
        try:
            new_files, conflicts, summary = plan_changes(current, changes, who, when)
        except TableUnreadable as exc:
            raise InvalidChange(str(exc)) from None
        if conflicts:
            raise ConflictError(conflicts)
        if not new_files:
            return SaveResult(None)
        problems, known = validate_contents(layout, new_files)
        if problems:
            raise ValidationFailed(problems)
        entry = {"id": _change_id(), "kind": "save", "who": who, "when": when, "what": summary}
        _write_change(layout, new_files, current, entry)
        return SaveResult(entry, known)


def undo_last(layout: StoreLayout | None, who: str, timeout: float = LOCK_TIMEOUT_S) -> SaveResult:
    """Restore the files of the newest change not yet undone, as a recorded change itself."""
    layout = layout or StoreLayout.default()
    who = _clean_who(who)
    with store_lock(layout, timeout):
        recover(layout)
        target = undoable_change(read_history(layout))
        if target is None or not target.get("files"):
            raise NothingToUndo("nothing to undo")
        current: dict[str, bytes | None] = {}
        changed_since = []
        restored: dict[str, bytes | None] = {}
        for name, hashes in target["files"].items():
            data = read_bytes_or_none(layout.resolve(name))
            current[name] = data
            if (None if data is None else sha256(data)) != hashes["after"]:
                changed_since.append(name)
            if hashes["before"] is None:
                restored[name] = None
            else:
                old = read_blob(layout, hashes["before"])
                if old is None:
                    raise NothingToUndo(f"the old content of {name} is no longer kept")
                restored[name] = old
        if changed_since:
            raise UndoConflict(target["id"], changed_since)
        entry = {
            "id": _change_id(),
            "kind": "undo",
            "who": who,
            "when": _now(),
            "undoes": target["id"],
            "what": {"undone": target.get("what", {}), "undone_who": target.get("who")},
        }
        _write_change(layout, restored, current, entry)
        return SaveResult(entry)


def suggest_article_file(layout: StoreLayout, text: str) -> str:
    """A new seed file name in the project's pattern: next number and a hash of the text."""
    numbers = [
        int(path.name[:3])
        for path in (layout.seeds_dir.iterdir() if layout.seeds_dir.is_dir() else ())
        if path.name[:3].isdigit() and path.name[3:4] == "_"
    ]
    number = max(numbers, default=-1) + 1
    return f"{number:03d}_{sha256(text.encode('utf-8'))[:16]}.txt"


__all__ = [
    "ChangeSet",
    "Conflict",
    "ConflictError",
    "EventEdit",
    "EvidenceEdit",
    "InvalidChange",
    "NewSource",
    "NothingToUndo",
    "Rejection",
    "SaveError",
    "SaveResult",
    "StoreBusy",
    "UndoConflict",
    "ValidationFailed",
    "event_for_edit",
    "event_version",
    "load_current",
    "plan_changes",
    "read_event_rows",
    "read_history",
    "save_changes",
    "store_lock",
    "suggest_article_file",
    "undo_last",
    "undoable_change",
    "undoable_changes",
    "validate_contents",
]
