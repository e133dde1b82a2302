"""The TempEval-3 style scorer, on small hand-made tables whose numbers are worked out by hand."""

import json
from pathlib import Path

import pytest

from events.extract.evaluation import Mention, Scores, as_mention, match, score, score_by

GOLD_DIR = Path(__file__).parent / "data" / "timex_dev"


def g(start, end, value, kind="DATE", mod=None, doc="a"):
    return Mention(doc, start, end, "", kind, value, mod)


# one gold mention against one system mention:
# (gold span, system span, gold value, system value) -> strict, relaxed, value correct
PAIR_CASES = [
    ((10, 20), (10, 20), "2010-09-16", "2010-09-16", 1, 1, 1),  # exact
    ((10, 20), (10, 20), "2010-09-16", "2010-09-17", 1, 1, 0),  # right span, wrong value
    ((10, 20), (13, 20), "2010-W37", "2010-w37", 0, 1, 1),  # overlap; value case-insensitive
    ((10, 20), (5, 11), "2010", "2010", 0, 1, 1),  # one shared character is an overlap
    ((10, 20), (20, 25), "2010", "2010", 0, 0, 0),  # touching is not overlapping
    ((10, 20), (0, 5), "2010", "2010", 0, 0, 0),  # disjoint
    ((10, 20), (10, 20), "PRESENT_REF", None, 1, 1, 0),  # system without a value
]


@pytest.mark.parametrize("gspan, sspan, gval, sval, strict, relaxed, value", PAIR_CASES)
def test_single_pair(gspan, sspan, gval, sval, strict, relaxed, value):
    s = score([g(*gspan, gval)], [g(*sspan, sval)])
    assert (s.gold, s.system, s.strict, s.relaxed, s.value) == (1, 1, strict, relaxed, value)


def test_rates_from_a_table():
    # gold: 4 mentions; system: 5 mentions, of which
    #  - exact span, right value             -> strict, relaxed, value
    #  - overlapping span, right value        -> relaxed, value
    #  - overlapping span, wrong value        -> relaxed
    #  - two spurious mentions; one gold mention missed
    gold = [g(0, 10, "2020"), g(20, 30, "2020-03"), g(40, 50, "2020-W11"), g(60, 70, "2021")]
    system = [
        g(0, 10, "2020"),
        g(22, 30, "2020-03"),
        g(40, 45, "2020-W12"),
        g(80, 90, "2022"),
        g(95, 99, "2023"),
    ]
    s = score(gold, system)
    assert (s.gold, s.system, s.strict, s.relaxed, s.value) == (4, 5, 1, 3, 2)
    assert s.strict_precision == pytest.approx(1 / 5)
    assert s.strict_recall == pytest.approx(1 / 4)
    assert s.strict_f1 == pytest.approx(2 * (1 / 5) * (1 / 4) / (1 / 5 + 1 / 4))
    assert s.relaxed_precision == pytest.approx(3 / 5)
    assert s.relaxed_recall == pytest.approx(3 / 4)
    assert s.relaxed_f1 == pytest.approx(2 / 3)
    assert s.value_accuracy == pytest.approx(2 / 3)
    # TempEval-3 value F1: correct values over all system / all gold mentions
    assert s.value_precision == pytest.approx(2 / 5)
    assert s.value_recall == pytest.approx(2 / 4)
    assert s.value_f1 == pytest.approx(2 * 0.4 * 0.5 / 0.9)


def test_one_to_one_pairing_prefers_the_largest_overlap():
    # "Ende des Jahres 1939" as one gold mention; the system splits it in two pieces:
    # only one of them may count, the other is a false positive
    gold = [g(0, 20, "1939", mod="END")]
    system = [g(0, 4, "XXXX"), g(8, 20, "1939")]  # "Ende" and "des Jahres 1939"
    assert match(gold, system) == [(0, 1)]
    # equal overlaps: the earlier system mention wins
    assert match(gold, [g(0, 4, "XXXX"), g(16, 20, "1939")]) == [(0, 0)]
    s = score(gold, system)
    assert (s.relaxed, s.value, s.mod) == (1, 1, 0)
    assert s.relaxed_precision == pytest.approx(0.5)
    # and the other way round: two gold points ("16. und 17. Januar") against one system span
    gold = [g(0, 3, "2011-01-16"), g(8, 18, "2011-01-17")]
    system = [g(0, 18, "2011-01-16")]
    s = score(gold, system)
    assert (s.gold, s.system, s.relaxed, s.value) == (2, 1, 1, 0)  # pairs with the larger overlap


def test_documents_are_kept_apart():
    gold = [g(0, 10, "2020", doc="a")]
    system = [g(0, 10, "2020", doc="b")]
    s = score(gold, system)
    assert (s.relaxed, s.strict) == (0, 0)


def test_type_and_mod():
    gold = [g(0, 5, "P3D", kind="DURATION"), g(10, 20, "2020-02", mod="END"), g(30, 35, "2020")]
    system = [
        g(0, 5, "P3D", kind="DATE"),
        g(10, 20, "2020-02", mod="end"),
        g(30, 35, "2020", mod="APPROX"),
    ]
    s = score(gold, system)
    assert (s.type, s.mod) == (2, 2)  # an absent mod agrees only with an absent mod
    assert s.type_accuracy == pytest.approx(2 / 3)
    assert s.type_f1 == pytest.approx(2 / 3)


def test_restricting_to_dates_ignores_other_types_instead_of_counting_them_wrong():
    gold = [g(0, 10, "2020"), g(20, 30, "P3D", kind="DURATION"), g(40, 50, "2020-01-01T10:00")]
    gold[2] = Mention("a", 40, 50, "", "TIME", "2020-01-01T10:00")
    system = [
        g(0, 10, "2020", kind=None),  # untyped output still scores
        g(20, 30, "2020-01"),  # found the duration: ignored, not a false positive
        g(60, 70, "1999"),  # spurious: still a false positive
    ]
    s = score(gold, system, types=["DATE"])
    assert (s.gold, s.system, s.relaxed, s.value) == (1, 2, 1, 1)
    # without the restriction, every mention counts
    s_all = score(gold, system)
    assert (s_all.gold, s_all.system, s_all.relaxed) == (3, 3, 2)


def test_scores_add_up_and_split_by_category():
    gold = [g(0, 4, "2020", doc="n1"), g(0, 4, "1914", doc="h1"), g(10, 14, "1918", doc="h1")]
    system = [g(0, 4, "2020", doc="n1"), g(0, 4, "2014", doc="h1")]
    genre = {"n1": "news", "h1": "narrative"}
    parts = score_by(gold, system, genre)
    assert set(parts) == {"news", "narrative"}
    assert (parts["news"].relaxed, parts["news"].value) == (1, 1)
    assert (parts["narrative"].gold, parts["narrative"].relaxed, parts["narrative"].value) == (
        2,
        1,
        0,
    )
    total = parts["news"] + parts["narrative"]
    assert total == score(gold, system)
    assert Scores() + total == total


def test_empty_inputs_give_zero_rates_not_errors():
    s = score([], [])
    assert (s.relaxed_f1, s.value_accuracy, s.value_f1) == (0.0, 0.0, 0.0)
    s = score([g(0, 4, "2020")], [])
    assert (s.relaxed_recall, s.relaxed_precision) == (0.0, 0.0)


def test_as_mention_reads_mappings_and_objects():
    class Found:  # like events.extract.DateMention once it carries TIMEX3 attributes
        start, end, text = 3, 7, "2020"
        timex, timex_type, timex_mod = "2020", "DATE", None

    m = as_mention(Found(), doc="x")
    assert (m.doc, m.start, m.end, m.timex, m.timex_type) == ("x", 3, 7, "2020", "DATE")
    m = as_mention({"doc": "y", "start": 0, "end": 2, "value": "2021"})
    assert (m.doc, m.timex, m.timex_type) == ("y", "2021", None)
    with pytest.raises(ValueError):
        as_mention({"start": 0, "end": 2})
    with pytest.raises(ValueError):
        Mention("a", 5, 5)


def test_the_development_gold_is_consistent():
    """Offsets, types and ids of the stored gold agree with the stored texts and manifest."""
    manifest = json.loads((GOLD_DIR / "manifest.json").read_text(encoding="utf-8"))
    docs = {d["id"]: d for d in manifest["documents"]}
    texts = {i: (GOLD_DIR / d["file"]).read_text(encoding="utf-8") for i, d in docs.items()}
    gold = [json.loads(line) for line in (GOLD_DIR / "gold.jsonl").read_text().splitlines()]
    assert {d["genre"] for d in docs.values()} == {"news", "narrative"}
    for m in gold:
        assert texts[m["doc"]][m["start"] : m["end"]] == m["text"]
        assert m["timex_type"] in {"DATE", "TIME", "DURATION", "SET"}
    dates = [m for m in gold if m["timex_type"] == "DATE"]
    assert len(dates) >= 400
    # a perfect system scores 1.0 everywhere, per genre too
    genre = {i: d["genre"] for i, d in docs.items()}
    for part in score_by(gold, gold, genre).values():
        assert part.strict_f1 == part.relaxed_f1 == part.value_f1 == 1.0


@pytest.mark.parametrize(
    "edtf, invalid",
    [("2025-08-11/2025-08-10", True), ("1618/1648", False), ("2014/..", False), ("2025-05", False)],
)
def test_benchmark_counts_intervals_that_end_before_they_start(edtf, invalid):
    from bench.bench_timex import invalid_edtf

    assert invalid_edtf(edtf) == invalid
