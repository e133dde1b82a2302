"""Check a save before it is written: the dataset as it would be, in a temporary folder."""

import shutil
import tempfile
from collections.abc import Mapping
from dataclasses import replace
from pathlib import Path

from events.store.atomic import read_bytes_or_none
from events.store.layout import EVENTS, EVIDENCE, SOURCES, StoreLayout
from events.store.problems import Problem, display_path
from events.store.tables import check_tables


def _problem_key(problem: Problem) -> tuple:
    """What makes two problems the same one, wherever the checked file lies."""
    return (Path(problem.file).name, problem.column, problem.value, problem.message)


def validate_contents(
    layout: StoreLayout, contents: Mapping[str, bytes | None]
) -> tuple[list[Problem], list[Problem]]:
    """Check the dataset as it would be after writing `contents`, in a temporary folder.

    Returns (new problems, problems the current tables already have); file names in the
    new problems are the real ones.
    """
    before = check_tables(layout.events_csv, layout.evidence_csv, layout.sources_csv)
    with tempfile.TemporaryDirectory(prefix="timeline-save-") as tmp:
        root = Path(tmp)
        seeds = root / "seeds"
        seeds.mkdir()
        if layout.seeds_dir.is_dir():
            for entry in layout.seeds_dir.iterdir():
                if entry.name != layout.sources_csv.name and not entry.name.startswith("."):
                    try:
                        (seeds / entry.name).symlink_to(entry.resolve())
                    except OSError:  # no symlinks here: copy
                        shutil.copyfile(entry, seeds / entry.name)
        for name, data in contents.items():
            if name.startswith("seed:"):
                target = seeds / layout.resolve(name).name
                if target.is_symlink() or target.exists():
                    target.unlink()
                if data is not None:
                    target.write_bytes(data)
        paths = {
            EVENTS: (layout.events_csv, root / "events.csv"),
            EVIDENCE: (layout.evidence_csv, root / "evidence.csv"),
            SOURCES: (layout.sources_csv, seeds / layout.sources_csv.name),
        }
        for name, (real, temp) in paths.items():
            data = contents[name] if name in contents else read_bytes_or_none(real)
            if data is not None:
                temp.write_bytes(data)
        after = check_tables(*(temp for _, temp in paths.values()))
    known = {_problem_key(p) for p in before}
    real_names = {temp.name: display_path(real) for real, temp in paths.values()}
    new = [
        replace(p, file=real_names.get(Path(p.file).name, p.file))
        for p in after
        if _problem_key(p) not in known
    ]
    return new, before
