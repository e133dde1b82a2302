"""Date extractor: characters per second and F1 on the seed gold, next to dateparser.search_dates.

    python bench/bench_extract.py

Both run in the same process on the two seed articles (19,121 characters); speed is the median of
several passes after one warm-up pass (dateparser loads its language data on first use). The
figures are written down in bench/README.md.
"""

import statistics
import sys
import time
import warnings
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from dateparser.search import search_dates  # noqa: E402

from events import extract  # noqa: E402
from events.extract import rules_dates  # noqa: E402
from events.extract.gold import Score, load_gold, score  # noqa: E402

RUNS = 7


def ours(text, published):
    return [(m.start, m.end, m.edtf) for m in extract.find_dates(text, published)]


def dateparser_search(text, published):
    """search_dates gives (substring, datetime) pairs; find each substring in order."""
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        found = search_dates(text, languages=["de"]) or []
    spans, cursor = [], 0
    for substring, _when in found:
        start = text.find(substring, cursor)
        if start < 0:
            start = text.find(substring)
        if start < 0:
            continue
        spans.append((start, start + len(substring), None))
        cursor = start + len(substring)
    return spans


def measure(extractor, documents) -> tuple[float, Score]:
    for doc in documents:  # warm up
        extractor(doc.text, doc.published)
    chars = sum(len(doc.text) for doc in documents)
    times = []
    for _ in range(RUNS):
        rules_dates.dateparser_day.cache_clear()
        start = time.perf_counter()
        for doc in documents:
            extractor(doc.text, doc.published)
        times.append(time.perf_counter() - start)
    total = Score(0, 0, 0, 0, 0)
    for doc in documents:
        gold = [m for m in doc.mentions if not m.get("vague")]
        total = total + score(gold, extractor(doc.text, doc.published))
    return chars / statistics.median(times), total


def main() -> None:
    documents = load_gold(ROOT / "tests" / "data" / "extract_gold.json")
    chars = sum(len(doc.text) for doc in documents)
    print(f"seed gold: {len(documents)} articles, {chars} characters, median of {RUNS} passes")
    print("| extractor | characters/s | precision | recall | F1 | relaxed F1 | value accuracy |")
    print("| --- | ---: | ---: | ---: | ---: | ---: | ---: |")
    for name, extractor in [
        ("events.extract.find_dates", ours),
        ("dateparser.search_dates(languages=['de'])", dateparser_search),
    ]:
        speed, s = measure(extractor, documents)
        values = f"{s.value_accuracy:.2f}" if extractor is ours else "–"
        print(
            f"| {name} | {speed:,.0f} | {s.precision:.2f} | {s.recall:.2f} | {s.f1:.2f} "
            f"| {s.relaxed_f1:.2f} | {values} |"
        )


if __name__ == "__main__":
    main()
