"""Streamlit helpers of the classroom page: the modes (hidden dates, high contrast, presentation),
slide navigation by buttons and keys, the slide itself and the page's CSS."""

import pandas as pd
import streamlit as st

from events.charts.contrast import HIGH, NORMAL
from events.locale import t
from events.model.countries import country_name
from events.model.fuzzy_dates import describe_date
from events.model.provenance import date_statement
from events.queries.presentation import move, publication_day_of, short_summary, shown_text
from ui import url
from ui.a11y import focus_after_run
from ui.session import KEY_IMPORTANCE, select_event, selected_event
from ui.text import md_literal
from ui.view import View

KEY_REVEALED = "classroom.revealed"
# (step, button label key)
NAV_BUTTONS = (
    ("first", "classroom_first"),
    ("previous", "classroom_prev"),
    ("next", "classroom_next"),
    ("last", "classroom_last"),
)
# widget key → the session key it mirrors (widgets may be absent, e.g. in presentation mode)
MIRRORED = {
    "classroom.importance": KEY_IMPORTANCE,
    "classroom.hide": url.KEY_HIDE,
    "classroom.contrast": url.KEY_CONTRAST,
}
FOCUS_NEXT = ".st-key-classroom-next button"
FOCUS_PRESENT = ".st-key-classroom-present button"
FOCUS_EXIT = ".st-key-classroom-exit button"

_SLIDE = ".st-key-classroom-slide"
BASE_CSS = f"""
{_SLIDE} h1 {{ font-size: 46px !important; line-height: 1.15; padding: 0 0 .2rem 0;
  overflow-wrap: anywhere; hyphens: auto; }}
{_SLIDE} p {{ font-size: 22px; line-height: 1.35; }}
{_SLIDE} .st-key-classroom-source p {{ font-size: 17px; color: {NORMAL["muted"]}; }}
{_SLIDE} {{ color: {NORMAL["slide_text"]}; gap: .5rem; }}
.st-key-classroom-progress p {{ font-size: 22px; font-weight: 700; text-align: right; }}
.st-key-classroom-help p {{ color: {NORMAL["muted"]}; font-size: 14px; }}
"""
# Presentation mode: no sidebar, header or control; sizes follow the screen width, so
# 1280x720 and 1920x1080 look the same (title >= 48 px, body >= 28 px at 1280 px).
PRESENT_CSS = f"""
[data-testid="stSidebar"], [data-testid="stSidebarCollapsedControl"],
[data-testid="stExpandSidebarButton"], [data-testid="stHeader"], [data-testid="stToolbar"],
[data-testid="stDecoration"] {{ display: none !important; }}
[data-testid="stMainBlockContainer"] {{ padding: 1.2vw 3vw .5vw 3vw !important;
  max-width: none !important; }}
{_SLIDE} h1 {{ font-size: max(48px, 4vw) !important; padding-right: 5vw; }}
{_SLIDE} p, {_SLIDE} .st-key-classroom-source p {{ font-size: max(28px, 2.25vw); }}
{_SLIDE} button p {{ font-size: max(24px, 1.9vw); }}
.st-key-classroom-progress p {{ font-size: max(28px, 2.25vw); }}
.st-key-classroom-exit {{ position: fixed; top: .6vw; right: .8vw; z-index: 1000;
  width: auto !important; }}
.st-key-classroom-exit button {{ min-height: 0; padding: .1rem .6rem; }}
@media (max-width: 640px) {{
  {_SLIDE} h1 {{ font-size: 30px !important; }}
  {_SLIDE} p, {_SLIDE} .st-key-classroom-source p {{ font-size: 20px; }}
}}
"""
# High contrast for the whole page: colours from events/charts/contrast.py (tested there).
CONTRAST_CSS = f"""
[data-testid="stApp"], [data-testid="stSidebar"],
[data-testid="stSidebarContent"] {{ background: {HIGH["background"]} !important;
  color: {HIGH["text"]} !important; }}
[data-testid="stHeader"] {{ background: transparent !important; }}
[data-testid="stHeader"] :is(svg, span, p, button) {{ color: {HIGH["text"]} !important; }}
[data-testid="stApp"] :is(p, span, label, li, h1, h2, h3, small,
  div[data-testid="stCaptionContainer"]) {{
  color: {HIGH["text"]} !important; }}
{_SLIDE} :is(h1, p, strong, li, span), .st-key-classroom-progress p {{
  color: {HIGH["slide_text"]} !important; font-weight: 700; }}
{_SLIDE} .st-key-classroom-source p, .st-key-classroom-help p {{
  color: {HIGH["muted"]} !important; }}
[data-testid="stApp"] button {{ background: {HIGH["button_background"]} !important;
  border: 2px solid {HIGH["button_border"]} !important; }}
[data-testid="stApp"] button :is(p, span) {{ color: {HIGH["button_text"]} !important; }}
[data-testid="stApp"] button:hover {{ background: {HIGH["button_hover"]} !important; }}
[data-testid="stApp"] :is(input, textarea, [data-baseweb="select"] div,
  [data-baseweb="input"], [data-baseweb="base-input"]) {{
  background: {HIGH["background"]} !important; color: {HIGH["text"]} !important;
  border-color: {HIGH["button_border"]} !important; }}
[data-testid="stApp"] :is(input, textarea)::placeholder {{ color: {HIGH["muted"]} !important; }}
[data-testid="stApp"] [data-baseweb="tag"] {{ background: {HIGH["background"]} !important;
  border: 1px solid {HIGH["button_border"]}; }}
[data-testid="stApp"] :focus-visible {{ outline: 3px solid {HIGH["focus"]} !important;
  outline-offset: 2px; }}
"""
FOCUS_CSS = f"""
[data-testid="stApp"] :is(button, input, a):focus-visible {{
  outline: 3px solid {NORMAL["focus"]}; outline-offset: 2px; }}
"""


def page_css(present: bool, contrast: bool) -> str:
    """The page's stylesheet for its modes (constant text: no table data goes into it)."""
    parts = [BASE_CSS, CONTRAST_CSS if contrast else FOCUS_CSS]
    if present:
        parts.append(PRESENT_CSS)
    return "<style>" + "".join(parts) + "</style>"


def mirror_widgets() -> None:
    """Before the widgets are drawn: each shows the session state it mirrors."""
    for widget, state in MIRRORED.items():
        st.session_state[widget] = st.session_state.get(state, widget == "classroom.importance")


def _copy_widget(widget: str) -> None:
    st.session_state[MIRRORED[widget]] = st.session_state[widget]


def set_present(on: bool) -> None:
    st.session_state[url.KEY_PRESENT] = on
    focus_after_run(FOCUS_EXIT if on else FOCUS_PRESENT)


def go_to(ids: list[str], step: str) -> None:
    """Move to another slide; a revealed date is hidden again."""
    select_event(move(ids, selected_event(), step))
    st.session_state[KEY_REVEALED] = None


def reveal(event_id: str, focus: str | None = FOCUS_NEXT) -> None:
    st.session_state[KEY_REVEALED] = event_id
    if focus:
        focus_after_run(focus)


def is_revealed(event_id: str) -> bool:
    return st.session_state.get(KEY_REVEALED) == event_id


def apply_keys(ids: list[str], actions: list[str]) -> None:
    """Carry out the key actions of this run, in order. In presentation mode a clicker's
    "next" on a slide with its date hidden first reveals the date, then moves on; Esc leaves
    presentation mode."""
    for action in actions:
        modes = url.current_modes()
        current = selected_event()
        if action == "escape" and modes.present:
            set_present(False)
        elif action == "next" and modes.present and modes.hide and not is_revealed(current):
            reveal(current, focus=None)
        elif action in ("next", "previous", "first", "last"):
            go_to(ids, action)


def render_controls(lang: str) -> None:
    """Events level (the shared importance filter), hide dates, high contrast, present."""
    with st.container(key="classroom-controls", horizontal=True, vertical_alignment="bottom"):
        st.radio(
            t("classroom_level", lang),
            (1, 2, 3),
            key="classroom.importance",
            format_func=lambda n: t(f"importance_{n}", lang),
            horizontal=True,
            on_change=_copy_widget,
            args=("classroom.importance",),
        )
        for name, label in (("hide", "classroom_hide"), ("contrast", "classroom_contrast")):
            st.toggle(
                t(label, lang),
                key=f"classroom.{name}",
                on_change=_copy_widget,
                args=(f"classroom.{name}",),
            )
        st.button(
            t("classroom_present", lang),
            key="classroom.present",
            on_click=set_present,
            args=(True,),
            help=t("classroom_present_help", lang),
        )


def render_exit(lang: str) -> None:
    """The small button that leaves presentation mode (as Esc does)."""
    st.button(
        "✕",
        key="classroom.exit",
        on_click=set_present,
        args=(False,),
        help=t("classroom_present_exit", lang),
    )


def compact_source_line(source, lang: str) -> str:
    """'Oliver Rolofs · Meinungsbeitrag · erschienen etwa Juli 2025' (short enough for a slide)."""
    outlet = (source.get("outlet_en") if lang == "en" else "") or source["outlet"]
    who = source["author"] or outlet
    genre = t(f"genre_{source['genre']}", lang)
    published = f"{t('published', lang)} {describe_date(source['published'], lang)}"
    return " · ".join(part for part in (who, genre, published) if part)


def _source_text(view: View, event_id: str, lang: str, hidden: bool) -> str:
    data = view.data
    sources = data.sources.set_index("id")
    used = data.evidence[data.evidence["event_id"] == event_id]["source"].unique()
    lines = []
    for source_id in used:
        if source_id in sources.index:
            source = sources.loc[source_id]
            day = publication_day_of(event_id, data.evidence, data.sources)
            lines.append(shown_text(compact_source_line(source, lang), day, lang, hidden))
    return f"{t('classroom_source', lang)}: {' | '.join(lines) or '–'}"


def render_slide(view: View, event: pd.Series, hidden: bool, present: bool) -> None:
    """Title, date (or the question), summary, countries and source line of one event; with
    the date hidden every date expression in them is masked."""
    lang = view.lang
    day = publication_day_of(event["id"], view.data.evidence, view.data.sources)
    with st.container(key="classroom-slide"):
        st.markdown(f"# {md_literal(shown_text(event[f'title_{lang}'], day, lang, hidden))}")
        if hidden:
            hint = f" {t('classroom_reveal_hint', lang)}" if present else ""
            with st.container(horizontal=True, vertical_alignment="center"):
                st.markdown(f"**{t('classroom_hidden', lang)}**{hint}", width="content")
                st.button(
                    t("classroom_reveal", lang),
                    key="classroom.reveal",
                    on_click=reveal,
                    args=(event["id"], None if present else FOCUS_NEXT),
                )
        else:
            said = date_statement(event, lang).brief  # the article's date and what others add
            day_words = md_literal(describe_date(event["date"], lang))
            st.markdown(f"**{day_words}** · {md_literal(said)}")
        summary = short_summary(event[f"summary_{lang}"], 200 if present else 260)
        st.markdown(md_literal(shown_text(summary, day, lang, hidden)))
        countries = ", ".join(country_name(code, lang) for code in event["countries"])
        st.markdown(f"**{md_literal(countries)}**")
        with st.container(key="classroom-source"):
            st.markdown(md_literal(_source_text(view, event["id"], lang, hidden)))


def render_nav(ids: list[str], lang: str) -> None:
    """First / previous / next / last buttons for mouse users (keys go through ui/keys.py)."""
    with st.container(key="classroom-nav", horizontal=True):
        for step, label_key in NAV_BUTTONS:
            st.button(
                t(label_key, lang),
                key=f"classroom.{step}",
                on_click=go_to,
                args=(ids, step),
                width="stretch",
            )
