"""Replace several files as one step: staged files, a redo journal as commit point, recovery.

A single `os.replace` is atomic; replacing three tables is not. A change is therefore made in
three phases:

1. *stage*: every new file content is written (mode 0644, fsynced) to a hidden file in the
   target's own folder (`.events.csv.<change id>.staged`), so the final rename never crosses
   a file system;
2. *commit*: a journal (`<state dir>/journal.json`) naming every target, its staged file and the
   SHA-256 of its new content is written to a temporary file and renamed into place. This one
   rename is the commit point: before it the old files are untouched (staged files are orphans
   and are removed on recovery); after it the change will be completed;
3. *roll forward*: each staged file is renamed over its target, then the journal is removed.

`recover` finishes a journal left by a crash or a killed process (it is idempotent: a target
already replaced is recognised by its hash) and removes orphaned staged files. Everything that
reads the tables through this package (`events.store.saving.load_current`) and every save runs
`recover` first, under the store's file lock, so a reader sees either all old or all new files.
"""

import contextlib
import hashlib
import json
import os
import uuid
from collections.abc import Mapping
from pathlib import Path

from events.store.layout import StoreLayout

FILE_MODE = 0o644
STAGED_SUFFIX = ".staged"


class StoreCorrupted(Exception):
    """A journal cannot be completed: a staged file is gone and the target has other content."""


def sha256(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def read_bytes_or_none(path: Path) -> bytes | None:
    """The file's bytes, or None when it does not exist."""
    try:
        return path.read_bytes()
    except FileNotFoundError:
        return None


def fsync_dir(path: Path) -> None:
    """Make renames inside `path` durable (a no-op where folders cannot be opened)."""
    try:
        fd = os.open(path, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)


def write_new_file(path: Path, data: bytes) -> None:
    """Create `path` (it must not exist) with `data`, mode 0644 whatever the umask, fsynced."""
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, FILE_MODE)
    try:
        os.fchmod(fd, FILE_MODE)
        view = memoryview(data)
        while view:
            written = os.write(fd, view)
            view = view[written:]
        os.fsync(fd)
    finally:
        os.close(fd)


def replace_file(path: Path, data: bytes, tag: str) -> None:
    """Atomically replace one file (temporary file in the same folder, then `os.replace`)."""
    temp = path.parent / f".{path.name}.{tag}{STAGED_SUFFIX}"
    with contextlib.suppress(FileNotFoundError):
        temp.unlink()
    write_new_file(temp, data)
    os.replace(temp, path)
    fsync_dir(path.parent)


def write_file_atomically(path: Path, data: bytes) -> None:
    """Replace (or create) `path` with `data` in one step, mode 0644: readers see old or new."""
    replace_file(path, data, f"{os.getpid()}-{uuid.uuid4().hex[:8]}")


def staged_path(target: Path, change_id: str) -> Path:
    return target.parent / f".{target.name}.{change_id}{STAGED_SUFFIX}"


def store_blob(layout: StoreLayout, data: bytes) -> str:
    """Keep `data` under its hash in the state folder (for undo); return the hash."""
    digest = sha256(data)
    path = layout.blob_dir / digest
    if not path.exists():
        layout.blob_dir.mkdir(parents=True, exist_ok=True)
        replace_file(path, data, "blob")
    return digest


def read_blob(layout: StoreLayout, digest: str) -> bytes | None:
    """The content kept under `digest`, or None when it is missing or damaged."""
    data = read_bytes_or_none(layout.blob_dir / digest)
    return data if data is not None and sha256(data) == digest else None


def commit(layout: StoreLayout, change_id: str, contents: Mapping[str, bytes | None]) -> None:
    """Replace the named files (`None` deletes one) all together, or not at all on a crash.

    The caller holds the store's lock.
    """
    ops = []
    written_dirs: set[Path] = set()
    for name, data in contents.items():
        target = layout.resolve(name)
        if data is None:
            ops.append({"name": name, "staged": None, "sha256": None})
            continue
        target.parent.mkdir(parents=True, exist_ok=True)
        staged = staged_path(target, change_id)
        write_new_file(staged, data)
        written_dirs.add(target.parent)
        ops.append({"name": name, "staged": staged.name, "sha256": sha256(data)})
    for folder in written_dirs:
        fsync_dir(folder)
    layout.state_dir.mkdir(parents=True, exist_ok=True)
    journal = json.dumps({"change": change_id, "ops": ops}, ensure_ascii=False).encode()
    replace_file(layout.journal_file, journal, change_id)  # the commit point
    _roll_forward(layout, ops)


def _roll_forward(layout: StoreLayout, ops: list[dict]) -> None:
    touched: set[Path] = set()
    for op in ops:
        target = layout.resolve(op["name"])
        touched.add(target.parent)
        if op["staged"] is None:
            with contextlib.suppress(FileNotFoundError):
                target.unlink()
            continue
        try:
            os.replace(target.parent / op["staged"], target)
        except FileNotFoundError:
            current = read_bytes_or_none(target)
            if current is None or sha256(current) != op["sha256"]:
                raise StoreCorrupted(
                    f"{target}: the staged file of an interrupted save is missing and the file "
                    "has other content; restore it from the history or version control"
                ) from None
    for folder in touched:
        fsync_dir(folder)
    with contextlib.suppress(FileNotFoundError):
        layout.journal_file.unlink()
    fsync_dir(layout.state_dir)


def recover(layout: StoreLayout) -> bool:
    """Complete an interrupted change and remove orphaned staged files; True if either was
    needed. The caller holds the store's lock."""
    did_something = False
    raw = read_bytes_or_none(layout.journal_file)
    if raw is not None:
        try:
            ops = json.loads(raw)["ops"]
        except (ValueError, KeyError, TypeError) as exc:
            # the journal is renamed into place whole, so this means outside damage
            raise StoreCorrupted(f"{layout.journal_file}: unreadable journal ({exc})") from None
        _roll_forward(layout, ops)
        did_something = True
    for folder in [*layout.table_dirs(), layout.state_dir, layout.blob_dir]:
        if not folder.is_dir():
            continue
        for path in folder.iterdir():
            if path.name.startswith(".") and path.name.endswith(STAGED_SUFFIX):
                with contextlib.suppress(FileNotFoundError):
                    path.unlink()
                did_something = True
    return did_something
