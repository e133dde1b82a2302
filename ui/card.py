"""The event card: everything known about one event, with every source sentence, shown in a
dialog in front of the page (so it is where the eye is, whichever way the event was chosen).

Every table value goes through ui/text.py: escaped HTML, links only to http(s) addresses.
"""

from functools import partial

import pandas as pd
import streamlit as st

from events.locale import t
from events.model.actors import actor_name
from events.model.countries import country_name
from events.model.fuzzy_dates import describe_date
from events.model.provenance import date_statement
from events.model.themes import theme_label
from events.queries.story import MARKERS, marker_kind
from ui.a11y import focus_after_run
from ui.session import select_event, selected_event
from ui.story import title_selector
from ui.text import (
    esc,
    german_html,
    link_html,
    linked_text_html,
    mark_german_quote,
    md_literal,
    show_html,
)
from ui.view import View

# constant stylesheet of the card and its dialog (no table data in it); on a phone the dialog
# uses the whole width and smaller margins, so a card fits the screen
CARD_CSS = """<style>
.event-card p { margin: 0 0 0.45rem 0; overflow-wrap: anywhere; }
.event-card .card-date { font-size: 1.15rem; margin-bottom: 0.1rem; }
.event-card .card-provenance { background: #f0f2f6; padding: 0.3rem 0.5rem; border-radius: 0.3rem; }
.event-card blockquote { margin: 0.2rem 0 0.5rem 0; padding: 0.1rem 0.7rem;
  border-left: 4px solid #bbb; font-style: italic; overflow-wrap: anywhere; }
.event-card mark { background: #ffe08a; color: #000; }
.event-card .card-source, .de-original { font-size: 0.9rem; color: #4a4a4a; }
.story-outside { border: 1px dashed #555; border-radius: 0.3rem; padding: 0 0.3rem;
  white-space: nowrap; }
@media (max-width: 640px) {
  [data-testid="stDialog"] { padding: 0.3rem 0 !important; }
  [data-testid="stDialog"] > div { margin: 0.3rem !important; }
  [role="dialog"] > h2 { padding: 0.8rem 2.4rem 0.2rem 0.9rem !important; }
  [role="dialog"] > h2 p { font-size: 1.3rem !important; line-height: 1.3 !important; }
  [role="dialog"] > div { padding: 0.2rem 0.9rem 0.9rem 0.9rem !important; }
  .event-card p, .event-card blockquote { font-size: 0.95rem; line-height: 1.45; }
  .event-card .card-date { font-size: 1.05rem; }
  [role="dialog"] [data-testid="stButton"] { display: none; }  /* its × closes it */
}
</style>"""


def quote_html(quote: str, date_text: str, lang: str) -> str:
    """The source sentence (a German original) with its date expression marked."""
    body = esc(quote)
    if date_text and date_text in quote:
        before, _, after = quote.partition(date_text)
        body = f"{esc(before)}<mark>{esc(date_text)}</mark>{esc(after)}"
    label = (
        ""
        if lang == "de"
        else f' <span class="de-original">({esc(t("card_german_original", lang))})</span>'
    )
    return f'<blockquote class="card-quote"><span lang="de">{body}</span>{label}</blockquote>'


def source_html(source: pd.Series, lang: str) -> str:
    """'Title · author · outlet · genre · published …' for one source row, as HTML."""
    german = t("card_german_original", lang)
    title = source["title"]
    if lang == "en" and source.get("title_en"):
        parts = [f"{esc(source['title_en'])} ({german_html(title, lang, german)})"]
    else:
        parts = [german_html(title, lang, german)]
    if source["author"]:
        parts.append(esc(source["author"]))
    outlet = source.get("outlet_en") if lang == "en" else ""
    if outlet or source["outlet"]:
        parts.append(esc(outlet or source["outlet"]))
    parts.append(esc(t(f"genre_{source['genre']}", lang)))
    parts.append(esc(f"{t('published', lang)} {describe_date(source['published'], lang)}"))
    if source.get("url"):
        parts.append(link_html(source["url"], t("card_source_open", lang)))
    return '<p class="card-source">' + " · ".join(parts) + ":</p>"


def date_html(event: pd.Series, lang: str) -> str:
    """The date in words with its sharpness marker, then what the article says and what other
    sources add (with the citation; an address in it is a link)."""
    kind = marker_kind(event["date"])
    statement = date_statement(event, lang)
    german = t("card_german_original", lang)
    article = mark_german_quote(esc(statement.article), event["date_text"], lang, german)
    outside_tag = ""
    if statement.refined_from_outside:
        outside_tag = f' <span class="story-outside">{esc(t("story_outside", lang))}</span>'
    head = (
        f'<p class="card-date"><span class="marker" aria-hidden="true">{MARKERS[kind]}</span> '
        f"<strong>{esc(describe_date(event['date'], lang))}</strong> "
        f'<span class="marker-label">({esc(t(f"story_marker_{kind}", lang))})</span>'
        f"{outside_tag}</p>"
    )
    outside = f" {linked_text_html(statement.outside)}" if statement.outside else ""
    basis = ""
    if event["date_basis"] in ("text+dct", "text+event"):  # how the article's words were read
        how = t("card_basis_read", lang, basis=t(f"basis_{event['date_basis']}", lang))
        basis = f'<br><span class="card-basis">{esc(how)}</span>'
    return f'{head}<p class="card-provenance">{article}{outside}{basis}</p>'


def facts_html(event: pd.Series, lang: str) -> str:
    """Countries, actors and themes of the event, one line each."""
    rows = (
        ("card_countries", [country_name(c, lang) for c in event["countries"]]),
        ("card_actors", [actor_name(a, lang) for a in event["actors"]]),
        ("card_themes", [theme_label(th, lang) for th in event["themes"]]),
    )
    lines = [
        f"<strong>{esc(t(key, lang))}:</strong> {esc(', '.join(values) or '–')}"
        for key, values in rows
    ]
    return '<p class="card-facts">' + "<br>".join(lines) + "</p>"


def overview_html(event: pd.Series, lang: str) -> str:
    """What happened: the date (what the article says, what other sources add), the summary."""
    return (
        f'<div class="event-card" data-event="{esc(event["id"])}">'
        + date_html(event, lang)
        + f'<p class="card-summary">{esc(event[f"summary_{lang}"])}</p>'
        + "</div>"
    )


def sources_html(event: pd.Series, evidence: pd.DataFrame, sources: pd.DataFrame, lang: str) -> str:
    """Countries, actors, themes, then every source sentence, grouped under its article."""
    rows = evidence[evidence["event_id"] == event["id"]]
    if rows.empty:
        none = f"<p>{esc(t('card_no_sources', lang))}</p>"
        return f'<div class="event-card">{facts_html(event, lang)}{none}</div>'
    by_id = sources.set_index("id")
    parts = ['<div class="event-card">', facts_html(event, lang)]
    for source_id, group in rows.groupby("source", sort=False):
        if source_id in by_id.index:
            parts.append(source_html(by_id.loc[source_id], lang))
        parts.extend(quote_html(r["quote"], r["date_text"], lang) for _, r in group.iterrows())
    parts.append("</div>")
    return "".join(parts)


def render_event_card(
    event: pd.Series, evidence: pd.DataFrame, sources: pd.DataFrame, lang: str
) -> None:
    """Draw the card of `event`: what happened, and in a second tab its source sentences."""
    n = int((evidence["event_id"] == event["id"]).sum())
    what, where = st.tabs([t("card_tab_what", lang), t("card_tab_sources", lang, n=n)])
    with what:
        show_html(overview_html(event, lang))
    with where:
        show_html(sources_html(event, evidence, sources, lang))


def _close() -> None:
    """Unselect the event; the keyboard focus goes back to its title in the story view (the
    dialog's own focus return loses it when the rerun redraws the page)."""
    event_id = selected_event()
    select_event(None)
    if event_id:
        focus_after_run(title_selector(event_id))


def _card_dialog(view: View, event: pd.Series, key: str) -> None:
    data = view.data
    with st.container(key="card"):
        render_event_card(event, data.evidence, data.sources, view.lang)
    if st.button(t("close_card", view.lang), key=key, type="primary", on_click=_close):
        st.rerun()  # the whole page: the dialog is a fragment, and the link must lose `event`


def render_card_with_close(view: View, key: str) -> None:
    """The card of the selected event (if it is in the table) in a dialog in front of the page,
    with a close button `key`; closing it (button, Escape, outside click) unselects the event."""
    event = view.event(selected_event())
    if event is None:
        return
    show_html(CARD_CSS)
    title = md_literal(event[f"title_{view.lang}"])
    dialog = st.dialog(title, width="large", on_dismiss=_close)(
        partial(_card_dialog, view, event, key)
    )
    dialog()
