"""Where the editor's store keeps the tables, seeds, history, rejections, lock and journal."""

import re
from dataclasses import dataclass
from pathlib import Path

from events.store.paths import DATA_DIR, EVENTS_CSV, EVIDENCE_CSV, PROJECT_ROOT, SOURCES_CSV

# logical names of the files a change can touch; seed articles are "seed:<file name>"
EVENTS = "events"
EVIDENCE = "evidence"
SOURCES = "sources"
REJECTED = "rejected"
HISTORY = "history"
SEED_PREFIX = "seed:"
SEED_FILE = re.compile(r"^[A-Za-z0-9][A-Za-z0-9._-]{0,150}\.txt$")


@dataclass(frozen=True)
class StoreLayout:
    """The files of one dataset: the three tables, the seed folder and the editor's own files."""

    events_csv: Path
    evidence_csv: Path
    sources_csv: Path
    rejected_csv: Path
    history_file: Path
    state_dir: Path

    @classmethod
    def default(cls) -> "StoreLayout":
        """The project's real tables (events/data, seeds)."""
        return cls(
            events_csv=EVENTS_CSV,
            evidence_csv=EVIDENCE_CSV,
            sources_csv=SOURCES_CSV,
            rejected_csv=DATA_DIR / "rejected.csv",
            history_file=DATA_DIR / "history.jsonl",
            state_dir=DATA_DIR / ".store",
        )

    @classmethod
    def under(cls, root: Path) -> "StoreLayout":
        """The same layout below another project root (tests use a copy in a temporary folder)."""
        default = cls.default()
        return cls(
            **{
                name: root / getattr(default, name).relative_to(PROJECT_ROOT)
                for name in cls.__dataclass_fields__
            }
        )

    @property
    def seeds_dir(self) -> Path:
        """The article texts live beside sources.csv (that is where the loader looks)."""
        return self.sources_csv.parent

    @property
    def lock_file(self) -> Path:
        return self.state_dir / "save.lock"

    @property
    def journal_file(self) -> Path:
        return self.state_dir / "journal.json"

    @property
    def blob_dir(self) -> Path:
        return self.state_dir / "blobs"

    def resolve(self, name: str) -> Path:
        """The path of a logical file name (`events`, `seed:000_x.txt`, ...)."""
        fixed = {
            EVENTS: self.events_csv,
            EVIDENCE: self.evidence_csv,
            SOURCES: self.sources_csv,
            REJECTED: self.rejected_csv,
            HISTORY: self.history_file,
        }
        if name in fixed:
            return fixed[name]
        if name.startswith(SEED_PREFIX) and SEED_FILE.match(name[len(SEED_PREFIX) :]):
            return self.seeds_dir / name[len(SEED_PREFIX) :]
        raise ValueError(f"not a file of the store: {name!r}")

    def table_dirs(self) -> list[Path]:
        """Every folder a change writes into (where staged files may be left by a crash)."""
        dirs = [self.events_csv.parent, self.evidence_csv.parent, self.seeds_dir]
        dirs += [self.rejected_csv.parent, self.history_file.parent]
        return list(dict.fromkeys(dirs))


def seed_name(file: str) -> str:
    """The logical name of a seed article file."""
    return SEED_PREFIX + file
