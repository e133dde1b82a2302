"""A fingerprint of the curated tables and article texts, to key the UI's dataset cache on, so
that a save (or a hand edit) shows on the next rerun without a restart.

The default fingerprint reads only file metadata (inode, size, modification time in ns): a save
replaces files by rename, which gives them a new inode, and a text editor changes the mtime. It
costs a few `stat` calls per rerun. `content=True` hashes the bytes instead, for file systems
whose timestamps cannot be trusted.
"""

import hashlib
import json
import os
from pathlib import Path

from events.store.layout import StoreLayout


def fingerprinted_files(layout: StoreLayout) -> list[Path]:
    """The files the loaded dataset depends on: the three tables and every article text, plus
    the journal (a save in progress or interrupted)."""
    files = [layout.events_csv, layout.evidence_csv, layout.sources_csv, layout.journal_file]
    try:
        seeds = sorted(
            Path(entry.path)
            for entry in os.scandir(layout.seeds_dir)
            if not entry.name.startswith(".") and entry.name != layout.sources_csv.name
        )
    except OSError:
        seeds = []
    return files + seeds


def _part(path: Path, content: bool) -> list:
    try:
        if content:
            return [str(path), hashlib.sha256(path.read_bytes()).hexdigest()]
        info = path.stat()
    except OSError:
        return [str(path), None]
    return [str(path), info.st_ino, info.st_size, info.st_mtime_ns]


def tables_fingerprint(layout: StoreLayout | None = None, content: bool = False) -> str:
    """A short string that changes whenever a table or an article text changes."""
    layout = layout or StoreLayout.default()
    parts = [_part(path, content) for path in fingerprinted_files(layout)]
    return hashlib.sha256(json.dumps(parts).encode()).hexdigest()[:20]
