"""AppTest helpers shared by the tests of dashboard.py and its pages."""

import html
import json
import re
from html.parser import HTMLParser
from pathlib import Path

from streamlit.proto.WidgetStates_pb2 import WidgetState
from streamlit.testing.v1 import AppTest

from ui.story import KEY_STORY, story_open_state

DASHBOARD = str(Path(__file__).resolve().parent.parent / "dashboard.py")


def run_app(params: dict | None = None, page: str | None = None) -> AppTest:
    """dashboard.py opened with the link's `params`, on `page` (a file in pages/) if given."""
    at = AppTest.from_file(DASHBOARD, default_timeout=60)
    for key, value in (params or {}).items():
        at.query_params[key] = value
    at.run()
    if page:
        at.switch_page(page).run()
    assert not at.exception, at.exception
    return at


def as_list(value) -> list[str]:
    """A query parameter's value as a list (AppTest gives a single value as a string)."""
    return value if isinstance(value, list) else [value]


ROOT = Path(DASHBOARD).parent


def copy_tables(folder: Path) -> tuple[Path, Path]:
    """A copy of the curated tables (folder/data) and the seeds (folder/seeds)."""
    data, seeds = folder / "data", folder / "seeds"
    data.mkdir(parents=True, exist_ok=True)
    seeds.mkdir(parents=True, exist_ok=True)
    for name in ("events.csv", "evidence.csv"):
        (data / name).write_bytes((ROOT / "events" / "data" / name).read_bytes())
    for path in (ROOT / "seeds").iterdir():
        if path.is_file():
            (seeds / path.name).write_bytes(path.read_bytes())
    return data, seeds


def use_tables(monkeypatch, folder: Path) -> tuple[Path, Path]:
    """Point the app at a copy of the tables and seeds in `folder` (TIMELINE_DATA_DIR and
    TIMELINE_SEEDS_DIR); returns the data and seeds folders."""
    data, seeds = copy_tables(folder)
    monkeypatch.setenv("TIMELINE_DATA_DIR", str(data))
    monkeypatch.setenv("TIMELINE_SEEDS_DIR", str(seeds))
    return data, seeds


def html_bodies(at: AppTest) -> list[str]:
    """The HTML of every st.html element of the run (cards, story view, notices)."""
    return [element.value for element in at.get("html")]


def card_html(at: AppTest) -> str:
    """The HTML of the open event card ('' when no card is open)."""
    return " ".join(body for body in html_bodies(at) if body.startswith('<div class="event-card"'))


STORY_COMPONENT = "timeline_story.list"  # ui/story.py's component (the story view's list)


def story_component(at: AppTest):
    """The story view's list (one components-v2 element), or None when the page has none."""
    found = [c for c in at.get("bidi_component") if c.proto.component_name == STORY_COMPONENT]
    assert len(found) <= 1, found
    return found[0] if found else None


def story_html(at: AppTest) -> str:
    """The HTML the story view's list puts on the page ('' without a story view)."""
    component = story_component(at)
    return json.loads(component.proto.json)["html"] if component else ""


class _StoryTitles(HTMLParser):
    """The title buttons of the story view's HTML: (event id, text as the reader sees it)."""

    def __init__(self):
        super().__init__()
        self.titles: list[tuple[str, str]] = []
        self._open: list[str] | None = None

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "button" and "data-story-id" in attrs:
            self.titles.append((attrs["data-story-id"], ""))
            self._open = []

    def handle_data(self, data):
        if self._open is not None:
            self._open.append(data)

    def handle_endtag(self, tag):
        if tag == "button" and self._open is not None:
            self.titles[-1] = (self.titles[-1][0], "".join(self._open))
            self._open = None


def story_titles(at: AppTest) -> list[tuple[str, str]]:
    """The story view's titles in page order: (event id, title text)."""
    parser = _StoryTitles()
    parser.feed(story_html(at))
    return parser.titles


def story_ids(at: AppTest) -> list[str]:
    """The event ids of the story view's titles, in page order."""
    return [event_id for event_id, _ in story_titles(at)]


def story_item_html(at: AppTest, event_id: str) -> str:
    """The HTML of one item of the story view (title, date line, sentence, date note)."""
    items = story_html(at).split('<div class="story-item ')
    found = [item for item in items if f'data-story-id="{as_html(event_id)}"' in item]
    assert len(found) == 1, (event_id, len(found))
    return found[0]


def open_from_story(at: AppTest, event_id: str) -> AppTest:
    """Choose the title of `event_id` in the story view, as a click, Enter or Space does in the
    browser: the list sends its new state value (ui.story.story_open_state, with the next
    choice number) together with the page's other widget values, and the component's callback
    opens the card. `at.session_state[KEY_STORY] = ...` would set the value without running the
    callback (AppTest runs callbacks only for values that arrive as widget states), so this
    sends the widget states itself through AppTest's `_run`, which `AppTest.run` uses too."""
    component = story_component(at)
    assert component is not None, "no story view on the page"
    assert event_id in story_ids(at), f"{event_id} is not in the story view"
    state = at.session_state.get(KEY_STORY, {})
    seq = ((state or {}).get("open") or {}).get("seq", 0) + 1
    widgets = at._tree.get_widget_states()
    state = {"open": story_open_state(event_id, seq)}
    widgets.widgets.append(WidgetState(id=component.proto.id, json_value=json.dumps(state)))
    return at._run(widgets)


def notice_text(at: AppTest) -> str:
    """The notices about ignored link values ('' when there are none)."""
    return " ".join(body for body in html_bodies(at) if 'class="notice"' in body)


def label_text(label: str) -> str:
    """A Markdown-escaped label (ui.text.md_literal) as the reader sees it."""
    return re.sub(r"\\(.)", r"\1", label)


def as_html(text: str) -> str:
    """`text` as ui.text.esc writes it into HTML."""
    return html.escape(text, quote=True)


def shown(markdown: str) -> str:
    """A Markdown body whose table values were escaped (ui.text.md_literal) as the reader sees
    the words: backslash escapes and invisible word joiners removed (emphasis marks stay)."""
    return label_text(markdown).replace("\u2060", "")
