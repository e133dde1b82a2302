"""The view a page is handed: the language, the filters, the events they select, and the few
lookups pages need (dates in words, country names, one event's row)."""

from dataclasses import dataclass

import pandas as pd
import streamlit as st

from events.charts.sizes import chart_height, chart_width
from events.locale import t
from events.model.countries import country_names
from events.queries.filters import FilterState
from events.store.tables import Dataset
from ui.data import Prepared


def device_chart_size() -> dict[str, int]:
    """`width_px` and `height_px` for a lane timeline on this browser's device (from its
    User-Agent: the server never learns the real width), so titles are packed for a phone on a
    phone and never overlap there."""
    agent = st.context.headers.get("User-Agent")
    return {"width_px": chart_width(agent), "height_px": chart_height(agent)}


@dataclass(frozen=True)
class View:
    """What a page needs: the language, the filters and the events they select."""

    prepared: Prepared
    lang: str
    filters: FilterState
    events: pd.DataFrame

    @property
    def data(self) -> Dataset:
        return self.prepared.data

    @property
    def all_events(self) -> pd.DataFrame:
        return self.prepared.data.events

    def words_for(self, events: pd.DataFrame) -> pd.Series:
        """The dates of `events` (rows of the table) in words, in the view's language."""
        return self.prepared.described[self.lang].loc[events.index]

    @property
    def dates_in_words(self) -> pd.Series:
        """The dates of the selected events in words."""
        return self.words_for(self.events)

    @property
    def country_names(self) -> dict[str, str]:
        """Code → name in the view's language, for every country of the whole table (built once
        per load and language, shared by every session: read it, do not change it)."""
        key = ("country_names", self.lang)
        names = self.prepared.memo.get(key)
        if names is None:
            codes = self.all_events["countries"].explode().dropna().unique()
            names = self.prepared.memo[key] = country_names(codes, self.lang)
        return names

    def event(self, event_id: str | None) -> pd.Series | None:
        """The table row of `event_id` (among all events), or None for no or an unknown id."""
        events = self.all_events
        if not event_id or event_id not in set(events["id"]):
            return None
        return events.set_index("id", drop=False).loc[event_id]


def show_table_problems(view: View) -> None:
    """A broken table: list its problems on the page (the valid rows still show)."""
    problems = view.data.problems
    if problems:
        from ui.text import md_literal

        # escaped like the data banner: a backtick in a value must not end a code span
        lines = "\n".join(f"- {md_literal(str(problem))}" for problem in problems[:50])
        st.error(f"{t('table_problems', view.lang, n=len(problems))}\n\n{lines}")
