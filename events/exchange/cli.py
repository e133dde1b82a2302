"""`python -m events export FORMAT --out FILE` and `python -m events import-timelinejs FILE`.

    python -m events export {timelinejs-json,timelinejs-csv,csv,pdf,worksheet,html} --out FILE
        [--country ISO3]... [--theme ID]... [--from P] [--to P] [--q TEXT] [--importance N]
        [--lang de|en]
    python -m events import-timelinejs FILE [--source ID] [--out CANDIDATES_CSV]

Filters are the link's (`events.queries.filters.parse_url_params` checks them). Every bad option,
path or file gives one line on stderr and exit 2, never a traceback; an existing output file
that is not an export of the same format is never overwritten; files are written to a temporary
file beside the target and renamed over it (mode 0644), so nothing is ever half-written.
"""

import argparse
import csv
import json
import re
import sys
from pathlib import Path

from events.exchange import FORMATS
from events.locale import DEFAULT_LANG, LANGS, t
from events.model.themes import THEMES
from events.store.atomic import write_file_atomically
from events.store.candidates import CandidatesFileError, write_candidates
from events.store.paths import CANDIDATES_CSV, EVENTS_CSV, EVIDENCE_CSV, SOURCES_CSV

RECOGNISE_BYTES = 4096


class CommandError(Exception):
    """One line for stderr; the command exits with 2."""


def one_line(text: str, limit: int = 80) -> str:
    """`text` on one line, cut to `limit` characters (echoed values can be anything)."""
    flat = " ".join(str(text).split())
    return flat if len(flat) <= limit else flat[: limit - 1] + "…"


def _one_line_errors(parser: argparse.ArgumentParser) -> argparse.ArgumentParser:
    """argparse prints usage plus error; ours print only the error line (still exit 2)."""

    def error(message: str):
        print(f"{parser.prog}: {one_line(message, 300)}", file=sys.stderr)
        raise SystemExit(2)

    parser.error = error
    return parser


# --- output files -----------------------------------------------------------------------------


def _looks_like(fmt: str, path: Path) -> bool:
    """True when the existing file at `path` is an export of format `fmt` (or empty)."""
    with open(path, "rb") as handle:
        data = handle.read()
    if not data.strip():
        return True
    head = data[:RECOGNISE_BYTES]
    if fmt in ("pdf", "worksheet"):
        return head.startswith(b"%PDF-") and b"/Creator (timeline-classroom)" in data
    if fmt == "html":
        from events.exchange.webpage import GENERATOR

        return f'<meta name="generator" content="{GENERATOR}">'.encode() in head
    if fmt == "timelinejs-json":
        try:
            parsed = json.loads(data.decode("utf-8-sig"))
        except (UnicodeDecodeError, json.JSONDecodeError):
            return False
        return isinstance(parsed, dict) and isinstance(parsed.get("events"), list)
    text = head.decode("utf-8-sig", errors="replace")
    first = text.splitlines()[0] if text else ""
    if fmt == "timelinejs-csv":
        from events.exchange.timelinejs import SPREADSHEET_COLUMNS

        return first == ",".join(SPREADSHEET_COLUMNS)
    labels = tuple(f"{t('export_filters', lang)}:" for lang in ("de", "en"))
    return head.startswith(b"\xef\xbb\xbf") and first.lstrip('"').startswith(labels)


def check_out(path: Path, fmt: str, lang: str) -> None:
    """Refuse a folder, a missing folder, or an existing file of another kind."""
    problem = None
    if path.is_dir():
        problem = t("export_out_is_folder", lang)
    elif not path.parent.is_dir():
        problem = t("export_out_no_folder", lang)
    elif path.exists():
        try:
            recognised = _looks_like(fmt, path)
        except OSError as exc:
            problem = t("export_out_unwritable", lang, reason=exc.strerror)
        else:
            if not recognised:
                problem = t("export_out_foreign", lang, format=fmt)
    if problem:
        raise CommandError(t("export_bad_out", lang, path=path, reason=problem))


# --- export -----------------------------------------------------------------------------------


def _filter_state(args: argparse.Namespace, events):
    from events.queries.filters import parse_url_params

    params = {
        "country": args.country,
        "theme": args.theme,
        "from": [args.date_from] if args.date_from else [],
        "to": [args.date_to] if args.date_to else [],
        "q": [args.q] if args.q else [],
        "importance": [args.importance] if args.importance else [],
    }
    codes = {code for row in events["countries"] for code in row}
    state = parse_url_params(params, codes, set(THEMES), set())
    if state.ignored:
        name, value = state.ignored[0]
        hints = {
            "country": t("export_hint_country", args.lang, codes=", ".join(sorted(codes))),
            "theme": t("export_hint_theme", args.lang, themes=", ".join(THEMES)),
            "from": t("export_hint_period", args.lang),
            "to": t("export_hint_period", args.lang),
            "importance": t("export_hint_importance", args.lang),
        }
        raise CommandError(
            t(
                "export_bad_option",
                args.lang,
                option=f"--{name}",
                value=one_line(value),
                hint=hints[name],
            )
        )
    return state.filters


def export_command(args: argparse.Namespace) -> int:
    from events.exchange import exporters
    from events.queries.filters import filter_events, search_texts
    from events.store.tables import load_dataset

    lang = args.lang
    check_out(args.out, args.format, lang)
    data = load_dataset(args.events, args.evidence, args.sources)
    if data.events.empty and data.problems:
        raise CommandError(t("export_no_tables", lang, problem=data.problems[0]))
    filters = _filter_state(args, data.events)
    texts = search_texts(data.events, data.evidence) if filters.query.strip() else None
    chosen = filter_events(data.events, filters, texts)
    if data.problems:
        print(t("export_table_problems", lang, n=len(data.problems)), file=sys.stderr)
    result = exporters()[args.format](
        chosen, data.evidence, data.sources, filters, lang, total=len(data.events)
    )
    try:
        write_file_atomically(args.out, result.data)
    except OSError as exc:
        reason = t("export_out_unwritable", lang, reason=exc.strerror or exc)
        raise CommandError(t("export_bad_out", lang, path=args.out, reason=reason)) from None
    print(t("export_written", lang, n=len(chosen), path=args.out))
    return 0


# --- import -----------------------------------------------------------------------------------


def _event_ids(events_csv: Path) -> set[str]:
    try:
        with open(events_csv, encoding="utf-8-sig", newline="") as handle:
            return {row.get("id", "") for row in csv.DictReader(handle)}
    except (OSError, UnicodeDecodeError, csv.Error):
        return set()


def default_source(path: Path) -> str:
    """'timelinejs-' plus the file name as a slug."""
    slug = re.sub(r"[^a-z0-9]+", "-", path.stem.lower()).strip("-")
    return f"timelinejs-{slug or 'import'}"


def import_command(args: argparse.Namespace) -> int:
    from events.exchange.timelinejs import TimelineImportError, candidate_rows, read_timelinejs

    lang = args.lang
    try:
        raw = args.file.read_bytes()
    except OSError as exc:
        raise CommandError(
            t("import_bad_file", lang, path=args.file, reason=exc.strerror)
        ) from None
    try:
        slides = read_timelinejs(raw)
    except TimelineImportError as exc:
        raise CommandError(
            t("import_bad_file", lang, path=args.file, reason=exc.text(lang))
        ) from None
    source = args.source or default_source(args.file)
    rows = candidate_rows(slides, source, _event_ids(args.events))
    if args.out.is_dir() or not args.out.parent.is_dir():
        key = "export_out_is_folder" if args.out.is_dir() else "export_out_no_folder"
        raise CommandError(t("export_bad_out", lang, path=args.out, reason=t(key, lang)))
    try:
        write_candidates(rows, source, args.out)
    except CandidatesFileError as exc:
        raise CommandError(
            t("export_bad_out", lang, path=args.out, reason=exc.text(lang))
        ) from None
    except OSError as exc:
        reason = t("export_out_unwritable", lang, reason=exc.strerror or exc)
        raise CommandError(t("export_bad_out", lang, path=args.out, reason=reason)) from None
    print(t("import_written", lang, n=len(rows), file=args.file, path=args.out, source=source))
    return 0


def _guarded(command):
    def run(args: argparse.Namespace) -> int:
        args.lang = getattr(args, "lang", DEFAULT_LANG)
        try:
            return command(args)
        except CommandError as exc:
            print(exc, file=sys.stderr)
        except Exception as exc:  # the command line never shows a traceback
            print(f"{type(exc).__name__}: {exc}", file=sys.stderr)
        return 2

    return run


def add_commands(commands, lang: str) -> None:
    """Register `export` and `import-timelinejs` on the `python -m events` sub-commands (help
    texts in `lang`; `--lang` also works after the sub-command)."""
    export = _one_line_errors(commands.add_parser("export", help=t("export_cmd_help", lang)))
    export.add_argument("format", choices=tuple(FORMATS))
    export.add_argument("--out", type=Path, required=True, help=t("export_out_help", lang))
    export.add_argument(
        "--country", action="append", default=[], help=t("export_country_help", lang)
    )
    export.add_argument("--theme", action="append", default=[], help=t("export_theme_help", lang))
    export.add_argument("--from", dest="date_from", help=t("export_period_help", lang))
    export.add_argument("--to", dest="date_to", help=t("export_period_help", lang))
    export.add_argument("--q", default="", help=t("export_q_help", lang))
    export.add_argument("--importance", help=t("export_importance_help", lang))
    _late_language_option(export, lang)
    export.add_argument("--events", type=Path, default=EVENTS_CSV, help=argparse.SUPPRESS)
    export.add_argument("--evidence", type=Path, default=EVIDENCE_CSV, help=argparse.SUPPRESS)
    export.add_argument("--sources", type=Path, default=SOURCES_CSV, help=argparse.SUPPRESS)
    export.set_defaults(func=_guarded(export_command))

    imported = _one_line_errors(
        commands.add_parser("import-timelinejs", help=t("import_cmd_help", lang))
    )
    imported.add_argument("file", type=Path)
    imported.add_argument("--source", help=t("import_source_help", lang))
    imported.add_argument("--out", type=Path, default=CANDIDATES_CSV, help=t("cli_out_help", lang))
    _late_language_option(imported, lang)
    imported.add_argument("--events", type=Path, default=EVENTS_CSV, help=argparse.SUPPRESS)
    imported.set_defaults(func=_guarded(import_command))


def _late_language_option(parser: argparse.ArgumentParser, lang: str) -> None:
    """`--lang` after the sub-command; without it the global `python -m events --lang` holds."""
    parser.add_argument(
        "--lang", choices=LANGS, default=argparse.SUPPRESS, help=t("cli_lang_help", lang)
    )
