"""The Editor's step 3: saving the draft (with conflicts), undo and the history of changes."""

import json

import pandas as pd
import streamlit as st

from events.locale import t
from events.store.changes import ChangeSet, ConflictError, NewSource
from events.store.drafts import (
    EVIDENCE,
    NEW,
    OPEN,
    Decision,
    event_row_from_candidate,
    review_changes,
)
from events.store.saving import (
    NothingToUndo,
    StoreBusy,
    UndoConflict,
    ValidationFailed,
    read_history,
    save_changes,
    undo_last,
)
from events.store.tables import check_event_row
from ui.data import store_layout
from ui.editor_state import (
    K_CONFLICT,
    K_DRAFT,
    K_FLASH,
    K_WHO,
    clear_candidate_widgets,
    step_button,
)
from ui.text import md_literal
from ui.view import View


def _who() -> str:
    """The name the editor gave, else 'editor'."""
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
    """The change set the draft and the decisions make."""
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
    clear_candidate_widgets()


def _resolve(keep_mine: bool) -> None:
    """Callback of the conflict buttons: save again keeping mine or theirs."""
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
    """The outcome of the last save or undo, shown once."""
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
        st.warning(t("editor_undo_conflict", lang, files=md_literal(", ".join(values))))
    else:
        lines = "\n".join(f"- {md_literal(v)}" for v in values)
        st.error(f"{t('editor_invalid', lang)}\n\n{lines}")


def _render_conflicts(lang: str) -> None:
    """Mine beside theirs for each conflict, with the two ways out."""
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
    step_button(t("editor_save", lang), "editor.save", _save_draft, view)


def _undo() -> None:
    """Callback of the undo button."""
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
