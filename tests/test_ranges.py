"""Named time ranges computed from the data (events.queries.ranges)."""

import pandas as pd
import pytest
from babel.dates import format_date

from events.locale import t
from events.queries.ranges import MIN_SPAN, data_extent, default_range, named_ranges
from events.store.tables import add_date_columns, load_dataset


def frame(dates: list[str]) -> pd.DataFrame:
    return add_date_columns(
        pd.DataFrame({"id": [f"e{i}" for i in range(len(dates))], "date": dates})
    )


def by_key(ranges):
    return {r.key: r for r in ranges}


def test_a_table_with_old_context_opens_at_its_dense_part():
    dates = ["1993", "2014/.."] + [f"2024-{m:02d}-15" for m in range(1, 13)] * 2
    ranges = named_ranges(frame(dates))
    assert [r.key for r in ranges] == ["dense", "all", "last12"]
    dense, everything = ranges[0], ranges[1]
    assert dense.start.year in (2023, 2024) and dense.start <= pd.Timestamp("2024-01-15")
    assert dense.end >= pd.Timestamp("2024-12-15")
    assert everything.start < pd.Timestamp("1993-01-01") and everything.end >= dense.end
    assert default_range(frame(dates)) == (dense.start, dense.end)


def test_evenly_spread_events_have_no_separate_dense_part():
    ranges = named_ranges(frame([f"{y}-06-01" for y in range(2000, 2021)]))
    assert [r.key for r in ranges] == ["all", "last12"]


def test_the_real_table_dense_part_holds_nine_tenths_of_the_events():
    events = load_dataset().events
    ranges = by_key(named_ranges(events))
    dense = ranges["dense"]
    share = events["start"].between(dense.start, dense.end).mean()
    assert share >= 0.9
    first, last = data_extent(events)
    assert (dense.end - dense.start) < 0.6 * (last - first)
    assert ranges["all"].start <= first and ranges["all"].end >= last
    last12 = ranges["last12"]
    assert last12.end >= last and pd.Timedelta(
        days=360
    ) <= last12.end - last12.start <= pd.Timedelta(days=420)


def test_a_single_day_gets_a_few_weeks_around_it():
    ranges = named_ranges(frame(["2022-06-23"]))
    assert [r.key for r in ranges] == ["all"]
    day = pd.Timestamp("2022-06-23")
    assert ranges[0].start < day < ranges[0].end
    assert ranges[0].end - ranges[0].start >= MIN_SPAN


def test_open_ended_events_count_by_their_start():
    first, last = data_extent(frame(["2014/..", "2020-01-01"]))
    assert (first, last) == (pd.Timestamp("2014-01-01"), pd.Timestamp("2020-01-01"))


@pytest.mark.parametrize("lang", ["de", "en"])
def test_labels_are_in_the_ui_language_with_cldr_month_names(lang):
    dates = ["1993"] + [f"2023-{m:02d}-01" for m in range(3, 13)] * 2
    ranges = by_key(named_ranges(frame(dates), lang))
    march = format_date(pd.Timestamp("2023-03-01").date(), "MMM y", locale=lang)
    december = format_date(pd.Timestamp("2023-12-01").date(), "MMM y", locale=lang)
    assert ranges["dense"].label == t("range_dense", lang, span=f"{march} – {december}")
    assert ranges["all"].label.startswith(t("range_all", lang, span="").split("(")[0])
    assert ("März 2023" in ranges["dense"].label) == (lang == "de")


def test_no_events_no_ranges():
    assert named_ranges(frame([])) == [] and default_range(frame([])) is None
