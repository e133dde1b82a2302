"""Reading a TimelineJS JSON file or spreadsheet CSV back as plain-text slides and candidates."""

import csv
import io
import json
from html.parser import HTMLParser

from events.exchange.context import clean_text
from events.exchange.safe_csv import undefuse
from events.exchange.timelinejs_dates import slide_edtf
from events.locale import t
from events.model.themes import THEMES, theme_label

MAX_IMPORT_BYTES = 5_000_000
MAX_SLIDES = 5000


class TimelineImportError(ValueError):
    """A TimelineJS file that cannot be read: a locale key and its values name what is wrong
    (`str()` gives the English text)."""

    def __init__(self, key: str, **values):
        self.key, self.values = key, values
        super().__init__(t(key, "en", **values))

    def text(self, lang: str) -> str:
        """The reason in `lang`."""
        return t(self.key, lang, **self.values)


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


def _imported_slide(number: int, slide: dict) -> dict:
    """One slide as a plain-text record with its EDTF date and how it was found."""
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
    """The slide objects of a TimelineJS JSON file."""
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
    """One spreadsheet row as a slide object like the JSON format's."""

    def date_obj(prefix: str) -> dict:
        """The date object from the columns starting with `prefix`."""
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
    """The slides of a TimelineJS spreadsheet, title and era rows left out."""
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
