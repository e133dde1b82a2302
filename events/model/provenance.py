"""Where an event's date comes from, in words a 15-year-old follows (German and English).

Every display (card, story view, classroom slide, hover) shows the same two parts: what the
article says (`date_text`, resolved to `text_date`) and, where the best-known `date` differs,
what other sources add (`date_source`). An outside day is never presented as the article's.
"""

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Literal

from events.locale import t
from events.model.fuzzy_dates import date_bounds, describe_date
from events.model.schema import CORRECTION_MARKER

Origin = Literal["article", "refined", "corrected", "outside"]
ORIGINS: tuple[Origin, ...] = ("article", "refined", "corrected", "outside")
QUOTES = {"de": ("„", "“"), "en": ("“", "”")}


def date_origin(date: str, text_date: str, date_basis: str, date_source: str) -> Origin:
    """How the shown `date` relates to the article's words.

    `article`: the article's words give exactly this date; `refined`: other sources make it more
    precise; `corrected`: the article is wrong (`date_source` starts with the correction marker);
    `outside`: the article gives no date at all (`knowledge`).
    """
    if date_basis == "knowledge" or not text_date:
        return "outside"
    if date == text_date:
        return "article"
    if date_source.startswith(CORRECTION_MARKER):
        return "corrected"
    return "refined"


def outside_phrase(lang: str) -> str:
    """The one phrase that marks facts from other sources in summaries ("Aus anderen Quellen:")."""
    return t("summary_outside", lang)


@dataclass(frozen=True)
class DateStatement:
    """What a display shows about an event's date: the article's part and the outside part."""

    article: str  # what the article says, e.g. 'Im Artikel: „Ende Dezember 2024“.'
    outside: str  # what other sources add (empty when the date is the article's own)
    origin: Origin
    source: str  # the citation from `date_source`, without the correction marker

    @property
    def refined_from_outside(self) -> bool:
        """True when the shown date is not (only) what the article says."""
        return self.origin != "article"

    @property
    def text(self) -> str:
        """Both parts as one line."""
        return " ".join(part for part in (self.article, self.outside) if part)

    @property
    def brief(self) -> str:
        """Both parts without the citation, for a slide or a hover label (the card has it)."""
        outside = self.outside
        if self.source and outside.endswith(")."):
            outside = outside[: outside.rfind(" (")] + "."
        return " ".join(part for part in (self.article, outside) if part)


def _field(event: Mapping, name: str) -> str:
    value = event.get(name, "")
    return value.strip() if isinstance(value, str) else ""


def _article_part(date_text: str, text_date: str, lang: str) -> str:
    if not date_text or not text_date:
        return t("provenance_no_date", lang)
    opening, closing = QUOTES[lang]
    quoted = f"{opening}{date_text}{closing}"
    words = describe_date(text_date, lang)
    if lang == "de" and words.lower() in date_text.lower():
        return t("provenance_article", lang, text=quoted)  # "Im September 2023" says it all
    return t("provenance_article_meaning", lang, text=quoted, words=words)


def date_statement(event: Mapping, lang: str) -> DateStatement:
    """The article's date and, where different, the date from other sources with its citation.

    `event` is a row of events.csv (a dict or a pandas Series) with `date`, `date_text`,
    `date_basis`, `text_date` and `date_source`.
    """
    lang = "en" if lang == "en" else "de"
    date, date_text = _field(event, "date"), _field(event, "date_text")
    basis, text_date = _field(event, "date_basis"), _field(event, "text_date")
    date_source = _field(event, "date_source")
    origin = date_origin(date, text_date, basis, date_source)
    source = date_source.removeprefix(CORRECTION_MARKER).strip()
    article = _article_part(date_text, text_date if origin != "outside" else "", lang)
    if origin == "article":
        return DateStatement(article, "", origin, source)
    words = describe_date(date, lang)
    if origin == "refined":
        exact_day = date_bounds(date).precision == "day"
        key = "provenance_refined_day" if exact_day else "provenance_refined"
    else:
        key = f"provenance_{origin}"
    outside = t(key, lang, words=words)
    if source:
        outside = f"{outside} ({t('provenance_source', lang, source=source)})"
    return DateStatement(article, outside + ".", origin, source)
