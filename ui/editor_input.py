"""The Editor's step 1: the article (pasted or uploaded), its metadata, and the draft of its
candidate events."""

import streamlit as st

from events.locale import t
from events.model.fuzzy_dates import date_bounds
from events.model.schema import GENRES
from events.store.candidates import candidate_rows
from events.store.drafts import ArticleMeta, actors_in, source_id_for, valid_edtf
from events.store.rejections import rejected_keys, without_rejected
from events.store.saving import suggest_article_file
from events.store.uploads import UploadRejected, read_pasted, read_upload
from ui.data import store_layout
from ui.editor_state import (
    K_CONFLICT,
    K_DRAFT,
    K_NOT_READY,
    clear_candidate_widgets,
    step_button,
)
from ui.text import cut, md_literal
from ui.view import View

INPUT_LABELS = {"paste": "editor_mode_paste", "upload": "editor_mode_upload"}


DATE_LABELS = {
    "day": "editor_date_day",
    "edtf": "editor_date_edtf",
    "unknown": "editor_date_unknown",
}


UPLOAD_MESSAGES = {
    "binary": "upload_binary",
    "too_large": "upload_too_large",
    "encoding": "upload_encoding",
    "empty": "upload_empty",
    "no_text_layer": "upload_no_text_layer",
    "encrypted": "upload_encrypted",
    "damaged": "upload_damaged",
    "unsupported": "upload_unsupported",
}


def _mode_radio(label_key: str, labels: dict[str, str], key: str, lang: str) -> str:
    """A horizontal radio choosing one of `labels` (mode -> locale key)."""
    return st.radio(
        t(label_key, lang),
        tuple(labels),
        key=key,
        format_func=lambda m: t(labels[m], lang),
        horizontal=True,
    )


def _published(lang: str) -> str | None:
    """The publication date widgets; returns the date as EDTF, or None."""
    mode = _mode_radio("editor_meta_date_mode", DATE_LABELS, "editor.date_mode", lang)
    if mode == "day":
        day = st.date_input(t("editor_date_pick", lang), key="editor.date_day", format="DD.MM.YYYY")
        return day.isoformat() if day else None
    if mode == "edtf":
        value = st.text_input(t("editor_date_edtf_value", lang), key="editor.date_edtf").strip()
        if value and not valid_edtf(value):
            st.error(t("editor_date_bad", lang, value=md_literal(cut(value))))
            return None
        return value or None
    st.warning(t("editor_date_unknown_warning", lang))
    return None


def _read_article(lang: str):
    """The article the editor gave (an `Article`), or None (with a message for a bad upload)."""
    mode = _mode_radio("editor_input_mode", INPUT_LABELS, "editor.input_mode", lang)
    try:
        if mode == "paste":
            text = st.text_area(t("editor_paste", lang), key="editor.paste", height=220)
            return read_pasted(text) if text.strip() else None
        upload = st.file_uploader(
            t("editor_upload", lang),
            type=["txt", "md", "html", "htm", "docx", "pdf"],
            key="editor.upload",
        )
        return read_upload(upload.getvalue(), upload.name) if upload is not None else None
    except UploadRejected as exc:
        kind = exc.params.get("kind", "?")
        message_key = UPLOAD_MESSAGES.get(exc.reason, "upload_damaged")
        st.error(t(message_key, lang, kind=md_literal(str(kind))), icon=":material/block:")
        return None


def render_input(view: View) -> None:
    """Step 1: text, metadata, and the button that reads the candidates into the draft."""
    lang = view.lang
    st.header(t("editor_step_input", lang), anchor=False)
    article = _read_article(lang)
    if article is not None and article.removed:
        st.info(t("editor_removed", lang, n=sum(r.count for r in article.removed)))
    st.markdown(f"**{t('editor_meta', lang)}**")
    title = st.text_input(t("editor_meta_title", lang), key="editor.meta_title")
    left, right = st.columns(2)
    left.text_input(t("editor_meta_outlet", lang), key="editor.meta_outlet")
    right.text_input(t("editor_meta_author", lang), key="editor.meta_author")
    st.radio(
        t("editor_meta_genre", lang),
        GENRES,
        key="editor.meta_genre",
        format_func=lambda g: t(f"genre_{g}", lang),
        horizontal=True,
    )
    _published(lang)
    if article is not None and not title.strip():
        st.caption(t("editor_need_title", lang))
    # never disabled: a value typed just before the click arrives with the click (the
    # callback reads the widgets' state, not this run's values)
    step_button(t("editor_read", lang), "editor.read", _start_draft, view)
    if st.session_state.pop(K_NOT_READY, False):
        st.warning(t("editor_need_title", lang))


def _meta_from_state() -> ArticleMeta | None:
    """The metadata as the widgets hold it now (read in a callback)."""
    state = st.session_state
    mode = state.get("editor.date_mode", "day")
    if mode == "day":
        day = state.get("editor.date_day")
        published = day.isoformat() if day else ""
    elif mode == "edtf":
        published = (state.get("editor.date_edtf") or "").strip()
    else:
        published = ""
    title = (state.get("editor.meta_title") or "").strip()
    if not title or not published or not valid_edtf(published):
        return None
    genre = state.get("editor.meta_genre") or GENRES[0]
    outlet, author = state.get("editor.meta_outlet") or "", state.get("editor.meta_author") or ""
    return ArticleMeta(title, outlet, author, genre, published)


def _article_from_state():
    """The pasted or uploaded article as the widgets hold it now (None if there is none)."""
    state = st.session_state
    try:
        if state.get("editor.input_mode", "paste") == "paste":
            text = state.get("editor.paste") or ""
            return read_pasted(text) if text.strip() else None
        upload = state.get("editor.upload")
        return read_upload(upload.getvalue(), upload.name) if upload is not None else None
    except UploadRejected:
        return None


def _start_draft(view: View) -> None:
    """Callback of "find candidates": read the article and its candidates into the draft."""
    article, meta = _article_from_state(), _meta_from_state()
    if article is None or meta is None:
        st.session_state[K_NOT_READY] = True
        return
    _make_draft(view, article.text, meta)


def _make_draft(view: View, text: str, meta: ArticleMeta) -> None:
    """Put the article's candidates (without rejected ones, with their actors) into the draft."""
    layout = store_layout()
    data = view.data
    same = data.sources[data.sources["id"].isin(data.texts)]
    existing = next((sid for sid in same["id"] if data.texts[sid] == text), None)
    source_id = existing or source_id_for(meta, data.sources["id"])
    rows = candidate_rows(text, source_id, date_bounds(meta.published).end, layout.evidence_csv)
    rows = without_rejected(rows, rejected_keys(layout))
    known = {actor for actors in data.events["actors"] for actor in actors}
    for row in rows:
        row["actors"] = ";".join(actors_in(row["sentence"], known))
    clear_candidate_widgets()
    st.session_state[K_DRAFT] = {
        "text": text,
        "meta": meta,
        "source_id": source_id,
        "file": None if existing else suggest_article_file(layout, text),
        "candidates": rows,
    }
    st.session_state.pop(K_CONFLICT, None)
