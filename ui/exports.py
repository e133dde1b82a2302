"""The export buttons: the filtered events as TimelineJS, CSV, handout, worksheet or one HTML
file. Each file is built only when its button is clicked (events.exchange does the work)."""

from functools import partial

import streamlit as st

from events.exchange import exporters
from events.locale import t
from ui.view import View

KINDS = {  # format -> (file ending, MIME type)
    "pdf": ("pdf", "application/pdf"),
    "worksheet": ("pdf", "application/pdf"),
    "html": ("html", "text/html"),
    "csv": ("csv", "text/csv"),
    "timelinejs-json": ("json", "application/json"),
    "timelinejs-csv": ("csv", "text/csv"),
}


def _build(fmt: str, view: View) -> bytes:
    """The export's bytes for the events of `view` (called by Streamlit on the click)."""
    data = view.data
    made = exporters()[fmt](
        view.events, data.evidence, data.sources, view.filters, view.lang, total=len(data.events)
    )
    return made.data


def render_exports(view: View) -> None:
    """An expander with one download button per format, in the order a teacher needs them."""
    lang = view.lang
    with st.expander(t("exports_title", lang), key="timeline.exports"):
        st.caption(t("exports_help", lang, n=len(view.events)))
        columns = st.columns(3)
        for number, fmt in enumerate(KINDS):
            ending, mime = KINDS[fmt]
            columns[number % 3].download_button(
                t(f"exports_{fmt.replace('-', '_')}", lang),
                data=partial(_build, fmt, view),
                file_name=f"{t('exports_file', lang)}-{fmt}.{ending}",
                mime=mime,
                key=f"timeline.export.{fmt}",
                on_click="ignore",
                width="stretch",
            )
