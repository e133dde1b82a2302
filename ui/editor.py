"""The Editor page's parts: the lock, the article input, the review of candidates, saving with
conflicts, undo and history. All writing goes through `events.store.saving`."""

import json
import os
import time

import pandas as pd
import streamlit as st

from events.locale import t
from events.model.countries import country_name
from events.model.fuzzy_dates import date_bounds, describe_date
from events.model.schema import DATE_BASES, GENRES
from events.model.themes import THEMES, theme_label
from events.store.access import Attempts, Outcome, check_attempt, configured_secret
from events.store.candidates import candidate_rows
from events.store.changes import ChangeSet, ConflictError, NewSource
from events.store.drafts import (
    ACTIONS,
    EVIDENCE,
    NEW,
    OPEN,
    ArticleMeta,
    Decision,
    actors_in,
    event_row_from_candidate,
    review_changes,
    source_id_for,
    valid_edtf,
)
from events.store.rejections import rejected_keys, without_rejected
from events.store.saving import (
    NothingToUndo,
    StoreBusy,
    UndoConflict,
    ValidationFailed,
    read_history,
    save_changes,
    suggest_article_file,
    undo_last,
)
from events.store.tables import check_event_row
from events.store.uploads import UploadRejected, read_pasted, read_upload
from ui.card import md_escape, quote_markdown
from ui.data import store_layout
from ui.view import View

K_GRANTED = "editor.granted"
K_ATTEMPTS = "editor.attempts"
K_DRAFT = "editor.draft"
K_CONFLICT = "editor.conflict"
K_FLASH = "editor.flash"
K_WHO = "editor.who"
K_LOCK_MESSAGE = "editor.lock_message"
K_NOT_READY = "editor.not_ready"
FORM_FIELDS = ("id", "date", "date_text", "date_basis", "text_date", "date_source")
TEXT_FIELDS = ("title_de", "title_en", "summary_de", "summary_en", "countries", "actors")
ACTION_LABELS = {
    "open": "editor_action_open",
    "new": "editor_action_new",
    "evidence": "editor_action_evidence",
    "reject": "editor_action_reject",
}
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


def _secrets():
    try:
        return st.secrets
    except Exception:  # noqa: BLE001 - no or a broken secrets.toml: fall back to the environment
        return None


# --- the lock ---------------------------------------------------------------------------------


def _try_secret() -> None:
    """Callback of the unlock button: check the typed secret, then forget it."""
    given = st.session_state.get("editor.secret") or ""
    st.session_state["editor.secret"] = ""
    secret = configured_secret(_secrets(), os.environ)
    attempts = st.session_state.get(K_ATTEMPTS) or Attempts()
    result = check_attempt(secret, given, attempts, time.monotonic())
    st.session_state[K_ATTEMPTS] = result.attempts
    st.session_state[K_GRANTED] = result.outcome is Outcome.GRANTED
    st.session_state[K_LOCK_MESSAGE] = (result.outcome, result.wait_seconds)


def render_lock(lang: str) -> bool:
    """True when this session may edit; otherwise draw the lock (or how to configure one)."""
    secret = configured_secret(_secrets(), os.environ)
    if secret is None:
        st.warning(t("editor_locked", lang), icon=":material/lock:")
        st.markdown(t("editor_how_to", lang))
        return False
    if st.session_state.get(K_GRANTED):
        return True
    with st.form("editor.lock"):
        st.text_input(t("editor_secret", lang), type="password", key="editor.secret")
        st.form_submit_button(t("editor_unlock", lang), on_click=_try_secret)
    outcome, wait = st.session_state.pop(K_LOCK_MESSAGE, (None, 0.0))
    if outcome is Outcome.WAIT:
        st.warning(t("editor_wait", lang, s=f"{wait:.0f}"))
    elif outcome is Outcome.DENIED:
        st.error(t("editor_wrong", lang, s=f"{wait:.0f}"))
    return False


# --- step 1: the article ----------------------------------------------------------------------


def _published(lang: str) -> str | None:
    mode = st.radio(
        t("editor_meta_date_mode", lang),
        tuple(DATE_LABELS),
        key="editor.date_mode",
        format_func=lambda m: t(DATE_LABELS[m], lang),
        horizontal=True,
    )
    if mode == "day":
        day = st.date_input(t("editor_date_pick", lang), key="editor.date_day", format="DD.MM.YYYY")
        return day.isoformat() if day else None
    if mode == "edtf":
        value = st.text_input(t("editor_date_edtf_value", lang), key="editor.date_edtf").strip()
        if value and not valid_edtf(value):
            st.error(t("editor_date_bad", lang, value=value))
            return None
        return value or None
    st.warning(t("editor_date_unknown_warning", lang))
    return None


def _read_article(lang: str):
    """The article the editor gave (an `Article`), or None (with a message for a bad upload)."""
    mode = st.radio(
        t("editor_input_mode", lang),
        tuple(INPUT_LABELS),
        key="editor.input_mode",
        format_func=lambda m: t(INPUT_LABELS[m], lang),
        horizontal=True,
    )
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
        st.error(t(message_key, lang, kind=md_escape(str(kind))), icon=":material/block:")
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
    st.button(
        t("editor_read", lang),
        key="editor.read",
        type="primary",
        on_click=_start_draft,
        args=(view,),
    )
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
    for key in [k for k in st.session_state if str(k).startswith("editor.c.")]:
        del st.session_state[key]
    st.session_state[K_DRAFT] = {
        "text": text,
        "meta": meta,
        "source_id": source_id,
        "file": None if existing else suggest_article_file(layout, text),
        "candidates": rows,
    }
    st.session_state.pop(K_CONFLICT, None)


# --- step 2: review ---------------------------------------------------------------------------


def _candidate_facts(row: dict, view: View) -> None:
    lang = view.lang
    st.markdown(quote_markdown(row["sentence"], row["date_text"]))
    basis = t(f"basis_{row['date_basis']}", lang)
    countries = ", ".join(country_name(c, lang) for c in row["countries"].split(";") if c)
    themes = ", ".join(theme_label(x, lang) for x in row["themes"].split(";") if x)
    backs = ", ".join(_title(view, e) for e in row["curated_events"].split(";") if e)
    lines = [
        f"**{t('editor_cand_written', lang)}:** „{md_escape(row['date_text'])}“",
        f"**{t('editor_cand_resolved', lang)}:** {md_escape(describe_date(row['date'], lang))} "
        f"({md_escape(row['date'])}; {basis})",
        f"**{t('editor_cand_countries', lang)}:** {md_escape(countries or '–')}",
        f"**{t('editor_cand_themes', lang)}:** {md_escape(themes or '–')}",
        f"**{t('editor_cand_actors', lang)}:** {md_escape(row.get('actors', '') or '–')}",
        f"**{t('editor_cand_backs', lang)}:** {md_escape(backs or '–')}",
    ]
    st.markdown("  \n".join(lines))


def _title(view: View, event_id: str) -> str:
    event = view.event(event_id)
    return event_id if event is None else str(event[f"title_{view.lang}"])


def _event_form(index: int, row: dict, view: View) -> dict:
    """The prefilled form of a new event; returns its current values."""
    lang, prefix = view.lang, f"editor.c.{index}.ev."
    for column, value in row.items():
        st.session_state.setdefault(prefix + column, value)
    st.session_state.setdefault(prefix + "themes_list", [x for x in row["themes"].split(";") if x])
    values = {}
    left, right = st.columns(2)
    for n, column in enumerate(FORM_FIELDS):
        box = left if n % 2 == 0 else right
        if column == "date_basis":
            values[column] = box.selectbox(column, DATE_BASES, key=prefix + column)
        else:
            values[column] = box.text_input(column, key=prefix + column)
    for n, column in enumerate(TEXT_FIELDS):
        box = left if n % 2 == 0 else right
        if column.startswith("summary"):
            values[column] = box.text_area(column, key=prefix + column, height=90)
        else:
            values[column] = box.text_input(column, key=prefix + column)
    themes = left.multiselect(
        "themes", THEMES, key=prefix + "themes_list", format_func=lambda x: theme_label(x, lang)
    )
    values["themes"] = ";".join(themes)
    values["importance"] = right.selectbox("importance", ("1", "2", "3"), key=prefix + "importance")
    return values


def _decide(index: int, row: dict, view: View, taken: set[str]) -> tuple[Decision, bool]:
    """The decision widgets of one candidate; returns the decision and whether it is valid."""
    lang, prefix = view.lang, f"editor.c.{index}."
    action = st.radio(
        t("editor_action", lang),
        ACTIONS,
        key=prefix + "action",
        format_func=lambda a: t(ACTION_LABELS[a], lang),
        horizontal=True,
    )
    if action == NEW:
        values = _event_form(index, event_row_from_candidate(row, taken), view)
        problems = check_event_row(values, [row["sentence"]], taken)
        if problems:
            lines = "\n".join(f"- {md_escape(str(p))}" for p in problems)
            st.error(f"{t('editor_field_problems', lang)}\n\n{lines}")
        else:
            st.success(t("editor_field_ok", lang))
        return Decision(NEW, event=values), not problems
    if action == EVIDENCE:
        ids = list(view.all_events["id"])
        curated = [e for e in row["curated_events"].split(";") if e in ids]
        if curated:
            st.session_state.setdefault(prefix + "target", curated[0])
        target = st.selectbox(
            t("editor_target", lang),
            ids,
            key=prefix + "target",
            index=None,
            format_func=lambda e: _title(view, e),
        )
        return Decision(EVIDENCE, target=target), target is not None
    return Decision(action), True


def render_review(view: View) -> tuple[dict[int, Decision], bool]:
    """Step 2: every candidate with its facts and a decision; returns the decisions and
    whether every accepted event passes the check."""
    lang = view.lang
    draft = st.session_state.get(K_DRAFT)
    if not draft:
        return {}, False
    st.header(t("editor_step_review", lang), anchor=False)
    if not draft["candidates"]:
        st.info(t("editor_no_candidates", lang))
    taken = set(view.all_events["id"])
    decisions, valid = {}, True
    for index, row in enumerate(draft["candidates"]):
        with st.container(border=True, key=f"editor.cand.{index}"):
            st.markdown(f"**{t('editor_candidate', lang, n=index + 1)}**")
            _candidate_facts(row, view)
            decision, ok = _decide(index, row, view, taken)
        if decision.action != OPEN:
            decisions[index] = decision
            valid = valid and ok
            if decision.action == NEW:
                taken.add(str(decision.event["id"]).strip())
    return decisions, valid


# --- step 3: save, conflicts, undo, history ---------------------------------------------------


def _who() -> str:
    return st.session_state.get(K_WHO) or "editor"


def _decisions_from_state(view: View) -> tuple[dict[int, Decision], bool]:
    """The decisions as the widgets hold them now (read in the save callback), and whether
    every new event passes the check."""
    state, draft = st.session_state, st.session_state[K_DRAFT]
    taken = set(view.all_events["id"])
    decisions, valid = {}, True
    for index, row in enumerate(draft["candidates"]):
        prefix = f"editor.c.{index}."
        action = state.get(prefix + "action", OPEN)
        if action == NEW:
            suggested = event_row_from_candidate(row, taken)
            values = {c: state.get(f"{prefix}ev.{c}", v) for c, v in suggested.items()}
            values["themes"] = ";".join(state.get(prefix + "ev.themes_list") or [])
            valid = valid and not check_event_row(values, [row["sentence"]], taken)
            taken.add(str(values["id"]).strip())
            decisions[index] = Decision(NEW, event=values)
        elif action == EVIDENCE:
            target = state.get(prefix + "target")
            valid = valid and target is not None
            decisions[index] = Decision(EVIDENCE, target=target)
        elif action != OPEN:
            decisions[index] = Decision(action)
    return decisions, valid


def _save_draft(view: View) -> None:
    """Callback of the save button."""
    decisions, valid = _decisions_from_state(view)
    if not decisions:
        return
    if not valid:
        st.session_state[K_FLASH] = ("fix_first", [])
        return
    _save(_draft_changes(decisions))


def _draft_changes(decisions: dict[int, Decision]) -> ChangeSet:
    draft = st.session_state[K_DRAFT]
    source = None
    if draft["file"]:
        row = draft["meta"].source_row(draft["source_id"], draft["file"])
        source = NewSource(row, draft["text"])
    return review_changes(source, draft["candidates"], decisions)


def _save(changes: ChangeSet) -> None:
    """Save `changes`; the outcome goes to the flash message or the conflict view."""
    st.session_state.pop(K_CONFLICT, None)
    try:
        result = save_changes(store_layout(), changes, who=_who())
    except ConflictError as exc:
        st.session_state[K_CONFLICT] = {"conflicts": exc.conflicts, "changes": changes}
        return
    except ValidationFailed as exc:
        st.session_state[K_FLASH] = ("invalid", [str(p) for p in exc.problems[:20]])
        return
    except StoreBusy:
        st.session_state[K_FLASH] = ("busy", [])
        return
    what = (result.entry or {}).get("what", {})
    st.session_state[K_FLASH] = (
        "saved" if result.changed else "nothing",
        [len(what.get("events_added", [])), len(what.get("evidence_added", []))],
    )
    st.session_state.pop(K_DRAFT, None)
    for key in [k for k in st.session_state if str(k).startswith("editor.c.")]:
        del st.session_state[key]


def _resolve(keep_mine: bool) -> None:
    pending = st.session_state[K_CONFLICT]
    changes: ChangeSet = pending["changes"]
    ids = {c.key for c in pending["conflicts"]}
    new_events = tuple(e for e in changes.new_events if str(e["id"]).strip() not in ids)
    edits = tuple(c.keep_mine() for c in pending["conflicts"]) if keep_mine else ()
    sources = tuple(
        s for s in changes.sources if s.row["id"] not in {c.key for c in pending["conflicts"]}
    )
    rebased = ChangeSet(
        sources=sources,
        new_events=new_events,
        event_edits=edits,
        new_evidence=changes.new_evidence,
        rejections=changes.rejections,
    )
    _save(rebased)


def _render_flash(lang: str) -> None:
    flash = st.session_state.pop(K_FLASH, None)
    if flash is None:
        return
    kind, values = flash
    if kind == "saved":
        st.success(t("editor_saved", lang, events=values[0], evidence=values[1]))
    elif kind == "nothing":
        st.info(t("editor_saved_nothing", lang))
    elif kind == "busy":
        st.warning(t("editor_busy", lang))
    elif kind == "fix_first":
        st.warning(t("editor_fix_first", lang))
    elif kind == "undone":
        st.success(t("editor_undone", lang))
    elif kind == "undo_none":
        st.info(t("editor_undo_none", lang))
    elif kind == "undo_conflict":
        st.warning(t("editor_undo_conflict", lang, files=md_escape(", ".join(values))))
    else:
        lines = "\n".join(f"- {md_escape(v)}" for v in values)
        st.error(f"{t('editor_invalid', lang)}\n\n{lines}")


def _render_conflicts(lang: str) -> None:
    pending = st.session_state.get(K_CONFLICT)
    if not pending:
        return
    with st.container(border=True, key="editor.conflicts"):
        st.warning(t("editor_conflict", lang))
        for conflict in pending["conflicts"]:
            columns = sorted(set(conflict.mine or {}) | set(conflict.theirs or {}))
            table = pd.DataFrame(
                {
                    t("editor_mine", lang): [(conflict.mine or {}).get(c, "") for c in columns],
                    t("editor_theirs", lang): [(conflict.theirs or {}).get(c, "") for c in columns],
                },
                index=columns,
            )
            st.dataframe(table)
        mine, theirs = st.columns(2)
        can_keep_mine = all(c.current_version for c in pending["conflicts"])
        mine.button(
            t("editor_keep_mine", lang),
            key="editor.keep_mine",
            on_click=_resolve,
            args=(True,),
            disabled=not can_keep_mine,
        )
        theirs.button(
            t("editor_keep_theirs", lang),
            key="editor.keep_theirs",
            on_click=_resolve,
            args=(False,),
        )


def render_save(view: View, decisions: dict[int, Decision], valid: bool) -> None:
    """Step 3: the save button (with what it will write), its outcome and any conflicts."""
    lang = view.lang
    st.header(t("editor_step_save", lang), anchor=False)
    st.text_input(t("editor_who", lang), key=K_WHO, max_chars=100)
    _render_flash(lang)
    _render_conflicts(lang)
    if not st.session_state.get(K_DRAFT):
        return
    changes = _draft_changes(decisions)
    summary = t(
        "editor_save_summary",
        lang,
        events=len(changes.new_events),
        evidence=len(changes.new_evidence),
        rejected=len(changes.rejections),
    )
    st.caption(summary if decisions else t("editor_nothing", lang))
    if not valid and decisions:
        st.warning(t("editor_fix_first", lang))
    st.button(
        t("editor_save", lang),
        key="editor.save",
        type="primary",
        on_click=_save_draft,
        args=(view,),
    )


def _undo() -> None:
    try:
        undo_last(store_layout(), who=_who())
    except NothingToUndo:
        st.session_state[K_FLASH] = ("undo_none", [])
    except UndoConflict as exc:
        st.session_state[K_FLASH] = ("undo_conflict", exc.files)
    else:
        st.session_state[K_FLASH] = ("undone", [])


def render_history(view: View) -> None:
    """Undo the last change, and the list of changes (newest first)."""
    lang = view.lang
    st.header(t("editor_history", lang), anchor=False)
    left, right = st.columns(2)
    left.button(t("editor_undo", lang), key="editor.undo", on_click=_undo)
    right.button(
        t("editor_new_article", lang),
        key="editor.new",
        on_click=st.session_state.pop,
        args=(K_DRAFT, None),
    )
    entries = list(reversed(read_history(store_layout())))
    if not entries:
        st.caption(t("editor_history_empty", lang))
        return
    rows = [
        {
            "when": str(e.get("when", "")),
            "who": str(e.get("who", "")),
            "kind": str(e.get("kind", "")),
            "what": json.dumps(e.get("what", {}), ensure_ascii=False),
        }
        for e in entries[:50]
    ]
    st.dataframe(
        pd.DataFrame(rows), hide_index=True, use_container_width=True, key="editor.history"
    )
