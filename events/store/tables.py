"""The curated table on disk: load events, evidence and sources, derive date columns, validate.

Every problem becomes one `Problem` naming file, row, column and value; loading never raises on
bad content, so the dashboard and the `check` command can show all problems at once.
"""

import csv
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

import pandas as pd
from pydantic import BaseModel, TypeAdapter, ValidationError

from events.extract import DateMention, find_dates
from events.extract.values import format_interval
from events.model.fuzzy_dates import DateBounds, date_bounds
from events.model.provenance import date_origin
from events.model.schema import (
    CORRECTION_MARKER,
    EVENT_COLUMNS,
    EVIDENCE_COLUMNS,
    LIST_FIELDS,
    SOURCE_COLUMNS,
    Event,
    Evidence,
    Source,
    split_list,
)
from events.store.paths import EVENTS_CSV, EVIDENCE_CSV, PROJECT_ROOT, SOURCES_CSV

FIRST_DATA_ROW = 2  # row numbers as a spreadsheet shows them: the header is row 1


@dataclass(frozen=True)
class Problem:
    """One thing wrong in a table, precise enough to find and fix it by hand."""

    file: str
    row: int | None
    column: str | None
    value: str | None
    message: str

    def __str__(self) -> str:
        where = [self.file]
        if self.row is not None:
            where.append(f"row {self.row}")
        if self.column is not None:
            where.append(f"column {self.column}")
        if self.value is not None:
            shown = self.value if len(self.value) <= 80 else self.value[:77] + "..."
            where.append(f"value {shown!r}")
        return f"{', '.join(where)}: {self.message}"


@dataclass
class Dataset:
    """The loaded tables (only rows that passed validation) and every problem found."""

    events: pd.DataFrame
    evidence: pd.DataFrame
    sources: pd.DataFrame
    texts: dict[str, str] = field(default_factory=dict)
    problems: list[Problem] = field(default_factory=list)


def _display_path(path: Path) -> str:
    try:
        return str(path.resolve().relative_to(PROJECT_ROOT))
    except ValueError:
        return str(path)


def _tolerant_records(text: str) -> tuple[list[tuple[int, list[str]]], list[tuple[int, str]]]:
    """The CSV records of `text` with their record numbers (1 = header), and the records that
    cannot be parsed (number, reason): a broken record costs that record, not the table.

    After a parse error (an unclosed quote swallows the rest of the file) parsing starts again
    on the physical line after the one where the broken record began.
    """
    lines = text.splitlines(keepends=True)
    records: list[tuple[int, list[str]]] = []
    broken: list[tuple[int, str]] = []
    line = 0
    number = 0
    while line < len(lines):
        reader = csv.reader(iter(lines[line:]), strict=True)
        consumed = 0
        try:
            for row in reader:
                number += 1
                records.append((number, row))
                consumed = reader.line_num
            break
        except csv.Error as exc:
            number += 1
            broken.append((number, f"not a valid CSV row: {exc}"))
            line += consumed + 1
    return records, broken


def _decode_tolerant(raw: bytes) -> tuple[str, int | None]:
    """The text of `raw` (UTF-8) and the offset of the first byte that is not UTF-8, if any;
    undecodable bytes become U+FFFD so that only the rows holding them are lost."""
    try:
        return raw.decode("utf-8-sig"), None
    except UnicodeDecodeError as exc:
        return raw.decode("utf-8-sig", errors="replace"), exc.start


def read_table(path: Path, columns: Iterable[str], problems: list[Problem]) -> list[dict]:
    """Read a CSV file as string records (each with its `_row`); problems with the file,
    its header or single unreadable rows go to `problems` (such a row is left out, the
    others are kept)."""
    columns = list(columns)
    name = _display_path(path)
    empty: list[dict] = []
    try:
        raw = path.read_bytes()
    except OSError as exc:
        problems.append(Problem(name, None, None, None, f"cannot read file: {exc.strerror}"))
        return empty
    text, bad_byte = _decode_tolerant(raw)
    parsed, broken = _tolerant_records(text)
    if not parsed or parsed[0][0] != 1:
        problems.append(Problem(name, 1, None, None, "file is empty: the header row is missing"))
        return empty
    header = [cell.strip() for cell in parsed[0][1]]
    if bad_byte is not None and any("\ufffd" in cell for cell in header):
        problems.append(
            Problem(name, 1, None, None, f"not UTF-8 (byte {bad_byte}): save it as UTF-8")
        )
        return empty
    missing = [col for col in columns if col not in header]
    extra = [col for col in header if col not in columns]
    for col in missing:
        problems.append(Problem(name, 1, col, None, "column missing from the header"))
    for col in extra:
        problems.append(
            Problem(name, 1, col, None, f"unknown column (expected: {', '.join(columns)})")
        )
    if missing:
        if bad_byte is not None:
            problems.append(
                Problem(name, None, None, None, f"not UTF-8 (byte {bad_byte}): save it as UTF-8")
            )
        return empty
    for number, reason in broken:
        problems.append(Problem(name, number, None, None, reason))
    records = []
    for number, row in parsed[1:]:
        if not "".join(row).strip():
            continue
        if bad_byte is not None and any("\ufffd" in cell for cell in row):
            problems.append(
                Problem(
                    name,
                    number,
                    None,
                    None,
                    f"not UTF-8 (the file's first bad byte is {bad_byte}): save it as UTF-8",
                )
            )
            continue
        if len(row) != len(header):
            problems.append(
                Problem(
                    name,
                    number,
                    None,
                    None,
                    f"has {len(row)} fields, the header has {len(header)} (a comma in an "
                    "unquoted field?)",
                )
            )
            continue
        record = dict(zip(header, row, strict=True))
        record["_row"] = number
        records.append(record)
    return records


def _validate_rows(
    records: list[dict], model: type[BaseModel], name: str, problems: list[Problem]
) -> pd.DataFrame:
    """Validate each record against `model`; return the rows that passed as a DataFrame."""
    columns = [*model.model_fields, "_row"]
    adapter = TypeAdapter(list[model])
    bad: set[int] = set()
    try:
        adapter.validate_python([{k: v for k, v in r.items() if k != "_row"} for r in records])
    except ValidationError as exc:
        for error in exc.errors():
            index = error["loc"][0]
            column = str(error["loc"][1]) if len(error["loc"]) > 1 else None
            bad.add(index)
            value = records[index].get(column) if column else None
            message = error["msg"].removeprefix("Value error, ")
            problems.append(Problem(name, records[index]["_row"], column, value, message))
    valid = [r for i, r in enumerate(records) if i not in bad]
    return pd.DataFrame.from_records(valid, columns=columns)


def _duplicate_ids(frame: pd.DataFrame, column: str, name: str, problems: list[Problem]) -> None:
    duplicated = frame[frame[column].duplicated(keep="first")]
    for row, value in zip(duplicated["_row"], duplicated[column], strict=True):
        problems.append(Problem(name, int(row), column, value, "duplicate id"))


def _read_texts(sources: pd.DataFrame, seeds_dir: Path, name: str, problems: list[Problem]):
    texts: dict[str, str] = {}
    for row, source_id, file in zip(sources["_row"], sources["id"], sources["file"], strict=True):
        path = seeds_dir / file
        try:
            texts[source_id] = path.read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError) as exc:
            reason = getattr(exc, "strerror", None) or str(exc)
            problems.append(Problem(name, int(row), "file", file, f"cannot read source: {reason}"))
    return texts


def _check_evidence(
    evidence: pd.DataFrame,
    event_ids: set[str],
    texts: dict[str, str],
    source_ids: set[str],
    name: str,
    problems: list[Problem],
) -> pd.DataFrame:
    keep = []
    columns = ("event_id", "source", "quote", "date_text", "_row")
    for idx, *values in zip(evidence.index, *(evidence[c].tolist() for c in columns), strict=True):
        rec = dict(zip(columns, values, strict=True))
        row = int(rec["_row"])
        before = len(problems)
        if rec["event_id"] not in event_ids:
            problems.append(Problem(name, row, "event_id", rec["event_id"], "no such event"))
        if rec["source"] not in source_ids:
            problems.append(Problem(name, row, "source", rec["source"], "no such source"))
        elif rec["source"] in texts and rec["quote"] not in texts[rec["source"]]:
            problems.append(
                Problem(
                    name, row, "quote", rec["quote"], "quote is not verbatim in the source text"
                )
            )
        if rec["date_text"] and rec["date_text"] not in rec["quote"]:
            problems.append(
                Problem(name, row, "date_text", rec["date_text"], "date_text is not in the quote")
            )
        if len(problems) == before:
            keep.append(idx)
    return evidence.loc[keep]


def _check_events_against_evidence(
    events: pd.DataFrame, evidence: pd.DataFrame, name: str, problems: list[Problem]
) -> None:
    quotes: dict[str, list[str]] = defaultdict(list)
    for event_id, quote in zip(
        evidence["event_id"].tolist(), evidence["quote"].tolist(), strict=True
    ):
        quotes[event_id].append(quote)
    columns = ("id", "date_text", "date_basis", "_row")
    for values in zip(*(events[c].tolist() for c in columns), strict=True):
        rec = dict(zip(columns, values, strict=True))
        own = quotes.get(rec["id"], [])
        if not own and rec["date_basis"] != "knowledge":
            problems.append(
                Problem(
                    name,
                    int(rec["_row"]),
                    "id",
                    rec["id"],
                    "event has no evidence row (only allowed when date_basis is 'knowledge')",
                )
            )
        elif own and rec["date_text"] and not any(rec["date_text"] in q for q in own):
            problems.append(
                Problem(
                    name,
                    int(rec["_row"]),
                    "date_text",
                    rec["date_text"],
                    "date_text occurs in none of the event's evidence quotes",
                )
            )


def _inside(inner: DateBounds, outer: DateBounds) -> bool:
    """True when the span `inner` lies within `outer` (an open end reaches any later date)."""
    if inner.start < outer.start:
        return False
    if outer.end is None:
        return True
    return inner.end is not None and inner.end <= outer.end


def _check_two_dates(events: pd.DataFrame, name: str, problems: list[Problem]) -> None:
    """The rules tying `date` to `text_date` and `date_source` (README, "The table format")."""
    columns = ("date", "date_basis", "text_date", "date_source")
    for values in zip(*(events[c].tolist() for c in columns), events["_row"], strict=True):
        date, basis, text_date, date_source = (str(v).strip() for v in values[:-1])
        row = int(values[-1])
        if basis == "knowledge" and text_date:
            problems.append(
                Problem(
                    name,
                    row,
                    "text_date",
                    text_date,
                    "text_date must be empty when date_basis is 'knowledge' (the article gives "
                    "no date)",
                )
            )
        if basis != "knowledge" and not text_date:
            problems.append(
                Problem(
                    name,
                    row,
                    "text_date",
                    text_date,
                    f"text_date is empty but date_basis is '{basis}': give the EDTF value the "
                    "article's words support",
                )
            )
        differs = bool(text_date) and date != text_date
        if (basis == "knowledge" or differs) and not date_source:
            why = (
                "date_basis is 'knowledge'"
                if basis == "knowledge"
                else f"date '{date}' differs from text_date '{text_date}'"
            )
            problems.append(
                Problem(
                    name,
                    row,
                    "date_source",
                    date_source,
                    f"date_source is empty but {why}: cite where the date comes from (outlet or "
                    "institution, title, date, URL)",
                )
            )
        if not text_date or not date_source and date == text_date:
            continue
        inside = _inside(date_bounds(date), date_bounds(text_date))
        corrected = date_source.startswith(CORRECTION_MARKER)
        if not inside and not corrected:
            problems.append(
                Problem(
                    name,
                    row,
                    "date",
                    date,
                    f"date lies outside text_date '{text_date}': fix it, or, if the article is "
                    f"wrong, start date_source with '{CORRECTION_MARKER}' and say why",
                )
            )
        if inside and corrected:
            problems.append(
                Problem(
                    name,
                    row,
                    "date_source",
                    date_source,
                    f"date_source says the article is wrong ('{CORRECTION_MARKER}'), but date "
                    f"'{date}' lies inside text_date '{text_date}'",
                )
            )


def text_dates_agree(text_date: str, extracted: str) -> bool:
    """True when the curated `text_date` is what the extractor's value `extracted` says.

    Besides equality, a curator may add what the extractor cannot mark: a trailing `~` or `?`
    (the publication date is itself approximate, or the words leave the year open), and an open
    end `/..` for "seit 2014" (the extractor dates the start the words name).
    """
    return text_date in (extracted, f"{extracted}~", f"{extracted}?", f"{extracted}/..")


@lru_cache(maxsize=16)
def _mentions(text: str, published: str) -> tuple[DateMention, ...]:
    """The extractor's reading of one article, resolved against the last day it may have
    appeared on (each article is read once per process)."""
    return tuple(find_dates(text, date_bounds(published).end, include_vague=True))


def _readings(hits: list[DateMention]) -> list[str]:
    """The values of the mentions in a date_text and, for a list or range the extractor reports
    point by point ("20. und 21. Mai 2025"), the days they cover together."""
    values = [m.edtf for m in hits if m.edtf]
    if len(values) > 1 and not any(v.startswith("-") for v in values):
        bounds = [date_bounds(v) for v in values]
        if all(b.end for b in bounds):
            values.append(format_interval(min(b.start for b in bounds), max(b.end for b in bounds)))
    return values


def _check_text_dates_against_extractor(
    events: pd.DataFrame,
    evidence: pd.DataFrame,
    sources: pd.DataFrame,
    texts: dict[str, str],
    name: str,
    problems: list[Problem],
) -> None:
    """`text_date` must agree with what `find_dates` resolves from `date_text` in its quote."""
    published = dict(zip(sources["id"], sources["published"], strict=True))
    rows_of: dict[str, list[tuple[str, str]]] = defaultdict(list)
    for event_id, source, quote in zip(
        evidence["event_id"], evidence["source"], evidence["quote"], strict=True
    ):
        rows_of[event_id].append((source, quote))
    columns = ("id", "date_text", "text_date", "_row")
    for event_id, date_text, text_date, row in zip(
        *(events[c].tolist() for c in columns), strict=True
    ):
        event_id, date_text, text_date = event_id.strip(), date_text.strip(), text_date.strip()
        if not date_text or not text_date:
            continue
        readings = []
        for source, quote in rows_of.get(event_id, []):
            if date_text not in quote or source not in texts or source not in published:
                continue
            text = texts[source]
            start = text.index(quote) + quote.index(date_text)
            end = start + len(date_text)
            mentions = _mentions(text, published[source])
            hits = [m for m in mentions if m.start < end and start < m.end]
            readings.append((source, published[source], _readings(hits)))
        if not readings:
            continue  # no quote holds date_text: reported by the evidence check
        if any(text_dates_agree(text_date, v) for _, _, values in readings for v in values):
            continue
        source, day, values = readings[0]
        if values:
            message = (
                f"the extractor reads date_text '{date_text}' (in {source}, published {day}) as "
                f"'{values[0]}', but text_date is '{text_date}': fix whichever is wrong"
            )
        else:
            message = (
                f"the extractor finds no date in date_text '{date_text}' (in {source}, "
                f"published {day}); text_date is '{text_date}'"
            )
        problems.append(Problem(name, int(row), "text_date", text_date, message))


def add_date_columns(events: pd.DataFrame) -> pd.DataFrame:
    """Add `start`, `end` (Timestamps; NaT for open ends), `precision` and `approximate`.

    Each distinct EDTF value is parsed once (and cached), so large tables stay fast.
    """
    bounds = {value: date_bounds(value) for value in events["date"].unique()}
    dates = events["date"]
    events = events.assign(
        start=pd.to_datetime(dates.map(lambda v: bounds[v].start)),
        end=pd.to_datetime(dates.map(lambda v: bounds[v].end)),
        precision=dates.map(lambda v: bounds[v].precision),
        approximate=dates.map(lambda v: bounds[v].approximate),
    )
    return events


def add_text_date_columns(events: pd.DataFrame) -> pd.DataFrame:
    """Add `text_start`, `text_end` (NaT when empty or open) and `text_precision` ("" when
    empty) for `text_date`, and `date_origin` (see `events.model.provenance`).

    Each distinct value is parsed once, as for `date`.
    """
    values = events["text_date"]
    bounds = {value: date_bounds(value) for value in values.unique() if value}
    events = events.assign(
        text_start=pd.to_datetime(values.map(lambda v: bounds[v].start if v else None)),
        text_end=pd.to_datetime(values.map(lambda v: bounds[v].end if v else None)),
        text_precision=values.map(lambda v: bounds[v].precision if v else ""),
    )
    events["date_origin"] = [
        date_origin(date, text_date, basis, source)
        for date, text_date, basis, source in zip(
            events["date"], values, events["date_basis"], events["date_source"], strict=True
        )
    ]
    return events


def _typed_events(events: pd.DataFrame) -> pd.DataFrame:
    events = events.copy()
    for column in LIST_FIELDS:
        events[column] = [tuple(split_list(v)) for v in events[column]]
    events["importance"] = events["importance"].astype(int)
    for column in ("id", "date", "date_text", "date_basis", "text_date", "date_source"):
        events[column] = events[column].str.strip()
    events = add_text_date_columns(add_date_columns(events))
    return events.sort_values(["start", "id"], kind="stable").reset_index(drop=True)


def load_dataset(
    events_csv: Path = EVENTS_CSV,
    evidence_csv: Path = EVIDENCE_CSV,
    sources_csv: Path = SOURCES_CSV,
) -> Dataset:
    """Load, validate and type the three tables; rows with problems are left out."""
    problems: list[Problem] = []
    src_name, ev_name, evi_name = map(_display_path, (sources_csv, events_csv, evidence_csv))

    sources = read_table(sources_csv, SOURCE_COLUMNS, problems)
    sources = _validate_rows(sources, Source, src_name, problems)
    _duplicate_ids(sources, "id", src_name, problems)
    sources = sources.drop_duplicates("id")
    texts = _read_texts(sources, sources_csv.parent, src_name, problems)

    event_records = read_table(events_csv, EVENT_COLUMNS, problems)
    listed_ids = {r["id"].strip() for r in event_records}  # invalid rows still count as events
    events = _validate_rows(event_records, Event, ev_name, problems)
    _duplicate_ids(events, "id", ev_name, problems)
    events = events.drop_duplicates("id")

    evidence_records = read_table(evidence_csv, EVIDENCE_COLUMNS, problems)
    # an event whose quote is wrong still has evidence
    listed_evidence = pd.DataFrame.from_records(
        evidence_records, columns=[*EVIDENCE_COLUMNS, "_row"]
    )
    evidence = _validate_rows(evidence_records, Evidence, evi_name, problems)
    evidence = _check_evidence(evidence, listed_ids, texts, set(sources["id"]), evi_name, problems)
    _check_events_against_evidence(events, listed_evidence, ev_name, problems)
    _check_two_dates(events, ev_name, problems)
    _check_text_dates_against_extractor(events, evidence, sources, texts, ev_name, problems)

    return Dataset(
        events=_typed_events(events),
        evidence=evidence.reset_index(drop=True),
        sources=sources.reset_index(drop=True),
        texts=texts,
        problems=problems,
    )


def check_tables(
    events_csv: Path = EVENTS_CSV,
    evidence_csv: Path = EVIDENCE_CSV,
    sources_csv: Path = SOURCES_CSV,
) -> list[Problem]:
    """Return every problem in the three tables (empty when all invariants hold)."""
    return load_dataset(events_csv, evidence_csv, sources_csv).problems


FOLLOW_ON = {
    # message of a follow-on problem -> the table whose own problems cause it
    "no such event": "events.csv",
    "no such source": "sources.csv",
    "event has no evidence row (only allowed when date_basis is 'knowledge')": "evidence.csv",
}


@dataclass(frozen=True)
class ProblemSummary:
    """What a banner says about broken tables: the first real problem per file, and how many
    follow-on problems (an evidence row whose event was lost, ...) there are besides."""

    first_per_file: tuple[Problem, ...]
    real: int
    follow_on: int


def _is_follow_on(problem: Problem, broken_files: set[str]) -> bool:
    cause = FOLLOW_ON.get(problem.message)
    return cause is not None and cause in broken_files


def summarize_problems(problems: Iterable[Problem]) -> ProblemSummary:
    """Split `problems` into real ones and follow-ons of a broken table (a lost events.csv row
    makes every evidence row of that event "no such event"); keep the first real one per file."""
    problems = list(problems)
    own = {Path(p.file).name for p in problems if p.message not in FOLLOW_ON}
    real = [p for p in problems if not _is_follow_on(p, own)]
    first: dict[str, Problem] = {}
    for problem in real:
        first.setdefault(problem.file, problem)
    return ProblemSummary(tuple(first.values()), len(real), len(problems) - len(real))


def check_event_row(
    row: dict[str, str], quotes: Iterable[str], taken_ids: Iterable[str] = ()
) -> list[Problem]:
    """The problems `python -m events check` would find in one new event row (for an edit form,
    as the editor types): the row's own fields, the two-dates rules, a free id, and its
    `date_text` in one of its evidence `quotes`. The full check runs again when saving."""
    problems: list[Problem] = []
    name = "events.csv"
    records = [{**{k: str(v) for k, v in row.items()}, "_row": FIRST_DATA_ROW}]
    valid = _validate_rows(records, Event, name, problems)
    if not valid.empty:
        _check_two_dates(valid, name, problems)
    event_id = str(row.get("id", "")).strip()
    if event_id and event_id in set(taken_ids):
        problems.append(Problem(name, None, "id", event_id, "duplicate id"))
    date_text = str(row.get("date_text", "")).strip()
    if date_text and not any(date_text in quote for quote in quotes):
        problems.append(
            Problem(name, None, "date_text", date_text, "date_text occurs in none of the quotes")
        )
    return problems
