"""The Editor's step 2: every candidate with its facts and the editor's decision."""

import streamlit as st

from events.locale import t
from events.model.countries import country_name
from events.model.fuzzy_dates import describe_date
from events.model.schema import DATE_BASES
from events.model.themes import THEMES, theme_label
from events.store.drafts import ACTIONS, EVIDENCE, NEW, OPEN, Decision, event_row_from_candidate
from events.store.tables import check_event_row
from ui.card import quote_html
from ui.editor_state import K_DRAFT
from ui.text import md_literal
from ui.view import View

FORM_FIELDS = ("id", "date", "date_text", "date_basis", "text_date", "date_source")


TEXT_FIELDS = ("title_de", "title_en", "summary_de", "summary_en", "countries", "actors")


ACTION_LABELS = {
    "open": "editor_action_open",
    "new": "editor_action_new",
    "evidence": "editor_action_evidence",
    "reject": "editor_action_reject",
}


def _candidate_facts(row: dict, view: View) -> None:
    """What the extractor found in a candidate: quote, date, countries, themes, actors."""
    lang = view.lang
    st.html(quote_html(row["sentence"], row["date_text"], lang))
    basis = t(f"basis_{row['date_basis']}", lang)
    countries = ", ".join(country_name(c, lang) for c in row["countries"].split(";") if c)
    themes = ", ".join(theme_label(x, lang) for x in row["themes"].split(";") if x)
    backs = ", ".join(_title(view, e) for e in row["curated_events"].split(";") if e)
    lines = [
        f"**{t('editor_cand_written', lang)}:** „{md_literal(row['date_text'])}“",
        f"**{t('editor_cand_resolved', lang)}:** {md_literal(describe_date(row['date'], lang))} "
        f"({md_literal(row['date'])}; {basis})",
        f"**{t('editor_cand_countries', lang)}:** {md_literal(countries or '–')}",
        f"**{t('editor_cand_themes', lang)}:** {md_literal(themes or '–')}",
        f"**{t('editor_cand_actors', lang)}:** {md_literal(row.get('actors', '') or '–')}",
        f"**{t('editor_cand_backs', lang)}:** {md_literal(backs or '–')}",
    ]
    st.markdown("  \n".join(lines))


def _title(view: View, event_id: str) -> str:
    """An event's title in the page's language (its id when it is gone)."""
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
            lines = "\n".join(f"- {md_literal(str(p))}" for p in problems)
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
