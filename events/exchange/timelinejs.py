"""Knight Lab's TimelineJS, both ways: its JSON format and its spreadsheet CSV.

TimelineJS has no uncertain dates. An export puts the date in words ("Herbst 2024") into the
display date, the widest interval the EDTF value allows into start and end, and the EDTF value
itself ("EDTF: 2024-23") and the sources into the slide text, so nothing is lost. An import reads
that marker back; without it, the display date is mapped back to a fuzzy EDTF value where it
can be (our own wording exactly, other German wording through the extractor), else the numeric
date fields are used at the precision they were given.

TimelineJS renders headline and text as HTML: every data value is HTML-escaped on export, and an
import turns the HTML back into plain text (tags dropped, entities decoded). This module writes;
`events.exchange.timelinejs_import` reads, with `events.exchange.timelinejs_dates` for the dates.
"""

import html
import io
import json
from datetime import date

import pandas as pd

from events.exchange.context import (
    ExportContext,
    ExportFile,
    clean_text,
    date_provenance,
    event_source_lines,
    exporter,
    file_stem,
    header_lines,
    summary_of,
    title_of,
)
from events.exchange.safe_csv import defused_rows
from events.exchange.timelinejs_dates import edtf_from_display, edtf_from_words, slide_edtf
from events.exchange.timelinejs_import import (
    MAX_IMPORT_BYTES,
    MAX_SLIDES,
    TimelineImportError,
    candidate_rows,
    plain_text,
    read_timelinejs,
    theme_of_group,
)
from events.locale import t
from events.model.fuzzy_dates import describe_date
from events.model.themes import theme_label

__all__ = [
    "MAX_IMPORT_BYTES",
    "MAX_SLIDES",
    "SPREADSHEET_COLUMNS",
    "TimelineImportError",
    "candidate_rows",
    "edtf_from_display",
    "edtf_from_words",
    "plain_text",
    "read_timelinejs",
    "slide_dates",
    "slide_edtf",
    "slide_text_html",
    "theme_of_group",
    "timeline_dict",
    "timelinejs_csv_file",
    "timelinejs_json_file",
    "title_slide",
]

SPREADSHEET_COLUMNS = (
    "Year",
    "Month",
    "Day",
    "Time",
    "End Year",
    "End Month",
    "End Day",
    "End Time",
    "Display Date",
    "Headline",
    "Text",
    "Media",
    "Media Credit",
    "Media Caption",
    "Media Thumbnail",
    "Type",
    "Group",
    "Background",
)


# --- export -----------------------------------------------------------------------------------


def _date_object(day: date) -> dict:
    """A day as a TimelineJS date object."""
    return {"year": day.year, "month": day.month, "day": day.day}


def slide_dates(event: pd.Series, exported: date) -> tuple[dict, dict | None]:
    """Start and end date objects: the widest interval the EDTF value allows; an exact day has
    no end, an open interval ends on the export day."""
    start = event["start"].date()
    if event["precision"] == "day" and not bool(event["approximate"]):
        return _date_object(start), None
    end = event["end"].date() if not pd.isna(event["end"]) else max(exported, start)
    return _date_object(start), _date_object(end)


def _paragraph(text: str) -> str:
    """`text` as one escaped HTML paragraph."""
    return f"<p>{html.escape(text)}</p>"


def slide_text_html(event: pd.Series, ctx: ExportContext) -> str:
    """The slide text: summary, date as written with the EDTF value, sources with quotes."""
    lang = ctx.lang
    parts = [_paragraph(summary_of(event, lang))]
    date_line = f"EDTF: {clean_text(event['date'])}"
    if clean_text(event["date_text"]):
        date_line = (
            f"{t('export_date_text', lang)}: „{clean_text(event['date_text'])}“ · {date_line}"
        )
    parts.append(_paragraph(date_line))
    parts += [_paragraph(f"{label}: {text}") for label, text in date_provenance(event, lang)]
    evidence = ctx.evidence_of(event["id"])
    sources = event_source_lines(ctx, event["id"])
    if sources:
        parts.append(_paragraph(f"{t('export_sources', lang)}: " + " | ".join(sources)))
    for quote in evidence["quote"]:
        parts.append(f'<blockquote lang="de">{html.escape(clean_text(quote))}</blockquote>')
    return "".join(parts)


def title_slide(ctx: ExportContext) -> dict:
    """The title slide: the export's title, intro and header lines."""
    lines = [ctx.intro, *header_lines(ctx)] if ctx.intro else header_lines(ctx)
    return {
        "text": {
            "headline": html.escape(t("export_title", ctx.lang)),
            "text": "".join(_paragraph(line) for line in lines),
        },
        "autolink": False,
    }


def timeline_dict(ctx: ExportContext) -> dict:
    """The TimelineJS JSON object: a title slide and one slide per event."""
    slides = []
    for _, event in ctx.events.iterrows():
        start, end = slide_dates(event, ctx.exported)
        slide = {
            "start_date": start,
            "display_date": describe_date(event["date"], ctx.lang),
            "text": {
                "headline": html.escape(title_of(event, ctx.lang)),
                "text": slide_text_html(event, ctx),
            },
            "group": theme_label(event["themes"][0], ctx.lang) if event["themes"] else "",
            "unique_id": event["id"],
            "autolink": False,
        }
        if end is not None:
            slide["end_date"] = end
        slides.append(slide)
    return {"title": title_slide(ctx), "events": slides}


@exporter
def timelinejs_json_file(ctx: ExportContext) -> ExportFile:
    """The filtered events as a TimelineJS JSON file."""
    data = json.dumps(timeline_dict(ctx), ensure_ascii=False, indent=1).encode("utf-8")
    return ExportFile(data, f"{file_stem(ctx, 'timelinejs')}.json", "application/json")


def _spreadsheet_row(slide: dict, kind: str = "") -> list:
    """One slide as a row of TimelineJS's spreadsheet columns."""
    start = slide.get("start_date") or {}
    end = slide.get("end_date") or {}
    return [
        start.get("year", ""),
        start.get("month", ""),
        start.get("day", ""),
        "",
        end.get("year", ""),
        end.get("month", ""),
        end.get("day", ""),
        "",
        slide.get("display_date", ""),
        slide["text"]["headline"],
        slide["text"]["text"],
        "",
        "",
        "",
        "",
        kind,
        slide.get("group", ""),
        "",
    ]


@exporter
def timelinejs_csv_file(ctx: ExportContext) -> ExportFile:
    """The filtered events as a TimelineJS spreadsheet (CSV with TimelineJS's own columns;
    cells that a spreadsheet would run as a formula are neutralised)."""
    timeline = timeline_dict(ctx)
    rows = [_spreadsheet_row(timeline["title"], "title")]
    rows += [_spreadsheet_row(slide) for slide in timeline["events"]]
    buffer = io.StringIO(newline="")
    defused_rows(buffer, [list(SPREADSHEET_COLUMNS), *rows])
    data = buffer.getvalue().encode("utf-8")
    return ExportFile(data, f"{file_stem(ctx, 'timelinejs')}.csv", "text/csv")
