"""The story view: the filtered events as a vertical timeline in date order, under year
headings; choosing a title opens its card. It is the chart's text alternative (keyboard and
screen reader) and the main view on a phone. The introduction to the story lives here too."""

import pandas as pd
import streamlit as st

from events.charts.timeline import THEME_COLOURS
from events.locale import t
from events.model.themes import theme_label
from events.queries.story import StoryItem, story_years
from events.store.intro import load_intro
from ui.a11y import focus_after_run
from ui.session import select_event
from ui.text import esc, mark_german_quote, md_literal, show_html
from ui.view import View

KEY_INTRO_OPEN = "timeline.intro_open"
KEY_STORY_LIMIT = "timeline.story_limit"
STORY_STEP = 50  # events drawn at once; a long selection grows in steps (reruns stay fast)

# constant stylesheet: the theme colours come from the chart's palette, never from data
STORY_CSS = (
    "<style>"
    '[class*="st-key-story--"] { border-left: 6px solid #888; padding: 0.1rem 0 0.3rem 0.8rem;'
    " margin-left: 0.2rem; gap: 0.15rem; }"
    '[class*="st-key-story--"] button { text-align: left; justify-content: flex-start;'
    " font-weight: 600; font-size: 1.08rem; padding: 0; min-height: 0; }"
    '[class*="st-key-story--"] button p { white-space: normal; overflow-wrap: anywhere;'
    " font-size: 1.15rem; font-weight: 600; color: #174a85; text-decoration: underline;"
    " text-underline-offset: 3px; text-align: left; }"
    '[class*="st-key-story--"] button:hover p { color: #0b2e57; text-decoration-thickness: 2px; }'
    ".story-meta, .story-note { font-size: 0.92rem; color: #31333f; margin: 0; }"
    ".story-sentence { margin: 0; overflow-wrap: anywhere; }"
    ".story-meta .marker { font-weight: 700; }"
    ".story-outside { border: 1px dashed #555; border-radius: 0.3rem; padding: 0 0.3rem;"
    " white-space: nowrap; }"
    "#story { scroll-margin-top: 3.8rem; }"  # below Streamlit's top bar after a jump
    ".story-year { margin: 0.4rem 0 0 0; padding: 0; font-size: 1.4rem; }"
    + "".join(
        f'[class*="st-key-story--{theme}--"] {{ border-left-color: {colour}; }}'
        for theme, colour in THEME_COLOURS.items()
    )
    + "</style>"
)


def render_intro(lang: str) -> None:
    """The story in one sentence under the title, the whole introduction one click away
    (collapsed, so that the chart stays on the first screen of a beamer)."""
    intro = load_intro(lang)
    if intro is None:  # no introduction written (yet): the page starts with the chart
        return
    title, text = intro.title, intro.text
    lead, _, rest = text.partition(". ")
    style = "font-size:1.15rem;line-height:1.45;margin:0 0 .25rem 0"
    show_html(f'<p class="intro-lead" style="{style}">{esc(lead.rstrip("."))}.</p>')
    if rest:
        with st.expander(md_literal(title), expanded=False, key=KEY_INTRO_OPEN):
            show_html(f'<p class="intro">{esc(rest)}</p>')


def _show_more(first_new: str) -> None:
    """Show the next step of the list; the keyboard focus goes to its first new title."""
    shown = st.session_state.get(KEY_STORY_LIMIT, STORY_STEP)
    st.session_state[KEY_STORY_LIMIT] = shown + STORY_STEP
    focus_after_run(f".st-key-story-open-{first_new} button")


def render_story_link(lang: str, n: int) -> None:
    """A link down to the story view (past the chart): the way to the list on a phone, and a
    skip link for keyboards."""
    text = t("story_jump", lang, n=n)
    show_html(f'<p class="skip-story"><a href="#story">↓ {esc(text)}</a></p>')


def _meta_html(item: StoryItem, lang: str) -> str:
    outside = (
        f' <span class="story-outside">{esc(t("story_outside", lang))}</span>'
        if item.from_outside
        else ""
    )
    where = " · ".join(x for x in (theme_label(item.theme, lang), ", ".join(item.countries)) if x)
    return (
        f'<p class="story-meta"><span class="marker" aria-hidden="true">{esc(item.marker)}</span>'
        f" <strong>{esc(item.date_words)}</strong> ({esc(item.marker_label)}){outside}"
        f" · {esc(where)}</p>"
    )


def _item_html(item: StoryItem, date_text: str, lang: str) -> str:
    """The block under an item's title: date, theme, countries, the sentence and what the
    article says about the date."""
    german = t("card_german_original", lang)
    note = mark_german_quote(esc(item.date_note), date_text, lang, german)
    return (
        _meta_html(item, lang)
        + f'<p class="story-sentence">{esc(item.sentence)}</p>'
        + f'<p class="story-note">{note}</p>'
    )


def _render_item(item: StoryItem, html: str) -> None:
    """Title (the button that opens the card), then the item's block `html` (two elements:
    reruns stay cheap)."""
    with st.container(key=f"story--{item.theme}--{item.id}"):
        st.button(
            md_literal(item.title),
            key=f"story.open.{item.id}",
            type="tertiary",
            on_click=select_event,
            args=(item.id, "story"),
        )
        show_html(html)


def render_story(view: View, events: pd.DataFrame) -> None:
    """The story view of `events`: a heading that names it as the chart's text version, the
    marker legend, then one block per year."""
    lang = view.lang
    show_html(STORY_CSS)
    title = t("story_title", lang)
    label = f"{title} – {t('story_aria', lang)}"
    show_html(
        f'<h2 id="story" aria-label="{esc(label)}">{esc(title)}</h2>'
        f'<p class="story-note">{esc(t("story_intro", lang))}<br>{esc(t("story_legend", lang))}</p>'
    )
    date_texts = events.set_index("id")["date_text"]
    limit = st.session_state.get(KEY_STORY_LIMIT, STORY_STEP)
    # items and their HTML depend only on the loaded table and the language: built once per
    # load and shared by every session (view.prepared.memo), so a rerun only looks them up
    memo = view.prepared.memo
    known = memo.setdefault(("story_items", lang), {})
    blocks = memo.setdefault(("story_html", lang), {})
    for year, items in story_years(events, lang, view.country_names, limit, known):
        show_html(f'<h3 class="story-year">{esc(year)}</h3>')
        for item in items:
            date_text = date_texts.get(item.id, "")
            html = blocks.get((item, date_text))
            if html is None:
                html = blocks[(item, date_text)] = _item_html(item, date_text, lang)
            _render_item(item, html)
    if len(events) > limit:
        more = min(STORY_STEP, len(events) - limit)
        st.caption(t("story_shown", lang, n=limit, total=len(events)))
        first_new = events.sort_values(["start", "id"], kind="stable")["id"].iloc[limit]
        st.button(
            t("story_more", lang, n=more), key="story.more", on_click=_show_more, args=(first_new,)
        )
