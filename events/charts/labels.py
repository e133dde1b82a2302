"""Event titles on the timeline: estimated text widths, escaping for Plotly, and label packing.

Labels are packed like vis-timeline stacks its item boxes: each labelled event occupies its
mark plus its title, and a greedy pass puts every box into the first row of its lane where
it overlaps nothing. The most important events are placed first; when the row budget (the
chart's height) is used up, the rest stay marks without a title.
"""

import html
from bisect import bisect_left, bisect_right, insort
from collections.abc import Sequence
from typing import NamedTuple

import numpy as np

# Advance widths in em of DejaVu Sans (measured with Pillow): the widest of the fonts a browser
# falls back to for Plotly's "Open Sans, verdana, arial, sans-serif", so real text is narrower.
_EM = {
    **dict.fromkeys("ijlI J'", 0.3),
    **dict.fromkeys("frt()/:;.,!|-", 0.4),
    **dict.fromkeys('cksvxyzL?"', 0.59),
    **dict.fromkeys("abdeghnopquäöüßEFPSTYZ0123456789", 0.64),
    **dict.fromkeys("ABCKRVXÄ–„“", 0.7),
    **dict.fromkeys("DGHNOQUÖÜ&w", 0.82),
    **dict.fromkeys("mMW%+", 1.0),
}
_OTHER_EM = 0.7  # letters with diacritics, Cyrillic, …
ELLIPSIS = "…"


def text_px(text: str, font_px: float) -> float:
    """Estimated width in pixels of `text` set in a sans-serif font of `font_px` pixels."""
    return sum(_EM.get(ch, _OTHER_EM) for ch in text) * font_px


def fit_text(text: str, max_px: float, font_px: float) -> str:
    """`text`, cut at a word (else a letter) with "…" so that it is at most `max_px` wide."""
    if text_px(text, font_px) <= max_px:
        return text
    room = max_px - text_px(ELLIPSIS, font_px)
    width, cut = 0.0, 0
    for i, ch in enumerate(text):
        width += _EM.get(ch, _OTHER_EM) * font_px
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


class _Row:
    """The boxes (pixel intervals) in one row; they may overlap only after the budget ran out."""

    def __init__(self) -> None:
        self.los: list[float] = []
        self.his: list[float] = []

    def overlaps(self, lo: float, hi: float, gap: float) -> int:
        """How many boxes come closer than `gap` to [lo, hi]."""
        return bisect_left(self.los, hi + gap) - bisect_right(self.his, lo - gap)

    def add(self, lo: float, hi: float) -> None:
        insort(self.los, lo)
        insort(self.his, hi)


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
) -> Packing:
    """Rows and labels for events on a lane chart, in pixels along the time axis.

    Event i is drawn at [mark_lo[i], mark_hi[i]]; its title would cover [label_lo[i],
    label_hi[i]] (NaN: no title wanted, e.g. out of view). Titled boxes are placed first, most
    important first (then by position), each into the first row of its lane with room; a new row
    is opened only while all lanes together have fewer than `max_rows` rows. Events whose title
    finds no room stay marks: they go into the first row with room for the mark, a new row if the
    budget allows, else the row where the mark overlaps least. `reserved` maps a lane to boxes
    already taken in its first row (e.g. the lane's name).
    """
    n = len(lanes)
    mark_lo = np.asarray(mark_lo, dtype=float)
    mark_hi = np.asarray(mark_hi, dtype=float)
    label_lo = np.asarray(label_lo, dtype=float)
    label_hi = np.asarray(label_hi, dtype=float)
    importance = np.asarray(importance, dtype=float)
    rows_of: dict = {}
    for lane in dict.fromkeys(lanes):  # every lane gets its first row
        first = _Row()
        for lo, hi in (reserved or {}).get(lane, ()):
            first.add(lo, hi)
        rows_of[lane] = [first]
    total = len(rows_of)
    row = np.zeros(n, dtype=int)
    labelled = np.zeros(n, dtype=bool)
    wants = ~np.isnan(label_lo)
    box_lo = np.where(wants, np.fmin(mark_lo, label_lo), mark_lo)
    box_hi = np.where(wants, np.fmax(mark_hi, label_hi), mark_hi)
    order = np.lexsort((box_lo, -importance))
    for i in order[wants[order]]:
        rows = rows_of[lanes[i]]
        lo, hi = box_lo[i], box_hi[i]
        free = next((r for r, taken in enumerate(rows) if not taken.overlaps(lo, hi, gap_px)), None)
        if free is None and total < max_rows:
            rows.append(_Row())
            total += 1
            free = len(rows) - 1
        if free is not None:
            rows[free].add(lo, hi)
            row[i], labelled[i] = free, True
    rest = np.flatnonzero(~labelled)
    for i in rest[np.argsort(mark_lo[rest], kind="stable")]:
        rows = rows_of[lanes[i]]
        lo, hi = mark_lo[i], mark_hi[i]
        crowding = [taken.overlaps(lo, hi, gap_px / 2) for taken in rows]
        free = crowding.index(0) if 0 in crowding else None
        if free is None and total < max_rows:
            rows.append(_Row())
            total += 1
            free = len(rows) - 1
        if free is None:
            free = int(np.argmin(crowding))
        rows[free].add(lo, hi)
        row[i] = free
    return Packing(row, labelled, {lane: len(rows) for lane, rows in rows_of.items()})
