"""What is wrong in a table: one `Problem` per finding, and the banner's summary of them."""

from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from events.store.paths import PROJECT_ROOT


@dataclass(frozen=True)
class Problem:
    """One thing wrong in a table, precise enough to find and fix it by hand."""

    file: str
    row: int | None
    column: str | None
    value: str | None
    message: str

    def __str__(self) -> str:
        where = [self.file]
        if self.row is not None:
            where.append(f"row {self.row}")
        if self.column is not None:
            where.append(f"column {self.column}")
        if self.value is not None:
            shown = self.value if len(self.value) <= 80 else self.value[:77] + "..."
            where.append(f"value {shown!r}")
        return f"{', '.join(where)}: {self.message}"


def display_path(path: Path) -> str:
    """`path` relative to the project root where it lies inside it, else as given."""
    try:
        return str(path.resolve().relative_to(PROJECT_ROOT))
    except ValueError:
        return str(path)


FOLLOW_ON = {
    # message of a follow-on problem -> the table whose own problems cause it
    "no such event": "events.csv",
    "no such source": "sources.csv",
    "event has no evidence row (only allowed when date_basis is 'knowledge')": "evidence.csv",
}


@dataclass(frozen=True)
class ProblemSummary:
    """What a banner says about broken tables: the first real problem per file, and how many
    follow-on problems (an evidence row whose event was lost, ...) there are besides."""

    first_per_file: tuple[Problem, ...]
    real: int
    follow_on: int


def _is_follow_on(problem: Problem, broken_files: set[str]) -> bool:
    cause = FOLLOW_ON.get(problem.message)
    return cause is not None and cause in broken_files


def summarize_problems(problems: Iterable[Problem]) -> ProblemSummary:
    """Split `problems` into real ones and follow-ons of a broken table (a lost events.csv row
    makes every evidence row of that event "no such event"); keep the first real one per file."""
    problems = list(problems)
    own = {Path(p.file).name for p in problems if p.message not in FOLLOW_ON}
    real = [p for p in problems if not _is_follow_on(p, own)]
    first: dict[str, Problem] = {}
    for problem in real:
        first.setdefault(problem.file, problem)
    return ProblemSummary(tuple(first.values()), len(real), len(problems) - len(real))
