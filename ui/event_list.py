"""The readable list of the filtered events, sorted by date; picking a row opens its card."""

import pandas as pd
import streamlit as st

from events.model.countries import country_name
from events.model.themes import theme_label
from ui.state import select_event

COLUMNS = {
    "de": ("Datum", "Im Text", "Ereignis", "Länder", "Themen"),
    "en": ("Date", "As written", "Event", "Countries", "Themes"),
}


def event_table(events: pd.DataFrame, described: pd.Series, lang: str) -> pd.DataFrame:
    """The list as a plain table in `lang`, indexed by event id, in date order."""
    date_col, written_col, title_col, countries_col, themes_col = COLUMNS[lang]
    return pd.DataFrame(
        {
            date_col: described.loc[events.index].to_numpy(),
            written_col: events["date_text"].to_numpy(),
            title_col: events[f"title_{lang}"].to_numpy(),
            countries_col: [
                ", ".join(country_name(c, lang) for c in cs) for cs in events["countries"]
            ],
            themes_col: [", ".join(theme_label(x, lang) for x in ts) for ts in events["themes"]],
        },
        index=pd.Index(events["id"].to_numpy(), name="id"),
    )


def render_event_list(events: pd.DataFrame, described: pd.Series, lang: str, key: str) -> None:
    """Show the events as a table; selecting a row selects that event."""
    if events.empty:
        return
    table = event_table(events, described, lang)
    picked = st.dataframe(
        table,
        key=key,
        on_select="rerun",
        selection_mode="single-row",
        hide_index=True,
        width="stretch",
        column_config={COLUMNS[lang][2]: st.column_config.TextColumn(width="large")},
    )
    rows = picked.selection.rows if picked else []
    row = table.index[rows[0]] if rows else None
    last_key = f"{key}.last"
    if row and row != st.session_state.get(last_key):
        select_event(row)
    st.session_state[last_key] = row
