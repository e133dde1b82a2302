"""The Sources page's parts: one article with its dates and evidence sentences marked, the events
both articles tell, and the fact check. Article text reaches the page only as escaped HTML from
`events.queries.article_marks` or escaped Markdown."""

import pandas as pd
import streamlit as st

from events.locale import t
from events.model.fuzzy_dates import describe_date
from events.queries.article_marks import article_html, citation, fact_checks, shared_events
from ui.card import quote_html
from ui.session import select_event
from ui.text import md_literal
from ui.view import View

ARTICLE_CSS = """
<style>
.src-article { line-height: 1.7; font-size: 1.02rem; max-width: 52rem; }
.src-article mark.src-date { background: #fff3b0; color: #1f1f1f; padding: 0 .1em;
  border-radius: .2em; position: relative; cursor: help; }
.src-article mark.src-date:focus { outline: 2px solid #1f4e99; outline-offset: 1px; }
.src-article .src-tip { display: none; position: absolute; left: 0; top: 1.6em; z-index: 10;
  min-width: 14rem; max-width: 22rem; background: #1f1f1f; color: #fff; padding: .35em .6em;
  border-radius: .3em; font-size: .85rem; line-height: 1.35; }
.src-article mark.src-date:hover .src-tip, .src-article mark.src-date:focus .src-tip {
  display: block; }
.src-article .src-ev { text-decoration: underline; text-decoration-color: #1f4e99;
  text-decoration-thickness: 2px; text-underline-offset: 3px; }
.src-article .src-num { color: #1f4e99; font-weight: 600; }
@media (max-width: 640px) {
  .src-article .src-tip { position: fixed; left: 1rem; right: 1rem; top: auto; bottom: 1rem;
    max-width: none; }
}
</style>
"""


def _title(view: View, event_id: str) -> str:
    event = view.event(event_id)
    return event_id if event is None else str(event[f"title_{view.lang}"])


def _metadata(source: pd.Series, lang: str) -> None:
    unknown = t("sources_unknown", lang)
    genre = t(f"genre_{source['genre']}", lang)
    lines = [
        f"**{t('sources_outlet', lang)}:** {md_literal(source['outlet'] or unknown)}",
        f"**{t('sources_author', lang)}:** {md_literal(source['author'] or unknown)}",
        f"**{t('sources_genre', lang)}:** {genre}",
        f"**{t('sources_published', lang)}:** "
        f"{md_literal(describe_date(source['published'], lang))}"
        f" ({md_literal(source['published'])})",
    ]
    st.markdown("  \n".join(lines))
    if source["notes"]:
        st.markdown(f"**{t('sources_inferred', lang)}:** {md_literal(source['notes'])}")


def render_article(view: View) -> None:
    """Pick an article; show its metadata, its marked text and buttons to its events' cards."""
    lang, data = view.lang, view.data
    sources = data.sources[data.sources["id"].isin(data.texts)]
    if sources.empty:
        st.info(t("sources_none", lang))
        return
    titles = dict(zip(sources["id"], sources["title"], strict=True))
    source_id = st.selectbox(
        t("sources_pick", lang), list(titles), format_func=titles.get, key="sources.article"
    )
    source = sources.set_index("id", drop=False).loc[source_id]
    st.header(md_literal(source["title"]), anchor=False)
    _metadata(source, lang)
    evidence = data.evidence[data.evidence["source"] == source_id]
    text = data.texts[source_id]
    html, dates, marks = article_html(text, source["published"], evidence, data.events, lang)
    st.caption(t("sources_counts", lang, dates=len(dates), quotes=len(marks)))
    with st.container(key="sources.text", border=True):
        # the article is German whatever the UI language: screen readers read it as German
        st.html(f'{ARTICLE_CSS}<div lang="de">{html}</div>')
    if marks:
        st.markdown(f"**{t('sources_evidence', lang)}**")
        # a scrolling box, so that the card drawn below it stays in view
        with st.container(height=min(60 + 42 * len(marks), 300), key="sources.evidence"):
            for mark in marks:
                title = md_literal(_title(view, mark.event_id))
                label = t("sources_open", lang, n=mark.number, title=title)
                st.button(
                    label,
                    key=f"sources.open.{source_id}.{mark.number}",
                    on_click=select_event,
                    args=(mark.event_id, "sources"),
                )


def _quote_column(column, row: pd.Series, source_title: str, lang: str) -> None:
    column.caption(md_literal(source_title))
    column.html(quote_html(row["quote"], row["date_text"], lang))
    written = (
        f"„{md_literal(row['date_text'])}“"
        if row["date_text"]
        else t("sources_no_date_in_quote", lang)
    )
    column.markdown(f"**{t('sources_date_as_written', lang)}:** {written}")


def render_compare(view: View) -> None:
    """Every event with evidence from two articles: quote beside quote, date beside date."""
    lang, data = view.lang, view.data
    st.caption(t("sources_compare_intro", lang))
    titles = dict(zip(data.sources["id"], data.sources["title"], strict=True))
    ids = shared_events(data.evidence)
    if not ids:
        st.info(t("sources_none", lang))
    for event_id in ids:
        event = view.event(event_id)
        if event is None:
            continue
        with st.container(border=True, key=f"sources.compare.{event_id}"):
            st.markdown(
                f"**{md_literal(event[f'title_{lang}'])}** · "
                f"{md_literal(describe_date(event['date'], lang))}"
            )
            rows = data.evidence[data.evidence["event_id"] == event_id]
            per_source = [group.iloc[0] for _, group in rows.groupby("source", sort=False)]
            columns = st.columns(len(per_source))
            for column, row in zip(columns, per_source, strict=True):
                _quote_column(column, row, titles.get(row["source"], row["source"]), lang)


def render_fact_check(view: View) -> None:
    """Where other sources contradict the article: what it says and what is right."""
    lang, data = view.lang, view.data
    st.caption(t("sources_factcheck_intro", lang))
    checks = fact_checks(data.events)
    if checks.empty:
        st.info(t("sources_none", lang))
    for _, event in checks.iterrows():
        with st.container(border=True, key=f"sources.check.{event['id']}"):
            st.markdown(f"**{md_literal(event[f'title_{lang}'])}**")
            says, right = st.columns(2)
            says.markdown(f"**{t('sources_article_says', lang)}**")
            quotes = data.evidence[data.evidence["event_id"] == event["id"]]
            for _, row in quotes.iterrows():
                says.html(quote_html(row["quote"], row["date_text"], lang))
            if event["text_date"]:
                says.markdown(f"→ {md_literal(describe_date(event['text_date'], lang))}")
            right.markdown(f"**{t('sources_right_is', lang)}**")
            right.markdown(md_literal(describe_date(event["date"], lang)))
            right.markdown(md_literal(event[f"summary_{lang}"]))
            if event["date_source"]:
                right.caption(
                    f"{t('sources_cited', lang)}: {md_literal(citation(event['date_source']))}"
                )
