"""Streamlit helpers of the classroom page: slide navigation callbacks and the slide's CSS."""

import streamlit as st

from events.locale import t
from events.model.fuzzy_dates import describe_date
from events.queries.presentation import move
from ui.session import select_event, selected_event

KEY_REVEALED = "classroom.revealed"
# (step, button label key, shortcut); a second, hidden set answers presentation clickers.
NAV_BUTTONS = (
    ("first", "classroom_first", "Home"),
    ("previous", "classroom_prev", "Left"),
    ("next", "classroom_next", "Right"),
    ("last", "classroom_last", "End"),
)
CLICKER_KEYS = (("previous", "PageUp"), ("next", "PageDown"))

SLIDE_CSS = """
<style>
.st-key-classroom-slide h1, .st-key-classroom-slide-hc h1 {
  font-size: 46px !important; line-height: 1.15; padding: 0 0 .3rem 0;
}
.st-key-classroom-slide p, .st-key-classroom-slide-hc p { font-size: 22px; }
.st-key-classroom-slide [data-testid="stCaptionContainer"] p,
.st-key-classroom-slide-hc [data-testid="stCaptionContainer"] p { font-size: 16px; }
.st-key-classroom-clicker { display: none; }
.st-key-classroom-slide-hc { background: #000000; padding: 1rem 1.4rem; border-radius: .4rem; }
.st-key-classroom-slide-hc h1, .st-key-classroom-slide-hc p, .st-key-classroom-slide-hc strong,
.st-key-classroom-slide-hc li { color: #ffff00 !important; font-weight: 700; }
</style>
"""


def compact_source_line(source, lang: str) -> str:
    """'Oliver Rolofs · Meinungsbeitrag · erschienen etwa Juli 2025' (short enough for a slide)."""
    outlet = (source.get("outlet_en") if lang == "en" else "") or source["outlet"]
    who = source["author"] or outlet
    genre = t(f"genre_{source['genre']}", lang)
    published = f"{t('published', lang)} {describe_date(source['published'], lang)}"
    return " · ".join(part for part in (who, genre, published) if part)


def go_to(ids: list[str], step: str) -> None:
    """Button callback: move to another slide; a revealed date is hidden again."""
    select_event(move(ids, selected_event(), step))
    st.session_state[KEY_REVEALED] = None


def reveal(event_id: str) -> None:
    st.session_state[KEY_REVEALED] = event_id


def is_revealed(event_id: str) -> bool:
    return st.session_state.get(KEY_REVEALED) == event_id


def render_nav(ids: list[str], lang: str) -> None:
    """First / previous / next / last with arrow-key shortcuts, plus hidden Page keys."""
    columns = st.columns(len(NAV_BUTTONS))
    for column, (step, label_key, shortcut) in zip(columns, NAV_BUTTONS, strict=True):
        column.button(
            t(label_key, lang),
            key=f"classroom.{step}",
            on_click=go_to,
            args=(ids, step),
            shortcut=shortcut,
            width="stretch",
        )
    with st.container(key="classroom-clicker"):
        for step, shortcut in CLICKER_KEYS:
            st.button(
                shortcut,
                key=f"classroom.{shortcut}",
                on_click=go_to,
                args=(ids, step),
                shortcut=shortcut,
            )
