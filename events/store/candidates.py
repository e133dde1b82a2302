"""Candidate rows: one row per sentence of an article that holds a date, for the curator to check.

`candidate_rows` builds them (the sentence verbatim, its date as written and as EDTF, proposed
countries and themes, the curated events the sentence already backs); `write_candidates` puts
them into `events/data/candidates.csv`, keeping the rows of other sources, in one atomic step so
that an interrupted run never leaves half a file. Used by `python -m events candidates`.
"""

from __future__ import annotations

import csv
import io
from datetime import date
from pathlib import Path

from events.extract import DateMention, find_dates, split_sentences
from events.locale import t
from events.store.atomic import write_file_atomically
from events.store.paths import CANDIDATES_CSV, EVIDENCE_CSV

CANDIDATE_COLUMNS = (
    "source",
    "sentence_no",
    "start",
    "end",
    "sentence",
    "date_text",
    "date",
    "date_basis",
    "anchor_text",
    "other_dates",
    "countries",
    "themes",
    "curated_events",
)


def _normalize(text: str) -> str:
    return " ".join(text.split())


def _curated_quotes(source_id: str, evidence_csv: Path) -> list[tuple[str, str]]:
    if not evidence_csv.exists():
        return []
    with open(evidence_csv, encoding="utf-8", newline="") as handle:
        return [
            (_normalize(row["quote"]), row["event_id"])
            for row in csv.DictReader(handle)
            if row.get("source") == source_id and row.get("quote")
        ]


def candidate_rows(
    text: str, source_id: str, published: date, evidence_csv: Path = EVIDENCE_CSV
) -> list[dict]:
    """One row per sentence with a date (vague words only where nothing firmer is there)."""
    from events.extract.gazetteer import countries_in, themes_in  # only candidates need the lists

    mentions = find_dates(text, published, include_vague=True)
    quotes = _curated_quotes(source_id, evidence_csv)
    rows = []
    for number, (start, end) in enumerate(split_sentences(text), start=1):
        inside = [m for m in mentions if start <= m.start < end]
        if not inside:
            continue
        firm = [m for m in inside if not m.vague and m.edtf]  # not "damals" (no calendar value)
        main: DateMention = (firm or inside)[0]
        sentence = text[start:end]
        flat = _normalize(sentence)
        curated = sorted({eid for quote, eid in quotes if quote in flat or flat in quote})
        rows.append(
            {
                "source": source_id,
                "sentence_no": number,
                "start": start,
                "end": end,
                "sentence": sentence,
                "date_text": main.text,
                "date": main.edtf,
                "date_basis": main.basis,
                "anchor_text": main.anchor_text or "",
                "other_dates": "; ".join(f"{m.text}={m.edtf}" for m in inside if m is not main),
                "countries": ";".join(countries_in(sentence)),
                "themes": ";".join(themes_in(sentence)),
                "curated_events": ";".join(curated),
            }
        )
    return rows


class CandidatesFileError(ValueError):
    """The candidates file cannot be used: a locale key and its values say why."""

    def __init__(self, key: str, **values):
        self.key, self.values = key, values
        super().__init__(t(key, "en", **values))

    def text(self, lang: str) -> str:
        return t(self.key, lang, **self.values)


def read_kept_rows(path: Path, source_id: str) -> list[dict]:
    """The rows of other sources in an existing candidates file (none when it does not exist).

    A file this program did not write (another header, not UTF-8, not CSV, a folder) is never
    overwritten: CandidatesFileError says why."""
    if not path.exists():
        return []
    if path.is_dir():
        raise CandidatesFileError("export_out_is_folder")
    try:
        with open(path, encoding="utf-8", newline="") as handle:
            reader = csv.DictReader(handle)
            header = tuple(reader.fieldnames or ())
            rows = list(reader)
    except UnicodeDecodeError as exc:
        raise CandidatesFileError("candidates_not_utf8", byte=exc.start) from None
    except csv.Error as exc:
        raise CandidatesFileError("candidates_not_csv", reason=exc) from None
    if header != tuple(CANDIDATE_COLUMNS):
        raise CandidatesFileError("candidates_foreign")
    return [row for row in rows if row.get("source") != source_id]


def write_candidates(rows: list[dict], source_id: str, path: Path = CANDIDATES_CSV) -> None:
    """Replace this source's rows in `path`, keep the others; write atomically (mode 0644)."""
    kept = read_kept_rows(path, source_id)
    buffer = io.StringIO(newline="")
    writer = csv.DictWriter(buffer, fieldnames=CANDIDATE_COLUMNS, extrasaction="ignore")
    writer.writeheader()
    writer.writerows(kept + rows)
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        write_file_atomically(path, buffer.getvalue().encode("utf-8"))
    except OSError as exc:
        raise CandidatesFileError("candidates_cannot_write", reason=exc.strerror or exc) from None
