"""A temporary copy of the project's tables and a change set built from
tests/data/editor_article.txt (an article written for the tests, not one of the seeds); shared by
the store tests and their child processes."""

import shutil
from pathlib import Path

from events.store.layout import StoreLayout
from events.store.paths import EVENTS_CSV, EVIDENCE_CSV, SOURCES_CSV
from events.store.saving import ChangeSet, NewSource

ARTICLE = Path(__file__).parent / "data" / "editor_article.txt"
SOURCE_ID = "test-washington-2025-08"
SOURCE_FILE = "900_test_washington.txt"
DECLARATION = (
    "Armenien und Aserbaidschan haben am 8. August 2025 im Weißen Haus eine gemeinsame "
    "Erklärung unterzeichnet."
)
TREATY_TEXT = (
    "Im März 2025 teilten die Außenministerien in Eriwan und Baku mit, die Verhandlungen über "
    "den Vertragsentwurf seien abgeschlossen."
)


def copy_project_tables(root: Path) -> StoreLayout:
    """Copy events.csv, evidence.csv and the seeds folder below `root`; the layout there."""
    layout = StoreLayout.under(root)
    layout.events_csv.parent.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(EVENTS_CSV, layout.events_csv)
    shutil.copyfile(EVIDENCE_CSV, layout.evidence_csv)
    shutil.copytree(SOURCES_CSV.parent, layout.seeds_dir)
    return layout


def source_row(**overrides) -> dict:
    row = {
        "id": SOURCE_ID,
        "file": SOURCE_FILE,
        "title": "Frieden in Sichtweite? Armenien und Aserbaidschan in Washington",
        "outlet": "Testartikel (für die Tests geschrieben)",
        "author": "",
        "genre": "news",
        "published": "2025-08-09",
        "language": "de",
        "url": "",
        "notes": "",
    }
    return {**row, **overrides}


def event_row(event_id: str = "test-washington-declaration", **overrides) -> dict:
    row = {
        "id": event_id,
        "date": "2025-08-08",
        "date_text": "8. August 2025",
        "date_basis": "text",
        "text_date": "2025-08-08",
        "date_source": "",
        "title_de": "Gemeinsame Erklärung in Washington",
        "title_en": "Joint declaration in Washington",
        "summary_de": "Armenien und Aserbaidschan unterzeichnen im Weißen Haus eine Erklärung.",
        "summary_en": "Armenia and Azerbaijan sign a declaration at the White House.",
        "countries": ["ARM", "AZE", "USA"],
        "actors": "",
        "themes": "diplomacy",
        "importance": 2,
    }
    return {**row, **overrides}


def treaty_event_row() -> dict:
    return event_row(
        "test-treaty-text-agreed",
        date="2025-03",
        date_text="März 2025",
        text_date="2025-03",
        title_de="Vertragstext fertig verhandelt",
        title_en="Treaty text agreed",
        summary_de="Beide Außenministerien melden das Ende der Verhandlungen.",
        summary_en="Both foreign ministries announce the end of the negotiations.",
        countries="ARM;AZE",
    )


def evidence_row(event_id: str, quote: str, date_text: str) -> dict:
    return {"event_id": event_id, "source": SOURCE_ID, "quote": quote, "date_text": date_text}


def article_change(note: str = "") -> ChangeSet:
    """The fixture article with two new events, each with its evidence sentence."""
    return ChangeSet(
        sources=(NewSource(source_row(), ARTICLE.read_text(encoding="utf-8")),),
        new_events=(event_row(), treaty_event_row()),
        new_evidence=(
            evidence_row("test-washington-declaration", DECLARATION, "8. August 2025"),
            evidence_row("test-treaty-text-agreed", TREATY_TEXT, "März 2025"),
        ),
        note=note,
    )


def table_bytes(layout: StoreLayout) -> tuple[bytes | None, ...]:
    """The three tables' bytes (None for a missing file)."""
    paths = (layout.events_csv, layout.evidence_csv, layout.sources_csv)
    return tuple(p.read_bytes() if p.exists() else None for p in paths)
