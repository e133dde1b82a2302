"""Streamlit helpers of the quiz page: the round's state (seed, question, answers), one widget
set per kind of question, the feedback with the event's card and quote, and the page's CSS.

Questions come from `events.queries.quiz` (pure); this module only renders them. Table text is
shown as text: titles go into selectbox labels (plain text) or through `md_literal`.
"""

import zlib

import pandas as pd
import streamlit as st

from events.charts.contrast import HIGH, NORMAL
from events.locale import t
from events.model.countries import country_name
from events.model.fuzzy_dates import describe_date
from events.queries.presentation import publication_day_of, shown_text
from events.queries.quiz import (
    CountryQuestion,
    OrderQuestion,
    Question,
    Round,
    Score,
    WhenQuestion,
    new_seed,
    question_events,
    round_total,
    score_answer,
)
from ui import url
from ui.card import quote_html, render_event_card, source_html
from ui.classroom import CONTRAST_CSS, FOCUS_CSS, PRESENT_CSS
from ui.text import md_literal, show_html
from ui.view import View

KEY_INDEX = "quiz.index"
KEY_SCORES = "quiz.scores"  # question → Score, for the questions answered ("Prüfen")
KEY_SHOWN = "quiz.shown"  # questions whose answer the teacher revealed (beamer)

# Class mode on a beamer: the classroom's presentation sizes for the question and its options.
BEAMER_CSS = """
.st-key-quiz-question h2 { font-size: max(40px, 3.3vw) !important; line-height: 1.15; }
.st-key-quiz-question :is(p, label p, li, button p) { font-size: max(28px, 2.25vw) !important; }
.st-key-quiz-question .st-key-quiz-count p { font-size: max(22px, 1.7vw) !important; }
.st-key-quiz-bar p, .st-key-quiz-nav button p { font-size: max(22px, 1.7vw) !important; }
.st-key-quiz-question [data-baseweb="select"] div { font-size: max(26px, 2vw); }
.st-key-quiz-feedback :is(p, li) { font-size: max(24px, 1.9vw) !important; }
"""
BASE_CSS = """
.st-key-quiz-question h2 {{ overflow-wrap: anywhere; hyphens: auto; }}
.st-key-quiz-feedback-right p, .st-key-quiz-feedback-wrong p {{ font-size: 18px; }}
.st-key-quiz-feedback-right p {{ color: {right}; font-weight: 700; }}
.st-key-quiz-feedback-wrong p {{ color: {wrong}; font-weight: 700; }}
.st-key-quiz-count p {{ color: {muted}; font-size: 15px; }}
""".format(muted=NORMAL["muted"], right=NORMAL["right"], wrong=NORMAL["wrong"])
CONTRAST_FEEDBACK_CSS = """
[data-testid="stApp"] .st-key-quiz-feedback-right p {{ color: {right} !important; }}
[data-testid="stApp"] .st-key-quiz-feedback-wrong p {{ color: {wrong} !important; }}
""".format(right=HIGH["right"], wrong=HIGH["wrong"])


def quiz_css(beamer: bool, contrast: bool) -> str:
    """The page's stylesheet (constant text, no table data)."""
    parts = [BASE_CSS, CONTRAST_CSS + CONTRAST_FEEDBACK_CSS if contrast else FOCUS_CSS]
    if beamer:
        parts += [PRESENT_CSS, BEAMER_CSS]
    return "<style>" + "".join(parts) + "</style>"


def current_seed() -> int:
    """The round's seed: from the link (`round=`), else a new one kept for the session."""
    if st.session_state.get(url.KEY_ROUND) is None:
        st.session_state[url.KEY_ROUND] = new_seed()
    return st.session_state[url.KEY_ROUND]


def start_new_round() -> None:
    st.session_state[url.KEY_ROUND] = new_seed()
    st.session_state[KEY_INDEX] = 0


def set_beamer(on: bool) -> None:
    st.session_state[url.KEY_PRESENT] = on


def current_index(total: int) -> int:
    index = min(max(int(st.session_state.get(KEY_INDEX, 0)), 0), max(total - 1, 0))
    st.session_state[KEY_INDEX] = index
    return index


def go_to_question(index: int) -> None:
    st.session_state[KEY_INDEX] = index


def _scores() -> dict:
    return st.session_state.setdefault(KEY_SCORES, {})


def score_of(question: Question) -> Score | None:
    return _scores().get(question)


def is_shown(question: Question) -> bool:
    return question in st.session_state.setdefault(KEY_SHOWN, set())


def _check(question: Question, answer) -> None:
    """The first check of a question counts (a second try does not change the score)."""
    _scores().setdefault(question, score_answer(question, answer))


def _show(question: Question) -> None:
    st.session_state.setdefault(KEY_SHOWN, set()).add(question)


def score_line(rnd: Round, lang: str) -> str:
    right, answered = round_total(score_of(q) for q in rnd.questions)
    if answered == len(rnd.questions):
        return t("quiz_done", lang, right=right, total=answered)
    return t("quiz_score", lang, right=right, answered=answered)


def _masked_titles(view: View, ids) -> dict[str, str]:
    """Event id → title with every date expression masked (a title must not give the answer)."""
    data, lang = view.data, view.lang
    events = view.all_events.set_index("id")
    return {
        event_id: shown_text(
            events.loc[event_id, f"title_{lang}"],
            publication_day_of(event_id, data.evidence, data.sources),
            lang,
            hidden=True,
        )
        for event_id in ids
    }


def _widget_key(seed: int, index: int, question: Question, name: str) -> str:
    """A widget key of its own per round, question and content (new filters: new widgets)."""
    return f"quiz.{seed}.{index}.{zlib.crc32(repr(question).encode()):08x}.{name}"


def _order_answer(question: OrderQuestion, titles: dict, lang: str, key) -> list | None:
    st.markdown(t("quiz_order_prompt", lang))
    chosen = []
    for n in range(1, len(question.shown) + 1):
        chosen.append(
            st.selectbox(
                t("quiz_order_position", lang, n=n),
                question.shown,
                index=None,
                format_func=titles.get,
                key=key(f"order{n}"),
                placeholder="…",
            )
        )
    complete = None not in chosen and len(set(chosen)) == len(chosen)
    return chosen if complete else None


def _when_answer(question: WhenQuestion, titles: dict, lang: str, key) -> str:
    st.markdown(f"**{md_literal(titles[question.event_id])}**")
    if question.knowledge:
        st.markdown(t("quiz_knowledge", lang))
    return st.select_slider(
        t(f"quiz_when_prompt_{question.unit}", lang),
        question.options,
        value=question.initial,
        format_func=lambda value: describe_date(value, lang),
        key=key("when"),
    )


def _country_answer(question: CountryQuestion, titles: dict, lang: str, key) -> list:
    st.markdown(f"**{md_literal(titles[question.event_id])}**")
    picked = st.pills(
        t("quiz_country_prompt", lang),
        question.options,
        selection_mode="multi",
        format_func=lambda code: md_literal(country_name(code, lang)),
        key=key("country"),
    )
    return list(picked or [])


LETTERS = "ABCDEFGH"


def _beamer_question(question: Question, titles: dict, lang: str) -> None:
    """The question as the class sees it on the beamer: no widgets, the options lettered."""
    if isinstance(question, OrderQuestion):
        st.markdown(t("quiz_order_prompt", lang))
        lines = [f"**{LETTERS[n]}** {md_literal(titles[i])}" for n, i in enumerate(question.shown)]
        st.markdown("  \n".join(lines))
        return
    st.markdown(f"**{md_literal(titles[question.event_id])}**")
    if isinstance(question, WhenQuestion):
        if question.knowledge:
            st.markdown(t("quiz_knowledge", lang))
        st.markdown(t(f"quiz_when_prompt_{question.unit}", lang))
    else:
        st.markdown(t("quiz_country_prompt", lang))
        names = [country_name(code, lang) for code in question.options]
        lines = (f"**{LETTERS[n]}** {md_literal(name)}" for n, name in enumerate(names))
        st.markdown(" · ".join(lines))


def render_question(view: View, rnd: Round, index: int, beamer: bool) -> Question:
    """Question `index` of the round with its widgets and its check (or reveal) button."""
    lang = view.lang
    question = rnd.questions[index]
    titles = _masked_titles(view, question_events(question))

    def key(name: str) -> str:
        return _widget_key(rnd.seed, index, question, name)

    with st.container(key="quiz-question"):
        st.markdown(f"## {t(f'quiz_kind_{question.kind}', lang)}")
        with st.container(key="quiz-count"):
            st.markdown(t("quiz_question_n", lang, n=index + 1, total=len(rnd.questions)))
        if beamer:
            _beamer_question(question, titles, lang)
            answer = None
        elif isinstance(question, OrderQuestion):
            answer = _order_answer(question, titles, lang, key)
        elif isinstance(question, WhenQuestion):
            answer = _when_answer(question, titles, lang, key)
        else:
            answer = _country_answer(question, titles, lang, key)
        if beamer:
            st.button(t("quiz_reveal", lang), key=key("reveal"), on_click=_show, args=(question,))
        else:
            st.button(
                t("quiz_check", lang),
                key=key("check"),
                type="primary",
                disabled=answer is None,
                on_click=_check,
                args=(question, answer),
            )
    return question


def _plural(n: int, one: str, many: str, lang: str) -> str:
    return t(one, lang) if n == 1 else t(many, lang, n=n)


def _fuzziness(question: WhenQuestion, lang: str) -> str:
    """How exactly the date is known, and what was accepted."""
    first, last = question.accepted[0], question.accepted[-1]
    accepted = (
        t("quiz_accepted_one", lang, value=describe_date(first, lang))
        if first == last
        else t(
            "quiz_accepted_range",
            lang,
            first=describe_date(first, lang),
            last=describe_date(last, lang),
        )
    )
    fuzzy = t(f"quiz_fuzzy_{question.precision}", lang, days=question.span_days)
    if question.approximate:
        fuzzy += " " + t("quiz_fuzzy_approximate", lang)
    return f"{accepted} {fuzzy}"


def feedback_lines(question: Question, score: Score | None, lang: str, names: dict) -> list[str]:
    """The feedback sentences (plain text) for an answer (`score`) or a revealed question."""
    lines = []
    if score is not None:
        lines.append(t("quiz_right" if score.correct else "quiz_wrong", lang))
    if isinstance(question, OrderQuestion):
        if score is not None and not score.correct:
            pairs = len(question.answer) * (len(question.answer) - 1) // 2
            right = round(score.points * pairs)
            lines.append(t("quiz_order_pairs", lang, right=right, total=pairs))
        lines.append(t("quiz_order_disjoint", lang))
    elif isinstance(question, WhenQuestion):
        if score is not None and score.off_by:
            one, many = (
                ("quiz_off_by_month", "quiz_off_by_months")
                if question.unit == "month"
                else ("quiz_off_by_year", "quiz_off_by_years")
            )
            lines.append(_plural(score.off_by, one, many, lang))
        lines.append(_fuzziness(question, lang))
    else:
        if score is not None and score.missed:
            missed = ", ".join(names[c] for c in score.missed)
            lines.append(t("quiz_missed", lang, items=missed))
        if score is not None and score.wrong:
            wrong = ", ".join(names[c] for c in score.wrong)
            lines.append(t("quiz_wrong_picks", lang, items=wrong))
        answer = ", ".join(sorted(names[c] for c in question.answer))
        lines.append(f"{t('card_countries', lang)}: {answer}")
    return lines


def _compact_card(view: View, event: pd.Series, position: int) -> None:
    """One event of an order question's answer: place, title, date and its first quote."""
    lang, data = view.lang, view.data
    date_words = describe_date(event["date"], lang)
    st.markdown(f"**{position}. {md_literal(event[f'title_{lang}'])}** – {md_literal(date_words)}")
    if event["date_basis"] == "knowledge":
        st.caption(t("quiz_knowledge", lang))
    rows = data.evidence[data.evidence["event_id"] == event["id"]]
    sources = data.sources.set_index("id")
    for _, row in rows.head(1).iterrows():
        parts = [quote_html(row["quote"], row["date_text"], lang)]
        if row["source"] in sources.index:
            parts.append(source_html(sources.loc[row["source"]], lang))
        show_html("".join(parts))


def render_feedback(view: View, question: Question) -> None:
    """After an answer (or the teacher's reveal): right or wrong, why, and the event's card."""
    score = score_of(question)
    if score is None and not is_shown(question):
        return
    lang = view.lang
    events = view.all_events.set_index("id", drop=False)
    names = {code: country_name(code, lang) for code in getattr(question, "options", ())}
    right = score is None or score.correct
    with st.container(key="quiz-feedback-right" if right else "quiz-feedback-wrong"):
        # locale sentences, dates in words and CLDR country names: no table text
        st.markdown("  \n".join(map(md_literal, feedback_lines(question, score, lang, names))))
    with st.container(key="quiz-feedback"):
        if isinstance(question, OrderQuestion):
            for position, event_id in enumerate(question.answer, start=1):
                _compact_card(view, events.loc[event_id], position)
        else:
            event = events.loc[question.event_id]
            render_event_card(event, view.data.evidence, view.data.sources, lang)


def render_question_nav(rnd: Round, index: int, lang: str) -> None:
    """Previous / next question buttons."""
    with st.container(key="quiz-nav", horizontal=True):
        st.button(
            t("quiz_prev", lang),
            key="quiz.prev",
            disabled=index == 0,
            on_click=go_to_question,
            args=(index - 1,),
        )
        st.button(
            t("quiz_next", lang),
            key="quiz.next",
            disabled=index >= len(rnd.questions) - 1,
            on_click=go_to_question,
            args=(index + 1,),
        )
