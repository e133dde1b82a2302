"""The editor's draft (pure): ids, the suggested event row, the change set of a review."""

from events.store.changes import NewSource
from events.store.drafts import (
    ArticleMeta,
    Decision,
    actors_in,
    event_row_from_candidate,
    free_id,
    review_changes,
    slug,
    source_id_for,
)

CANDIDATES = [
    {
        "source": "test-2025-08",
        "sentence": "Am 8. August 2025 unterzeichneten Armenien und Aserbaidschan.",
        "date_text": "8. August 2025",
        "date": "2025-08-08",
        "date_basis": "text",
        "countries": "ARM;AZE",
        "themes": "diplomacy",
    },
    {
        "source": "test-2025-08",
        "sentence": "Im März 2025 endeten die Verhandlungen.",
        "date_text": "März 2025",
        "date": "2025-03",
        "date_basis": "text",
        "countries": "",
        "themes": "",
    },
    {
        "source": "test-2025-08",
        "sentence": "Nun geht es weiter.",
        "date_text": "Nun",
        "date": "2025-08",
        "date_basis": "text+dct",
        "countries": "",
        "themes": "",
    },
]


def test_slug_folds_umlauts_and_stays_short():
    assert (
        slug("Außenminister in Tiflis: Ärger über Öl")
        == "aussenminister-in-tiflis-aerger-ueber-oel"
    )
    assert len(slug("wort " * 40, 20)) <= 20
    assert slug("!!!") == "article"


def test_free_id_counts_up():
    assert free_id("a", {"a", "a-2"}) == "a-3"
    assert free_id("b", {"a"}) == "b"


def test_source_id_from_outlet_and_month():
    meta = ArticleMeta("Titel", "Die Zeitung", "", "news", "2025-08-10")
    assert source_id_for(meta, ["die-zeitung-2025-08"]) == "die-zeitung-2025-08-2"


def test_event_row_is_prefilled_from_the_candidate():
    row = event_row_from_candidate(CANDIDATES[0], taken=())
    assert (row["date"], row["text_date"], row["date_text"]) == ("2025-08-08",) * 2 + (
        "8. August 2025",
    )
    assert (row["countries"], row["themes"], row["title_en"]) == ("ARM;AZE", "diplomacy", "")


def test_review_changes_holds_each_decision():
    source = NewSource({"id": "test-2025-08", "file": "009_x.txt"}, "text")
    event = {
        **event_row_from_candidate(CANDIDATES[0], ()),
        "id": "treaty",
        "date_text": "August 2025",
    }
    changes = review_changes(
        source,
        CANDIDATES,
        {
            0: Decision("new", event=event),
            1: Decision("evidence", target="talks-end"),
            2: Decision("reject"),
        },
    )
    assert changes.sources == (source,)
    assert [e["id"] for e in changes.new_events] == ["treaty"]
    assert [(e["event_id"], e["date_text"]) for e in changes.new_evidence] == [
        ("treaty", "August 2025"),
        ("talks-end", "März 2025"),
    ]
    assert [r.sentence for r in changes.rejections] == [CANDIDATES[2]["sentence"]]


def test_actors_in_finds_known_names_as_words():
    assert actors_in("Alijew traf Putin in Moskau.", ["Putin", "Alijew", "NATO", "Put"]) == [
        "Alijew",
        "Putin",
    ]
