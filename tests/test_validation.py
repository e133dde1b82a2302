"""One test per validation rule, each on a broken copy of a small valid table."""

import csv
import subprocess
import sys
from pathlib import Path

import pytest

from events.model.schema import EVENT_COLUMNS, EVIDENCE_COLUMNS, SOURCE_COLUMNS
from events.store.tables import check_tables, load_dataset

ROOT = Path(__file__).resolve().parent.parent
TEXT = "Im Dezember 2024 stürzte ein Flugzeug ab. Seit 2014 dauert der Krieg an.\n"
EVENT = {
    "id": "crash",
    "date": "2024-12",
    "date_text": "Im Dezember 2024",
    "date_basis": "text",
    "text_date": "2024-12",
    "date_source": "",
    "title_de": "Absturz",
    "title_en": "Crash",
    "summary_de": "Ein Flugzeug stürzte ab.",
    "summary_en": "A plane crashed.",
    "countries": "AZE;RUS",
    "actors": "AZAL",
    "themes": "incident",
    "importance": "3",
}
WAR = {
    **EVENT,
    "id": "war",
    "date": "2014/..",
    "date_text": "Seit 2014",
    "text_date": "2014/..",
    "themes": "military",
    "countries": "UKR;RUS",
}
EVIDENCE = [
    {
        "event_id": "crash",
        "source": "src",
        "quote": "Im Dezember 2024 stürzte ein Flugzeug ab.",
        "date_text": "Im Dezember 2024",
    },
    {
        "event_id": "war",
        "source": "src",
        "quote": "Seit 2014 dauert der Krieg an.",
        "date_text": "Seit 2014",
    },
]
SOURCE = {
    "id": "src",
    "file": "article.txt",
    "title": "Artikel",
    "outlet": "Zeitung",
    "author": "",
    "genre": "news",
    "published": "2025-07-04~",
    "language": "de",
    "url": "",
    "notes": "",
}


def write_csv(path: Path, columns, rows) -> None:
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=list(columns))
        writer.writeheader()
        writer.writerows(rows)


@pytest.fixture
def tables(tmp_path):
    """Paths of a small valid table; tests break one thing and check the message."""
    (tmp_path / "article.txt").write_text(TEXT, encoding="utf-8")
    paths = {
        "events": tmp_path / "events.csv",
        "evidence": tmp_path / "evidence.csv",
        "sources": tmp_path / "sources.csv",
    }

    def write(events=None, evidence=None, sources=None):
        write_csv(paths["events"], EVENT_COLUMNS, events if events is not None else [EVENT, WAR])
        write_csv(
            paths["evidence"], EVIDENCE_COLUMNS, evidence if evidence is not None else EVIDENCE
        )
        write_csv(paths["sources"], SOURCE_COLUMNS, sources if sources is not None else [SOURCE])
        return check_tables(paths["events"], paths["evidence"], paths["sources"])

    write.paths = paths
    return write


def only_problem(problems):
    assert len(problems) == 1, [str(p) for p in problems]
    return problems[0]


def test_valid_table_has_no_problems(tables):
    assert tables() == []


def test_valid_table_loads_with_derived_columns(tables):
    tables()
    data = load_dataset(tables.paths["events"], tables.paths["evidence"], tables.paths["sources"])
    war = data.events.set_index("id").loc["war"]
    assert war["precision"] == "open"
    assert str(war["start"].date()) == "2014-01-01"
    assert war["end"] != war["end"]  # NaT: an open interval runs to the right edge
    assert data.events.set_index("id").loc["crash", "countries"] == ("AZE", "RUS")


BROKEN_EVENTS = [
    ("date", "2024-13-45", "not valid EDTF"),
    ("date", "", "at least 1 character"),
    ("countries", "AZE;XYZ", "unknown ISO 3166-1 alpha-3"),
    ("countries", "", "at least 1 item"),
    ("themes", "incident;weather", "not in the vocabulary"),
    ("importance", "4", "less than or equal to 3"),
    ("importance", "wichtig", "valid integer"),
    ("date_basis", "guess", "'text', 'text+dct', 'text+event' or 'knowledge'"),
    ("title_de", "", "at least 1 character"),
    ("text_date", "Ende 2024", "not valid EDTF"),
    # a careless or hostile editor: sizes that break a slide, characters that hide or turn text
    ("title_de", "A" * 121, "at most 120 characters"),
    ("title_en", "B" * 100_000, "at most 120 characters"),
    ("summary_de", "Satz. " * 201, "at most 1200 characters"),
    ("summary_en", "x" * 1201, "at most 1200 characters"),
    ("title_de", "Absturz\u202e3428 gulF", "U+202E"),
    ("title_en", "Crash\u2066isolated\u2069", "U+2066, U+2069"),
    ("summary_de", "Ein Flugzeug\x00 stürzte ab.", "U+0000"),
    ("summary_en", "A plane\x07 crashed.", "U+0007"),
    ("actors", "AZAL;Kreml\x1b[31m", "U+001B"),
    ("date_source", "Reuters\u200f, 2024", "U+200F"),
]


@pytest.mark.parametrize(("column", "value", "message"), BROKEN_EVENTS)
def test_broken_event_cell_is_named(tables, column, value, message):
    problem = only_problem(tables(events=[{**EVENT, column: value}, WAR]))
    assert (problem.file.endswith("events.csv"), problem.row, problem.column) == (True, 2, column)
    assert message in problem.message
    assert f"row 2, column {column}" in str(problem)


def test_a_hidden_character_in_a_quote_is_named(tables):
    evidence = [{**EVIDENCE[0], "quote": "Im Dezember 2024 stürzte\u202e ein Flugzeug ab."}]
    problems = tables(evidence=[*evidence, EVIDENCE[1]])
    hidden = [p for p in problems if p.column == "quote" and "U+202E" in p.message]
    assert hidden and hidden[0].file.endswith("evidence.csv") and hidden[0].row == 2
    assert "\\u202e" in str(hidden[0])  # the value is shown escaped, never applied


def test_the_real_titles_and_summaries_are_well_inside_the_limits():
    data = load_dataset()
    for column, limit in (("title_de", 120), ("title_en", 120), ("summary_de", 1200)):
        assert data.events[column].str.len().max() <= limit * 0.75, column


def test_id_must_be_a_slug(tables):
    evidence = [{**EVIDENCE[0], "event_id": "Crash 1"}, EVIDENCE[1]]
    problem = only_problem(tables(events=[{**EVENT, "id": "Crash 1"}, WAR], evidence=evidence))
    assert (problem.row, problem.column, problem.value) == (2, "id", "Crash 1")
    assert "slug" in problem.message


def test_date_text_needed_unless_knowledge(tables):
    problem = only_problem(tables(events=[{**EVENT, "date_text": ""}, WAR]))
    assert (problem.row, problem.column) == (2, None)
    assert "date_text is empty" in problem.message


def test_duplicate_event_id(tables):
    problem = only_problem(tables(events=[EVENT, WAR, EVENT]))
    assert (problem.row, problem.column, problem.value) == (4, "id", "crash")
    assert "duplicate" in problem.message


def test_event_without_evidence(tables):
    problem = only_problem(tables(evidence=EVIDENCE[1:]))
    assert (problem.file.endswith("events.csv"), problem.row, problem.column) == (True, 2, "id")
    assert "no evidence" in problem.message


def test_knowledge_event_needs_no_evidence(tables):
    known = {
        **EVENT,
        "date_basis": "knowledge",
        "date_text": "",
        "text_date": "",
        "date": "2024-12-25",
        "date_source": "Reuters, 25.12.2024",
    }
    assert tables(events=[known, WAR], evidence=EVIDENCE[1:]) == []


def test_event_date_text_must_be_in_a_quote(tables):
    problem = only_problem(tables(events=[{**EVENT, "date_text": "Ende Dezember 2024"}, WAR]))
    assert (problem.row, problem.column) == (2, "date_text")
    assert "none of the event's evidence quotes" in problem.message


def test_quote_not_verbatim(tables):
    bad = [{**EVIDENCE[0], "quote": "Im Dezember 2024 stürzte ein Flugzeug ab!"}, EVIDENCE[1]]
    problem = only_problem(tables(evidence=bad))
    assert (problem.file.endswith("evidence.csv"), problem.row, problem.column) == (
        True,
        2,
        "quote",
    )
    assert "not verbatim" in problem.message


def test_evidence_date_text_not_in_quote(tables):
    bad = [EVIDENCE[0], {**EVIDENCE[1], "date_text": "Seit 2015"}]
    problems = tables(evidence=bad)
    evidence_problem = [p for p in problems if p.file.endswith("evidence.csv")]
    problem = only_problem(evidence_problem)
    assert (problem.row, problem.column, problem.value) == (3, "date_text", "Seit 2015")


def test_evidence_unknown_event(tables):
    problem = only_problem(tables(evidence=[*EVIDENCE, {**EVIDENCE[0], "event_id": "nope"}]))
    assert (problem.row, problem.column, problem.value) == (4, "event_id", "nope")


def test_evidence_unknown_source(tables):
    bad = [EVIDENCE[0], {**EVIDENCE[1], "source": "other"}]
    problems = tables(evidence=bad)
    problem = next(p for p in problems if p.file.endswith("evidence.csv"))
    assert (problem.row, problem.column, problem.value) == (3, "source", "other")


def test_source_with_bad_published_date_and_genre(tables):
    problems = tables(sources=[{**SOURCE, "published": "Juli 2025", "genre": "blog"}])
    by_column = {p.column: p for p in problems if p.file.endswith("sources.csv")}
    assert {"published", "genre"} <= set(by_column)
    assert by_column["published"].row == 2


def test_source_file_missing(tables):
    problems = tables(sources=[{**SOURCE, "file": "missing.txt"}])
    problem = next(p for p in problems if p.column == "file")
    assert (problem.row, problem.value) == (2, "missing.txt")


def test_missing_column_in_header(tables):
    tables()
    path = tables.paths["events"]
    text = path.read_text(encoding="utf-8").replace("importance", "wichtigkeit", 1)
    path.write_text(text, encoding="utf-8")
    problems = check_tables(path, tables.paths["evidence"], tables.paths["sources"])
    columns = {(p.row, p.column) for p in problems}
    assert {(1, "importance"), (1, "wichtigkeit")} <= columns


def test_row_with_wrong_number_of_fields(tables):
    tables()
    path = tables.paths["events"]
    with path.open("a", encoding="utf-8") as handle:
        handle.write("extra,2024,too,few\n")
    problem = only_problem(check_tables(path, tables.paths["evidence"], tables.paths["sources"]))
    assert problem.row == 4
    assert "has 4 fields, the header has 14" in problem.message


def test_english_texts_may_be_left_empty_by_a_german_only_editor(tables):
    row = {**EVENT, "title_en": "", "summary_en": ""}
    assert tables(events=[row, WAR]) == []


def test_not_utf8(tables):
    tables()
    tables.paths["events"].write_bytes("id,date\nä,2024\n".encode("latin-1"))
    problems = check_tables(
        tables.paths["events"], tables.paths["evidence"], tables.paths["sources"]
    )
    assert any("not UTF-8" in p.message for p in problems)


def test_check_command_exit_codes_and_lines(tables):
    tables(events=[{**EVENT, "countries": "AZE;XYZ"}, WAR])
    paths = tables.paths
    cmd = [sys.executable, "-m", "events", "check", "--events", str(paths["events"])]
    cmd += ["--evidence", str(paths["evidence"]), "--sources", str(paths["sources"])]
    broken = subprocess.run(cmd, capture_output=True, text=True, cwd=ROOT, check=False)
    assert broken.returncode == 1
    assert "Traceback" not in broken.stdout + broken.stderr
    line = broken.stdout.strip().splitlines()[0]
    assert "events.csv, row 2, column countries, value 'AZE;XYZ'" in line
    tables()
    fixed = subprocess.run(cmd, capture_output=True, text=True, cwd=ROOT, check=False)
    assert fixed.returncode == 0, fixed.stdout


# The two dates: what the article says (text_date) and the best-known date (date, date_source).
REFINED = {**EVENT, "date": "2024-12-25", "date_source": "Reuters, 25.12.2024, https://example.org"}


def test_refined_date_with_its_source_is_valid(tables):
    assert tables(events=[REFINED, WAR]) == []


@pytest.mark.parametrize(
    ("event", "column", "value", "message"),
    [
        ({"text_date": ""}, "text_date", "", "text_date is empty but date_basis is 'text'"),
        (
            {"date_basis": "knowledge", "date_text": "", "date_source": "Reuters"},
            "text_date",
            "2024-12",
            "text_date must be empty when date_basis is 'knowledge'",
        ),
        (
            {"date": "2024-12-25"},
            "date_source",
            "",
            "date '2024-12-25' differs from text_date '2024-12'",
        ),
        (
            {"date_basis": "knowledge", "date_text": "", "text_date": ""},
            "date_source",
            "",
            "date_source is empty but date_basis is 'knowledge'",
        ),
        (
            {"date": "2024-11-30", "date_source": "Reuters"},
            "date",
            "2024-11-30",
            "date lies outside text_date '2024-12'",
        ),
        (
            {"date": "2024-12-25", "date_source": "Artikel irrt: Reuters"},
            "date_source",
            "Artikel irrt: Reuters",
            "lies inside text_date '2024-12'",
        ),
    ],
    ids=[
        "text-date-missing",
        "text-date-for-knowledge",
        "source-missing-for-refined",
        "source-missing-for-knowledge",
        "date-outside-text-date",
        "correction-marker-but-inside",
    ],
)
def test_two_dates_rule_is_named(tables, event, column, value, message):
    problem = only_problem(tables(events=[{**EVENT, **event}, WAR]))
    assert (problem.file.endswith("events.csv"), problem.row, problem.column) == (True, 2, column)
    assert problem.value == value
    assert message in problem.message
    assert f"events.csv, row 2, column {column}, value {value!r}" in str(problem)


def test_date_outside_text_date_is_allowed_when_the_source_says_the_article_is_wrong(tables):
    corrected = {**EVENT, "date": "2024-11-30", "date_source": "Artikel irrt: Reuters, 30.11.2024"}
    assert tables(events=[corrected, WAR]) == []


def test_text_date_that_disagrees_with_the_extractor_names_both_values(tables):
    problem = only_problem(tables(events=[{**EVENT, "text_date": "2024", "date": "2024"}, WAR]))
    assert (problem.row, problem.column, problem.value) == (2, "text_date", "2024")
    assert "reads date_text 'Im Dezember 2024'" in problem.message
    assert "as '2024-12', but text_date is '2024'" in problem.message
    assert "published 2025-07-04~" in problem.message


def test_date_text_without_a_date_for_the_extractor_is_named(tables):
    problem = only_problem(tables(events=[{**EVENT, "date_text": "Flugzeug"}, WAR]))
    assert (problem.row, problem.column, problem.value) == (2, "text_date", "2024-12")
    assert "finds no date in date_text 'Flugzeug'" in problem.message


@pytest.mark.parametrize("text_date", ["2024-12?", "2024-12~"])
def test_curator_may_add_uncertainty_the_extractor_cannot_mark(tables, text_date):
    event = {**EVENT, "text_date": text_date, "date": text_date}
    assert tables(events=[event, WAR]) == []
