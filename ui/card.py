"""The event card: everything known about one event, with every source sentence."""

import re

import pandas as pd
import streamlit as st

from events.locale import t
from events.model.countries import country_name
from events.model.fuzzy_dates import describe_date
from events.model.themes import theme_label
from ui.session import select_event, selected_event
from ui.view import View

_MARKDOWN_SPECIAL = re.compile(r"([\\`*_{}\[\]<>()#+!|~$])")


def md_escape(text: str) -> str:
    """Escape Markdown so table text shows as written (no HTML, no formatting)."""
    return _MARKDOWN_SPECIAL.sub(r"\\\1", text)


def quote_markdown(quote: str, date_text: str) -> str:
    """The quote as a Markdown block quote with its date expression in bold."""
    if date_text and date_text in quote:
        before, _, after = quote.partition(date_text)
        body = f"{md_escape(before)}**{md_escape(date_text)}**{md_escape(after)}"
    else:
        body = md_escape(quote)
    return f"> {body}"


def source_line(source: pd.Series, lang: str) -> str:
    """'Outlet · Opinion piece · published about July 2025' for one source row."""
    parts = [source["title"]]
    if source["author"]:
        parts.append(source["author"])
    if source["outlet"]:
        parts.append(source["outlet"])
    parts.append(t(f"genre_{source['genre']}", lang))
    parts.append(f"{t('published', lang)} {describe_date(source['published'], lang)}")
    return " · ".join(md_escape(p) for p in parts)


def render_event_card(
    event: pd.Series, evidence: pd.DataFrame, sources: pd.DataFrame, lang: str
) -> None:
    """Draw the card of `event` with its evidence rows and their sources."""
    with st.container(border=True, key="card"):
        st.subheader(event[f"title_{lang}"])
        written = (
            f"„{md_escape(event['date_text'])}“"
            if event["date_text"]
            else t("card_no_text_date", lang)
        )
        basis = t(f"basis_{event['date_basis']}", lang)
        st.markdown(
            f"**{t('card_date', lang)}:** {md_escape(describe_date(event['date'], lang))}  \n"
            f"**{t('card_written', lang)}:** {written}  \n"
            f"**{t('card_basis', lang)}:** {basis}"
        )
        st.markdown(md_escape(event[f"summary_{lang}"]))
        countries = ", ".join(country_name(c, lang) for c in event["countries"])
        themes = ", ".join(theme_label(th, lang) for th in event["themes"])
        st.markdown(
            f"**{t('card_countries', lang)}:** {md_escape(countries)}  \n"
            f"**{t('card_actors', lang)}:** {md_escape(', '.join(event['actors']) or '–')}  \n"
            f"**{t('card_themes', lang)}:** {md_escape(themes)}"
        )
        st.markdown(f"**{t('card_sources', lang)}**")
        rows = evidence[evidence["event_id"] == event["id"]]
        if rows.empty:
            st.caption(t("card_no_sources", lang))
        by_id = sources.set_index("id")
        for _, row in rows.iterrows():
            st.markdown(quote_markdown(row["quote"], row["date_text"]))
            if row["source"] in by_id.index:
                st.caption(source_line(by_id.loc[row["source"]], lang))


def render_card_with_close(view: View, key: str) -> None:
    """The card of the selected event (if it is in the table) with a close button `key`."""
    event = view.event(selected_event())
    if event is None:
        return
    data = view.data
    render_event_card(event, data.evidence, data.sources, view.lang)
    st.button(t("close_card", view.lang), key=key, on_click=select_event, args=(None,))
