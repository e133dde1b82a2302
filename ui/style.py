"""Page-wide CSS: less empty space above the content so charts fit a 1280x720 beamer, readable
secondary text and a visible keyboard focus on every control.

Colours come from events/charts/contrast.py (each pair's WCAG ratio is unit-tested there):
captions use the normal palette's muted grey at full opacity (8.5:1 on white; Streamlit 1.67
draws them in the text colour at 60 % opacity, 3.88:1), and the focus ring its focus blue
(6.6:1 on white, >= 3:1 as WCAG 1.4.11 asks). Streamlit draws radios and toggles with a
hidden <input>, so the ring goes on the visible label around the focused input (`:has`);
the Classroom and Quiz pages' high-contrast mode draws its own ring over this one.
"""

import streamlit as st

from events.charts.contrast import NORMAL

# Set when this stylesheet is in force (Streamlit mounts style-only st.html a moment after the
# page's first elements): browser tests wait for it before measuring colours.
MARKER_CSS = ":root { --app-style: 1; }\n"
COMPACT_CSS = """
[data-testid="stMainBlockContainer"] { padding-top: 3rem; padding-bottom: 2rem; }
[data-testid="stSidebarUserContent"] { padding-top: 1rem; }
h1 { font-size: 2.1rem !important; padding-top: 0 !important; }
/* the sections under a page's h1 are h2 (headings in order), drawn at Streamlit's h3 size */
[data-testid="stMain"] h2 { font-size: 1.5rem; }
/* a screen reader's note (ui.a11y.chart_alt) takes no room in the page's flow */
[data-testid="stElementContainer"]:has(.sr-only) {
  position: absolute; width: 1px; height: 1px; margin: -1px; overflow: hidden;
  clip: rect(0, 0, 0, 0); }
@media (max-width: 640px) {
  [data-testid="stMainBlockContainer"] { padding-top: 4.5rem; }
  h1 { font-size: 1.7rem !important; }
}
"""
READABLE_CSS = f"""
[data-testid="stCaptionContainer"] {{ opacity: 1 !important; }}
[data-testid="stCaptionContainer"], [data-testid="stCaptionContainer"] :is(p, span, li) {{
  color: {NORMAL["muted"]} !important; }}
"""
_RING = f"outline: 3px solid {NORMAL['focus']} !important; outline-offset: 2px;"
FOCUS_CSS = f"""
[data-testid="stApp"] :is(button, a, summary, [tabindex]:not([tabindex="-1"])):focus-visible,
[data-testid="stSidebarNavLink"]:focus-visible {{ {_RING} }}
[data-testid="stApp"] label:has(input:is([type="radio"], [type="checkbox"]):focus-visible) {{
  {_RING}
  border-radius: 4px; }}
"""


def apply_compact_layout() -> None:
    """Inject the constant stylesheet (no table data goes into it)."""
    st.html(f"<style>{MARKER_CSS}{COMPACT_CSS}{READABLE_CSS}{FOCUS_CSS}</style>")
