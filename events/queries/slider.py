"""The sidebar's period slider: months between a period filter and the slider's (from, to) pair.

The slider moves in whole months; a link may name a year or a day. These rules decide which
months the slider shows for a link, and which period a slider position selects.
"""


def clamp_month(months: list[str], value: str | None, *, end: bool) -> str:
    """The slider month for a period value (`2023` is January or December 2023), kept inside
    `months`; no value is the first (or, with `end`, the last) month."""
    if not value:
        return months[-1] if end else months[0]
    month = value[:7] if len(value) >= 7 else f"{value}-{'12' if end else '01'}"
    return min(max(month, months[0]), months[-1])


def slider_value(months: list[str], date_from: str | None, date_to: str | None) -> tuple[str, str]:
    """The (first, last) slider months for a period filter; ('', '') without months."""
    if not months:
        return ("", "")
    return clamp_month(months, date_from, end=False), clamp_month(months, date_to, end=True)


def slider_period(
    months: list[str],
    slider: tuple[str, str] | None,
    exact: tuple[str | None, str | None] = (None, None),
) -> tuple[str | None, str | None]:
    """The period filter a slider position selects: the link's exact values while the slider
    has not been moved (`exact`), else its months; an end at the slider's edge is open."""
    if exact[0] or exact[1]:
        return exact
    if not months:
        return None, None
    first, last = slider or (months[0], months[-1])
    return (first if first != months[0] else None, last if last != months[-1] else None)


def full_range(months: list[str]) -> tuple[str, str]:
    """The slider position that selects every month."""
    return (months[0], months[-1]) if months else ("", "")
