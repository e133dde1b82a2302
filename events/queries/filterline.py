"""The filter line above the chart: which filters are on and how many events they leave,
e.g. "Gefiltert: Armenien · 2023 – Juli 2025 · 8 von 43 Ereignissen"."""

from events.locale import t
from events.model.fuzzy_dates import describe_date
from events.model.themes import theme_label
from events.queries.filters import FilterState

MAX_QUERY = 40  # a longer search text is cut in the line (the search box shows it whole)


def is_filtered(filters: FilterState) -> bool:
    """True when any filter narrows the table (the empty state selects everything)."""
    return filters != FilterState()


def period_words(date_from: str | None, date_to: str | None, lang: str) -> str:
    """'2023 – Juli 2025', 'ab 2023', 'bis Juli 2025', or '' for no period."""
    if date_from and date_to:
        return f"{describe_date(date_from, lang)} – {describe_date(date_to, lang)}"
    if date_from:
        return t("filterline_from", lang, start=describe_date(date_from, lang))
    if date_to:
        return t("filterline_to", lang, end=describe_date(date_to, lang))
    return ""


def _query_words(query: str, lang: str) -> str:
    query = " ".join(query.split())
    if len(query) > MAX_QUERY:
        query = query[: MAX_QUERY - 1] + "…"
    return t("filterline_query", lang, query=query)


def filter_parts(filters: FilterState, lang: str, country_names: dict[str, str]) -> list[str]:
    """One short text per active filter, in the sidebar's order."""
    parts = []
    if filters.countries:
        parts.append(", ".join(country_names.get(c, c) for c in filters.countries))
    if filters.themes:
        parts.append(", ".join(theme_label(th, lang) for th in filters.themes))
    period = period_words(filters.date_from, filters.date_to, lang)
    if period:
        parts.append(period)
    if filters.query.strip():
        parts.append(_query_words(filters.query, lang))
    if filters.min_importance > 1:
        label = t(f"importance_{filters.min_importance}", lang)
        parts.append(t("filterline_importance", lang, label=label))
    return parts


def filter_line(
    filters: FilterState, shown: int, total: int, lang: str, country_names: dict[str, str]
) -> str:
    """The whole line: the active filters and the count ('Alle 43 Ereignisse' unfiltered)."""
    if not is_filtered(filters):
        return t("filterline_all", lang, total=total)
    parts = [*filter_parts(filters, lang, country_names), t("count", lang, n=shown, total=total)]
    return t("filterline_prefix", lang) + " " + " · ".join(parts)
