"""Benchmarks of the app's server side: table load, and one rerun after a filter change.

    python bench/bench_app.py            # real table and 10,000 synthetic events

Prints medians of several runs; the figures are written down in bench/README.md.
"""

import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench.synthetic import write_synthetic  # noqa: E402
from events.charts.timeline import timeline_figure  # noqa: E402
from events.model import fuzzy_dates, schema  # noqa: E402
from events.queries.filters import FilterState, filter_events, search_texts  # noqa: E402
from events.store.paths import EVENTS_CSV, EVIDENCE_CSV, SOURCES_CSV  # noqa: E402
from events.store.tables import load_dataset  # noqa: E402

RUNS = 7


def median_ms(func, runs: int = RUNS, setup=None) -> float:
    times = []
    for _ in range(runs):
        if setup:
            setup()
        start = time.perf_counter()
        func()
        times.append((time.perf_counter() - start) * 1000)
    return statistics.median(times)


def clear_caches() -> None:
    """Cold load: forget every parsed date and country code."""
    fuzzy_dates.date_bounds.cache_clear()
    fuzzy_dates.describe_date.cache_clear()
    schema.is_country_code.cache_clear()


def bench_load(name: str, events_csv: Path, evidence_csv: Path) -> None:
    ms = median_ms(lambda: load_dataset(events_csv, evidence_csv, SOURCES_CSV), setup=clear_caches)
    data = load_dataset(events_csv, evidence_csv, SOURCES_CSV)
    assert not data.problems, data.problems[:3]
    print(f"load+validate {name:>18}: {ms:8.1f} ms  ({len(data.events)} events, cold caches)")


def bench_filter_and_figure(name: str, events_csv: Path, evidence_csv: Path) -> None:
    data = load_dataset(events_csv, evidence_csv, SOURCES_CSV)
    texts = search_texts(data.events, data.evidence)
    state = FilterState(countries=("ARM", "AZE"), query="alijew")
    ms_filter = median_ms(lambda: filter_events(data.events, state, texts))
    selected = filter_events(data.events, FilterState(countries=("RUS",)), texts)
    ms_figure = median_ms(lambda: timeline_figure(selected, "de", "theme"))
    print(f"filter {name:>25}: {ms_filter:8.1f} ms")
    print(f"figure {name:>25}: {ms_figure:8.1f} ms  ({len(selected)} events selected)")


def bench_figure_sizes(events_csv: Path, evidence_csv: Path, sizes=(200, 1000, 1500)) -> None:
    """The timeline figure alone for selections that are drawn event by event (no heatmap)."""
    data = load_dataset(events_csv, evidence_csv, SOURCES_CSV)
    for size in sizes:
        part = data.events.sample(n=size, random_state=size).sort_values(["start", "id"])
        ms = median_ms(lambda part=part: timeline_figure(part, "de", "theme"), runs=5)
        print(f"figure of {size:>5} synthetic events: {ms:8.1f} ms (median of 5)")


def bench_rerun(name: str, data_dir: Path | None) -> None:
    """Full server-side rerun of dashboard.py (AppTest) after a country filter change."""
    from streamlit.testing.v1 import AppTest

    if data_dir:
        os.environ["TIMELINE_DATA_DIR"] = str(data_dir)
    else:
        os.environ.pop("TIMELINE_DATA_DIR", None)
    at = AppTest.from_file(str(ROOT / "dashboard.py"), default_timeout=120)
    at.run()
    choices = [["RUS"], ["ARM"], ["AZE", "RUS"], []]
    times = []
    for i in range(RUNS + 1):
        at.multiselect(key="filters.country").set_value(choices[i % len(choices)])
        start = time.perf_counter()
        at.run()
        if i:  # the first rerun warms up caches that a live server keeps warm
            times.append((time.perf_counter() - start) * 1000)
        assert not at.exception, at.exception
    print(f"rerun after filter change {name:>6}: {statistics.median(times):8.1f} ms (median)")


def main() -> None:
    with tempfile.TemporaryDirectory() as tmp:
        synthetic = Path(tmp)
        write_synthetic(synthetic, 10_000)
        tables = {
            "real": (EVENTS_CSV, EVIDENCE_CSV, None),
            "10k": (synthetic / "events.csv", synthetic / "evidence.csv", synthetic),
        }
        for name, (events_csv, evidence_csv, _) in tables.items():
            bench_load(name, events_csv, evidence_csv)
        for name, (events_csv, evidence_csv, _) in tables.items():
            bench_filter_and_figure(name, events_csv, evidence_csv)
        bench_figure_sizes(*tables["10k"][:2])
        for name, (_, _, data_dir) in tables.items():
            bench_rerun(name, data_dir)


if __name__ == "__main__":
    main()
