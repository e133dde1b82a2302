"""Label packing, text widths, escaping and the CLDR time axis, as pure functions."""

from datetime import date

import numpy as np
import pandas as pd
import pytest
from babel.dates import format_date

from events.charts.axis import time_ticks
from events.charts.labels import fit_text, pack_labels, plotly_text, text_px, wrap_text


def random_layout(n: int, seed: int, plot_px: float = 900.0):
    """`n` events on a `plot_px` wide axis in 4 lanes: marks, titles of 60–450 px."""
    rng = np.random.default_rng(seed)
    lanes = [f"lane{i}" for i in rng.integers(0, 4, n)]
    x = rng.uniform(0, plot_px, n)
    span = np.where(rng.random(n) < 0.4, rng.uniform(5, 200, n), 0.0)
    mark_lo, mark_hi = x - 7, x + 7 + span
    width = rng.uniform(60, 450, n)
    label_lo, label_hi = mark_hi + 5, mark_hi + 5 + width
    importance = rng.integers(1, 4, n)
    return lanes, mark_lo, mark_hi, label_lo, label_hi, importance


def placed_boxes(layout, packing):
    lanes, mark_lo, mark_hi, label_lo, label_hi, _ = layout
    for i, lane in enumerate(lanes):
        if packing.labelled[i]:
            yield lane, packing.row[i], min(mark_lo[i], label_lo[i]), max(mark_hi[i], label_hi[i])
        else:
            yield lane, packing.row[i], mark_lo[i], mark_hi[i]


def overlapping_pairs(boxes) -> int:
    by_row: dict = {}
    for lane, row, lo, hi in boxes:
        by_row.setdefault((lane, row), []).append((lo, hi))
    count = 0
    for spans in by_row.values():
        spans.sort()
        count += sum(b[0] < a[1] for a, b in zip(spans, spans[1:], strict=False))
    return count


@pytest.mark.parametrize("seed", range(5))
def test_200_events_with_room_enough_never_overlap(seed):
    layout = random_layout(200, seed)
    packing = pack_labels(*layout, max_rows=1000)
    assert packing.labelled.all()
    assert overlapping_pairs(placed_boxes(layout, packing)) == 0


@pytest.mark.parametrize("seed", range(5))
def test_200_events_on_a_tight_budget_label_fewer_but_never_overlap_a_title(seed):
    layout = random_layout(200, seed)
    packing = pack_labels(*layout, max_rows=12)
    assert 0 < packing.labelled.sum() < 200
    assert sum(packing.lane_rows.values()) <= 12 + 4  # the budget plus one extra row per lane
    lanes, mark_lo, mark_hi, label_lo, label_hi, _ = layout
    titles = [(lanes[i], packing.row[i], label_lo[i], label_hi[i]) for i in range(200)]
    titles = [t for t, on in zip(titles, packing.labelled, strict=True) if on]
    titled = [
        b for b, on in zip(placed_boxes(layout, packing), packing.labelled, strict=True) if on
    ]
    assert overlapping_pairs(titled) == 0
    marks = [
        (lanes[i], packing.row[i], mark_lo[i], mark_hi[i])
        for i in range(200)
        if not packing.labelled[i]
    ]
    on_titles = sum(
        1
        for lane, row, lo, hi in marks
        for lane2, row2, lo2, hi2 in titles
        if (lane, row) == (lane2, row2) and lo < hi2 and lo2 < hi
    )
    assert on_titles <= len(marks) // 10  # only when even the extra rows are used up


def test_the_most_important_title_wins_where_all_collide():
    n = 6
    layout = (
        ["a"] * n,
        np.full(n, 100.0),
        np.full(n, 110.0),
        np.full(n, 115.0),
        np.full(n, 400.0),
        np.array([1, 2, 1, 3, 2, 1]),
    )
    packing = pack_labels(*layout, max_rows=1)
    assert packing.labelled.tolist() == [False, False, False, True, False, False]
    two = pack_labels(*layout, max_rows=2)
    assert two.labelled.tolist() == [False, True, False, True, False, False]


def test_nan_means_no_title_wanted_and_reserved_boxes_stay_free():
    packing = pack_labels(
        ["a", "a"],
        [0.0, 300.0],
        [10.0, 310.0],
        [np.nan, 315.0],
        [np.nan, 500.0],
        [3, 1],
        max_rows=5,
        reserved={"a": [(0.0, 120.0)]},
    )
    assert packing.labelled.tolist() == [False, True]
    assert packing.row.tolist() == [1, 0]  # the first mark sits under the lane's name


def test_every_lane_gets_a_row_even_without_budget():
    packing = pack_labels(
        ["a", "b", "c"], [0, 0, 0], [5, 5, 5], [10, 10, 10], [90, 90, 90], [1, 1, 1], 0
    )
    assert packing.lane_rows == {"a": 1, "b": 1, "c": 1}
    assert packing.labelled.all()


def test_text_width_grows_with_text_and_font():
    assert text_px("", 14) == 0
    assert text_px("Moldau", 14) < text_px("Moldau wird EU-Beitrittskandidat", 14)
    assert text_px("Moldau", 14) < text_px("Moldau", 20)
    assert text_px("WWW", 14) > text_px("iii", 14)


@pytest.mark.parametrize("room", [40, 120, 250])
def test_fit_text_cuts_with_an_ellipsis_and_fits(room):
    title = "Armenien und Aserbaidschan einigen sich auf Friedensvertragstext"
    cut = fit_text(title, room, 14)
    assert cut.endswith("…") and text_px(cut, 14) <= room
    assert title.startswith(cut.rstrip("…").rstrip())
    assert fit_text("Kurz", 200, 14) == "Kurz"


def test_plotly_text_shows_markup_as_text():
    assert plotly_text('<b>x</b> & <a href="y">') == '&lt;b&gt;x&lt;/b&gt; &amp; &lt;a href="y"&gt;'
    assert plotly_text("&lt;") == "&amp;lt;"


def test_wrap_text_keeps_lines_within_the_width():
    text = "Beschriftet: die 18 wichtigsten von 40 Ereignissen im Ausschnitt; die übrigen nur als"
    lines = wrap_text(text, 200, 14)
    assert len(lines) > 1 and " ".join(lines) == text
    assert all(text_px(line, 14) <= 200 for line in lines)


# --- time axis -----------------------------------------------------------------------------

SPANS = [
    ("2023-10-02", "2023-10-03"),
    ("2023-09-11", "2023-10-23"),
    ("2024-07-15", "2025-08-15"),
    ("2022-01-04", "2025-09-20"),
    ("1992-10-03", "2025-10-29"),
    ("1925-01-01", "2025-01-01"),
]


@pytest.mark.parametrize(("start", "end"), SPANS)
@pytest.mark.parametrize("plot_px", [360, 880, 1240])
def test_ticks_fit_and_are_ordered_for_one_day_to_a_century(start, end, plot_px):
    vals, texts = time_ticks(start, end, "de", plot_px)
    first, last = pd.Timestamp(start), pd.Timestamp(end)
    days = [pd.Timestamp(v) for v in vals]
    assert days == sorted(days) and len(days) == len(set(days))
    inside = [(d, s) for d, s in zip(days, texts, strict=True) if first <= d <= last]
    assert 1 <= len(inside) <= plot_px / 40
    px = [(d - first) / (last - first) * plot_px for d, _ in inside]
    widths = [max(text_px(line, 16) for line in s.split("<br>")) for _, s in inside]
    for i in range(len(px) - 1):
        assert px[i + 1] - px[i] >= (widths[i] + widths[i + 1]) / 2


def test_month_ticks_use_cldr_names_with_the_year_where_it_changes():
    vals, texts = time_ticks("2024-07-15", "2025-08-15", "de", 880)
    inside = [s for v, s in zip(vals, texts, strict=True) if "2024-07-15" <= v <= "2025-08-15"]
    assert inside[0] == format_date(date(2024, 9, 1), "MMM y", locale="de") == "Sept. 2024"
    assert "Jan. 2025" in inside and "März" in inside
    _, english = time_ticks("2024-07-15", "2025-08-15", "en", 880)
    assert "Jan 2025" in english and "Mar" in english


def test_day_ticks_read_like_dates_not_clock_times():
    vals, texts = time_ticks("2023-09-11", "2023-10-23", "de", 360)
    assert any(s.startswith("2. Okt.") for s in texts)
    assert not any(":" in s for s in texts)
    assert "<br>2023" in texts[0] or any("<br>2023" in s for s in texts)


def test_ticks_continue_beyond_the_view_for_panning():
    vals, _ = time_ticks("2024-01-01", "2024-12-31", "de", 880)
    assert vals[0] < "2024-01-01" and vals[-1] > "2024-12-31"
