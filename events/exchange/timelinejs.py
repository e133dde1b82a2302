"""Knight Lab's TimelineJS, both ways: its JSON format and its spreadsheet CSV.

TimelineJS has no uncertain dates. An export puts the date in words ("Herbst 2024") into the
display date, the widest interval the EDTF value allows into start and end, and the EDTF value
itself ("EDTF: 2024-23") and the sources into the slide text, so nothing is lost. An import reads
that marker back; without it, the display date is mapped back to a fuzzy EDTF value where it
can be (our own wording exactly, other German wording through the extractor), else the numeric
date fields are used at the precision they were given.

TimelineJS renders headline and text as HTML: every data value is HTML-escaped on export, and an
import turns the HTML back into plain text (tags dropped, entities decoded).
"""

import csv
import html
import io
import json
import re
from datetime import date
from html.parser import HTMLParser

import pandas as pd

from events.exchange.context import (
    ExportContext,
    ExportFile,
    clean_text,
    date_provenance,
    event_source_lines,
    file_stem,
    header_lines,
    make_context,
    summary_of,
    title_of,
)
from events.exchange.safe_csv import defused_rows, undefuse
from events.locale import t
from events.model.calendar import month_end
from events.model.fuzzy_dates import date_bounds, describe_date, is_valid_edtf
from events.model.themes import THEMES, theme_label
from events.queries.filters import FilterState

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
EDTF_MARKER = re.compile(r"EDTF:\s*([^\s<]+)")
MAX_IMPORT_BYTES = 5_000_000
MAX_SLIDES = 5000


class TimelineImportError(ValueError):
    """A TimelineJS file that cannot be read: a locale key and its values name what is wrong
    (`str()` gives the English text)."""

    def __init__(self, key: str, **values):
        self.key, self.values = key, values
        super().__init__(t(key, "en", **values))

    def text(self, lang: str) -> str:
        return t(self.key, lang, **self.values)


# --- export -----------------------------------------------------------------------------------


def _date_object(day: date) -> dict:
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


def timelinejs_json_file(
    events: pd.DataFrame,
    evidence: pd.DataFrame,
    sources: pd.DataFrame,
    filters: FilterState,
    lang: str,
    **options,
) -> ExportFile:
    """The filtered events as a TimelineJS JSON file."""
    ctx = make_context(events, evidence, sources, filters, lang, **options)
    data = json.dumps(timeline_dict(ctx), ensure_ascii=False, indent=1).encode("utf-8")
    return ExportFile(data, f"{file_stem(ctx, 'timelinejs')}.json", "application/json")


def _spreadsheet_row(slide: dict, kind: str = "") -> list:
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


def timelinejs_csv_file(
    events: pd.DataFrame,
    evidence: pd.DataFrame,
    sources: pd.DataFrame,
    filters: FilterState,
    lang: str,
    **options,
) -> ExportFile:
    """The filtered events as a TimelineJS spreadsheet (CSV with TimelineJS's own columns;
    cells that a spreadsheet would run as a formula are neutralised)."""
    ctx = make_context(events, evidence, sources, filters, lang, **options)
    timeline = timeline_dict(ctx)
    rows = [_spreadsheet_row(timeline["title"], "title")]
    rows += [_spreadsheet_row(slide) for slide in timeline["events"]]
    buffer = io.StringIO(newline="")
    defused_rows(buffer, [list(SPREADSHEET_COLUMNS), *rows])
    data = buffer.getvalue().encode("utf-8")
    return ExportFile(data, f"{file_stem(ctx, 'timelinejs')}.csv", "text/csv")


# --- import -----------------------------------------------------------------------------------


class _PlainText(HTMLParser):
    """HTML to plain text: block ends become line breaks, entities are decoded, tags dropped."""

    BLOCKS = {"p", "div", "blockquote", "li", "h1", "h2", "h3", "h4", "h5", "h6", "tr"}

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.skip = 0

    def handle_starttag(self, tag, attrs):
        if tag in ("script", "style"):
            self.skip += 1
        elif tag == "br":
            self.parts.append("\n")

    def handle_endtag(self, tag):
        if tag in ("script", "style"):
            self.skip = max(0, self.skip - 1)
        elif tag in self.BLOCKS:
            self.parts.append("\n")

    def handle_data(self, data):
        if not self.skip:
            self.parts.append(data)


def plain_text(markup: str) -> str:
    """TimelineJS HTML as plain text: one paragraph per line, spaces collapsed."""
    parser = _PlainText()
    parser.feed(markup or "")
    parser.close()
    lines = (" ".join(line.split()) for line in "".join(parser.parts).split("\n"))
    return clean_text("\n".join(line for line in lines if line))


def _number(value) -> int | None:
    if value is None:
        return None
    text = re.sub(r"[\s,]+", "", str(value))
    if not text:
        return None
    try:
        return int(text)
    except ValueError:
        return int(float(text)) if re.fullmatch(r"-?\d+\.0*", text) else None


def _field_date(obj: dict | None) -> tuple[str, date, date] | None:
    """A TimelineJS date object as (EDTF at its precision, first day, last day)."""
    if not obj:
        return None
    year, month, day = (_number(obj.get(key)) for key in ("year", "month", "day"))
    if year is None or not 1 <= year <= 9999:
        return None
    try:
        if month and day:
            first = date(year, month, day)
            return first.isoformat(), first, first
        if month:
            return f"{year:04d}-{month:02d}", date(year, month, 1), month_end(year, month)
    except ValueError:
        return None
    return f"{year:04d}", date(year, 1, 1), date(year, 12, 31)


def _forms(day: date) -> list[str]:
    """EDTF values of every precision that contain `day`: day, month, season, quarter, year,
    decade."""
    year = day.year
    forms = [day.isoformat(), f"{year:04d}-{day.month:02d}", f"{year:04d}", f"{year // 10:03d}X"]
    return forms + [f"{year:04d}-{code}" for code in (21, 22, 23, 24, 33, 34, 35, 36)]


PLAIN = re.compile(r"^\d{4}(?:-(?:0[1-9]|1[0-2])(?:-\d{2})?)?$")  # day, month or year
SUFFIXES = ("", "~", "?", "%")


def _squash(text: str) -> str:
    return " ".join(text.replace("\u2009", " ").replace("\xa0", " ").split()).casefold()


def _worded(value: str, wanted: str) -> bool:
    return any(_squash(describe_date(value, lang)) == wanted for lang in ("de", "en"))


def _candidate_cores(first: date, last: date, wanted: str) -> list[str]:
    """EDTF values (without ~ ? %) whose span is exactly [first, last], or open from `first`.

    Intervals with a season or quarter side are parsed by the (slow) edtf library: they are
    only tried when their two sides, worded, occur in the display date."""
    starts = [v for v in _forms(first) if is_valid_edtf(v) and date_bounds(v).start == first]
    ends = [v for v in _forms(last) if is_valid_edtf(v) and date_bounds(v).end == last]
    cores = [v for v in starts if date_bounds(v).end == last]
    for a in starts:
        for b in ends:
            if a == b:
                continue
            plain = PLAIN.match(a) and PLAIN.match(b)
            sides = (
                _squash(f"{describe_date(a, lang)} – {describe_date(b, lang)}")
                for lang in ("de", "en")
            )
            if plain or any(side in wanted for side in sides):
                cores.append(f"{a}/{b}")
    for a in starts:
        if PLAIN.match(a) or any(
            _squash(describe_date(a, lang)) in wanted for lang in ("de", "en")
        ):
            cores.append(f"{a}/..")
    return list(dict.fromkeys(cores))


def edtf_from_display(display: str, first: date, last: date) -> str | None:
    """The EDTF value that `describe_date` words as `display` (de or en) and whose span is
    [first, last] (open intervals: starting at `first`); None when there is none."""
    wanted = _squash(display)
    for core in _candidate_cores(first, last, wanted):
        for value in (core + suffix for suffix in SUFFIXES):
            if is_valid_edtf(value) and _worded(value, wanted):
                return value
    return None


def edtf_from_words(display: str, reference: date) -> str | None:
    """A German date in words ("Herbst 2024", "Anfang 2025") through the extractor; None unless
    one firm date covers most of the text."""
    from events.extract import find_dates  # the extractor's tables load on first use

    text = display.strip()
    if not text:
        return None
    mentions = [m for m in find_dates(text, reference) if not m.vague]
    if len(mentions) != 1 or len(mentions[0].text) < 0.6 * len(text):
        return None
    return mentions[0].edtf if is_valid_edtf(mentions[0].edtf) else None


def slide_edtf(start: dict | None, end: dict | None, display: str, text: str) -> tuple[str, str]:
    """(EDTF value, how it was found: 'edtf', 'display', 'words', 'fields' or '') of a slide."""
    if (marker := EDTF_MARKER.search(text)) and is_valid_edtf(marker[1]):
        return marker[1], "edtf"
    first_field, last_field = _field_date(start), _field_date(end)
    if first_field:
        first = first_field[1]
        last = last_field[2] if last_field else first_field[2]
        if display and last >= first and (value := edtf_from_display(display, first, last)):
            return value, "display"
    if display:
        reference = last_field[2] if last_field else first_field[2] if first_field else date.today()
        value = edtf_from_words(display, reference)
        if value and (
            not first_field or _inside(value, first_field[1], (last_field or first_field)[2])
        ):
            return value, "words"
    if not first_field:
        return "", ""
    if last_field and last_field[0] != first_field[0]:
        value = f"{first_field[0]}/{last_field[0]}"
        return (value, "fields") if is_valid_edtf(value) else (first_field[0], "fields")
    return first_field[0], "fields"


def _inside(value: str, first: date, last: date) -> bool:
    bounds = date_bounds(value)
    return bounds.start >= first and (bounds.end is None or bounds.end <= last)


def _imported_slide(number: int, slide: dict) -> dict:
    text_obj = slide.get("text") or {}
    headline = plain_text(str(text_obj.get("headline") or ""))
    text = plain_text(str(text_obj.get("text") or ""))
    start = slide.get("start_date") if isinstance(slide.get("start_date"), dict) else None
    end = slide.get("end_date") if isinstance(slide.get("end_date"), dict) else None
    display = clean_text(
        slide.get("display_date") or (start or {}).get("display_date") or ""
    ).strip()
    value, how = slide_edtf(start, end, display, text)
    paragraphs = text.split("\n")
    return {
        "number": number,
        "id": clean_text(slide.get("unique_id") or ""),
        "title": headline,
        "summary": paragraphs[0] if paragraphs and paragraphs[0] else "",
        "text": text,
        "display_date": display,
        "date": value,
        "date_from": how,
        "group": clean_text(slide.get("group") or ""),
    }


def _slides_from_json(data: bytes) -> list[dict]:
    try:
        timeline = json.loads(data.decode("utf-8-sig"))
    except UnicodeDecodeError as exc:
        raise TimelineImportError("import_not_utf8", byte=exc.start) from None
    except json.JSONDecodeError as exc:
        raise TimelineImportError("import_not_json", line=exc.lineno, reason=exc.msg) from None
    if not isinstance(timeline, dict) or not isinstance(timeline.get("events"), list):
        raise TimelineImportError("import_no_events")
    return [slide for slide in timeline["events"] if isinstance(slide, dict)]


def _spreadsheet_slide(row: dict) -> dict:
    def date_obj(prefix: str) -> dict:
        return {key.lower(): row.get(f"{prefix}{key}", "") for key in ("Year", "Month", "Day")}

    return {
        "start_date": date_obj(""),
        "end_date": date_obj("End "),
        "display_date": row.get("Display Date", ""),
        "text": {"headline": row.get("Headline", ""), "text": row.get("Text", "")},
        "group": row.get("Group", ""),
        "type": (row.get("Type") or "").strip().lower(),
    }


def _slides_from_csv(data: bytes) -> list[dict]:
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise TimelineImportError("import_not_utf8", byte=exc.start) from None
    try:
        rows = list(csv.reader(io.StringIO(text, newline=""), strict=True))
    except csv.Error as exc:
        raise TimelineImportError("import_not_csv", reason=exc) from None
    if not rows:
        raise TimelineImportError("import_empty")
    header = [undefuse(cell).strip() for cell in rows[0]]
    missing = [c for c in ("Year", "Headline", "Text", "Display Date") if c not in header]
    if missing:
        raise TimelineImportError("import_no_columns", columns=", ".join(missing))
    slides = []
    for cells in rows[1:]:
        row = dict(zip(header, (undefuse(cell) for cell in cells), strict=False))
        slide = _spreadsheet_slide(row)
        if slide["type"] in ("title", "era") or not "".join(cells).strip():
            continue
        slides.append(slide)
    return slides


def read_timelinejs(data: bytes) -> list[dict]:
    """The slides of a TimelineJS JSON file or spreadsheet CSV as plain-text records (title,
    summary, text, display date, EDTF date and how it was found, group); the title slide and
    eras are left out. Raises `TimelineImportError` with a readable reason."""
    if len(data) > MAX_IMPORT_BYTES:
        raise TimelineImportError("import_too_big", mb=MAX_IMPORT_BYTES // 1_000_000)
    head = data.lstrip(b"\xef\xbb\xbf \t\r\n")[:1]
    slides = _slides_from_json(data) if head in (b"{", b"[") else _slides_from_csv(data)
    if len(slides) > MAX_SLIDES:
        raise TimelineImportError("import_too_many", n=MAX_SLIDES)
    return [_imported_slide(number, slide) for number, slide in enumerate(slides, start=1)]


def theme_of_group(group: str) -> str:
    """The theme id a TimelineJS group names (its id or its label in either language), or ''."""
    wanted = group.strip().casefold()
    for theme in THEMES:
        if wanted in (
            theme,
            theme_label(theme, "de").casefold(),
            theme_label(theme, "en").casefold(),
        ):
            return theme
    return ""


def candidate_rows(
    slides: list[dict], source_id: str, known_ids: frozenset[str] | set[str] = frozenset()
) -> list[dict]:
    """Imported slides as rows of the candidates file (the columns `python -m events candidates`
    writes): the slide's title and text as the sentence, its display date as the date as written,
    its group as a theme where it names one, its id where it is a curated event's."""
    rows = []
    for slide in slides:
        sentence = "\n".join(part for part in (slide["title"], slide["text"]) if part)
        rows.append(
            {
                "source": source_id,
                "sentence_no": slide["number"],
                "start": "",
                "end": "",
                "sentence": sentence,
                "date_text": slide["display_date"],
                "date": slide["date"],
                "date_basis": "text"
                if slide["date_from"] in ("edtf", "display", "words")
                else "knowledge",
                "anchor_text": "",
                "other_dates": "",
                "countries": "",
                "themes": theme_of_group(slide["group"]),
                "curated_events": slide["id"] if slide["id"] in known_ids else "",
            }
        )
    return rows
