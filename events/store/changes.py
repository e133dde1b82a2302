"""A change set from the editor and how it applies to the tables' current content (pure).

`plan_changes` takes the current bytes of each file and returns the new bytes of the files that
change, plus a `Conflict` for every edit based on a row that has changed since the editor
opened it; `events.store.saving` does the locking, validation and writing.
"""

import json
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field

from events.model.schema import EVENT_COLUMNS, EVIDENCE_COLUMNS, SOURCE_COLUMNS
from events.store.atomic import sha256
from events.store.csv_rows import cell, complete_row, parse_table, render_table
from events.store.layout import EVENTS, EVIDENCE, REJECTED, SEED_FILE, SOURCES, seed_name
from events.store.rejections import REJECTED_COLUMNS, Rejection, sentence_hash
from events.store.uploads import MAX_TEXT_BYTES, normalise_text

COLUMNS = {
    EVENTS: EVENT_COLUMNS,
    EVIDENCE: EVIDENCE_COLUMNS,
    SOURCES: SOURCE_COLUMNS,
    REJECTED: REJECTED_COLUMNS,
}


# --- the change set ---------------------------------------------------------------------------


@dataclass(frozen=True)
class NewSource:
    """A new article: its `sources.csv` row (with `file`, a plain `*.txt` name) and its text."""

    row: Mapping[str, object]
    text: str


@dataclass(frozen=True)
class EventEdit:
    """A changed event row (all columns, `id` unchanged) and the version it was based on."""

    row: Mapping[str, object]
    base_version: str


@dataclass(frozen=True)
class EvidenceEdit:
    """Replace the evidence row `old` (matched on all columns) by `new`; `new=None` removes it."""

    old: Mapping[str, object]
    new: Mapping[str, object] | None


@dataclass(frozen=True)
class ChangeSet:
    """Everything one press of "save" writes."""

    sources: Sequence[NewSource] = ()
    new_events: Sequence[Mapping[str, object]] = ()
    event_edits: Sequence[EventEdit] = ()
    new_evidence: Sequence[Mapping[str, object]] = ()
    evidence_edits: Sequence[EvidenceEdit] = ()
    rejections: Sequence[Rejection] = ()
    note: str = ""


class SaveError(Exception):
    """A save that wrote nothing."""


class InvalidChange(SaveError):
    """The change set itself is malformed (unknown column, bad file name, ...)."""


@dataclass(frozen=True)
class Conflict:
    """An edit based on a version that is no longer current.

    `mine` is the editor's row, `theirs` the row now in the table (None: it is gone). For
    events, `keep_mine()` returns the edit rebased on the current version.
    """

    table: str
    key: str
    mine: dict[str, str] | None
    theirs: dict[str, str] | None
    base_version: str | None = None
    current_version: str | None = None
    reason: str = "changed"

    def keep_mine(self) -> EventEdit:
        if self.table != EVENTS or self.mine is None or self.current_version is None:
            raise ValueError("only an event that still exists can be overwritten")
        return EventEdit(row=self.mine, base_version=self.current_version)


class ConflictError(SaveError):
    """Some edits were based on outdated rows; nothing was written."""

    def __init__(self, conflicts: list[Conflict]):
        self.conflicts = conflicts
        keys = ", ".join(f"{c.table}:{c.key} ({c.reason})" for c in conflicts)
        super().__init__(f"changed by someone else meanwhile: {keys}")


def event_version(row: Mapping[str, object]) -> str:
    """The version of an event row: a hash of its cells, as an editor saw them."""
    cells = [cell(row.get(column)) for column in EVENT_COLUMNS]
    return sha256(json.dumps(cells, ensure_ascii=False).encode())[:16]


# --- planning (pure) ---------------------------------------------------------------------------


@dataclass
class _Tables:
    header: dict[str, list[str]]
    rows: dict[str, list[dict[str, str]]]


def _parse_all(current: Mapping[str, bytes | None]) -> _Tables:
    tables = _Tables({}, {})
    for name, columns in COLUMNS.items():
        header, rows = parse_table(current.get(name), columns, name)
        tables.header[name], tables.rows[name] = header, rows
    return tables


def _evidence_key(row: Mapping[str, str]) -> tuple[str, ...]:
    return tuple(row.get(column, "") for column in EVIDENCE_COLUMNS)


def _new_what() -> dict[str, list]:
    """The history summary's lists, empty, in the order the history shows them."""
    keys = ("sources_added", "events_added", "events_changed", "evidence_added")
    keys += ("evidence_changed", "evidence_removed", "rejected")
    return {key: [] for key in keys}


@dataclass
class _Plan:
    """One change set being applied to the parsed tables: new files, conflicts, summary."""

    current: Mapping[str, bytes | None]
    tables: _Tables
    who: str
    when: str
    conflicts: list[Conflict] = field(default_factory=list)
    new_files: dict[str, bytes | None] = field(default_factory=dict)
    what: dict[str, list] = field(default_factory=_new_what)

    def row_of(self, name: str, values: Mapping[str, object]) -> dict[str, str]:
        """`values` as a complete row of table `name` (`InvalidChange` for unknown columns)."""
        try:
            return complete_row(values, self.tables.header[name], name)
        except ValueError as exc:
            raise InvalidChange(str(exc)) from None

    def add_source(self, new: NewSource) -> None:
        """Add an article's `sources.csv` row and its text file, unless it is there already."""
        sources = self.tables.rows[SOURCES]
        row = self.row_of(SOURCES, new.row)
        file = row["file"]
        if not SEED_FILE.match(file):
            raise InvalidChange(f"sources: file {file!r} must be a plain name ending in .txt")
        if normalise_text(new.text) != (new.text, ()):
            raise InvalidChange("sources: normalise the text first (uploads.read_pasted)")
        if len(new.text.encode("utf-8")) > MAX_TEXT_BYTES:
            raise InvalidChange("sources: the article text is larger than 2 MB")
        data = new.text.encode("utf-8")
        existing = next((r for r in sources if r["id"] == row["id"]), None)
        on_disk = self.current.get(seed_name(file))
        if existing is not None:
            if existing != row or on_disk != data:
                self.conflicts.append(Conflict(SOURCES, row["id"], row, existing, reason="exists"))
            return
        if any(r["file"] == file for r in sources) or (on_disk not in (None, data)):
            raise InvalidChange(f"sources: the file name {file!r} is taken by another article")
        sources.append(row)
        self.new_files[seed_name(file)] = data
        self.what["sources_added"].append(row["id"])

    def add_event(self, values: Mapping[str, object], by_id: dict[str, int]) -> None:
        """Add a new event; an id already taken by a different row is a conflict."""
        events = self.tables.rows[EVENTS]
        row = self.row_of(EVENTS, values)
        event_id = row["id"].strip()
        if event_id in by_id:
            theirs = events[by_id[event_id]]
            if theirs != row:
                self.conflicts.append(
                    Conflict(EVENTS, event_id, row, theirs, None, event_version(theirs), "exists")
                )
            return
        by_id[event_id] = len(events)
        events.append(row)
        self.what["events_added"].append(event_id)

    def edit_event(self, edit: EventEdit, by_id: dict[str, int]) -> None:
        """Replace an event row if it is still the version the edit was based on."""
        events = self.tables.rows[EVENTS]
        row = self.row_of(EVENTS, edit.row)
        event_id = row["id"].strip()
        if event_id not in by_id:
            self.conflicts.append(
                Conflict(EVENTS, event_id, row, None, edit.base_version, None, "deleted")
            )
            return
        theirs = events[by_id[event_id]]
        if theirs == row:
            return  # the same edit is already there
        current_version = event_version(theirs)
        if current_version != edit.base_version:
            self.conflicts.append(
                Conflict(EVENTS, event_id, row, theirs, edit.base_version, current_version)
            )
            return
        events[by_id[event_id]] = row
        self.what["events_changed"].append(event_id)

    def add_evidence(self, values: Mapping[str, object], present: set[tuple[str, ...]]) -> None:
        """Add an evidence row unless the very same row is there already."""
        row = self.row_of(EVIDENCE, values)
        if _evidence_key(row) not in present:
            self.tables.rows[EVIDENCE].append(row)
            present.add(_evidence_key(row))
            self.what["evidence_added"].append([row["event_id"], row["source"]])

    def edit_evidence(self, edit: EvidenceEdit, present: set[tuple[str, ...]]) -> None:
        """Replace or remove an evidence row if its old version is still there."""
        evidence = self.tables.rows[EVIDENCE]
        old = self.row_of(EVIDENCE, edit.old)
        new = None if edit.new is None else self.row_of(EVIDENCE, edit.new)
        index = next((i for i, r in enumerate(evidence) if r == old), None)
        if index is None:
            if new is None or _evidence_key(new) not in present:
                self.conflicts.append(_evidence_conflict(evidence, old, new))
            return  # else someone made the same change
        present.discard(_evidence_key(old))
        if new is None:
            del evidence[index]
            self.what["evidence_removed"].append([old["event_id"], old["source"]])
        else:
            evidence[index] = new
            present.add(_evidence_key(new))
            self.what["evidence_changed"].append([new["event_id"], new["source"]])

    def reject(self, rejection: Rejection, known: set[tuple[str, str]]) -> None:
        """Record a rejected candidate sentence once."""
        if rejection.key in known:
            return
        known.add(rejection.key)
        self.tables.rows[REJECTED].append(
            {
                "source": rejection.source,
                "sentence_hash": sentence_hash(rejection.sentence),
                "sentence": " ".join(rejection.sentence.split()),
                "rejected_by": self.who,
                "rejected_at": self.when,
            }
        )
        self.what["rejected"].append([rejection.source, sentence_hash(rejection.sentence)])

    def render(self) -> None:
        """Put every table whose bytes change into `new_files`."""
        for name in COLUMNS:
            data = render_table(self.tables.header[name], self.tables.rows[name])
            if name == REJECTED and not self.tables.rows[name] and self.current.get(name) is None:
                continue  # no rejections yet: do not create an empty file
            if data != self.current.get(name):
                self.new_files[name] = data


def _evidence_conflict(
    evidence: list[dict[str, str]], old: dict[str, str], new: dict[str, str] | None
) -> Conflict:
    """The conflict for an evidence edit whose old row is gone: changed or deleted."""
    theirs = next(
        (
            r
            for r in evidence
            if (r["event_id"], r["source"], r["quote"])
            == (old["event_id"], old["source"], old["quote"])
        ),
        None,
    )
    reason = "changed" if theirs is not None else "deleted"
    return Conflict(EVIDENCE, old["event_id"], new, theirs, reason=reason)


def plan_changes(
    current: Mapping[str, bytes | None], changes: ChangeSet, who: str, when: str
) -> tuple[dict[str, bytes | None], list[Conflict], dict]:
    """Apply a change set to the current file contents, in memory.

    `current` maps logical names (events, evidence, sources, rejected, seed:<file>) to bytes;
    it must hold every seed file the change writes. Returns the new contents of the files
    that change, the conflicts found, and a summary for the history.
    """
    plan = _Plan(current, _parse_all(current), who, when)
    for new in changes.sources:
        plan.add_source(new)
    by_id = {row["id"].strip(): index for index, row in enumerate(plan.tables.rows[EVENTS])}
    for values in changes.new_events:
        plan.add_event(values, by_id)
    for edit in changes.event_edits:
        plan.edit_event(edit, by_id)
    present = {_evidence_key(row) for row in plan.tables.rows[EVIDENCE]}
    for values in changes.new_evidence:
        plan.add_evidence(values, present)
    for edit in changes.evidence_edits:
        plan.edit_evidence(edit, present)
    known = {(r["source"], r["sentence_hash"]) for r in plan.tables.rows[REJECTED]}
    for rejection in changes.rejections:
        plan.reject(rejection, known)
    plan.render()
    summary = {key: value for key, value in plan.what.items() if value}
    if changes.note:
        summary["note"] = changes.note
    return plan.new_files, plan.conflicts, summary
