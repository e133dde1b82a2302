"""The invariants of design.md section 3, on the real curated table."""

import csv
import subprocess
import sys
from pathlib import Path

import pandas as pd
import pytest

from events.extract.gazetteer import countries_in
from events.model.provenance import outside_phrase
from events.model.schema import CORRECTION_MARKER, EVENT_COLUMNS, EVIDENCE_COLUMNS, SOURCE_COLUMNS
from events.store.paths import EVENTS_CSV, EVIDENCE_CSV, SOURCES_CSV
from events.store.tables import check_tables, load_dataset

ROOT = Path(__file__).resolve().parent.parent
DATA = load_dataset()


def header(path: Path) -> list[str]:
    with path.open(encoding="utf-8", newline="") as handle:
        return next(csv.reader(handle))


@pytest.mark.parametrize(
    ("path", "columns"),
    [(EVENTS_CSV, EVENT_COLUMNS), (EVIDENCE_CSV, EVIDENCE_COLUMNS), (SOURCES_CSV, SOURCE_COLUMNS)],
)
def test_columns_are_exactly_the_fixed_names(path, columns):
    assert header(path) == list(columns)


def test_real_table_has_no_problems():
    assert [str(p) for p in check_tables()] == []


def test_check_command_exits_zero_on_the_real_table():
    done = subprocess.run(
        [sys.executable, "-m", "events", "check"], cwd=ROOT, capture_output=True, text=True
    )
    assert done.returncode == 0, done.stdout + done.stderr


def test_size_and_span_of_the_story():
    events = DATA.events
    assert 35 <= len(events) <= 50
    assert events["start"].min().year == 1990  # "seit den 1990er Jahren"
    assert events["start"].max() <= pd.Timestamp("2025-07-31")


def test_every_quote_is_verbatim_and_every_date_text_inside_its_quote():
    for row in DATA.evidence.itertuples():
        assert row.quote in DATA.texts[row.source]
        assert row.date_text in row.quote


def test_every_event_has_evidence_unless_knowledge_and_date_text_in_a_quote():
    quotes = DATA.evidence.groupby("event_id")["quote"].apply(list)
    for event in DATA.events.itertuples():
        own = quotes.get(event.id, [])
        assert own or event.date_basis == "knowledge", event.id
        if event.date_text and own:
            assert any(event.date_text in quote for quote in own), event.id


def test_both_articles_back_events_and_shared_events_have_two_sources():
    per_event = DATA.evidence.groupby("event_id")["source"].nunique()
    assert set(DATA.evidence["source"]) == set(DATA.sources["id"])
    assert (per_event >= 2).sum() >= 3  # e.g. the AZAL crash and the Yekaterinburg deaths


def test_both_languages_are_filled():
    for column in ("title_de", "title_en", "summary_de", "summary_en"):
        assert DATA.events[column].str.len().min() > 0


# The two dates of issue 11: what the article says (text_date) and the best-known date.


def test_text_date_is_empty_exactly_for_knowledge_events():
    for event in DATA.events.itertuples():
        assert (event.text_date == "") == (event.date_basis == "knowledge"), event.id


def test_date_source_is_given_wherever_the_date_is_not_the_articles():
    for event in DATA.events.itertuples():
        needs = event.date_basis == "knowledge" or event.date != event.text_date
        assert bool(event.date_source) == needs, event.id


def test_every_date_source_is_a_citation_a_student_can_follow():
    for event in DATA.events.itertuples():
        if event.date_source:
            assert "https://" in event.date_source or "http://" in event.date_source, event.id


def test_date_lies_inside_text_date_exactly_unless_the_article_is_marked_wrong():
    corrected = set()
    for event in DATA.events.itertuples():
        if not event.text_date:
            continue
        text_end = pd.Timestamp.max if pd.isna(event.text_end) else event.text_end
        end = pd.Timestamp.max if pd.isna(event.end) else event.end
        inside = event.text_start <= event.start and end <= text_end
        marked = event.date_source.startswith(CORRECTION_MARKER)
        assert inside != marked, event.id
        if marked:
            corrected.add(event.id)
    assert corrected == {
        "kallas-visits-armenia",
        "georgia-agent-law-protests",
        "russians-arrested-baku",
    }


def test_text_date_columns_are_derived_once_per_load():
    events = DATA.events
    assert events.loc[events["text_date"] == "", "text_precision"].eq("").all()
    war = events.set_index("id").loc["russia-war-donbas"]
    assert (war["text_precision"], str(war["text_start"].date())) == ("open", "2014-01-01")
    assert pd.isna(war["text_end"])


def test_uncertainty_the_summaries_admit_shows_in_the_date():
    events = DATA.events.set_index("id")
    assert events.loc["georgia-agent-law-protests", "date"].endswith("?")
    assert events.loc["iran-shahed-drones", "date"].endswith("~")


OLD_OUTSIDE_PHRASES = ("laut weiteren Quellen", "other sources give", "other sources say")
ARTICLE_WORDS = {"de": ("Rolofs", "Artikel", "Kommentar"), "en": ("Rolofs", "article", "report")}


@pytest.mark.parametrize("lang", ["de", "en"])
def test_outside_facts_in_summaries_are_marked_with_one_phrase(lang):
    """Outside facts come last, after the one phrase `summary_outside`; the article's come first."""
    phrase = outside_phrase(lang)
    for event in DATA.events.itertuples():
        summary = getattr(event, f"summary_{lang}")
        assert not any(old in summary.lower() for old in OLD_OUTSIDE_PHRASES), event.id
        assert summary.count(phrase) <= 1, event.id
        other = event.summary_en if lang == "de" else event.summary_de
        assert (phrase in summary) == (outside_phrase("en" if lang == "de" else "de") in other)
        if phrase in summary:
            before, after = summary.split(phrase)
            assert before.strip() and after.strip(), event.id
            assert not any(word in after for word in ARTICLE_WORDS[lang]), event.id


def test_summaries_of_events_dated_from_outside_use_the_phrase():
    """Where the shown date is not the article's, the summary has a part from other sources."""
    for event in DATA.events.itertuples():
        if event.date_origin == "article":
            continue
        assert outside_phrase("de") in event.summary_de, event.id
        assert outside_phrase("en") in event.summary_en, event.id


def test_countries_named_in_a_summary_are_in_countries():
    for event in DATA.events.itertuples():
        named = set(countries_in(event.summary_de))
        assert named <= set(event.countries), (event.id, sorted(named - set(event.countries)))
