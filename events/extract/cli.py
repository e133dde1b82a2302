"""`python -m events extract` and `python -m events candidates`: from a new article to candidates.

    python -m events extract FILE --published YYYY-MM-DD [--json]
    python -m events candidates FILE --source ID [--published YYYY-MM-DD] [--out PATH]

`candidates` writes one row per sentence that holds a date to `events/data/candidates.csv`
(events.store.candidates builds and writes the rows). Messages come from events/locale
(`python -m events --lang en ...` for English).
"""

from __future__ import annotations

import argparse
import csv
import json
import sys
from datetime import date
from pathlib import Path

from events.extract import find_dates
from events.locale import t
from events.model.fuzzy_dates import date_bounds, is_valid_edtf
from events.store.candidates import CandidatesFileError, candidate_rows, write_candidates
from events.store.paths import CANDIDATES_CSV, EVIDENCE_CSV, SOURCES_CSV


class CommandError(Exception):
    """A problem with the user's input: printed as one line, exit code 2.

    It carries a locale key and its values, so it is told in the language of the command line.
    """

    def __init__(self, key: str, **values):
        super().__init__(key)
        self.key, self.values = key, values

    def message(self, lang: str) -> str:
        return t(self.key, lang, **self.values)


def _read_text(path: Path) -> str:
    try:
        return path.read_text(encoding="utf-8")
    except FileNotFoundError as exc:
        raise CommandError("cli_file_not_found", path=path) from exc
    except UnicodeDecodeError as exc:
        raise CommandError("cli_not_utf8", path=path, byte=exc.start) from exc
    except OSError as exc:
        raise CommandError("cli_cannot_read", path=path, reason=exc.strerror) from exc


def _day_parser(lang: str):
    def parse_day(value: str) -> date:
        try:
            day = date.fromisoformat(value)
        except ValueError as exc:
            raise argparse.ArgumentTypeError(t("cli_not_a_day", lang, value=value[:80])) from exc
        return day

    return parse_day


def published_of(source_id: str, sources_csv: Path = SOURCES_CSV) -> date:
    """The publication day of a source in sources.csv: the latest day its EDTF value allows."""
    try:
        with open(sources_csv, encoding="utf-8", newline="") as handle:
            rows = list(csv.DictReader(handle))
    except FileNotFoundError as exc:
        raise CommandError("cli_file_not_found", path=sources_csv) from exc
    except UnicodeDecodeError as exc:
        raise CommandError("cli_not_utf8", path=sources_csv, byte=exc.start) from exc
    except (OSError, csv.Error) as exc:
        raise CommandError("cli_cannot_read", path=sources_csv, reason=exc) from exc
    for row_no, row in enumerate(rows, start=2):
        if row.get("id") != source_id:
            continue
        value = (row.get("published") or "").strip()
        if not is_valid_edtf(value):
            raise CommandError("cli_source_not_edtf", file=sources_csv, row=row_no, value=value)
        return date_bounds(value).end
    raise CommandError("cli_source_unknown", file=sources_csv, source=source_id)


def extract_command(args: argparse.Namespace) -> int:
    text = _read_text(args.file)
    mentions = find_dates(text, args.published, include_vague=args.vague)
    if args.json:
        json.dump([m.to_dict() for m in mentions], sys.stdout, ensure_ascii=False, indent=1)
        print()
        return 0
    for m in mentions:
        timex = m.timex + (f" {m.timex_mod}" if m.timex_mod else "")
        line = f"{m.start:6d}-{m.end:<6d} {m.text!r:40} {m.edtf:24} {timex:16} {m.basis}"
        if m.anchor_text:
            line += t("cli_extract_anchor", args.lang, anchor=repr(m.anchor_text))
        if m.vague:
            line += t("cli_extract_vague", args.lang)
        print(line)
    print(t("cli_extract_count", args.lang, n=len(mentions)), file=sys.stderr)
    return 0


def candidates_command(args: argparse.Namespace) -> int:
    text = _read_text(args.file)
    published = args.published or published_of(args.source, args.sources)
    rows = candidate_rows(text, args.source, published, args.evidence)
    try:
        write_candidates(rows, args.source, args.out)
    except CandidatesFileError as exc:
        raise CommandError("cli_candidates_out", path=args.out, reason=exc.text(args.lang)) from exc
    marked = sum(1 for row in rows if row["curated_events"])
    print(t("cli_candidates_done", args.lang, n=len(rows), out=args.out, marked=marked))
    return 0


def _guard(command):
    def run(args: argparse.Namespace) -> int:
        try:
            return command(args)
        except CommandError as exc:
            print(t("cli_error", args.lang, message=exc.message(args.lang)), file=sys.stderr)
            return 2

    return run


def add_commands(commands, lang: str) -> None:
    """Register `extract` and `candidates` on the `python -m events` sub-command parser."""
    parse_day = _day_parser(lang)
    extract = commands.add_parser("extract", help=t("cli_extract_help", lang))
    extract.add_argument("file", type=Path)
    extract.add_argument(
        "--published", type=parse_day, required=True, help=t("cli_published_help", lang)
    )
    extract.add_argument("--json", action="store_true", help=t("cli_json_help", lang))
    extract.add_argument("--vague", action="store_true", help=t("cli_vague_help", lang))
    extract.set_defaults(func=_guard(extract_command))

    candidates = commands.add_parser("candidates", help=t("cli_candidates_help", lang))
    candidates.add_argument("file", type=Path)
    candidates.add_argument("--source", required=True, help=t("cli_source_help", lang))
    candidates.add_argument(
        "--published", type=parse_day, help=t("cli_published_default_help", lang)
    )
    candidates.add_argument(
        "--out", type=Path, default=CANDIDATES_CSV, help=t("cli_out_help", lang)
    )
    candidates.add_argument("--sources", type=Path, default=SOURCES_CSV, help=argparse.SUPPRESS)
    candidates.add_argument("--evidence", type=Path, default=EVIDENCE_CSV, help=argparse.SUPPRESS)
    candidates.set_defaults(func=_guard(candidates_command))
