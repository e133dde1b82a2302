"""A small event table in the loaded form, shared by the unit tests."""

import pandas as pd

from events.store.tables import add_date_columns


def table() -> tuple[pd.DataFrame, pd.DataFrame]:
    rows = [
        ("crash", "2024-12-25", ("AZE", "RUS", "KAZ"), ("incident",), 3, "Ilham Alijew"),
        ("karabakh", "2023-09", ("AZE", "ARM"), ("military",), 3, "Ilham Alijew"),
        ("war", "2014/..", ("RUS", "UKR"), ("military",), 2, "Putin"),
        ("lavrov", "2025-05-20/2025-05-21", ("RUS", "ARM"), ("diplomacy",), 2, "Sergej Lawrow"),
        ("taliban", "2025-07-03", ("RUS", "AFG"), ("diplomacy",), 3, "Taliban"),
        ("csto", "2024", ("ARM",), ("alliances",), 3, "OVKS/CSTO"),
    ]
    events = pd.DataFrame(
        {
            "id": [r[0] for r in rows],
            "date": [r[1] for r in rows],
            "countries": [r[2] for r in rows],
            "themes": [r[3] for r in rows],
            "importance": [r[4] for r in rows],
            "actors": [(r[5],) for r in rows],
            "title_de": [f"Titel {r[0]}" for r in rows],
            "title_en": [f"Title {r[0]}" for r in rows],
            "summary_de": ["Zusammenfassung"] * len(rows),
            "summary_en": ["Summary"] * len(rows),
            "date_text": [""] * len(rows),
        }
    )
    evidence = pd.DataFrame(
        {"event_id": ["crash"], "quote": ["Putin entschuldigte sich bei Alijew."]}
    )
    return add_date_columns(events), evidence
