"""CSV tables as header + string rows, written back byte for byte as the project keeps them."""

import csv
import io
from collections.abc import Iterable, Mapping, Sequence


class TableUnreadable(Exception):
    """A table on disk cannot be parsed, so a change cannot be applied to it."""


def cell(value: object) -> str:
    """A CSV cell from a form value: lists become `;`-separated, None becomes empty."""
    if value is None:
        return ""
    if isinstance(value, str):
        return value
    if isinstance(value, list | tuple | set | frozenset):
        return ";".join(str(item) for item in value)
    return str(value)


def parse_table(
    data: bytes | None, columns: Sequence[str], name: str
) -> tuple[list[str], list[dict[str, str]]]:
    """Header and rows of a table; a missing file is an empty table with `columns`."""
    if data is None or not data.strip():
        return list(columns), []
    try:
        text = data.decode("utf-8-sig")
        rows = list(csv.reader(io.StringIO(text, newline=""), strict=True))
    except (UnicodeDecodeError, csv.Error) as exc:
        raise TableUnreadable(f"{name}: cannot be read ({exc}); fix it with `check`") from None
    header = [column.strip() for column in rows[0]]
    missing = [column for column in columns if column not in header]
    if missing:
        raise TableUnreadable(f"{name}: header lacks {', '.join(missing)}")
    records = []
    for number, row in enumerate(rows[1:], start=2):
        if not "".join(row).strip():
            continue
        if len(row) != len(header):
            raise TableUnreadable(f"{name}: row {number} has {len(row)} fields, not {len(header)}")
        records.append(dict(zip(header, row, strict=True)))
    return header, records


def render_table(header: Sequence[str], rows: Iterable[Mapping[str, str]]) -> bytes:
    """The CSV bytes (UTF-8, `\\n` line ends, minimal quoting), as the tables are kept."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(header)
    for row in rows:
        writer.writerow([row.get(column, "") for column in header])
    return out.getvalue().encode("utf-8")


def complete_row(values: Mapping[str, object], header: Sequence[str], name: str) -> dict[str, str]:
    """A full row for `header` from form values; unknown columns are an error."""
    unknown = [key for key in values if key not in header]
    if unknown:
        raise ValueError(f"{name}: unknown column(s) {', '.join(map(str, unknown))}")
    return {column: cell(values.get(column)) for column in header}
