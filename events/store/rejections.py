"""Rejected candidates, remembered in `events/data/rejected.csv` so they do not come back.

A rejection is keyed by the article's source id and a hash of its sentence (whitespace
collapsed, so re-extraction with other line breaks still matches). The sentence itself is kept
beside the hash so a person can read the file. Rejections are saved through
`events.store.saving` (same lock, atomic write, history entry, undo).
"""

import hashlib
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from typing import TypeVar

from events.store.atomic import read_bytes_or_none
from events.store.csv_rows import parse_table
from events.store.layout import StoreLayout

REJECTED_COLUMNS = ("source", "sentence_hash", "sentence", "rejected_by", "rejected_at")

Item = TypeVar("Item")


@dataclass(frozen=True)
class Rejection:
    """A candidate sentence of one article that an editor rejected."""

    source: str
    sentence: str

    @property
    def key(self) -> tuple[str, str]:
        return (self.source, sentence_hash(self.sentence))


def sentence_hash(sentence: str) -> str:
    """A short stable hash of a sentence, insensitive to whitespace differences."""
    normalised = " ".join(sentence.split())
    return hashlib.sha256(normalised.encode("utf-8")).hexdigest()[:20]


def rejected_keys(layout: StoreLayout) -> set[tuple[str, str]]:
    """Every remembered (source, sentence hash) pair; an unreadable file counts as empty."""
    try:
        _, rows = parse_table(
            read_bytes_or_none(layout.rejected_csv), REJECTED_COLUMNS, "rejected.csv"
        )
    except Exception:  # noqa: BLE001 - a damaged list must not hide the editor's candidates
        return set()
    return {(row["source"], row["sentence_hash"]) for row in rows}


def _field(item: object, name: str) -> str:
    if isinstance(item, Mapping):
        return str(item[name])
    return str(getattr(item, name))


def without_rejected(
    candidates: Iterable[Item],
    rejected: set[tuple[str, str]],
    source_of: Callable[[Item], str] = lambda item: _field(item, "source"),
    sentence_of: Callable[[Item], str] = lambda item: _field(item, "sentence"),
) -> list[Item]:
    """The candidates whose (source, sentence) was not rejected, in their order.

    Candidates may be mappings (CSV rows) or objects with `source` and `sentence`; other
    shapes pass their own accessors.
    """
    return [
        item
        for item in candidates
        if (source_of(item), sentence_hash(sentence_of(item))) not in rejected
    ]


def record_rejections(layout: StoreLayout, rejections: Iterable[Rejection], who: str):
    """Remember rejected candidates (a saved change of its own: history and undo included)."""
    from events.store.saving import ChangeSet, save_changes

    return save_changes(layout, ChangeSet(rejections=tuple(rejections)), who=who)
