"""What every export says besides the events: filter line, export date, licence, intro, sources."""

import functools
import re
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from typing import NamedTuple

import pandas as pd
from babel.dates import format_date

from events.locale import normalize_lang, t
from events.model.countries import country_name
from events.model.fuzzy_dates import BABEL_LOCALES, describe_date, is_valid_edtf
from events.model.themes import theme_label
from events.queries.filters import FilterState
from events.store.intro import load_intro

# The story introduction kept as data beside the seeds (issue 10); absent: the sources' titles.
# Bidi overrides/isolates and control characters (tab and newline stay): never shown from data.
UNSAFE_CHARS = re.compile(
    r"[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f\u202a-\u202e\u2066-\u2069]"
)


class ExportFile(NamedTuple):
    """A finished export: the bytes, a file name to offer and its MIME type."""

    data: bytes
    filename: str
    mime: str


@dataclass(frozen=True)
class ExportContext:
    """The filtered events in date order with everything an export prints around them."""

    events: pd.DataFrame
    evidence: pd.DataFrame
    sources: pd.DataFrame
    filters: FilterState
    lang: str
    total: int | None
    exported: date
    intro: str

    def evidence_of(self, event_id: str) -> pd.DataFrame:
        return self.evidence[self.evidence["event_id"] == event_id]

    def source(self, source_id: str) -> pd.Series | None:
        rows = self.sources[self.sources["id"] == source_id]
        return rows.iloc[0] if len(rows) else None


def clean_text(value: object) -> str:
    """A data value as plain text: None/NaN as '', bidi overrides and control characters gone."""
    if value is None or (isinstance(value, float) and pd.isna(value)):
        return ""
    return UNSAFE_CHARS.sub("", str(value))


def make_context(
    events: pd.DataFrame,
    evidence: pd.DataFrame,
    sources: pd.DataFrame,
    filters: FilterState,
    lang: str,
    *,
    total: int | None = None,
    exported: date | None = None,
    intro: str | None = None,
) -> ExportContext:
    """Bundle the inputs of an export; events sorted by date, evidence cut to those events."""
    lang = normalize_lang(lang)
    ordered = events.sort_values(["start", "id"], kind="stable").reset_index(drop=True)
    own = evidence[evidence["event_id"].isin(set(ordered["id"]))] if len(evidence) else evidence
    return ExportContext(
        events=ordered,
        evidence=own.reset_index(drop=True),
        sources=sources.reset_index(drop=True),
        filters=filters,
        lang=lang,
        total=total,
        exported=exported or date.today(),
        intro=intro if intro is not None else story_intro(sources, lang),
    )


def exporter(build: Callable[[ExportContext], "ExportFile"]) -> Callable[..., "ExportFile"]:
    """Turn `build(ctx)` into an exporter taking (events, evidence, sources, filters, lang,
    **options), the one signature every export has."""

    @functools.wraps(build)
    def export(
        events: pd.DataFrame,
        evidence: pd.DataFrame,
        sources: pd.DataFrame,
        filters: FilterState,
        lang: str,
        **options,
    ) -> "ExportFile":
        return build(make_context(events, evidence, sources, filters, lang, **options))

    return export


def story_intro(sources: pd.DataFrame, lang: str) -> str:
    """The story's introduction (seeds/intro.toml), else a line naming the articles the timeline
    is built from."""
    if intro := load_intro(lang):
        return clean_text(intro.text)
    titles = [f"„{clean_text(title)}“" for title in sources.get("title", [])]
    if not titles:
        return ""
    joined = (
        titles[0]
        if len(titles) == 1
        else f"{', '.join(titles[:-1])} {t('export_and', lang)} {titles[-1]}"
    )
    return t("export_intro_sources", lang, titles=joined)


def period_words(value: str, lang: str) -> str:
    """A filter period bound (`YYYY`, `YYYY-MM`, `YYYY-MM-DD`) in words."""
    return describe_date(value, lang) if is_valid_edtf(value) else value


def filter_line(filters: FilterState, lang: str, shown: int, total: int | None = None) -> str:
    """'Filter: Armenien · Diplomatie · ab 2023 · 8 von 43 Ereignissen' in the UI language."""
    parts = []
    if filters.countries:
        parts.append(", ".join(country_name(code, lang) for code in filters.countries))
    if filters.themes:
        parts.append(", ".join(theme_label(theme, lang) for theme in filters.themes))
    if filters.date_from and filters.date_to:
        parts.append(
            f"{period_words(filters.date_from, lang)} – {period_words(filters.date_to, lang)}"
        )
    elif filters.date_from:
        parts.append(t("export_from", lang, date=period_words(filters.date_from, lang)))
    elif filters.date_to:
        parts.append(t("export_to", lang, date=period_words(filters.date_to, lang)))
    if filters.query.strip():
        parts.append(t("export_search", lang, q=clean_text(filters.query.strip())))
    if filters.min_importance > 1:
        level = t(f"importance_{filters.min_importance}", lang)
        parts.append(t("export_importance", lang, level=level))
    if not parts:
        parts.append(t("export_no_filters", lang))
    count = (
        t("count", lang, n=shown, total=total)
        if total is not None
        else t("export_count", lang, n=shown)
    )
    return f"{t('export_filters', lang)}: {' · '.join([*parts, count])}"


def export_date_line(ctx: ExportContext) -> str:
    day = format_date(ctx.exported, format="long", locale=BABEL_LOCALES[ctx.lang])
    return t("export_date", ctx.lang, date=day)


def header_lines(ctx: ExportContext) -> list[str]:
    """The lines every export carries: filters, export date, licence note of the quotes."""
    return [
        filter_line(ctx.filters, ctx.lang, len(ctx.events), ctx.total),
        export_date_line(ctx),
        t("export_licence", ctx.lang),
    ]


def source_line(source: pd.Series, lang: str) -> str:
    """'Title · Author · Outlet · Opinion piece · published about July 2025' as plain text."""
    parts = [clean_text(source.get("title", ""))]
    for column in ("author", "outlet"):
        if clean_text(source.get(column, "")):
            parts.append(clean_text(source[column]))
    if source.get("genre") in ("news", "opinion"):
        parts.append(t(f"genre_{source['genre']}", lang))
    published = clean_text(source.get("published", ""))
    if published and is_valid_edtf(published):
        parts.append(f"{t('published', lang)} {describe_date(published, lang)}")
    return " · ".join(part for part in parts if part)


def event_source_lines(ctx: ExportContext, event_id: str) -> list[str]:
    """One source line per distinct source of an event's evidence, in evidence order."""
    lines = []
    for source_id in dict.fromkeys(ctx.evidence_of(event_id)["source"]):
        source = ctx.source(source_id)
        lines.append(source_line(source, ctx.lang) if source is not None else clean_text(source_id))
    return lines


def date_provenance(event: pd.Series, lang: str) -> list[tuple[str, str]]:
    """(label, text) pairs for the article's own date where the best-known date differs from it,
    and the source of that date (the `text_date` and `date_source` columns, when the table has
    them)."""
    pairs = []
    text_date = clean_text(event.get("text_date", "")).strip()
    if text_date and text_date != event["date"] and is_valid_edtf(text_date):
        words = f"{describe_date(text_date, lang)} (EDTF {text_date})"
        pairs.append((t("export_text_date", lang), words))
    date_source = clean_text(event.get("date_source", "")).strip()
    if date_source:
        pairs.append((t("export_date_source", lang), date_source))
    return pairs


def country_list(codes, lang: str) -> str:
    return ", ".join(country_name(code, lang) for code in codes)


def theme_list(themes, lang: str) -> str:
    return ", ".join(theme_label(theme, lang) for theme in themes)


def title_of(event: pd.Series, lang: str) -> str:
    return clean_text(event[f"title_{lang}"])


def summary_of(event: pd.Series, lang: str) -> str:
    return clean_text(event[f"summary_{lang}"])


def file_stem(ctx: ExportContext, kind: str) -> str:
    """'zeitleiste-2025-07-30-handout' / 'timeline-2025-07-30-handout'."""
    base = "timeline" if ctx.lang == "en" else "zeitleiste"
    return f"{base}-{ctx.exported.isoformat()}-{kind}"
