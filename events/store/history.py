"""The store's history file: every save and undo, one JSON line each, and what undo may take."""

import contextlib
import json
from collections.abc import Sequence

from events.store.atomic import read_bytes_or_none
from events.store.layout import StoreLayout


def read_history(layout: StoreLayout) -> list[dict]:
    """Every history entry, oldest first (lines that are not JSON objects are skipped)."""
    data = read_bytes_or_none(layout.history_file)
    entries = []
    for line in (data or b"").decode("utf-8", errors="replace").splitlines():
        with contextlib.suppress(ValueError):
            entry = json.loads(line)
            if isinstance(entry, dict):
                entries.append(entry)
    return entries


def undoable_changes(history: Sequence[dict]) -> list[dict]:
    """The saved changes not undone, newest first: the order in which undo takes them back."""
    undone = {entry.get("undoes") for entry in history if entry.get("kind") == "undo"}
    return [
        entry
        for entry in reversed(history)
        if entry.get("kind") != "undo" and entry.get("id") not in undone
    ]


def undoable_change(history: Sequence[dict]) -> dict | None:
    """The newest saved change that has not been undone (None if there is none)."""
    changes = undoable_changes(history)
    return changes[0] if changes else None
