"""A TimelineJS slide's date back as EDTF: our marker, the display date in words, or the fields."""

import re
from datetime import date

from events.model.calendar import month_end
from events.model.fuzzy_dates import date_bounds, describe_date, is_valid_edtf

EDTF_MARKER = re.compile(r"EDTF:\s*([^\s<]+)")


def _number(value) -> int | None:
    """A spreadsheet or JSON cell as a whole number (None when empty or not a number)."""
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
    """Text folded for comparing dates in words: spaces collapsed, case ignored."""
    return " ".join(text.replace("\u2009", " ").replace("\xa0", " ").split()).casefold()


def _worded(value: str, wanted: str) -> bool:
    """True when `describe_date` words `value` as `wanted` in German or English."""
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
    """True when the span of `value` lies within [first, last] (an open end counts as inside)."""
    bounds = date_bounds(value)
    return bounds.start >= first and (bounds.end is None or bounds.end <= last)
