"""Command line: `python -m events [--lang de|en] check | extract | candidates`.

Messages come from events/locale (German by default, `--lang en` for English).
"""

import argparse
import sys
from pathlib import Path

from events.exchange import cli as exchange_cli
from events.extract import cli as extract_cli
from events.locale import DEFAULT_LANG, LANGS, t
from events.store.paths import EVENTS_CSV, EVIDENCE_CSV, SOURCES_CSV
from events.store.tables import check_tables


class OneLineParser(argparse.ArgumentParser):
    """An argument parser whose errors are one line on stderr and exit 2 (no usage block)."""

    def error(self, message: str):
        text = " ".join(message.split())
        self.exit(2, f"{self.prog}: {text[:300]}\n")


def check_command(args: argparse.Namespace) -> int:
    """Print one line per problem in the curated tables; exit 1 when there is any."""
    problems = check_tables(args.events, args.evidence, args.sources)
    for problem in problems:
        print(problem)
    if problems:
        print(t("cli_check_problems", args.lang, n=len(problems)), file=sys.stderr)
        return 1
    print(t("cli_check_ok", args.lang))
    return 0


def _language_option(parser: argparse.ArgumentParser, lang: str) -> None:
    parser.add_argument(
        "--lang", choices=LANGS, default=DEFAULT_LANG, help=t("cli_lang_help", lang)
    )


def build_parser(lang: str = DEFAULT_LANG) -> argparse.ArgumentParser:
    """The parser with its help texts in `lang`."""
    parser = OneLineParser(prog="python -m events", description=t("cli_description", lang))
    _language_option(parser, lang)
    commands = parser.add_subparsers(dest="command", required=True)
    check = commands.add_parser("check", help=t("cli_check_help", lang))
    check.add_argument("--events", type=Path, default=EVENTS_CSV)
    check.add_argument("--evidence", type=Path, default=EVIDENCE_CSV)
    check.add_argument("--sources", type=Path, default=SOURCES_CSV)
    check.set_defaults(func=check_command)
    extract_cli.add_commands(commands, lang)
    exchange_cli.add_commands(commands, lang)
    return parser


def _chosen_language(argv: list[str] | None) -> str:
    """The --lang of the command line (read first: the help texts are in that language)."""
    first = argparse.ArgumentParser(add_help=False, exit_on_error=False)
    _language_option(first, DEFAULT_LANG)
    try:
        return first.parse_known_args(argv)[0].lang
    except argparse.ArgumentError:  # a bad --lang: the real parser says so in one line
        return DEFAULT_LANG


def main(argv: list[str] | None = None) -> int:
    args = build_parser(_chosen_language(argv)).parse_args(argv)
    return args.func(args)


if __name__ == "__main__":
    raise SystemExit(main())
