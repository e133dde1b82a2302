"""AppTest of the Timeline page's story view, card dialog, filter line and link notices."""

import json
import re

from apptest_helpers import (
    as_html,
    card_html,
    html_bodies,
    notice_text,
    open_from_story,
    run_app,
    story_html,
    story_ids,
    story_item_html,
    story_titles,
)

from bench.synthetic import write_synthetic
from events.queries.story import story_years
from events.store.tables import load_dataset
from ui.story import STORY_STEP, title_selector

DATA = load_dataset()
EVENTS = DATA.events.set_index("id", drop=False)
AZAL = "azal-8243-crash"  # article: "Ende Dezember 2024"; other sources: 25 December 2024


def filter_line_text(at) -> str:
    return next(b for b in html_bodies(at) if 'class="filterline"' in b)


def without_german_quotes(body: str) -> str:
    """The HTML without the parts marked as German originals."""
    return re.sub(r'<span lang="de"[^>]*>.*?</span>', "", body)


def test_story_view_lists_every_event_in_date_order():
    at = run_app()
    years = story_years(DATA.events, "de", {})
    order = [item.id for _, items in years for item in items]
    assert story_titles(at) == [(i, EVENTS.loc[i, "title_de"]) for i in order]
    bodies = " ".join(html_bodies(at))
    assert 'aria-label="Die Ereignisse der Reihe nach – Ereignisliste: Textfassung' in bodies
    # one year heading before the first item of each year, in the one list element
    headings = re.findall(r'<h3 class="story-year">(\d+)</h3>', story_html(at))
    assert headings == [year for year, _ in years] and "2024" in headings
    assert not card_html(at)


def test_one_click_in_the_story_view_opens_the_card():
    at = run_app()
    open_from_story(at, AZAL)
    assert f'data-event="{AZAL}"' in card_html(at)
    assert at.query_params["event"] == [AZAL] or at.query_params["event"] == AZAL


def test_the_same_title_opens_its_card_again_after_closing():
    at = run_app()
    for _ in range(2):
        open_from_story(at, AZAL)
        assert f'data-event="{AZAL}"' in card_html(at)
        at.button(key="timeline.close").click().run()
        assert not card_html(at) and "event" not in at.query_params
    # closing asks for the focus on the title that opened the card
    a11y = next(c for c in at.get("bidi_component") if c.proto.component_name.endswith("a11y.lang"))
    assert json.loads(a11y.proto.json)["focus"] == title_selector(AZAL)


def test_card_of_a_refined_event_shows_both_dates_and_the_citation():
    at = run_app({"event": AZAL})
    card = card_html(at)
    assert as_html("Im Artikel: „Ende Dezember 2024“") in card
    assert "Genauer Tag aus anderen Quellen: 25. Dezember 2024" in card
    assert "Quelle: IFP News" in card
    link = r'<a href="https://ifpnews\.com/[^"]+" target="_blank" rel="noopener noreferrer"'
    assert re.search(link, card)
    assert "steht so im Artikel" not in card and "Datum aus anderen Quellen</span>" in card


def test_story_view_shows_both_dates_of_a_refined_event():
    at = run_app()
    item = story_item_html(at, AZAL)
    assert "25. Dezember 2024</strong>" in item
    assert "Datum aus anderen Quellen</span>" in item
    assert as_html("Im Artikel: „Ende Dezember 2024“") in item
    assert "Genauer Tag aus anderen Quellen: 25. Dezember 2024" in item


def test_closing_the_card_clears_the_event_from_the_link():
    at = run_app({"event": AZAL, "country": "AZE"})
    at.button(key="timeline.close").click().run()
    assert not card_html(at)
    assert "event" not in at.query_params and "country" in at.query_params


def test_filter_line_names_the_filters_and_resets_in_one_click():
    at = run_app({"country": "ARM", "from": "2023", "to": "2025-07"})
    shown = len(story_ids(at))
    assert 0 < shown < len(EVENTS)
    expected = f"Gefiltert: Armenien · 2023 – Juli 2025 · {shown} von {len(EVENTS)} Ereignissen"
    assert expected in filter_line_text(at)
    at.button(key="filterline.reset").click().run()
    assert f"Alle {len(EVENTS)} Ereignisse" in filter_line_text(at)
    assert len(story_ids(at)) == len(EVENTS) and not dict(at.query_params)


def test_hostile_link_values_are_shown_as_text_and_cut():
    hostile = "[x](https://evil.example/e)"
    image = "![](https://evil.example/e.png)" + "y" * 5000
    at = run_app({"event": hostile, "theme": image})
    notice = notice_text(at)
    assert as_html(hostile) in notice and "<a" not in notice and "<img" not in notice
    assert len(notice) < 600
    markdown = [m.value for m in at.get("markdown")] + [c.value for c in at.get("caption")]
    assert not [m for m in markdown if "evil.example" in m]


def test_hostile_search_text_stays_text_in_the_filter_line():
    at = run_app({"q": "<img src=x onerror=alert(1)>"})
    line = filter_line_text(at)
    assert "&lt;img src=x onerror=alert(1)&gt;" in line and "<img" not in line


def test_english_card_shows_no_german_apart_from_marked_quotes():
    event = next(i for i in EVENTS.index if "Wladimir Putin" in EVENTS.loc[i, "actors"])
    rolofs = DATA.evidence[DATA.evidence["source"] == "rolofs-2025-07"]["event_id"].iloc[0]
    for event_id in (AZAL, event, rolofs):
        at = run_app({"event": event_id, "lang": "en"})
        card = without_german_quotes(card_html(at))  # both tabs are in the tree
        for german in ("Im Artikel", "Quelle", "unbekannt", "Nachricht", "Länder", "erschienen"):
            assert german not in card, (event_id, german)
        if event_id == event:
            assert "Vladimir Putin" in card and "Wladimir" not in card


def test_english_sources_use_the_english_metadata():
    at = run_app({"event": AZAL, "lang": "en"})
    card = card_html(at)
    sources = DATA.sources.set_index("id")
    assert as_html(sources.loc["news-2025-07", "outlet_en"]) in card
    assert '(<span lang="de">' in card and "German original" in card


def test_intro_lead_is_always_shown_and_the_rest_is_one_click_away():
    first = run_app()
    intro = first.expander[0]
    assert intro.label == "Worum es geht" and not intro.proto.expanded  # chart stays in view
    bodies = html_bodies(first)
    assert any('class="intro-lead"' in b and "Südkaukasus" in b for b in bodies)
    assert any("Oliver Rolofs" in body for body in bodies)  # the articles, in the expander
    shared = run_app({"country": "ARM", "lang": "en"})
    assert shared.expander[0].label == "What this is about"
    assert any('class="intro-lead"' in b and "South Caucasus" in b for b in html_bodies(shared))


def test_teacher_table_is_kept_in_an_expander():
    at = run_app()
    teacher = next(e for e in at.expander if e.label == "Kompakte Tabelle für Lehrkräfte")
    assert not teacher.proto.expanded and not teacher.children  # built only when opened
    at.session_state["timeline.teacher"] = True
    at.run()
    teacher = next(e for e in at.expander if e.label == "Kompakte Tabelle für Lehrkräfte")
    assert [child.key for child in teacher.children.values()] == ["timeline.list"]


def test_a_long_selection_is_shown_in_steps(tmp_path, monkeypatch):
    write_synthetic(tmp_path, 500)
    monkeypatch.setenv("TIMELINE_DATA_DIR", str(tmp_path))
    at = run_app()
    first = story_ids(at)
    assert len(first) == STORY_STEP
    at.button(key="story.more").click().run()
    ids = story_ids(at)
    assert len(ids) == 2 * STORY_STEP and ids[:STORY_STEP] == first
    # the keyboard focus goes to the first new title (ui.a11y's component gets its selector)
    a11y = next(c for c in at.get("bidi_component") if c.proto.component_name.endswith("a11y.lang"))
    first_new = ids[STORY_STEP]
    assert json.loads(a11y.proto.json)["focus"] == title_selector(first_new)
    assert title_selector(first_new) == f'.st-key-story button[data-story-id="{first_new}"]'
    assert f"die ersten {2 * STORY_STEP} von 500" in " ".join(c.value for c in at.caption)
