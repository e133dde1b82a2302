"""The marked article (pure): segments cover the text exactly, every piece is escaped, curated
date expressions are always marked."""

import html
import re

import pandas as pd

from events.queries.article_marks import (
    DateMark,
    EvidenceMark,
    article_html,
    article_segments,
    segments_html,
    with_curated_dates,
)

TEXT = (
    "Im Dezember 2024 stürzte <b>ein</b> Flugzeug ab. Seit 2014 dauert der Krieg an.\n"
    "<script>alert(1)</script> [x](https://evil.example) **fett**"
)
EVENTS = pd.DataFrame(
    [{"id": "crash", "date": "2024-12-25", "text_date": "2024-12", "date_basis": "text"}]
)


def evidence(quote: str, date_text: str) -> pd.DataFrame:
    return pd.DataFrame(
        [{"event_id": "crash", "source": "s", "quote": quote, "date_text": date_text}]
    )


def test_segments_cover_the_text_exactly_and_carry_their_marks():
    dates = [DateMark(0, 16, "Im Dezember 2024", "2024-12", "text")]
    marks = [EvidenceMark(0, 48, "crash", 1)]
    segments = article_segments(TEXT, dates, marks)
    assert "".join(s.text for s in segments) == TEXT
    assert segments[0].date == 0 and segments[0].evidence == (0,)
    assert segments[-1].date is None and segments[-1].evidence == ()


def test_every_piece_of_text_is_escaped():
    body, dates, marks = article_html(
        TEXT, "2025-01-10", evidence(TEXT[:48], "Im Dezember 2024"), EVENTS, "de"
    )
    assert "<script" not in body and "<b>" not in body
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in body and "&lt;b&gt;ein&lt;/b&gt;" in body
    assert "[x](https://evil.example) **fett**" in body
    tags = set(re.findall(r"<(\w+)", body))
    assert tags <= {"div", "mark", "span", "sup", "br"}
    assert html.unescape(
        re.sub(r'<span class="src-tip".*?</span>|<sup.*?</sup>|<[^>]+>', "", body)
    ) == (TEXT.replace("\n", ""))
    assert len(marks) == 1 and {d.text for d in dates} >= {"Im Dezember 2024", "2014"}


def test_a_curated_date_text_the_extractor_misses_is_marked_with_the_tables_reading():
    quote = "Im Dezember 2024 stürzte <b>ein</b> Flugzeug ab."
    merged = with_curated_dates(TEXT, evidence(quote, "stürzte"), EVENTS, [])
    assert [(m.text, m.edtf, m.from_table) for m in merged] == [("stürzte", "2024-12", True)]


def test_a_partial_extractor_mark_is_widened_to_the_curated_date_text():
    found = [DateMark(3, 16, "Dezember 2024", "2024-12", "text")]
    merged = with_curated_dates(TEXT, evidence(TEXT[:48], "Im Dezember 2024"), EVENTS, found)
    assert [(m.start, m.end, m.text, m.edtf) for m in merged] == [
        (0, 16, "Im Dezember 2024", "2024-12")
    ]


def test_tooltip_html_escapes_the_anchor():
    dates = [DateMark(0, 2, "Im", "2024-12", "text+event", anchor_text="<i>x</i>")]
    body = segments_html(article_segments("Im", dates, []), dates, [], "en")
    assert "<i>" not in body and "&lt;i&gt;x&lt;/i&gt;" in body
