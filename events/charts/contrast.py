"""Colours of the classroom and quiz pages and their WCAG 2 contrast ratios.

The pages build their CSS and the slim timeline from these palettes, and a unit test checks
every foreground/background pair against its WCAG level: AAA (7:1) for slide text, AA (4.5:1)
for other text, 3:1 for controls' borders, focus rings and chart marks.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

AAA_TEXT = 7.0
AA_TEXT = 4.5
NON_TEXT = 3.0
_HEX = re.compile(r"^#([0-9a-fA-F]{6})$")

# The high-contrast palette: the whole page black, text white, slide text and accents yellow.
HIGH = {
    "background": "#000000",
    "text": "#FFFFFF",
    "slide_text": "#FFFF00",
    "muted": "#E6E6E6",
    "button_text": "#FFFF00",
    "button_background": "#000000",
    "button_border": "#FFFFFF",
    "button_hover": "#1A1A1A",
    "focus": "#00FFFF",
    "mark": "#FFFFFF",
    "current_mark": "#FFFF00",
    "axis": "#FFFFFF",
    "right": "#7CFF7C",
    "wrong": "#FF9E9E",
}
# The normal palette: what the pages set themselves on Streamlit's white theme.
NORMAL = {
    "background": "#FFFFFF",
    "text": "#1A1A1A",
    "slide_text": "#111111",
    "muted": "#4D4D4D",
    "mark_outline": "#000000",
    "axis": "#333333",
    "focus": "#0B57D0",
    "right": "#0A6B2E",
    "wrong": "#A8001E",
}


@dataclass(frozen=True)
class Pair:
    """A foreground drawn on a background, and the contrast it needs."""

    role: str
    foreground: str
    background: str
    minimum: float


PAIRS = (
    Pair("high: slide text", HIGH["slide_text"], HIGH["background"], AAA_TEXT),
    Pair("high: page text", HIGH["text"], HIGH["background"], AAA_TEXT),
    Pair("high: muted text", HIGH["muted"], HIGH["background"], AAA_TEXT),
    Pair("high: button text", HIGH["button_text"], HIGH["button_background"], AAA_TEXT),
    Pair("high: button text, hovered", HIGH["button_text"], HIGH["button_hover"], AAA_TEXT),
    Pair("high: button border", HIGH["button_border"], HIGH["background"], NON_TEXT),
    Pair("high: focus ring", HIGH["focus"], HIGH["background"], NON_TEXT),
    Pair("high: timeline mark", HIGH["mark"], HIGH["background"], NON_TEXT),
    Pair("high: current mark", HIGH["current_mark"], HIGH["background"], NON_TEXT),
    Pair("high: timeline labels", HIGH["axis"], HIGH["background"], AAA_TEXT),
    Pair("high: right answer", HIGH["right"], HIGH["background"], AAA_TEXT),
    Pair("high: wrong answer", HIGH["wrong"], HIGH["background"], AAA_TEXT),
    Pair("normal: slide text", NORMAL["slide_text"], NORMAL["background"], AAA_TEXT),
    Pair("normal: page text", NORMAL["text"], NORMAL["background"], AAA_TEXT),
    Pair("normal: muted text", NORMAL["muted"], NORMAL["background"], AA_TEXT),
    Pair("normal: mark outline", NORMAL["mark_outline"], NORMAL["background"], NON_TEXT),
    Pair("normal: timeline labels", NORMAL["axis"], NORMAL["background"], AA_TEXT),
    Pair("normal: focus ring", NORMAL["focus"], NORMAL["background"], NON_TEXT),
    Pair("normal: right answer", NORMAL["right"], NORMAL["background"], AA_TEXT),
    Pair("normal: wrong answer", NORMAL["wrong"], NORMAL["background"], AA_TEXT),
)


def _channel(value: int) -> float:
    c = value / 255
    return c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4


def relative_luminance(colour: str) -> float:
    """WCAG 2 relative luminance of a `#RRGGBB` colour (0 black .. 1 white)."""
    match = _HEX.match(colour)
    if not match:
        raise ValueError(f"not a #RRGGBB colour: {colour!r}")
    r, g, b = (int(match[1][i : i + 2], 16) for i in (0, 2, 4))
    return 0.2126 * _channel(r) + 0.7152 * _channel(g) + 0.0722 * _channel(b)


def contrast_ratio(foreground: str, background: str) -> float:
    """WCAG 2 contrast ratio of two colours, from 1 (none) to 21 (black on white)."""
    light, dark = sorted(
        (relative_luminance(foreground), relative_luminance(background)), reverse=True
    )
    return (light + 0.05) / (dark + 0.05)


def failing_pairs(pairs=PAIRS) -> list[tuple[str, float]]:
    """The pairs below their minimum, with their ratio (empty when every pair passes)."""
    return [
        (pair.role, round(contrast_ratio(pair.foreground, pair.background), 2))
        for pair in pairs
        if contrast_ratio(pair.foreground, pair.background) < pair.minimum
    ]
