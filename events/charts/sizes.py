"""The timeline chart's sizes: fonts, margins, rows, and the width and height per device."""

FONT_SIZE = 16  # axis and lane names


LEGEND_FONT = 14


CHART_HEIGHT = 470  # fits a 1280x720 beamer below the page header


CHART_WIDTH = 820  # the chart in the wide layout at 1280 px with the sidebar open (measured)


PHONE_WIDTH = 358  # the chart on a 390 px wide phone (measured)


PHONE_HEIGHT = 604  # a phone is taller than wide: more rows of titles fit (and the tool
# buttons get a row of their own above the notes, the legend a second line for its longest entry)


MARGIN = {"l": 10, "r": 10, "b": 50}


ROW_PX_MIN = 22  # a row with a 14 px title


ROW_PX_MAX = 34


LANE_GAP = 0.35  # free rows between two lanes


DENSITY_ABOVE = 1500  # more events than this: draw how many per lane and month instead


def is_phone(user_agent: str | None) -> bool:
    """Phones say "Mobi" in their User-Agent (as MDN recommends to test)."""
    return bool(user_agent) and "Mobi" in user_agent


def chart_width(user_agent: str | None) -> int:
    """The width to pack titles for, from the browser's User-Agent header (the server never
    learns the real width): phones get the phone width, others the desktop width. Titles packed
    for a wider chart than drawn would overlap."""
    return PHONE_WIDTH if is_phone(user_agent) else CHART_WIDTH


def chart_height(user_agent: str | None) -> int:
    """The chart's height: taller on a phone, where the width holds fewer titles per row."""
    return PHONE_HEIGHT if is_phone(user_agent) else CHART_HEIGHT
