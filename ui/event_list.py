"""The readable list of the filtered events, sorted by date; picking a row opens its card."""

import pandas as pd
import streamlit as st

from events.locale import t
from events.model.countries import country_name
from events.model.themes import theme_label
from ui.session import on_table_pick
from ui.view import View

# column keys of the locale files, in the list's order
COLUMNS = ("list_date", "list_written", "list_event", "list_countries", "list_themes")


def event_table(events: pd.DataFrame, described: pd.Series, lang: str) -> pd.DataFrame:
    """The list as a plain table in `lang`, indexed by event id, in date order."""
    date_col, written_col, title_col, countries_col, themes_col = (t(c, lang) for c in COLUMNS)
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


def render_event_list(view: View, events: pd.DataFrame, key: str, where: str | None = None) -> None:
    """Show `events` (rows of the view's table) as a table; selecting a row selects that event
    (picked at `where`)."""
    if events.empty:
        return
    table = event_table(events, view.words_for(events), view.lang)
    st.dataframe(
        table,
        key=key,
        on_select=on_table_pick(key, table.index, where),
        selection_mode="single-row",
        hide_index=True,
        width="stretch",
        column_config={t(COLUMNS[2], view.lang): st.column_config.TextColumn(width="large")},
    )
