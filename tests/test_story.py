"""The story view's content (events/queries/story.py): markers, one sentence, years, dates."""

import pandas as pd
import pytest

from events.model.fuzzy_dates import date_bounds
from events.queries.story import MARKERS, marker_kind, one_sentence, story_item, story_years
from events.store.tables import load_dataset

EVENTS = load_dataset().events
NAMES = {"AZE": "Aserbaidschan", "RUS": "Russland", "KAZ": "Kasachstan"}


@pytest.mark.parametrize(
    ("value", "kind"),
    [
        ("2024-12-25", "exact"),
        ("2024-12", "fuzzy"),
        ("2024-23", "fuzzy"),
        ("2025-33", "fuzzy"),
        ("2024", "fuzzy"),
        ("199X", "fuzzy"),
        ("2025-07-04~", "fuzzy"),
        ("2023-10?", "uncertain"),
        ("2023?", "uncertain"),
        ("2020-09-27/2020-11-10", "span"),
        ("2014/..", "ongoing"),
        ("199X/..", "ongoing"),
    ],
)
def test_marker_kind(value, kind):
    assert marker_kind(value) == kind


def test_every_marker_is_a_different_sign():
    assert len(set(MARKERS.values())) == len(MARKERS)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Erster Satz. Zweiter Satz.", "Erster Satz."),
        ("Er sagte: „Nein.“ Dann ging er.", "Er sagte: „Nein.“"),
        ("Only one sentence without end", "Only one sentence without end"),
        ("Am 25. Dezember 2024 stürzte es ab. Dann", "Am 25. Dezember 2024 stürzte es ab."),
        ("  Spaces\n  inside.  Next.", "Spaces inside."),
    ],
)
def test_one_sentence(text, expected):
    assert one_sentence(text) == expected


def test_one_sentence_cuts_a_long_sentence_at_a_word():
    text = "wort " * 100 + "ende."
    short = one_sentence(text, max_chars=50)
    assert len(short) <= 50 and short.endswith("wort…")


def test_real_table_in_date_order_grouped_by_start_year():
    years = story_years(EVENTS, "de", {})
    ids = [item.id for _, items in years for item in items]
    assert sorted(ids) == sorted(EVENTS["id"])
    starts = EVENTS.set_index("id").loc[ids, "start"]
    assert starts.is_monotonic_increasing
    labels = [year for year, _ in years]
    assert labels == sorted(set(labels)) and len(labels) == len(set(labels))
    for year, items in years:
        assert {str(EVENTS.set_index("id").loc[i.id, "start"].year) for i in items} == {year}


def test_every_item_has_a_title_a_sentence_and_a_theme_in_both_languages():
    for lang in ("de", "en"):
        for _, items in story_years(EVENTS, lang, {}):
            for item in items:
                assert item.title and item.sentence and item.theme and item.date_words
                assert len(item.sentence) <= 220


def test_remembered_items_give_the_same_story_and_are_reused():
    known: dict = {}
    part = EVENTS[EVENTS["importance"] >= 2]
    assert story_years(part, "de", NAMES, known=known) == story_years(part, "de", NAMES)
    assert set(known) == set(part.index)  # one item per row, keyed by the row's label
    marked = {label: item for label, item in known.items()}
    whole = story_years(EVENTS, "de", NAMES, limit=30, known=known)
    assert whole == story_years(EVENTS, "de", NAMES, limit=30)
    assert all(known[label] is item for label, item in marked.items())  # not built again


def test_duplicate_row_labels_are_not_mixed_up_by_the_memory():
    doubled = pd.concat([EVENTS.head(3), EVENTS.iloc[3:6].set_axis(EVENTS.index[:3])])
    years = story_years(doubled, "de", {}, known={})
    assert sorted(i.id for _, items in years for i in items) == sorted(doubled["id"])


def azal() -> pd.Series:
    return EVENTS.set_index("id", drop=False).loc["azal-8243-crash"]


def test_refined_event_shows_what_the_article_says_and_what_others_add():
    item = story_item(azal(), "de", NAMES)
    assert item.date_words == "25. Dezember 2024"
    assert "Im Artikel: „Ende Dezember 2024“" in item.date_note
    assert "Genauer Tag aus anderen Quellen: 25. Dezember 2024" in item.date_note
    assert item.from_outside and item.countries == ("Aserbaidschan", "Russland", "Kasachstan")
    assert "IFP" not in item.date_note  # the citation is on the card


def test_no_event_narrower_than_its_text_date_is_presented_as_the_articles():
    for _, event in EVENTS.iterrows():
        if not event["text_date"] or event["date"] == event["text_date"]:
            continue
        for lang in ("de", "en"):
            item = story_item(event, lang, {})
            assert item.from_outside, event["id"]
            if date_bounds(event["date"]).start != date_bounds(event["text_date"]).start or (
                date_bounds(event["date"]).end != date_bounds(event["text_date"]).end
            ):
                note = item.date_note.lower()
                assert "anderen quellen" in note or "other sources" in note


def test_an_articles_own_date_is_not_marked_as_from_outside():
    own = EVENTS[(EVENTS["date"] == EVENTS["text_date"]) & (EVENTS["date_basis"] != "knowledge")]
    assert len(own) > 0
    for _, event in own.iterrows():
        item = story_item(event, "en", {})
        assert not item.from_outside
        assert "other sources" not in item.date_note
