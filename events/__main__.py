"""Command line: `python -m events check | extract | candidates`."""

import argparse
import sys

from events.exchange import cli as exchange_cli
from events.extract import cli as extract_cli
from events.store.paths import EVENTS_CSV, EVIDENCE_CSV, SOURCES_CSV
from events.store.tables import check_tables


def check_command(args: argparse.Namespace) -> int:
    """Print one line per problem in the curated tables; exit 1 when there is any."""
    problems = check_tables(args.events, args.evidence, args.sources)
    for problem in problems:
        print(problem)
    if problems:
        print(f"{len(problems)} problem(s) found.", file=sys.stderr)
        return 1
    print("OK: events, evidence and sources pass every check.")
    return 0


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="python -m events", description=__doc__)
    commands = parser.add_subparsers(dest="command", required=True)
    check = commands.add_parser("check", help="validate events.csv, evidence.csv, sources.csv")
    check.add_argument("--events", type=_path, default=EVENTS_CSV)
    check.add_argument("--evidence", type=_path, default=EVIDENCE_CSV)
    check.add_argument("--sources", type=_path, default=SOURCES_CSV)
    check.set_defaults(func=check_command)
    extract_cli.add_commands(commands)
    exchange_cli.add_commands(commands)
    return parser


def _path(value: str):
    from pathlib import Path

    return Path(value)


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    return args.func(args)


if __name__ == "__main__":
    raise SystemExit(main())
