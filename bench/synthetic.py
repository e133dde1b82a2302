"""Generate a synthetic curated table of N events (default 10,000) for the benchmarks.

    python bench/synthetic.py --events 10000 --out /tmp/synthetic

writes events.csv and evidence.csv (valid against seeds/sources.csv) into --out. Dates mix
every EDTF form the app supports, with many distinct values, as a real table would.
"""

import argparse
import csv
import random
import re
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from events.model.schema import EVENT_COLUMNS, EVIDENCE_COLUMNS  # noqa: E402
from events.model.themes import THEMES  # noqa: E402
from events.store.paths import SOURCES_CSV  # noqa: E402

COUNTRIES = ["RUS", "AZE", "ARM", "UKR", "KAZ", "GEO", "TUR", "IRN", "PRK", "USA", "MDA", "AFG"]


def random_date(rng: random.Random) -> str:
    year = rng.randint(1990, 2025)
    month, day = rng.randint(1, 12), rng.randint(1, 28)
    form = rng.random()
    if form < 0.45:
        return f"{year}-{month:02d}-{day:02d}"
    if form < 0.65:
        return f"{year}-{month:02d}"
    if form < 0.72:
        return f"{year}-{rng.randint(21, 24)}"
    if form < 0.77:
        return f"{year}-{rng.randint(33, 36)}"
    if form < 0.85:
        return str(year)
    if form < 0.92:
        return f"{year}-{month:02d}-{day:02d}/{min(year + 1, 2025)}-{month:02d}-{day:02d}"
    if form < 0.95:
        return f"{year}/.."
    return f"{year}-{month:02d}-{day:02d}~"


def seed_sentences() -> list[tuple[str, str]]:
    """(source id, sentence) pairs taken verbatim from the seed articles."""
    with SOURCES_CSV.open(encoding="utf-8") as handle:
        sources = list(csv.DictReader(handle))
    pairs = []
    for source in sources:
        text = (SOURCES_CSV.parent / source["file"]).read_text(encoding="utf-8")
        for sentence in re.split(r"(?<=[.!?])\s+", text):
            if 20 < len(sentence) < 300 and "\n" not in sentence:
                pairs.append((source["id"], sentence))
    return pairs


def write_synthetic(out: Path, n_events: int, seed: int = 7) -> tuple[Path, Path]:
    """Write events.csv and evidence.csv with `n_events` rows into `out`; return their paths."""
    rng = random.Random(seed)
    sentences = seed_sentences()
    out.mkdir(parents=True, exist_ok=True)
    events_path, evidence_path = out / "events.csv", out / "evidence.csv"
    themes = list(THEMES)
    with (
        events_path.open("w", encoding="utf-8", newline="") as ev,
        evidence_path.open("w", encoding="utf-8", newline="") as evi,
    ):
        events_writer = csv.DictWriter(ev, fieldnames=EVENT_COLUMNS)
        evidence_writer = csv.DictWriter(evi, fieldnames=EVIDENCE_COLUMNS)
        events_writer.writeheader()
        evidence_writer.writeheader()
        for i in range(n_events):
            source, quote = rng.choice(sentences)
            events_writer.writerow(
                {
                    "id": f"synthetic-{i}",
                    "date": random_date(rng),
                    "date_text": "",
                    "date_basis": "knowledge",
                    "title_de": f"Ereignis {i} über Alijew und Paschinjan",
                    "title_en": f"Event {i} about Aliyev and Pashinyan",
                    "summary_de": "Eine Zusammenfassung in zwei Sätzen. Sie ist kurz.",
                    "summary_en": "A summary in two sentences. It is short.",
                    "countries": ";".join(rng.sample(COUNTRIES, rng.randint(1, 3))),
                    "actors": "EU;OVKS/CSTO",
                    "themes": ";".join(rng.sample(themes, rng.randint(1, 2))),
                    "importance": rng.randint(1, 3),
                }
            )
            evidence_writer.writerow(
                {"event_id": f"synthetic-{i}", "source": source, "quote": quote, "date_text": ""}
            )
    return events_path, evidence_path


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--events", type=int, default=10_000)
    parser.add_argument("--out", type=Path, default=Path("/tmp/synthetic"))
    args = parser.parse_args()
    paths = write_synthetic(args.out, args.events)
    print("wrote", *paths)


if __name__ == "__main__":
    main()
