"""Reading one CSV table tolerantly: a broken record or byte costs that row, not the table."""

import csv
from collections.abc import Iterable
from pathlib import Path

from events.store.problems import Problem, display_path


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


def _header_problems(
    name: str, header: list[str], columns: list[str], bad_byte: int | None
) -> tuple[list[Problem], bool]:
    """What is wrong with a header (bad bytes, missing or unknown columns), and whether it
    is so wrong that no row can be read."""
    not_utf8 = f"not UTF-8 (byte {bad_byte}): save it as UTF-8"
    if bad_byte is not None and any("\ufffd" in cell for cell in header):
        return [Problem(name, 1, None, None, not_utf8)], True
    missing = [col for col in columns if col not in header]
    extra = [col for col in header if col not in columns]
    found = [Problem(name, 1, col, None, "column missing from the header") for col in missing]
    found += [
        Problem(name, 1, col, None, f"unknown column (expected: {', '.join(columns)})")
        for col in extra
    ]
    if missing and bad_byte is not None:
        found.append(Problem(name, None, None, None, not_utf8))
    return found, bool(missing)


def _row_problem(
    name: str, number: int, row: list[str], header: list[str], bad_byte: int | None
) -> Problem | None:
    """Why one data row cannot be read (bad bytes, wrong field count), or None."""
    if bad_byte is not None and any("\ufffd" in cell for cell in row):
        return Problem(
            name,
            number,
            None,
            None,
            f"not UTF-8 (the file's first bad byte is {bad_byte}): save it as UTF-8",
        )
    if len(row) != len(header):
        return Problem(
            name,
            number,
            None,
            None,
            f"has {len(row)} fields, the header has {len(header)} (a comma in an unquoted field?)",
        )
    return None


def _data_records(
    name: str,
    parsed: list[tuple[int, list[str]]],
    header: list[str],
    bad_byte: int | None,
    problems: list[Problem],
) -> list[dict]:
    """The non-blank data rows as records with their `_row`; unreadable ones go to `problems`."""
    records = []
    for number, row in parsed[1:]:
        if not "".join(row).strip():
            continue
        problem = _row_problem(name, number, row, header, bad_byte)
        if problem is not None:
            problems.append(problem)
            continue
        record = dict(zip(header, row, strict=True))
        record["_row"] = number
        records.append(record)
    return records


def read_table(path: Path, columns: Iterable[str], problems: list[Problem]) -> list[dict]:
    """Read a CSV file as string records (each with its `_row`); problems with the file,
    its header or single unreadable rows go to `problems` (such a row is left out, the
    others are kept)."""
    columns = list(columns)
    name = display_path(path)
    try:
        raw = path.read_bytes()
    except OSError as exc:
        problems.append(Problem(name, None, None, None, f"cannot read file: {exc.strerror}"))
        return []
    text, bad_byte = _decode_tolerant(raw)
    parsed, broken = _tolerant_records(text)
    if not parsed or parsed[0][0] != 1:
        problems.append(Problem(name, 1, None, None, "file is empty: the header row is missing"))
        return []
    header = [cell.strip() for cell in parsed[0][1]]
    header_problems, unreadable = _header_problems(name, header, columns, bad_byte)
    problems.extend(header_problems)
    if unreadable:
        return []
    problems.extend(Problem(name, number, None, None, reason) for number, reason in broken)
    return _data_records(name, parsed, header, bad_byte, problems)
