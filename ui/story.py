"""The story view: the filtered events as a vertical timeline in date order, under year
headings; choosing a title opens its card. It is the chart's text alternative (keyboard and
screen reader) and the main view on a phone. The introduction to the story lives here too.

The list is ONE element, a components-v2 component (`ui/components/story/story.js`) that puts
the list's HTML into the page's own DOM (`isolate_styles=False`: no shadow root, so this
stylesheet, the page's focus ring and axe apply as to the rest of the page). One Streamlit
element instead of three per event keeps the browser's work per rerun small (bench/README.md).
Every value from the tables is escaped here (ui.text.esc); the script only inserts the HTML and
sends the chosen title's event id back (`open`: {seq, id}, see `story_open_state`).
"""

from pathlib import Path

import pandas as pd
import streamlit as st
from streamlit.components.v2 import component

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
KEY_STORY = "story"  # the list component; its element carries the class `st-key-story`
STORY_STEP = 50  # events drawn at once; a long selection grows in steps (reruns stay fast)
_JS = (Path(__file__).parent / "components" / "story" / "story.js").read_text(encoding="utf-8")

_story_component = component("timeline_story.list", js=_JS, isolate_styles=False)

# constant stylesheet: the theme colours come from the chart's palette, never from data. The
# list imitates what it was drawn with before (a keyed container per event holding a tertiary
# st.button and an st.html block): 1rem between the year headings and items, an item as wide
# as the column and shifted by its margin, the title an underlined blue button with
# Streamlit's button corners (the focus ring follows them).
STORY_CSS = (
    "<style>"
    ".story-list { display: flex; flex-direction: column; gap: 1rem; }"
    ".story-item { display: flex; flex-direction: column; align-items: flex-start;"
    " box-sizing: border-box; width: 100%; border-left: 6px solid #888;"
    " padding: 0.1rem 0 0.3rem 0.8rem; margin-left: 0.2rem; gap: 0.15rem; }"
    ".story-item > .story-body { align-self: stretch; }"
    ".story-open { display: inline-flex; text-align: left; justify-content: flex-start;"
    " background: none; border: none; border-radius: 0.5rem; margin: 0; padding: 0;"
    " min-height: 0; cursor: pointer; font-family: inherit; white-space: normal;"
    " overflow-wrap: anywhere; font-size: 1.15rem; font-weight: 600; line-height: 1.6;"
    " color: #174a85; text-decoration: underline; text-underline-offset: 3px; }"
    ".story-open:hover { color: #0b2e57; text-decoration-thickness: 2px; }"
    ".story-meta, .story-note { font-size: 0.92rem; color: #31333f; margin: 0; }"
    ".story-sentence { margin: 0; overflow-wrap: anywhere; }"
    ".story-meta .marker { font-weight: 700; }"
    ".story-outside { border: 1px dashed #555; border-radius: 0.3rem; padding: 0 0.3rem;"
    " white-space: nowrap; }"
    "#story { scroll-margin-top: 3.8rem; }"  # below Streamlit's top bar after a jump
    ".story-year { margin: 0.4rem 0 0 0; padding: 0; font-size: 1.4rem; }"
    + "".join(
        f".story-item.story-theme-{theme} {{ border-left-color: {colour}; }}"
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


def title_selector(event_id: str) -> str:
    """The CSS selector of the title button of `event_id` in the story view (for
    `focus_after_run`). Every character but ASCII letters, digits, '-' and '_' is written as a
    CSS escape, so no id can end the attribute value."""
    value = "".join(
        ch if ch.isascii() and (ch.isalnum() or ch in "-_") else f"\\{ord(ch):x} "
        for ch in str(event_id)
    )
    return f'.st-key-{KEY_STORY} button[data-story-id="{value}"]'


def story_open_state(event_id: str, seq: int = 1) -> dict:
    """The state value the list sends when the title of `event_id` is chosen (click, Enter or
    Space) as the `seq`-th choice on the page: `{"open": story_open_state(...)}` is the
    component's whole state (tests/apptest_helpers.py sends it as the browser does)."""
    return {"seq": seq, "id": event_id}


def _open_from_story() -> None:
    """The list's callback: a title was chosen, open its card."""
    chosen = (st.session_state.get(KEY_STORY) or {}).get("open") or {}
    event_id = chosen.get("id") if isinstance(chosen, dict) else None
    if isinstance(event_id, str) and event_id:
        select_event(event_id, "story")


def _show_more(first_new: str) -> None:
    """Show the next step of the list; the keyboard focus goes to its first new title."""
    shown = st.session_state.get(KEY_STORY_LIMIT, STORY_STEP)
    st.session_state[KEY_STORY_LIMIT] = shown + STORY_STEP
    focus_after_run(title_selector(first_new))


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


def _item_block(item: StoryItem, html: str) -> str:
    """One event of the list: its title as the button that opens the card, then the item's
    block `html` (from `_item_html`); the left border takes the colour of its theme."""
    return (
        f'<div class="story-item story-theme-{esc(item.theme)}">'
        f'<button type="button" class="story-open" data-story-id="{esc(item.id)}">'
        f"{esc(item.title)}</button>"
        f'<div class="story-body">{html}</div></div>'
    )


def story_list_html(view: View, events: pd.DataFrame, limit: int) -> tuple[str, str | None]:
    """The list's HTML for the first `limit` of `events` in date order (year headings and
    items), and the id of the first event beyond `limit` (None when all are shown).

    Items and their HTML depend only on the loaded table and the language: built once per
    load and shared by every session (view.prepared.memo), so a rerun only looks them up."""
    lang = view.lang
    date_texts = events.set_index("id")["date_text"]
    memo = view.prepared.memo
    known = memo.setdefault(("story_items", lang), {})
    blocks = memo.setdefault(("story_html", lang), {})
    parts: list[str] = []
    first_new, count = None, 0
    # one item more than shown: the first one "show more" adds (the events are sorted once)
    for year, items in story_years(events, lang, view.country_names, limit + 1, known):
        shown = items[: max(0, limit - count)]
        count += len(items)
        if len(shown) < len(items):
            first_new = items[len(shown)].id
        if not shown:
            continue
        parts.append(f'<h3 class="story-year">{esc(year)}</h3>')
        for item in shown:
            date_text = date_texts.get(item.id, "")
            block = blocks.get((item, date_text))
            if block is None:
                block = blocks[(item, date_text)] = _item_block(
                    item, _item_html(item, date_text, lang)
                )
            parts.append(block)
    return "".join(parts), first_new


def render_story(view: View, events: pd.DataFrame) -> None:
    """The story view of `events`: a heading that names it as the chart's text version, the
    marker legend, then the list (one block per year, one element for all of it)."""
    lang = view.lang
    title = t("story_title", lang)
    label = f"{title} – {t('story_aria', lang)}"
    show_html(
        STORY_CSS + f'<h2 id="story" aria-label="{esc(label)}">{esc(title)}</h2>'
        f'<p class="story-note">{esc(t("story_intro", lang))}<br>{esc(t("story_legend", lang))}</p>'
    )
    limit = st.session_state.get(KEY_STORY_LIMIT, STORY_STEP)
    html, first_new = story_list_html(view, events, limit)
    _story_component(
        key=KEY_STORY,
        data={"html": html},
        default={"open": None},
        on_open_change=_open_from_story,
    )
    if first_new is not None:
        more = min(STORY_STEP, len(events) - limit)
        st.caption(t("story_shown", lang, n=limit, total=len(events)))
        st.button(
            t("story_more", lang, n=more), key="story.more", on_click=_show_more, args=(first_new,)
        )
