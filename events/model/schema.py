"""The schema of the curated tables: one pydantic model per row of each CSV file."""

import re
import unicodedata
from functools import lru_cache
from typing import Annotated, Literal

import pycountry
from pydantic import BaseModel, BeforeValidator, ConfigDict, Field, field_validator, model_validator

from events.model.fuzzy_dates import EdtfError, date_bounds
from events.model.themes import THEMES

EVENT_COLUMNS = (
    "id",
    "date",
    "date_text",
    "date_basis",
    "text_date",
    "date_source",
    "title_de",
    "title_en",
    "summary_de",
    "summary_en",
    "countries",
    "actors",
    "themes",
    "importance",
)
EVIDENCE_COLUMNS = ("event_id", "source", "quote", "date_text")
SOURCE_COLUMNS = (
    "id",
    "file",
    "title",
    "outlet",
    "author",
    "genre",
    "published",
    "language",
    "url",
    "notes",
    "title_en",  # the English UI shows these; the German originals stay in title/outlet/notes
    "outlet_en",
    "notes_en",
)
LIST_FIELDS = ("countries", "actors", "themes")
DATE_BASES = ("text", "text+dct", "text+event", "knowledge")
GENRES = ("news", "opinion")
# `date_source` starts with this when `date` lies outside `text_date`, i.e. the article's own
# words give a wrong date and the curator says so on purpose (see README, "The table format").
CORRECTION_MARKER = "Artikel irrt:"
SLUG = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")


def split_list(value: object) -> list[str]:
    """Split a `;`-separated CSV cell into its stripped, non-empty items."""
    if isinstance(value, str):
        return [item.strip() for item in value.split(";") if item.strip()]
    return list(value) if isinstance(value, list | tuple) else value


@lru_cache(maxsize=512)
def is_country_code(code: str) -> bool:
    """True for an existing ISO 3166-1 alpha-3 code (upper case)."""
    return len(code) == 3 and code.isupper() and pycountry.countries.get(alpha_3=code) is not None


def _edtf_value(value: str) -> str:
    try:
        date_bounds(value)
    except EdtfError as exc:
        raise ValueError(str(exc)) from None
    return value


SemicolonList = Annotated[list[str], BeforeValidator(split_list)]
NonEmpty = Annotated[str, Field(min_length=1)]
TITLE_MAX, SUMMARY_MAX = 120, 1200  # the real table's longest: 68 and 620 characters
Title = Annotated[str, Field(max_length=TITLE_MAX)]
Summary = Annotated[str, Field(max_length=SUMMARY_MAX)]
# Characters that change how text looks without being text: bidi embeddings, overrides and
# isolates (U+202E turns text around on screen) and the invisible direction marks.
BIDI_CONTROLS = frozenset("\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069")


def hidden_characters(text: str) -> list[str]:
    """The control characters (NUL and C0/C1, tab and line breaks included) and bidi controls
    in `text`, as U+XXXX names, in order of first appearance."""
    found = dict.fromkeys(
        f"U+{ord(ch):04X}" for ch in text if ch in BIDI_CONTROLS or unicodedata.category(ch) == "Cc"
    )
    return list(found)


class TableRow(BaseModel):
    """A row of one of the curated tables: no field may hide control or bidi characters."""

    @field_validator("*", mode="before")
    @classmethod
    def _visible_text(cls, value: object) -> object:
        if isinstance(value, str) and (hidden := hidden_characters(value)):
            raise ValueError(f"holds control or bidi characters ({', '.join(hidden)}); remove them")
        return value


class Event(TableRow):
    """One row of events.csv: an event with its fuzzy date, texts in German and English."""

    model_config = ConfigDict(str_strip_whitespace=True, extra="forbid")

    id: NonEmpty
    date: NonEmpty
    date_text: str = ""
    date_basis: Literal["text", "text+dct", "text+event", "knowledge"]
    text_date: str = ""
    date_source: str = ""
    title_de: Annotated[Title, Field(min_length=1)]
    title_en: Title = ""  # may stay empty: the English UI then shows the German text, marked
    summary_de: Annotated[Summary, Field(min_length=1)]
    summary_en: Summary = ""
    countries: SemicolonList = Field(min_length=1)
    actors: SemicolonList = []
    themes: SemicolonList = Field(min_length=1)
    importance: int = Field(ge=1, le=3)

    @field_validator("id")
    @classmethod
    def _slug(cls, value: str) -> str:
        if not SLUG.match(value):
            raise ValueError("must be a slug of lower-case letters, digits and '-'")
        return value

    @field_validator("date")
    @classmethod
    def _edtf(cls, value: str) -> str:
        return _edtf_value(value)

    @field_validator("text_date")
    @classmethod
    def _text_edtf(cls, value: str) -> str:
        return _edtf_value(value) if value else value

    @field_validator("countries")
    @classmethod
    def _countries(cls, value: list[str]) -> list[str]:
        unknown = [code for code in value if not is_country_code(code)]
        if unknown:
            raise ValueError(f"unknown ISO 3166-1 alpha-3 code(s): {', '.join(unknown)}")
        return value

    @field_validator("themes")
    @classmethod
    def _themes(cls, value: list[str]) -> list[str]:
        unknown = [theme for theme in value if theme not in THEMES]
        if unknown:
            raise ValueError(
                f"theme(s) not in the vocabulary: {', '.join(unknown)} "
                f"(allowed: {', '.join(THEMES)})"
            )
        return value

    @model_validator(mode="after")
    def _date_text_needed(self) -> "Event":
        if not self.date_text and self.date_basis != "knowledge":
            raise ValueError("date_text is empty but date_basis is not 'knowledge'")
        return self


class Evidence(TableRow):
    """One row of evidence.csv: the sentence of a source that backs an event."""

    model_config = ConfigDict(str_strip_whitespace=False, extra="forbid")

    event_id: NonEmpty
    source: NonEmpty
    quote: NonEmpty
    date_text: str = ""


class Source(TableRow):
    """One row of seeds/sources.csv: an article and its metadata."""

    model_config = ConfigDict(str_strip_whitespace=True, extra="forbid")

    id: NonEmpty
    file: NonEmpty
    title: NonEmpty
    outlet: str = ""
    author: str = ""
    genre: Literal["news", "opinion"]
    published: NonEmpty
    language: NonEmpty
    url: str = ""
    notes: str = ""
    title_en: str = ""
    outlet_en: str = ""
    notes_en: str = ""

    @field_validator("published")
    @classmethod
    def _edtf(cls, value: str) -> str:
        return _edtf_value(value)
