"""Hide the answer while the class guesses: every date expression in a text becomes "▢▢▢".

German text (titles, summaries, quotes, source lines) is searched with the project's own
extractor, `events.extract.find_dates`, so masking knows exactly the expressions extraction
knows. Relative expressions ("Drei Tage nach dem Absturz") are only found after the expression
they refer to, so a quote is masked within its whole article (`mask_quote`). The English titles
and summaries are not German: there the extractor's spans are joined by those of `dateparser`'s
English search (a library, not a word list of ours). English words that only narrow a date
("the end of", "early", "autumn") are masked with it, as the German extractor masks "Ende" and
"Herbst": `_EN_NARROWING` is the one short English word list here.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from datetime import date, datetime
from functools import cache, lru_cache

import pandas as pd

from events.extract import find_dates
from events.model.fuzzy_dates import date_bounds

PLACEHOLDER = "▢▢▢"

Span = tuple[int, int]


def publication_day(value: str) -> date:
    """The publication day of an EDTF `published` value: the latest day it allows
    ("2025-07~" gives 2025-07-31), as the extractor's command line reads it."""
    bounds = date_bounds(value)
    return bounds.end or bounds.start


def event_publication_days(evidence: pd.DataFrame, sources: pd.DataFrame) -> dict[str, date]:
    """Event id → publication day of the first source quoted for it (events without evidence,
    dated from outside knowledge, are missing)."""
    published = {
        source: publication_day(value)
        for source, value in zip(sources["id"], sources["published"], strict=True)
    }
    days: dict[str, date] = {}
    for event_id, source in zip(evidence["event_id"], evidence["source"], strict=True):
        if source in published:
            days.setdefault(event_id, published[source])
    return days


def _merge(spans: Iterable[Span]) -> list[Span]:
    merged: list[Span] = []
    for start, end in sorted(spans):
        if merged and start <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(end, merged[-1][1]))
        else:
            merged.append((start, end))
    return merged


@lru_cache(maxsize=2048)
def _english_spans(text: str, published: date) -> tuple[Span, ...]:
    from dateparser.search import search_dates  # imported on first use: it loads slowly

    base = datetime(published.year, published.month, published.day)
    found = search_dates(text, languages=["en"], settings={"RELATIVE_BASE": base}) or []
    spans, cursor = [], 0
    for phrase, _ in found:  # dateparser gives phrases in text order, without offsets
        start = text.find(phrase, cursor)
        if start < 0:
            start = text.find(phrase)
        if start >= 0:
            cursor = start + len(phrase)
            span = _trimmed(text, start, cursor)
            if span:
                spans.append(span)
    return tuple(spans)


@cache
def _english_names() -> frozenset[str]:
    """CLDR (babel) month and weekday names of English, lower-cased."""
    from babel import Locale

    locale = Locale("en")
    names = set()
    for table in (locale.months["format"], locale.days["format"]):
        for width in ("wide", "abbreviated"):
            names.update(name.lower() for name in table[width].values())
    return frozenset(names)


_TOKEN = re.compile(r"[^\s,;:()]+")
_NUMBER = re.compile(r"^\d+$")


def _trimmed(text: str, start: int, end: int) -> Span | None:
    """A dateparser phrase cut to its first and last token with a digit or a month or day name
    ("of December 2024 an" gives "December 2024"); a bare number that is no plausible year
    ("flight 8243") is no date: None. Phrases without such tokens ("yesterday") stay whole."""
    phrase = text[start:end]
    if _NUMBER.match(phrase.strip()) and not 1000 <= int(phrase.strip()) <= 2100:
        return None
    tokens = [
        m
        for m in _TOKEN.finditer(phrase)
        if any(c.isdigit() for c in m.group()) or m.group().strip(".").lower() in _english_names()
    ]
    if not tokens:
        return (start, end)
    return (start + tokens[0].start(), start + tokens[-1].end())


@cache
def _english_month_pattern() -> re.Pattern:
    """English month names from CLDR (babel) with the day numbers around them: `29 and 30 June`."""
    from babel import Locale

    months = Locale("en").months["format"]
    names = sorted(
        {*months["wide"].values(), *months["abbreviated"].values()}, key=len, reverse=True
    )
    day = r"\d{1,2}(?:st|nd|rd|th)?"
    days_before = rf"(?:{day}(?:\s*(?:,|and|to|–|-)\s*{day})*\s+(?:of\s+)?)?"
    return re.compile(
        rf"\b{days_before}(?:{'|'.join(names)})\b\.?(?:\s+{day}\b)?(?:,?\s+\d{{4}}\b)?"
    )


def _english_month_spans(text: str) -> list[Span]:
    return [match.span() for match in _english_month_pattern().finditer(text)]


# words in front of an English date that say which part of it: masked with the date, so "In
# autumn 2023" gives "In ▢▢▢" (as "Im Herbst 2023" gives "Im ▢▢▢"), not a season to guess from
_EN_NARROWING = re.compile(
    r"(?:\b(?:(?:the\s+)?(?:end|beginning|start|middle|turn|first\s+half|second\s+half)\s+of"
    r"|(?:the\s+)?(?:spring|summer|autumn|fall|winter)(?:\s+of)?"
    r"|early|mid|late)[\s-]+)+$",
    re.IGNORECASE,
)


def _with_narrowing(text: str, spans: list[Span]) -> list[Span]:
    """English spans widened to the narrowing words right before them."""
    widened = []
    for start, end in spans:
        match = _EN_NARROWING.search(text, max(0, start - 40), start)
        widened.append((match.start() if match else start, end))
    return widened


def date_spans(
    text: str, published: date | datetime, *, lang: str = "de", include_vague: bool = False
) -> list[Span]:
    """Character spans (end exclusive, merged, in text order) of the date expressions in `text`."""
    if isinstance(published, datetime):
        published = published.date()
    spans = [(m.start, m.end) for m in find_dates(text, published, include_vague=include_vague)]
    if lang == "en":
        spans += _english_spans(text, published)
        spans += _english_month_spans(text)
        spans = _with_narrowing(text, _merge(spans))
    return _merge(spans)


@lru_cache(maxsize=64)
def _article_spans(article: str, published: date, include_vague: bool) -> tuple[Span, ...]:
    return tuple(
        (m.start, m.end) for m in find_dates(article, published, include_vague=include_vague)
    )


def _replace(text: str, spans: Iterable[Span], placeholder: str) -> str:
    parts, cursor = [], 0
    for start, end in spans:
        parts += [text[cursor:start], placeholder]
        cursor = end
    parts.append(text[cursor:])
    return "".join(parts)


def mask_dates(
    text: str,
    published: date | datetime,
    *,
    lang: str = "de",
    placeholder: str = PLACEHOLDER,
    include_vague: bool = False,
) -> str:
    """`text` with every date expression replaced by `placeholder`: "Krieg um Luhansk und
    Donezk seit 2014" gives "Krieg um Luhansk und Donezk seit ▢▢▢". Vague words ("nun",
    "gleichzeitig") stay unless `include_vague`, as they give no date away."""
    if not text:
        return text
    spans = date_spans(text, published, lang=lang, include_vague=include_vague)
    return _replace(text, spans, placeholder)


def mask_quote(
    quote: str,
    article: str,
    published: date | datetime,
    *,
    placeholder: str = PLACEHOLDER,
    include_vague: bool = False,
) -> str:
    """A quote masked as part of its article, so that expressions relative to an earlier one
    ("Wenige Wochen nach der Operation") are found too; a quote not in `article` is masked alone."""
    offset = article.find(quote) if quote else -1
    if offset < 0:
        return mask_dates(quote, published, placeholder=placeholder, include_vague=include_vague)
    if isinstance(published, datetime):
        published = published.date()
    end = offset + len(quote)
    spans = [
        (max(start, offset) - offset, min(stop, end) - offset)
        for start, stop in _article_spans(article, published, include_vague)
        if start < end and stop > offset
    ]
    own = [(m.start, m.end) for m in find_dates(quote, published, include_vague=include_vague)]
    return _replace(quote, _merge([*spans, *own]), placeholder)
