"""The period slider's month arithmetic (events.queries.slider)."""

from events.queries.slider import clamp_month, full_range, slider_period, slider_value

MONTHS = ["2023-11", "2023-12", "2024-01", "2024-02", "2024-03"]


def test_a_year_is_its_first_or_last_month():
    assert clamp_month(MONTHS, "2024", end=False) == "2024-01"
    assert clamp_month(MONTHS, "2023", end=True) == "2023-12"


def test_a_day_is_its_month_and_values_outside_are_clamped():
    assert clamp_month(MONTHS, "2024-02-17", end=False) == "2024-02"
    assert clamp_month(MONTHS, "1999-05", end=False) == "2023-11"
    assert clamp_month(MONTHS, "2030", end=True) == "2024-03"


def test_no_value_is_the_edge():
    assert clamp_month(MONTHS, None, end=False) == "2023-11"
    assert clamp_month(MONTHS, "", end=True) == "2024-03"


def test_slider_value_of_a_link():
    assert slider_value(MONTHS, "2024", None) == ("2024-01", "2024-03")
    assert slider_value(MONTHS, None, "2023-12-24") == ("2023-11", "2023-12")
    assert slider_value([], "2024", "2024") == ("", "")


def test_exact_link_values_win_until_the_slider_moves():
    assert slider_period(MONTHS, ("2024-01", "2024-03"), ("2024-01-05", None)) == (
        "2024-01-05",
        None,
    )


def test_slider_edges_are_open_ends():
    assert slider_period(MONTHS, ("2023-11", "2024-03")) == (None, None)
    assert slider_period(MONTHS, ("2023-12", "2024-03")) == ("2023-12", None)
    assert slider_period(MONTHS, ("2023-11", "2024-02")) == (None, "2024-02")
    assert slider_period(MONTHS, None) == (None, None)
    assert slider_period([], ("", "")) == (None, None)


def test_full_range():
    assert full_range(MONTHS) == ("2023-11", "2024-03")
    assert full_range([]) == ("", "")
