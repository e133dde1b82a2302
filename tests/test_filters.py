"""Filter rules, search, URL parameters: pure functions on a small table."""

import pandas as pd
import pytest
from sample import table

from events.queries.filters import (
    FilterState,
    Modes,
    country_counts,
    filter_events,
    normalize,
    parse_url_params,
    period_bounds,
    query_alternatives,
    search_texts,
    url_params,
)


def ids(frame: pd.DataFrame) -> set[str]:
    return set(frame["id"])


CASES = [
    (FilterState(), {"crash", "karabakh", "war", "lavrov", "taliban", "csto"}),
    (FilterState(countries=("ARM",)), {"karabakh", "lavrov", "csto"}),
    (FilterState(countries=("ARM", "AFG")), {"karabakh", "lavrov", "csto", "taliban"}),
    (FilterState(themes=("military",)), {"karabakh", "war"}),
    (FilterState(countries=("RUS",), themes=("diplomacy",)), {"lavrov", "taliban"}),
    (FilterState(date_from="2025"), {"war", "lavrov", "taliban"}),
    (FilterState(date_to="2023-12"), {"karabakh", "war"}),
    (FilterState(date_from="2024-06", date_to="2024-12-24"), {"war", "csto"}),
    (FilterState(date_from="2025-05-21", date_to="2025-05-21"), {"war", "lavrov"}),
    (FilterState(min_importance=3), {"crash", "karabakh", "taliban", "csto"}),
    (FilterState(query="aliyev"), {"crash", "karabakh"}),
    (FilterState(query="Aliev"), {"crash", "karabakh"}),
    (FilterState(query="ALIJEW"), {"crash", "karabakh"}),
    (FilterState(query="lavrov"), {"lavrov"}),
    (FilterState(query="csto"), {"csto"}),
    (FilterState(query="putin"), {"war", "crash"}),  # crash: Putin is in its quote
    (FilterState(query="title crash"), {"crash"}),
    (FilterState(query="nichts"), set()),
    (FilterState(query="sum"), set()),  # short terms match whole words: not inside "Summary"
    (FilterState(query="summary"), {"crash", "karabakh", "war", "lavrov", "taliban", "csto"}),
]


@pytest.mark.parametrize(("state", "expected"), CASES)
def test_filter_events(state, expected):
    events, evidence = table()
    assert ids(filter_events(events, state, search_texts(events, evidence))) == expected


def test_normalize_strips_accents_and_case():
    assert normalize("Əliyev ERDOĞAN Straße") == "aliyev erdogan strasse"


def test_query_alternatives_know_spellings():
    assert "aliyev" in query_alternatives("Alijew")[0]
    assert query_alternatives("ab") == [("ab",)]


def test_country_counts_most_frequent_first():
    events, _ = table()
    counts = country_counts(events)
    assert list(counts.index[:2]) == ["RUS", "ARM"]
    assert counts["RUS"] == 4


@pytest.mark.parametrize(
    ("value", "end", "expected"),
    [("2024", False, "2024-01-01"), ("2024", True, "2024-12-31"), ("2024-02", True, "2024-02-29")],
)
def test_period_bounds(value, end, expected):
    assert str(period_bounds(value, end=end)) == expected


@pytest.mark.parametrize("value", ["24", "2024-13", "2024/05", "Mai"])
def test_period_bounds_rejects_malformed(value):
    with pytest.raises(ValueError):
        period_bounds(value, end=False)


KNOWN = {"countries": {"ARM", "AZE"}, "themes": {"military"}, "event_ids": {"crash"}}


def test_url_round_trip():
    state = FilterState(("ARM", "AZE"), ("military",), "2023", "2025-05-21", "Alijew", 2)
    params = url_params(state, "en", "crash")
    as_lists = {k: v if isinstance(v, list) else [v] for k, v in params.items()}
    back = parse_url_params(as_lists, **KNOWN)
    assert (back.filters, back.lang, back.event, back.ignored) == (state, "en", "crash", [])


@pytest.mark.parametrize(
    "modes",
    [
        Modes(),
        Modes(hide=True),
        Modes(contrast=True, present=True),
        Modes(hide=True, contrast=True, present=True, round=4711),
        Modes(round=1),
    ],
)
def test_modes_round_trip(modes):
    params = url_params(FilterState(), "de", "crash", modes)
    back = parse_url_params({k: [v] for k, v in params.items()}, **KNOWN)
    assert (back.modes, back.event, back.ignored) == (modes, "crash", [])


@pytest.mark.parametrize(
    ("params", "modes", "ignored"),
    [
        ({"hide": ["1"], "present": ["0"]}, Modes(hide=True), []),
        ({"hide": ["0", "1"]}, Modes(hide=True), []),
        ({"contrast": ["yes"]}, Modes(), [("contrast", "yes")]),
        ({"present": ["2"], "hide": [""]}, Modes(), [("hide", ""), ("present", "2")]),
        ({"round": ["123"]}, Modes(round=123), []),
        ({"round": ["abc"]}, Modes(), [("round", "abc")]),
        ({"round": ["1234567"]}, Modes(), [("round", "1234567")]),
    ],
)
def test_mode_values(params, modes, ignored):
    back = parse_url_params(params, **KNOWN)
    assert (back.modes, sorted(back.ignored)) == (modes, ignored)


def test_modes_are_left_out_when_off():
    assert url_params(FilterState(), modes=Modes(round=None)) == {}
    assert url_params(FilterState(), modes=Modes(hide=True)) == {"hide": "1"}


def test_default_view_has_an_empty_url():
    assert url_params(FilterState()) == {}


def test_malformed_url_values_are_ignored_and_listed():
    params = {
        "country": ["ARM", "XXX"],
        "theme": ["weather"],
        "from": ["2024-13"],
        "to": ["soon"],
        "lang": ["fr"],
        "event": ["nope"],
        "importance": ["9"],
    }
    back = parse_url_params(params, **KNOWN)
    assert back.filters == FilterState(countries=("ARM",))
    assert (back.lang, back.event) == ("de", None)
    assert {name for name, _ in back.ignored} == set(params) - {"country"} | {"country"}


def test_reversed_period_drops_the_end():
    back = parse_url_params({"from": ["2025"], "to": ["2020"]}, **KNOWN)
    assert (back.filters.date_from, back.filters.date_to) == ("2025", None)
    assert ("to", "2020") in back.ignored
