"""Time-axis ticks in the UI language (CLDR month names via babel), for one day to a century.

Plotly formats dates in English unless a locale file is loaded from a CDN; this computes
`tickvals`/`ticktext` instead, so the axis reads "Okt. 2023" or "März 2025" offline.
"""

from datetime import date
from functools import lru_cache

import pandas as pd
from babel.dates import format_date

from events.charts.labels import text_px

# (unit, step), finest first: the first one whose labels fit the plot's width is used
STEPS = (
    ("day", 1),
    ("day", 2),
    ("week", 1),
    ("week", 2),
    ("month", 1),
    ("month", 2),
    ("month", 3),
    ("month", 6),
    ("year", 1),
    ("year", 2),
    ("year", 5),
    ("year", 10),
    ("year", 20),
    ("year", 25),
    ("year", 50),
    ("year", 100),
)
UNIT_DAYS = {"day": 1, "week": 7, "month": 30.4, "year": 365.25}
MIN_LABEL_PX = 36  # narrower than any label ("2024", "Mai", "2. Okt.") at 16 px
TICK_GAP_PX = 24  # free space between two tick labels
MAX_TICKS = 400  # ticks are also made beyond the view, for panning; never more than this


@lru_cache(maxsize=4096)
def tick_text(day: date, unit: str, lang: str, with_year: bool) -> str:
    """One tick label: "2. Okt.", "Okt. 2023", "2023" (German) or "Oct 2", "Oct 2023" (English)."""
    if unit == "year":
        return str(day.year)
    if unit == "month":
        return format_date(day, "MMM y" if with_year else "MMM", locale=lang)
    text = format_date(day, "MMM d" if lang == "en" else "d. MMM", locale=lang)
    return f"{text}<br>{day.year}" if with_year else text  # the year on a second line


def _tick_days(first: date, last: date, unit: str, step: int) -> list[date]:
    """The tick days in [first, last]: aligned to step-th days, Mondays, months or years."""
    if unit in ("day", "week"):
        stride = step * (7 if unit == "week" else 1)
        day = first.toordinal()
        # weeks start on a Monday (ordinal 1 is a Monday); days on multiples of the step
        offset = (1 if unit == "week" else 0) - day
        day += offset % stride
        return [date.fromordinal(d) for d in range(day, last.toordinal() + 1, stride)]
    if unit == "month":
        index = first.year * 12 + first.month - 1
        if first.day > 1:
            index += 1
        index += -index % step
        end = last.year * 12 + last.month - 1
        return [date(i // 12, i % 12 + 1, 1) for i in range(index, end + 1, step)]
    year = first.year + (first.month > 1 or first.day > 1)
    year += -year % step
    return [date(y, 1, 1) for y in range(year, last.year + 1, step)]


def _labels(days: list[date], unit: str, lang: str) -> list[str]:
    """Labels with the year on the first tick and wherever the year changes."""
    texts, year = [], None
    for day in days:
        texts.append(tick_text(day, unit, lang, day.year != year))
        year = day.year
    return texts


def _fits(days: list[date], texts: list[str], first, last, plot_px: float, font_px: float) -> bool:
    """True if neighbouring labels, centred on their ticks, keep TICK_GAP_PX apart."""
    if len(days) == 1:
        return True
    px_per_day = plot_px / max((last - first) / pd.Timedelta(days=1), 1e-9)
    xs = [(pd.Timestamp(d) - first) / pd.Timedelta(days=1) * px_per_day for d in days]
    half = [max(text_px(line, font_px) for line in s.split("<br>")) / 2 for s in texts]
    return all(
        xs[i + 1] - xs[i] >= half[i] + half[i + 1] + TICK_GAP_PX for i in range(len(days) - 1)
    )


def time_ticks(
    start, end, lang: str, plot_px: float, font_px: float = 16
) -> tuple[list[str], list[str]]:
    """Tick positions (ISO dates) and labels for the view [start, end] on a plot `plot_px` wide.

    Uses the finest step whose labels fit side by side; the ticks continue for a few view
    widths on each side so that panning still shows dates.
    """
    first, last = pd.Timestamp(start), pd.Timestamp(end)
    if last <= first:
        last = first + pd.Timedelta(days=1)
    view_first, view_last = first.date(), last.date()
    chosen = STEPS[-1]
    view_days = max((last - first) / pd.Timedelta(days=1), 1)
    for unit, step in STEPS:
        if view_days / (step * UNIT_DAYS[unit]) * (MIN_LABEL_PX + TICK_GAP_PX) > plot_px:
            continue  # too many ticks even for the narrowest labels: skip without formatting
        days = _tick_days(view_first, view_last, unit, step)
        if not days:
            continue
        if _fits(days, _labels(days, unit, lang), first, last, plot_px, font_px):
            chosen = (unit, step)
            break
    unit, step = chosen
    span = last - first
    wide_first = max(pd.Timestamp("1000-01-01"), first - 2 * span).date()
    wide_last = min(pd.Timestamp("2999-12-31"), last + 2 * span).date()
    days = _tick_days(wide_first, wide_last, unit, step)
    if len(days) > MAX_TICKS:  # keep the ones nearest the view
        inside = [i for i, d in enumerate(days) if view_first <= d <= view_last] or [0]
        low = max(0, inside[0] - (MAX_TICKS - len(inside)) // 2)
        days = days[low : low + MAX_TICKS]
    in_view = [d for d in days if view_first <= d <= view_last]
    texts = _labels(in_view, unit, lang)
    label = dict(zip(in_view, texts, strict=True))
    before = [d for d in days if d < view_first]
    after = [d for d in days if d > view_last]
    outside = {**_first_labels(before, unit, lang), **_first_labels(after, unit, lang)}
    days = before + in_view + after
    return [d.isoformat() for d in days], [label.get(d) or outside[d] for d in days]


def _first_labels(days: list[date], unit: str, lang: str) -> dict[date, str]:
    return dict(zip(days, _labels(days, unit, lang), strict=True))
