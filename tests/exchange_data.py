"""Shared inputs of the export tests: the real curated table plus one event of hostile text."""

from functools import cache

import pandas as pd

from events.store.tables import load_dataset

HOSTILE_TITLE = "<script>alert(1)</script> [klick](https://evil.example/e) <b>fett</b> & „Zitat“"
HOSTILE_SUMMARY = '=HYPERLINK("https://evil.example","x") <img src=x onerror=alert(1)> $x^2$'


@cache
def real():
    """The curated tables as the app loads them (must load without problems)."""
    data = load_dataset()
    assert not data.problems, data.problems[:3]
    return data


def with_hostile_event() -> tuple[pd.DataFrame, pd.DataFrame, pd.DataFrame]:
    """The real events plus a copy of the first one whose texts try markup and formulas."""
    data = real()
    bad = data.events.iloc[[0]].copy()
    bad["id"] = "hostile-event"
    for lang in ("de", "en"):
        bad[f"title_{lang}"] = HOSTILE_TITLE
        bad[f"summary_{lang}"] = HOSTILE_SUMMARY
    events = pd.concat([data.events, bad], ignore_index=True)
    quote = pd.DataFrame(
        [
            {
                "event_id": "hostile-event",
                "source": data.sources["id"].iloc[0],
                "quote": "</blockquote><script>alert(2)</script>",
                "date_text": "",
            }
        ]
    )
    evidence = pd.concat([data.evidence, quote], ignore_index=True)
    return events, evidence, data.sources
