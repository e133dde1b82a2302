"""AppTest of the Sources page: marked article text (every evidence date_text highlighted),
article text shown as text, cards from evidence sentences, two articles, fact check."""

import csv
import html
import re

import pandas as pd
from apptest_helpers import as_html, card_html, run_app, shown, use_tables

from events.locale import t
from events.queries.article_marks import fact_checks, shared_events
from events.store.tables import load_dataset

DATA = load_dataset()
MARK = re.compile(r'<mark class="src-date"[^>]*>(.*?)</mark>', re.S)
TIP = re.compile(r'<span class="src-tip".*?</span>', re.S)
INJECTED = '\n\n<script>alert("x")</script> **fett** [Link](https://evil.example/e) $x^2$\n'


def open_sources():
    return run_app(page="pages/sources.py")


def article_html(at) -> str:
    blocks = [h.proto.body for h in at.get("html") if "src-article" in h.proto.body]
    assert len(blocks) == 1
    return blocks[0]


def marked_texts(body: str) -> list[str]:
    return [html.unescape(re.sub(r"<[^>]+>", "", TIP.sub("", m))) for m in MARK.findall(body)]


def test_every_evidence_date_text_is_highlighted_in_every_article():
    at = open_sources()
    for source_id in DATA.sources["id"]:
        at.selectbox(key="sources.article").set_value(source_id).run()
        assert not at.exception
        marked = marked_texts(article_html(at))
        evidence = DATA.evidence[DATA.evidence["source"] == source_id]
        wanted = [d for d in evidence["date_text"] if d]
        assert wanted, source_id
        for date_text in wanted:
            assert any(date_text in m for m in marked), (source_id, date_text)


def test_hover_text_says_resolved_date_basis_and_anchor():
    at = open_sources()
    body = article_html(at)
    tips = [html.unescape(t) for t in re.findall(r'role="tooltip">(.*?)</span>', body)]
    assert len(tips) == len(MARK.findall(body))
    assert any("steht so im Artikel" in tip for tip in tips)
    assert any("Bezug: „" in tip for tip in tips)  # a date resolved on another expression


def test_injected_script_and_markdown_show_as_text(tmp_path, monkeypatch):
    data, seeds = use_tables(monkeypatch, tmp_path)
    sources = pd.read_csv(seeds / "sources.csv", dtype=str, keep_default_na=False)
    first = sources.iloc[0]
    with open(seeds / first["file"], "a", encoding="utf-8") as handle:
        handle.write(INJECTED)
    sources.loc[0, "title"] = '**Titel** <img src="https://evil.example/p.png">'
    sources.to_csv(seeds / "sources.csv", index=False, quoting=csv.QUOTE_MINIMAL)
    at = open_sources()
    body = article_html(at)
    assert "<script" not in body and "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;" in body
    assert "**fett** [Link](https://evil.example/e) $x^2$" in body  # no Markdown in st.html
    assert "<img" not in body and "<a " not in body
    heading = at.header[0].value
    assert r"\*\*Titel\*\*" in heading and r"\<img" in heading


def test_an_evidence_sentence_opens_its_events_card():
    at = open_sources()
    source_id = DATA.sources["id"].iloc[0]
    first = DATA.evidence[DATA.evidence["source"] == source_id].iloc[0]
    at.button(key=f"sources.open.{source_id}.1").click().run()
    assert not at.exception
    summary = DATA.events.set_index("id").loc[first["event_id"], "summary_de"]
    assert as_html(summary) in card_html(at)  # the card opens in its dialog
    at.button(key="sources.close").click().run()
    assert card_html(at) == ""


def test_two_articles_one_event_puts_quote_beside_quote():
    at = open_sources()
    compare = at.tabs[1]
    quotes = [h.value for h in compare.get("html") if 'class="card-quote"' in h.body]
    shared = shared_events(DATA.evidence)
    assert len(shared) >= 3
    assert len(quotes) == 2 * len(shared)  # one quote per article and event
    assert any("Polizeigewahrsam" in q for q in quotes)  # the Yekaterinburg deaths


def test_fact_check_comes_from_the_tables_columns():
    checked = set(fact_checks(DATA.events)["id"])
    assert {"kallas-visits-armenia", "pashinyan-erdogan-istanbul"} <= checked
    assert "kazakhstan-brics-no-application" in checked
    at = open_sources()
    page = " ".join(shown(m.value) for m in at.tabs[2].markdown)
    for title in DATA.events.set_index("id").loc[sorted(checked), "title_de"]:
        assert title.split()[0] in page


def test_english_page():
    at = run_app({"lang": "en"}, page="pages/sources.py")
    assert at.title[0].value.startswith("Sources")
    assert html.escape(t("basis_text", "en")) in article_html(at)
