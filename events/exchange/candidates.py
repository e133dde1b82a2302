"""Writing imported TimelineJS slides into the candidates file, the way `python -m events
candidates` does: this source's rows replaced, other sources' rows kept, written atomically.

A small writer of its own (the shared one is moving to `events/store/candidates.py`); unlike the
old one it never rewrites a file whose header it does not recognise, and writes mode 0644.
"""

import csv
import io
import os
import tempfile
from pathlib import Path

from events.locale import t
from events.store.candidates import CANDIDATE_COLUMNS


class CandidatesFileError(ValueError):
    """The candidates file cannot be used: a locale key and its values say why."""

    def __init__(self, key: str, **values):
        self.key, self.values = key, values
        super().__init__(t(key, "en", **values))

    def text(self, lang: str) -> str:
        return t(self.key, lang, **self.values)


def read_kept_rows(path: Path, source_id: str) -> list[dict]:
    """The rows of other sources in an existing candidates file (none when it does not exist)."""
    if not path.exists():
        return []
    if path.is_dir():
        raise CandidatesFileError("export_out_is_folder")
    try:
        with open(path, encoding="utf-8", newline="") as handle:
            reader = csv.DictReader(handle)
            header = tuple(reader.fieldnames or ())
            rows = list(reader)
    except UnicodeDecodeError as exc:
        raise CandidatesFileError("candidates_not_utf8", byte=exc.start) from None
    except csv.Error as exc:
        raise CandidatesFileError("candidates_not_csv", reason=exc) from None
    if header != CANDIDATE_COLUMNS:
        raise CandidatesFileError("candidates_foreign")
    return [row for row in rows if row.get("source") != source_id]


def write_atomically(path: Path, data: bytes) -> None:
    """Write `data` to a temporary file beside `path`, then rename it over `path` (0644)."""
    fd, temp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}-", suffix=".tmp")
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
        os.chmod(temp, 0o644)
        os.replace(temp, path)
    except BaseException:
        Path(temp).unlink(missing_ok=True)
        raise


def write_candidate_rows(rows: list[dict], source_id: str, path: Path) -> None:
    """Replace `source_id`'s rows in the candidates file at `path`, keep the others."""
    kept = read_kept_rows(path, source_id)
    buffer = io.StringIO(newline="")
    writer = csv.DictWriter(buffer, fieldnames=CANDIDATE_COLUMNS, extrasaction="ignore")
    writer.writeheader()
    writer.writerows(kept + rows)
    write_atomically(path, buffer.getvalue().encode("utf-8"))
