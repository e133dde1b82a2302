"""Event titles on the timeline: estimated text widths, escaping for Plotly, and label packing.

Labels are packed like vis-timeline stacks its item boxes: each labelled event occupies its
mark plus its title, and a greedy pass puts every box into the first row of its lane where
it overlaps nothing. The most important events are placed first; when the row budget (the
chart's height) is used up, the rest stay marks without a title.
"""

import html
from bisect import bisect_left, bisect_right, insort
from collections.abc import Sequence
from functools import lru_cache
from typing import NamedTuple

import numpy as np

# Advance widths in em of Arial (Liberation Sans, measured with Pillow), the font the chart asks
# for (FONT_FAMILY); 5 % are added for Helvetica, Arimo and Roboto, which browsers use instead.
FONT_FAMILY = "Arial, 'Liberation Sans', Arimo, Helvetica, sans-serif"
_EM = {
    **dict.fromkeys("'", 0.19),
    **dict.fromkeys("ijl", 0.23),
    **dict.fromkeys("ftI .,:;!/„“|", 0.28),
    **dict.fromkeys('r-()"', 0.34),
    **dict.fromkeys("cksvxyzJ", 0.5),
    **dict.fromkeys("abdeghnopquäöü0123456789L?–", 0.56),
    **dict.fromkeys("+FTZß", 0.61),
    **dict.fromkeys("ABEKPSVXYÄ&", 0.67),
    **dict.fromkeys("CDHNRUwÜ", 0.72),
    **dict.fromkeys("GOQÖ", 0.78),
    **dict.fromkeys("mM%", 0.89),
    **dict.fromkeys("W", 0.95),
}
_OTHER_EM = 0.72  # letters with diacritics, Cyrillic, …
_SAFETY = 1.05
ELLIPSIS = "…"


@lru_cache(maxsize=1 << 16)  # titles come back on every rerun
def text_px(text: str, font_px: float) -> float:
    """Estimated width in pixels of `text` set in a sans-serif font of `font_px` pixels."""
    return sum(_EM.get(ch, _OTHER_EM) for ch in text) * font_px * _SAFETY


def fit_text(text: str, max_px: float, font_px: float) -> str:
    """`text`, cut at a word (else a letter) with "…" so that it is at most `max_px` wide."""
    if text_px(text, font_px) <= max_px:
        return text
    room = max_px - text_px(ELLIPSIS, font_px)
    width, cut = 0.0, 0
    for i, ch in enumerate(text):
        width += _EM.get(ch, _OTHER_EM) * font_px * _SAFETY
        if width > room:
            break
        cut = i + 1
    head = text[:cut]
    if " " in head.rstrip() and cut < len(text):
        word_cut = head.rstrip().rsplit(" ", 1)[0]
        if len(word_cut) >= cut * 0.6:  # keep the cut at a word unless that loses too much
            head = word_cut
    return head.rstrip(" ,;:-–") + ELLIPSIS if head else ""


def plotly_text(text: str) -> str:
    """Data text for Plotly's text and hover labels: `<`, `>` and `&` shown, never interpreted."""
    return html.escape(str(text), quote=False)


def wrap_text(text: str, max_px: float, font_px: float) -> list[str]:
    """Greedy word wrap of `text` into lines at most `max_px` wide (a longer word stays whole)."""
    lines: list[str] = []
    line = ""
    for word in text.split():
        trial = f"{line} {word}" if line else word
        if line and text_px(trial, font_px) > max_px:
            lines.append(line)
            line = word
        else:
            line = trial
    return [*lines, line] if line else lines


class Packing(NamedTuple):
    """Where `pack_labels` put each event: its row inside its lane, whether its title is shown,
    and how many rows each lane got."""

    row: np.ndarray
    labelled: np.ndarray
    lane_rows: dict


class _Intervals:
    """Pixel intervals kept as two sorted lists (starts, ends), so they may overlap."""

    def __init__(self) -> None:
        self.los: list[float] = []
        self.his: list[float] = []

    def overlaps(self, lo: float, hi: float, gap: float) -> int:
        """How many intervals come closer than `gap` to [lo, hi]."""
        return bisect_left(self.los, hi + gap) - bisect_right(self.his, lo - gap)

    def add(self, lo: float, hi: float) -> None:
        """Keep [lo, hi]."""
        insort(self.los, lo)
        insort(self.his, hi)


class _Row:
    """One row of a lane: every box in it, and separately the parts that are text."""

    def __init__(self) -> None:
        self.boxes = _Intervals()
        self.texts = _Intervals()


class _Lanes:
    """The rows of every lane and the row budget shared by all lanes."""

    def __init__(self, lanes: Sequence, reserved: dict | None, max_rows: int) -> None:
        self.rows_of: dict = {}
        for lane in dict.fromkeys(lanes):  # every lane gets its first row
            first = _Row()
            for lo, hi in (reserved or {}).get(lane, ()):
                first.boxes.add(lo, hi)
                first.texts.add(lo, hi)
            self.rows_of[lane] = [first]
        self.total = len(self.rows_of)
        self.max_rows = max_rows

    def free_row(self, lane, lo: float, hi: float, gap: float) -> int | None:
        """The first row of `lane` with room for [lo, hi], else a new one if the budget allows."""
        rows = self.rows_of[lane]
        free = next((r for r, x in enumerate(rows) if not x.boxes.overlaps(lo, hi, gap)), None)
        if free is None and self.total < self.max_rows:
            free = self.open_row(lane)
        return free

    def open_row(self, lane) -> int:
        """Add a row to `lane` and return its number."""
        rows = self.rows_of[lane]
        rows.append(_Row())
        self.total += 1
        return len(rows) - 1

    def least_crowded(self, lane, lo: float, hi: float, overflow: int) -> int:
        """Out of rows: on another mark rather than on a title, or in one of a few rows more."""
        rows = self.rows_of[lane]
        crowding = [(x.texts.overlaps(lo, hi, 2.0), x.boxes.overlaps(lo, hi, 0)) for x in rows]
        free = crowding.index(min(crowding))
        if crowding[free][0] and self.total < self.max_rows + overflow:
            free = self.open_row(lane)
        return free


def _title_order(lanes: Sequence, box_lo: np.ndarray, importance: np.ndarray) -> np.ndarray:
    """Most important first; among equals, every lane's first title before any lane's second."""
    n = len(lanes)
    order = np.lexsort((box_lo, -importance))
    turn = np.zeros(n, dtype=int)
    seen: dict = {}
    for i in order:
        key = (lanes[i], importance[i])
        turn[i] = seen.get(key, 0)
        seen[key] = turn[i] + 1
    return np.lexsort((box_lo, turn, -importance))


def pack_labels(
    lanes: Sequence,
    mark_lo: Sequence[float],
    mark_hi: Sequence[float],
    label_lo: Sequence[float],
    label_hi: Sequence[float],
    importance: Sequence[int],
    max_rows: int,
    gap_px: float = 8.0,
    reserved: dict | None = None,
    overflow: int | None = None,
) -> Packing:
    """Rows and labels for events on a lane chart, in pixels along the time axis.

    Event i is drawn at [mark_lo[i], mark_hi[i]]; its title would cover [label_lo[i],
    label_hi[i]] (NaN: no title wanted, e.g. out of view). Titled boxes are placed first, most
    important first (among equals, lane by lane in turn, then by position), each into the first
    row of its lane with room; a new row
    is opened only while all lanes together have fewer than `max_rows` rows. Events whose title
    finds no room stay marks: they go into the first row with room for the mark, a new row if the
    budget allows, else onto other marks where they cover no title, else into one of `overflow`
    (default: one per lane) extra rows, else where they cover the fewest titles.
    `reserved` maps a lane to boxes already taken in its first row (e.g. the lane's name).
    """
    n = len(lanes)
    mark_lo = np.asarray(mark_lo, dtype=float)
    mark_hi = np.asarray(mark_hi, dtype=float)
    label_lo = np.asarray(label_lo, dtype=float)
    label_hi = np.asarray(label_hi, dtype=float)
    importance = np.asarray(importance, dtype=float)
    packed = _Lanes(lanes, reserved, max_rows)
    overflow = len(packed.rows_of) if overflow is None else overflow
    row = np.zeros(n, dtype=int)
    labelled = np.zeros(n, dtype=bool)
    wants = ~np.isnan(label_lo)
    box_lo = np.where(wants, np.fmin(mark_lo, label_lo), mark_lo)
    box_hi = np.where(wants, np.fmax(mark_hi, label_hi), mark_hi)
    order = _title_order(lanes, box_lo, importance)
    for i in order[wants[order]]:
        free = packed.free_row(lanes[i], box_lo[i], box_hi[i], gap_px)
        if free is not None:
            target = packed.rows_of[lanes[i]][free]
            target.boxes.add(box_lo[i], box_hi[i])
            target.texts.add(label_lo[i], label_hi[i])
            row[i], labelled[i] = free, True
    rest = np.flatnonzero(~labelled)
    for i in rest[np.argsort(mark_lo[rest], kind="stable")]:
        lo, hi = mark_lo[i], mark_hi[i]
        free = packed.free_row(lanes[i], lo, hi, 1.0)
        if free is None:
            free = packed.least_crowded(lanes[i], lo, hi, overflow)
        packed.rows_of[lanes[i]][free].boxes.add(lo, hi)
        row[i] = free
    return Packing(row, labelled, {lane: len(rows) for lane, rows in packed.rows_of.items()})
