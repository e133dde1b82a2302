"""The extractor against the hand-annotated gold of both seed articles and the curated table."""

from datetime import date
from pathlib import Path

import pandas as pd
import pytest

from events.extract import find_dates
from events.extract.gold import load_gold, score
from events.model.fuzzy_dates import date_bounds
from events.store.tables import load_dataset

GOLD_JSON = Path(__file__).parent / "data" / "extract_gold.json"
DOCUMENTS = load_gold(GOLD_JSON)


def test_gold_is_well_formed():
    for doc in DOCUMENTS:
        assert doc.mentions, doc.source
        previous_end = -1
        for m in doc.mentions:
            assert doc.text[m["start"] : m["end"]] == m["text"], m
            assert m["start"] >= previous_end, f"overlapping or unsorted gold mention {m}"
            previous_end = m["end"]
            assert m["basis"] in {"text", "text+dct", "text+event"}, m
            date_bounds(m["edtf"])  # parses


@pytest.mark.parametrize("doc", DOCUMENTS, ids=[d.source for d in DOCUMENTS])
def test_precision_recall_and_values_on_the_gold(doc):
    gold = [m for m in doc.mentions if not m.get("vague")]
    predicted = find_dates(doc.text, doc.published)
    result = score(gold, [(m.start, m.end, m.edtf) for m in predicted])
    spans = {(g["start"], g["end"]): g for g in gold}
    found = {(m.start, m.end) for m in predicted}
    missed = [g["text"] for g in gold if (g["start"], g["end"]) not in found]
    extra = [m.text for m in predicted if (m.start, m.end) not in spans]
    wrong = [
        (m.text, m.edtf, spans[(m.start, m.end)]["edtf"])
        for m in predicted
        if (m.start, m.end) in spans and spans[(m.start, m.end)]["edtf"] != m.edtf
    ]
    assert result.precision >= 0.95, f"extra: {extra}"
    assert result.recall >= 0.95, f"missed: {missed}"
    assert result.value_accuracy >= 0.95, f"(text, ours, gold): {wrong}"


@pytest.mark.parametrize("doc", DOCUMENTS, ids=[d.source for d in DOCUMENTS])
def test_basis_and_anchors_on_the_gold(doc):
    predicted = {(m.start, m.end): m for m in find_dates(doc.text, doc.published)}
    right = total = 0
    for g in doc.mentions:
        m = predicted.get((g["start"], g["end"]))
        if m is None:
            continue
        total += 1
        right += m.basis == g["basis"] and (g.get("anchor") in (None, m.anchor_text))
    assert right / total >= 0.95


@pytest.mark.parametrize("doc", DOCUMENTS, ids=[d.source for d in DOCUMENTS])
def test_vague_gold_mentions_are_found_when_asked(doc):
    vague = [(g["start"], g["end"]) for g in doc.mentions if g.get("vague")]
    found = {(m.start, m.end) for m in find_dates(doc.text, doc.published, include_vague=True)}
    assert set(vague) <= found


def _sources():
    dataset = load_dataset()
    texts = {
        row["id"]: (dataset_path(row["file"]).read_text(encoding="utf-8"), row["published"])
        for _, row in dataset.sources.iterrows()
    }
    return dataset, texts


def dataset_path(file):
    from events.store.paths import PROJECT_ROOT

    return PROJECT_ROOT / "seeds" / file


def test_every_date_text_of_the_curated_table_is_found_and_consistent():
    """Each event's date as written is found in its quote, with a value that fits the event.

    The value must overlap `text_date` (what the words support; `date` may be more precise or
    correct the article). Events dated from outside knowledge (`date_basis=knowledge`) only need
    to be found.
    """
    dataset, texts = _sources()
    events = dataset.events.set_index("id")
    problems = []
    mentions_of = {}
    for _, row in dataset.evidence.iterrows():
        event = events.loc[row["event_id"]]
        date_text = event["date_text"]
        if not date_text or date_text not in row["quote"]:
            continue
        text, published = texts[row["source"]]
        quote_at = text.index(row["quote"])
        start = quote_at + row["quote"].index(date_text)
        end = start + len(date_text)
        if row["source"] not in mentions_of:  # each article is read once
            published_day = date_bounds(published).end
            mentions_of[row["source"]] = find_dates(text, published_day, include_vague=True)
        mentions = mentions_of[row["source"]]
        hits = [m for m in mentions if m.start < end and start < m.end]
        if not hits:
            problems.append(f"{row['event_id']}: '{date_text}' not found")
            continue
        if event["date_basis"] == "knowledge":
            continue
        value = date_bounds(hits[0].edtf)
        # compared with what the text supports (text_date), not the best-known date
        text_end = event["text_end"]
        event_end = date.max if pd.isna(text_end) else text_end.date()  # open: "2014/.."
        if not (value.start <= event_end and event["text_start"].date() <= value.end):
            problems.append(
                f"{row['event_id']}: '{date_text}' read as {hits[0].edtf}, "
                f"text_date is {event['text_date']}"
            )
    assert not problems, "\n".join(problems)
