"""Which lane each event sits in (theme or country), the lanes' order and names."""

import pandas as pd

from events.locale import t
from events.model.themes import THEMES, theme_label

EXACT_PRECISIONS = ("day",)
OTHER_LANE = "other"
MAX_COUNTRY_LANES = 8


def is_exact(events: pd.DataFrame) -> pd.Series:
    """True for events known to the day and not marked approximate: drawn as markers."""
    return events["precision"].isin(EXACT_PRECISIONS) & ~events["approximate"].astype(bool)


def from_other_sources(events: pd.DataFrame) -> pd.Series:
    """True where `date` is more precise than what the article says (`text_date` differs)."""
    if "text_date" not in events.columns:
        return pd.Series(False, index=events.index)
    text_date = events["text_date"].fillna("").astype(str).str.strip()
    return (text_date != "") & (text_date != events["date"].astype(str).str.strip())


def country_lanes(events: pd.DataFrame, focus: tuple[str, ...] = ()) -> list[str]:
    """The countries that get a lane: the chosen ones, else the most frequent few."""
    if focus:
        return list(focus)
    counts = events["countries"].explode().dropna().value_counts()
    counts = counts.sort_index().sort_values(ascending=False, kind="stable")
    return list(counts.index[:MAX_COUNTRY_LANES])


def lane_rows(
    events: pd.DataFrame,
    lane_by: str,
    focus: tuple[str, ...] = (),
    focus_themes: tuple[str, ...] = (),
) -> pd.DataFrame:
    """One row per (event, lane). Theme lanes: the event's first theme among the filtered ones
    (else its first theme), which also gives its colour. Country lanes: one lane per country of
    the event among the lane countries (the filtered ones, else the most frequent); an event
    naming none of them goes to one 'other' lane."""
    wanted = set(focus_themes)
    all_themes = events["themes"].tolist()
    if wanted:
        colour = [next((x for x in themes if x in wanted), themes[0]) for themes in all_themes]
    else:
        colour = [themes[0] for themes in all_themes]
    events = events.assign(colour_key=colour)
    if lane_by == "country":
        kept = set(country_lanes(events, focus))
        countries = events["countries"].tolist()
        lanes = [[c for c in codes if c in kept] or [OTHER_LANE] for codes in countries]
        rows = events.assign(lane=lanes).explode("lane")
    else:
        rows = events.assign(lane=colour)
    return rows.reset_index(drop=True)


def lane_label(lane: str, lane_by: str, country_names: dict[str, str], lang: str) -> str:
    """A lane's name: the country's or theme's name, or "other countries"."""
    if lane == OTHER_LANE:
        return t("chart_other_countries", lang)
    if lane_by == "country":
        return country_names.get(lane, lane)
    return theme_label(lane, lang)


def ordered_lanes(rows: pd.DataFrame, lane_by: str) -> list[str]:
    """The lanes top to bottom: countries by count (then "other"), themes in their order."""
    if lane_by == "country":
        counts = rows["lane"][rows["lane"] != OTHER_LANE].value_counts().sort_index()
        order = list(counts.sort_values(ascending=False, kind="stable").index)
        return order + ([OTHER_LANE] if (rows["lane"] == OTHER_LANE).any() else [])
    present = set(rows["lane"])
    return [theme for theme in THEMES if theme in present]
