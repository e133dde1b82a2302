"""Properties of the extractor on generated text: it never raises and never reports a value that
cannot be shown, whatever the words (drawn from the whole of events/data/de_dates.toml), the
sentence templates with anchors, and the publication date (events after it included)."""

from datetime import date

import edtf
from hypothesis import given, settings
from hypothesis import strategies as st

from events.extract import find_dates
from events.extract.lexicon import WORDS
from events.model.fuzzy_dates import date_bounds, is_valid_edtf


def _vocabulary() -> list[str]:
    """Every word of the TOML file (table keys and list items), as written and capitalised."""
    found: set[str] = set()
    for table in WORDS.values():
        for key, value in table.items():
            entries = value if isinstance(value, list) else [key]
            for entry in entries:
                if isinstance(entry, str):
                    found |= {entry, entry[:1].upper() + entry[1:]}
    return sorted(found)


VOCABULARY = _vocabulary()
NUMBERS = ["3", "15.", "1.", "31.", "578", "1914", "1945", "2011", "2024", "2099", "12.03.2011"]
FILLER = ["Truppen", "griffen", "an", "fiel", "die", "Stadt", "floh", "der", "König", ".", ","]
WORD = st.sampled_from(VOCABULARY + NUMBERS + FILLER)
SENTENCE = st.lists(WORD, min_size=1, max_size=12).map(lambda words: " ".join(words) + ".")

# sentences with anchors and expressions told from them, in the past tense, so that a text
# whose events lie after its publication date is generated as often as one before it
TEMPLATES = [
    "Am {day}. {month} griffen die Truppen an.",
    "Am {day}. {month} {year} griffen die Truppen an.",
    "Im {month} {year} begann der Krieg.",
    "Im Jahr {year} kam er.",
    "{n} Tage später fiel die Stadt.",
    "{n} Wochen nach dem Angriff fiel die Stadt.",
    "Wenige Tage danach floh der König.",
    "Am selben Tag floh der König.",
    "Am nächsten Tag kam er.",
    "Kurz darauf sprach er.",
    "Im Jahr darauf starb er.",
    "Ein Jahr später starb er.",
    "Gleichzeitig floh der König.",
    "Derzeit ist es ruhig.",
    "Damals war es ruhig.",
    "Bald wird es ruhig sein.",
    "Ende {month} kam er.",
    "Zwischen {year} und {year2} herrschte er.",
]
MONTHS = [name for name in WORDS["months"] if "." not in name]


@st.composite
def narrated(draw) -> str:
    sentences = []
    for template in draw(st.lists(st.sampled_from(TEMPLATES), min_size=1, max_size=8)):
        sentences.append(
            template.format(
                day=draw(st.integers(1, 31)),
                month=draw(st.sampled_from(MONTHS)).capitalize(),
                year=draw(st.integers(1, 2100)),
                year2=draw(st.integers(1, 2100)),
                n=draw(st.sampled_from(["Zwei", "Drei", "Wenige", "10", "Fast zwei"])),
            )
        )
    return " ".join(sentences)


PUBLISHED = st.one_of(
    st.dates(min_value=date(1, 1, 1), max_value=date(9999, 12, 31)),
    st.sampled_from([date(1, 1, 1), date(9999, 12, 31), date(2011, 2, 16), date(1900, 1, 1)]),
)
TEXT = st.one_of(st.lists(SENTENCE, max_size=6).map(" ".join), narrated())


def check(text: str, published: date, vague: bool) -> None:
    mentions = find_dates(text, published, include_vague=vague)
    previous_end = 0
    for i, m in enumerate(mentions):
        assert text[m.start : m.end] == m.text and m.start >= previous_end, m
        previous_end = m.end
        if m.edtf == "":
            assert m.timex == "PAST_REF", m
        elif m.edtf.startswith("-") or m.edtf == "0000" or "/-" in m.edtf:
            edtf.parse_edtf(m.edtf)  # BC: valid EDTF with no Python date
        else:
            assert is_valid_edtf(m.edtf), m
            bounds = date_bounds(m.edtf)
            assert bounds.end is None or bounds.start <= bounds.end, m
        assert m.timex, m
        assert m.timex_type in {"DATE", "TIME", "DURATION", "SET"}, m
        if m.anchor is not None:
            assert m.anchor < i and mentions[m.anchor].text == m.anchor_text
            assert mentions[m.anchor].timex not in {"PRESENT_REF", "PAST_REF", "FUTURE_REF"}


@settings(max_examples=400, deadline=None)
@given(text=TEXT, published=PUBLISHED, vague=st.booleans())
def test_never_raises_and_every_value_can_be_shown(text, published, vague):
    check(text, published, vague)


def test_the_crash_of_issue_14():
    text = (
        "Am 15. Februar griffen die Truppen an. Zwei Tage später fiel die Stadt. "
        "Am selben Tag floh der König."
    )
    check(text, date(2011, 2, 16), False)
    mentions = find_dates(text, date(2011, 2, 16))
    assert [(m.text, m.edtf) for m in mentions] == [
        ("15. Februar", "2011-02-15"),
        ("Zwei Tage später", "2011-02-17"),
        ("Am selben Tag", "2011-02-17"),
    ]


def test_the_edges_of_the_calendar():
    for published in (date(1, 1, 1), date(9999, 12, 31)):
        text = "Gestern, morgen, nächstes Jahr, im Mai, vor zwei Jahren, in den kommenden Monaten."
        check(text, published, True)
