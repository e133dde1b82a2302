"""Scoring a date extractor against a hand-annotated gold file.

A gold file (the tests and the benchmark pass `tests/data/extract_gold.json`) lists every temporal
expression of its articles with offsets, EDTF value and basis; the articles' `file` paths are
relative to the project root. Shared by the tests and the benchmark.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from events.model.fuzzy_dates import date_bounds
from events.store.paths import PROJECT_ROOT


@dataclass(frozen=True)
class GoldDocument:
    source: str
    path: Path
    published: date
    text: str
    mentions: list[dict]


def load_gold(path: Path, root: Path = PROJECT_ROOT) -> list[GoldDocument]:
    """The documents of the gold file `path`, with their texts read from `root`."""
    data = json.loads(path.read_text(encoding="utf-8"))
    documents = []
    for doc in data["documents"]:
        file = root / doc["file"]
        documents.append(
            GoldDocument(
                doc["source"],
                file,
                date.fromisoformat(doc["published"]),
                file.read_text(encoding="utf-8"),
                doc["mentions"],
            )
        )
    return documents


@dataclass(frozen=True)
class Score:
    gold: int
    predicted: int
    matched: int  # exact span matches
    overlapping: int  # predictions that overlap a gold span (relaxed match)
    values_right: int  # exact matches whose EDTF value equals the gold value

    @property
    def precision(self) -> float:
        return self.matched / self.predicted if self.predicted else 1.0

    @property
    def recall(self) -> float:
        return self.matched / self.gold if self.gold else 1.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    @property
    def relaxed_f1(self) -> float:
        p = self.overlapping / self.predicted if self.predicted else 1.0
        r = min(1.0, self.overlapping / self.gold) if self.gold else 1.0
        return 2 * p * r / (p + r) if p + r else 0.0

    @property
    def value_accuracy(self) -> float:
        return self.values_right / self.matched if self.matched else 0.0

    def __add__(self, other: Score) -> Score:
        return Score(*(a + b for a, b in zip(self._tuple(), other._tuple(), strict=True)))

    def _tuple(self):
        return (self.gold, self.predicted, self.matched, self.overlapping, self.values_right)


def same_value(ours: str | None, gold: str) -> bool:
    """Equal EDTF strings, or the same days spelt twice ('2025-07', '2025-07-01/2025-07-31')."""
    if ours is None:
        return False
    if ours == gold:
        return True
    try:
        a, b = date_bounds(ours), date_bounds(gold)
    except ValueError:
        return False
    return (a.start, a.end, a.approximate) == (b.start, b.end, b.approximate)


def score(gold: list[dict], predicted: list[tuple[int, int, str | None]]) -> Score:
    """Compare (start, end, edtf-or-None) predictions with gold mentions."""
    spans = {(g["start"], g["end"]): g["edtf"] for g in gold}
    matched = [p for p in predicted if (p[0], p[1]) in spans]
    overlapping = [p for p in predicted if any(p[0] < e and s < p[1] for s, e in spans)]
    values_right = [p for p in matched if same_value(p[2], spans[(p[0], p[1])])]
    return Score(len(gold), len(predicted), len(matched), len(overlapping), len(values_right))
