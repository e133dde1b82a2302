"""A broken row costs that row, not the table; follow-on problems are counted, not listed."""

import shutil
from pathlib import Path

import pytest

from events.store.tables import (
    Problem,
    _tolerant_records,
    load_dataset,
    summarize_problems,
)

ROOT = Path(__file__).resolve().parent.parent
EVENTS = ROOT / "events" / "data" / "events.csv"
EVIDENCE = ROOT / "events" / "data" / "evidence.csv"
SOURCES = ROOT / "seeds" / "sources.csv"


@pytest.mark.parametrize(
    ("text", "kept", "broken"),
    [
        ('a,b\n1,2\n"3,4\n5,6\n', [1, 2, 4], [3]),  # unclosed quote at a field's start
        ('a,b\n1,2\n3,"4\n5,6\n7,8\n', [1, 2, 4, 5], [3]),  # unclosed quote mid-row
        ('a,b\n1,2\n3,"4"x\n5,6\n', [1, 2, 4], [3]),  # text after a closing quote
        ('a,b\n1,"two\nlines"\n3,4\n', [1, 2, 3], []),  # a quoted line break is fine
    ],
)
def test_tolerant_records_keep_every_row_but_the_broken_one(text, kept, broken):
    records, bad = _tolerant_records(text)
    assert [n for n, _ in records] == kept
    assert [n for n, _ in bad] == broken


def _copy(tmp_path: Path, events: bytes) -> Path:
    (tmp_path / "events.csv").write_bytes(events)
    shutil.copy(EVIDENCE, tmp_path / "evidence.csv")
    return tmp_path


def _row_start(raw: bytes, row: int) -> int:
    """Byte offset of physical line `row` (1 = header); the real table has no quoted breaks."""
    offset = 0
    for _ in range(row - 1):
        offset = raw.index(b"\n", offset) + 1
    return offset


def test_one_bad_byte_costs_one_row(tmp_path):
    raw = EVENTS.read_bytes()
    at = _row_start(raw, 5) + 3
    folder = _copy(tmp_path, raw[:at] + b"\xff" + raw[at:])
    full = load_dataset(EVENTS, EVIDENCE, SOURCES)
    data = load_dataset(folder / "events.csv", folder / "evidence.csv", SOURCES)
    assert len(data.events) == len(full.events) - 1
    first = data.problems[0]
    assert (Path(first.file).name, first.row) == ("events.csv", 5)
    assert "not UTF-8" in first.message


def test_an_unclosed_quote_costs_one_row_and_its_follow_ons_are_one_count(tmp_path):
    raw = EVENTS.read_bytes()
    start = _row_start(raw, 4)
    line_end = raw.index(b"\n", start)
    line = raw[start:line_end]
    broken = line.replace(b',"', b',"unclosed ', 1).replace(b'",', b",", 1)
    assert broken.count(b'"') % 2 == 1
    folder = _copy(tmp_path, raw[:start] + broken + raw[line_end:])
    full = load_dataset(EVENTS, EVIDENCE, SOURCES)
    data = load_dataset(folder / "events.csv", folder / "evidence.csv", SOURCES)
    assert len(data.events) == len(full.events) - 1
    summary = summarize_problems(data.problems)
    assert [Path(p.file).name for p in summary.first_per_file] == ["events.csv"]
    assert summary.first_per_file[0].row == 4
    lost_id = line.split(b",", 1)[0].decode()
    lost_evidence = (full.evidence["event_id"] == lost_id).sum()
    assert lost_evidence >= 1
    assert summary.follow_on == lost_evidence


def test_no_such_event_is_real_when_events_csv_is_fine():
    problems = [Problem("evidence.csv", 3, "event_id", "x", "no such event")]
    summary = summarize_problems(problems)
    assert (summary.real, summary.follow_on) == (1, 0)
    assert summary.first_per_file == (problems[0],)


def test_first_real_problem_per_file():
    problems = [
        Problem("events.csv", 4, "date", "x", "not valid EDTF"),
        Problem("events.csv", 9, "date", "y", "not valid EDTF"),
        Problem("evidence.csv", 2, "event_id", "a", "no such event"),
        Problem("sources.csv", 2, "published", "z", "not valid EDTF"),
    ]
    summary = summarize_problems(problems)
    assert summary.first_per_file == (problems[0], problems[3])
    assert (summary.real, summary.follow_on) == (3, 1)
