"""WCAG contrast of the colours the classroom and quiz pages use."""

import pytest

from events.charts.contrast import (
    AAA_TEXT,
    HIGH,
    PAIRS,
    Pair,
    contrast_ratio,
    failing_pairs,
    relative_luminance,
)


@pytest.mark.parametrize(
    ("foreground", "background", "ratio"),
    [
        ("#000000", "#FFFFFF", 21.0),
        ("#FFFFFF", "#FFFFFF", 1.0),
        ("#FFFF00", "#000000", 19.56),
        ("#828180", "#FFFFFF", 3.89),  # the caption grey axe reported as 3.88 (it truncates)
        ("#777777", "#FFFFFF", 4.48),  # the classic "just below AA" grey
        ("#0000FF", "#FFFFFF", 8.59),
    ],
)
def test_contrast_ratio_matches_known_values(foreground, background, ratio):
    assert round(contrast_ratio(foreground, background), 2) == ratio
    assert contrast_ratio(background, foreground) == contrast_ratio(foreground, background)


def test_luminance_bounds_and_bad_colours():
    assert (relative_luminance("#000000"), relative_luminance("#ffffff")) == (0.0, 1.0)
    for bad in ("#FFF", "yellow", "#GGGGGG", ""):
        with pytest.raises(ValueError):
            relative_luminance(bad)


@pytest.mark.parametrize("pair", PAIRS, ids=lambda pair: pair.role)
def test_every_colour_pair_meets_its_level(pair):
    assert contrast_ratio(pair.foreground, pair.background) >= pair.minimum, pair.role


def test_slide_text_is_aaa_and_failing_pairs_are_reported():
    assert all(p.minimum == AAA_TEXT for p in PAIRS if "slide text" in p.role)
    assert failing_pairs() == []
    weak = Pair("yellow on white", HIGH["slide_text"], "#FFFFFF", AAA_TEXT)
    assert failing_pairs([weak]) == [("yellow on white", 1.07)]
