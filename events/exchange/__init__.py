"""Taking the timeline out of the app, and bringing TimelineJS timelines in.

Owns every file format that leaves or enters through a teacher's hands rather than the curated
tables: TimelineJS JSON and spreadsheet CSV (both ways), the Excel-friendly CSV of events with
their evidence, the printable PDF handout and worksheet, and the one-file offline HTML timeline;
plus `python -m events export` and `python -m events import-timelinejs`. Pure functions from
the filtered events to bytes; pages only offer the buttons.

Each exporter takes the filtered events DataFrame (as `events.store.tables.load_dataset` types
it), the evidence and sources tables, the `FilterState` and the UI language, and returns an
`ExportFile` (bytes, file name, MIME type). `exporters()` maps the CLI's format names to them
(imported on first use, so `python -m events check` does not load fpdf2 and plotly).
"""

import importlib

_EXPORTS = {
    "ExportFile": "events.exchange.context",
    "csv_file": "events.exchange.safe_csv",
    "handout_pdf_file": "events.exchange.handout",
    "worksheet_pdf_file": "events.exchange.handout",
    "html_file": "events.exchange.webpage",
    "timelinejs_csv_file": "events.exchange.timelinejs",
    "timelinejs_json_file": "events.exchange.timelinejs",
}
FORMATS = {
    "timelinejs-json": "timelinejs_json_file",
    "timelinejs-csv": "timelinejs_csv_file",
    "csv": "csv_file",
    "pdf": "handout_pdf_file",
    "worksheet": "worksheet_pdf_file",
    "html": "html_file",
}


def __getattr__(name: str):
    if name in _EXPORTS:
        return getattr(importlib.import_module(_EXPORTS[name]), name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


def exporters() -> dict:
    """Format name (as the CLI spells it) -> exporter function."""
    return {fmt: __getattr__(function) for fmt, function in FORMATS.items()}


__all__ = ["FORMATS", "exporters", *_EXPORTS]
