"""The Excel-friendly CSV of the filtered events with their evidence, safe against formulas.

Every cell goes through `defusedcsv`, which prefixes a `'` to values starting with `=`, `+`, `-`,
`@`, `|` or `%` (numbers such as `-5` stay numbers). Tab and carriage return (OWASP's other two
formula triggers, which defusedcsv leaves alone) get the same prefix here. UTF-8 with BOM, so
Excel shows umlauts; headers in the UI language.
"""

import io

from defusedcsv import csv as defused_csv

from events.exchange.context import (
    ExportContext,
    ExportFile,
    clean_text,
    country_list,
    exporter,
    file_stem,
    header_lines,
    source_line,
    summary_of,
    theme_list,
    title_of,
)
from events.locale import t
from events.model.fuzzy_dates import describe_date

EXTRA_TRIGGERS = ("\t", "\r", "\n")
DEFUSED_TRIGGERS = ("=", "+", "-", "@", "|", "%", *EXTRA_TRIGGERS)
COLUMN_KEYS = (
    "export_col_id",
    "export_col_date",
    "export_col_date_words",
    "export_col_date_text",
    "export_col_basis",
    "export_text_date",
    "export_date_source",
    "export_col_title",
    "export_col_summary",
    "export_col_countries",
    "export_col_actors",
    "export_col_themes",
    "export_col_importance",
    "export_col_source",
    "export_col_published",
    "export_col_quote",
    "export_col_quote_date",
)


def _guard_extra(value):
    if isinstance(value, str) and value.startswith(EXTRA_TRIGGERS):
        return "'" + value
    return value


def defused_rows(handle, rows) -> None:
    """Write `rows` as CSV to `handle` with every formula trigger neutralised."""
    writer = defused_csv.writer(handle)
    writer.writerows([_guard_extra(cell) for cell in row] for row in rows)


def undefuse(value: str) -> str:
    """Undo the neutralising prefix (what a reader of our own CSV needs for a round trip)."""
    if len(value) < 2 or value[0] != "'":
        return value
    rest = value[1:]
    if rest[0] in EXTRA_TRIGGERS:
        return rest
    unpiped = rest.replace("\\|", "|")  # defusedcsv escapes | in the values it prefixes
    return unpiped if unpiped[0] in DEFUSED_TRIGGERS else value


def evidence_table(ctx: ExportContext) -> list[list]:
    """One row per event and evidence sentence (an event without evidence: one row)."""
    lang = ctx.lang
    rows = []
    for _, event in ctx.events.iterrows():
        basis = t(f"basis_{event['date_basis']}", lang) if "date_basis" in event else ""
        head = [
            event["id"],
            event["date"],
            describe_date(event["date"], lang),
            clean_text(event["date_text"]),
            basis,
            clean_text(event.get("text_date", "")),
            clean_text(event.get("date_source", "")),
            title_of(event, lang),
            summary_of(event, lang),
            country_list(event["countries"], lang),
            "; ".join(clean_text(actor) for actor in event["actors"]),
            theme_list(event["themes"], lang),
            int(event["importance"]),
        ]
        evidence = ctx.evidence_of(event["id"])
        if evidence.empty:
            rows.append([*head, "", "", "", ""])
        for _, item in evidence.iterrows():
            source = ctx.source(item["source"])
            published = (
                describe_date(source["published"], lang)
                if source is not None and source.get("published")
                else ""
            )
            rows.append(
                [
                    *head,
                    source_line(source, lang) if source is not None else clean_text(item["source"]),
                    published,
                    clean_text(item["quote"]),
                    clean_text(item["date_text"]),
                ]
            )
    return rows


@exporter
def csv_file(ctx: ExportContext) -> ExportFile:
    """The filtered events with their evidence as CSV: three lines naming filters, export date
    and the quotes' licence, an empty line, then the table."""
    buffer = io.StringIO(newline="")
    meta = [[line] for line in header_lines(ctx)]
    header = [t(key, ctx.lang) for key in COLUMN_KEYS]
    defused_rows(buffer, [*meta, [], header, *evidence_table(ctx)])
    data = buffer.getvalue().encode("utf-8-sig")
    return ExportFile(
        data, f"{file_stem(ctx, 'ereignisse' if ctx.lang == 'de' else 'events')}.csv", "text/csv"
    )
