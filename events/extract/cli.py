"""`python -m events extract` and `python -m events candidates`: from a new article to candidates.

    python -m events extract FILE --published YYYY-MM-DD [--json]
    python -m events candidates FILE --source ID [--published YYYY-MM-DD] [--out PATH]

`candidates` writes one row per sentence that holds a date to `events/data/candidates.csv`: the
sentence verbatim, its date as written and as EDTF, proposed countries and themes, and the curated
events the sentence already backs. Rows of other sources already in the file are kept; the file
is replaced in one step, so an interrupted run never leaves half a file.
"""

from __future__ import annotations

import argparse
import csv
import json
import os
import sys
import tempfile
from datetime import date
from pathlib import Path

from events.extract import DateMention, find_dates, split_sentences
from events.model.fuzzy_dates import date_bounds, is_valid_edtf
from events.store.paths import CANDIDATES_CSV, EVIDENCE_CSV, SOURCES_CSV

CANDIDATE_COLUMNS = (
    "source",
    "sentence_no",
    "start",
    "end",
    "sentence",
    "date_text",
    "date",
    "date_basis",
    "anchor_text",
    "other_dates",
    "countries",
    "themes",
    "curated_events",
)


class CommandError(Exception):
    """A problem with the user's input: printed as one line, exit code 2."""


def _read_text(path: Path) -> str:
    try:
        return path.read_text(encoding="utf-8")
    except FileNotFoundError as exc:
        raise CommandError(f"{path}: file not found") from exc
    except UnicodeDecodeError as exc:
        raise CommandError(
            f"{path}: not UTF-8 text (byte {exc.start}); save the article as UTF-8"
        ) from exc
    except OSError as exc:
        raise CommandError(f"{path}: cannot read ({exc.strerror})") from exc


def _parse_day(value: str) -> date:
    try:
        return date.fromisoformat(value)
    except ValueError as exc:
        raise argparse.ArgumentTypeError(f"'{value}' is not a date as YYYY-MM-DD") from exc


def published_of(source_id: str, sources_csv: Path = SOURCES_CSV) -> date:
    """The publication day of a source in sources.csv: the latest day its EDTF value allows."""
    with open(sources_csv, encoding="utf-8", newline="") as handle:
        for row_no, row in enumerate(csv.DictReader(handle), start=2):
            if row.get("id") != source_id:
                continue
            value = (row.get("published") or "").strip()
            if not is_valid_edtf(value):
                raise CommandError(
                    f"{sources_csv}, row {row_no}, column published, value '{value}': "
                    "not an EDTF date; give --published YYYY-MM-DD"
                )
            return date_bounds(value).end
    raise CommandError(
        f"{sources_csv}: no source with id '{source_id}'; add a row for it or give --published"
    )


def extract_command(args: argparse.Namespace) -> int:
    text = _read_text(args.file)
    mentions = find_dates(text, args.published, include_vague=args.vague)
    if args.json:
        json.dump([m.to_dict() for m in mentions], sys.stdout, ensure_ascii=False, indent=1)
        print()
        return 0
    for m in mentions:
        line = f"{m.start:6d}-{m.end:<6d} {m.text!r:40} {m.edtf:24} {m.basis}"
        if m.anchor_text:
            line += f" (nach/zu: {m.anchor_text!r})"
        if m.vague:
            line += " [vage]"
        print(line)
    print(f"{len(mentions)} Zeitangabe(n).", file=sys.stderr)
    return 0


def _normalize(text: str) -> str:
    return " ".join(text.split())


def _curated_quotes(source_id: str, evidence_csv: Path) -> list[tuple[str, str]]:
    if not evidence_csv.exists():
        return []
    with open(evidence_csv, encoding="utf-8", newline="") as handle:
        return [
            (_normalize(row["quote"]), row["event_id"])
            for row in csv.DictReader(handle)
            if row.get("source") == source_id and row.get("quote")
        ]


def candidate_rows(
    text: str, source_id: str, published: date, evidence_csv: Path = EVIDENCE_CSV
) -> list[dict]:
    """One row per sentence with a date (vague words only where nothing firmer is there)."""
    from events.extract.gazetteer import (  # only `candidates` needs the lists
        countries_in,
        themes_in,
    )

    mentions = find_dates(text, published, include_vague=True)
    quotes = _curated_quotes(source_id, evidence_csv)
    rows = []
    for number, (start, end) in enumerate(split_sentences(text), start=1):
        inside = [m for m in mentions if start <= m.start < end]
        if not inside:
            continue
        firm = [m for m in inside if not m.vague]
        main: DateMention = (firm or inside)[0]
        sentence = text[start:end]
        flat = _normalize(sentence)
        curated = sorted({eid for quote, eid in quotes if quote in flat or flat in quote})
        rows.append(
            {
                "source": source_id,
                "sentence_no": number,
                "start": start,
                "end": end,
                "sentence": sentence,
                "date_text": main.text,
                "date": main.edtf,
                "date_basis": main.basis,
                "anchor_text": main.anchor_text or "",
                "other_dates": "; ".join(f"{m.text}={m.edtf}" for m in inside if m is not main),
                "countries": ";".join(countries_in(sentence)),
                "themes": ";".join(themes_in(sentence)),
                "curated_events": ";".join(curated),
            }
        )
    return rows


def write_candidates(rows: list[dict], source_id: str, path: Path = CANDIDATES_CSV) -> None:
    """Replace this source's rows in `path`, keep the others; write atomically."""
    kept = []
    if path.exists():
        with open(path, encoding="utf-8", newline="") as handle:
            kept = [row for row in csv.DictReader(handle) if row.get("source") != source_id]
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, temp = tempfile.mkstemp(dir=path.parent, prefix=".candidates-", suffix=".csv")
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="") as handle:
            writer = csv.DictWriter(handle, fieldnames=CANDIDATE_COLUMNS, extrasaction="ignore")
            writer.writeheader()
            writer.writerows(kept + rows)
        os.replace(temp, path)
    except BaseException:
        Path(temp).unlink(missing_ok=True)
        raise


def candidates_command(args: argparse.Namespace) -> int:
    text = _read_text(args.file)
    published = args.published or published_of(args.source, args.sources)
    rows = candidate_rows(text, args.source, published, args.evidence)
    write_candidates(rows, args.source, args.out)
    marked = sum(1 for row in rows if row["curated_events"])
    print(
        f"{len(rows)} Sätze mit Datum -> {args.out} "
        f"({marked} davon belegen schon ein Ereignis der Tabelle)."
    )
    return 0


def _guard(command):
    def run(args: argparse.Namespace) -> int:
        try:
            return command(args)
        except CommandError as exc:
            print(f"Fehler: {exc}", file=sys.stderr)
            return 2

    return run


def add_commands(commands) -> None:
    """Register `extract` and `candidates` on the `python -m events` sub-command parser."""
    extract = commands.add_parser("extract", help="print the dates found in a German text file")
    extract.add_argument("file", type=Path)
    extract.add_argument("--published", type=_parse_day, required=True, help="YYYY-MM-DD")
    extract.add_argument("--json", action="store_true", help="print the mentions as JSON")
    extract.add_argument(
        "--vague", action="store_true", help="also report 'nun', 'gerade', 'prompt', ..."
    )
    extract.set_defaults(func=_guard(extract_command))

    candidates = commands.add_parser(
        "candidates", help="write one candidate row per sentence with a date"
    )
    candidates.add_argument("file", type=Path)
    candidates.add_argument("--source", required=True, help="the article's id in sources.csv")
    candidates.add_argument(
        "--published", type=_parse_day, help="YYYY-MM-DD (default: from sources.csv)"
    )
    candidates.add_argument("--out", type=Path, default=CANDIDATES_CSV)
    candidates.add_argument("--sources", type=Path, default=SOURCES_CSV, help=argparse.SUPPRESS)
    candidates.add_argument("--evidence", type=Path, default=EVIDENCE_CSV, help=argparse.SUPPRESS)
    candidates.set_defaults(func=_guard(candidates_command))
