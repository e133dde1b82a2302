"""The row checks of the curated tables: fields, ids, evidence quotes and the two-dates rules."""

from collections import defaultdict
from collections.abc import Iterable
from pathlib import Path

import pandas as pd
from pydantic import BaseModel, TypeAdapter, ValidationError

from events.model.fuzzy_dates import DateBounds, date_bounds
from events.model.schema import CORRECTION_MARKER, Event
from events.store.problems import Problem

FIRST_DATA_ROW = 2  # row numbers as a spreadsheet shows them: the header is row 1


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


def _text_date_presence(row: int, basis: str, text_date: str, name: str) -> list[Problem]:
    """`text_date` is empty exactly when `date_basis` is 'knowledge'."""
    if basis == "knowledge" and text_date:
        message = (
            "text_date must be empty when date_basis is 'knowledge' (the article gives no date)"
        )
    elif basis != "knowledge" and not text_date:
        message = (
            f"text_date is empty but date_basis is '{basis}': give the EDTF value the "
            "article's words support"
        )
    else:
        return []
    return [Problem(name, row, "text_date", text_date, message)]


def _missing_date_source(
    row: int, date: str, basis: str, text_date: str, date_source: str, name: str
) -> list[Problem]:
    """A date from knowledge, or one that differs from the article's, must cite its source."""
    differs = bool(text_date) and date != text_date
    if not (basis == "knowledge" or differs) or date_source:
        return []
    why = (
        "date_basis is 'knowledge'"
        if basis == "knowledge"
        else f"date '{date}' differs from text_date '{text_date}'"
    )
    message = (
        f"date_source is empty but {why}: cite where the date comes from (outlet or "
        "institution, title, date, URL)"
    )
    return [Problem(name, row, "date_source", date_source, message)]


def _correction_problems(
    row: int, date: str, text_date: str, date_source: str, name: str
) -> list[Problem]:
    """`date` lies inside `text_date` unless `date_source` says the article is wrong."""
    if not text_date or not date_source and date == text_date:
        return []
    inside = _inside(date_bounds(date), date_bounds(text_date))
    corrected = date_source.startswith(CORRECTION_MARKER)
    if not inside and not corrected:
        message = (
            f"date lies outside text_date '{text_date}': fix it, or, if the article is "
            f"wrong, start date_source with '{CORRECTION_MARKER}' and say why"
        )
        return [Problem(name, row, "date", date, message)]
    if inside and corrected:
        message = (
            f"date_source says the article is wrong ('{CORRECTION_MARKER}'), but date "
            f"'{date}' lies inside text_date '{text_date}'"
        )
        return [Problem(name, row, "date_source", date_source, message)]
    return []


def _check_two_dates(events: pd.DataFrame, name: str, problems: list[Problem]) -> None:
    """The rules tying `date` to `text_date` and `date_source` (README, "The table format")."""
    columns = ("date", "date_basis", "text_date", "date_source")
    for values in zip(*(events[c].tolist() for c in columns), events["_row"], strict=True):
        date, basis, text_date, date_source = (str(v).strip() for v in values[:-1])
        row = int(values[-1])
        problems.extend(_text_date_presence(row, basis, text_date, name))
        problems.extend(_missing_date_source(row, date, basis, text_date, date_source, name))
        problems.extend(_correction_problems(row, date, text_date, date_source, name))


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
