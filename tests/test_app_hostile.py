"""Text is text, on every page: the hostile table (tests/hostile.py) and hostile link values run
through every page in both languages and the states that show the most data (card open, slide
revealed, quiz answered, every Sources tab, the editor's review). Every string the app hands to
the browser is checked by how the browser treats it:

- Markdown (bodies, alerts, headings, labels, captions): no payload survives unescaped, so no
  link, image, heading, emphasis, KaTeX, directive or autolink can come from it;
- st.html: no tag or attribute from the data (no <a> to the payloads' host or to javascript:, no
  <img>, <script>, <iframe>, no on* handler);
- the Plotly figure: hover texts and labels hold no tag from the data;
- everywhere: no bidi or control character, no echo of the 100 kB value.
"""

import csv
import json
import re
from html.parser import HTMLParser

import pytest
from apptest_helpers import open_from_story, run_app, story_html, story_ids
from google.protobuf.json_format import MessageToDict
from hostile import ALL_SHORT, EVIL, LINK_PARAMS, PAYLOADS, write_hostile_tables
from streamlit.testing.v1 import AppTest

from events.store.access import ENV_VAR

# payload fragments that only survive when a value reaches Markdown unescaped
MARKDOWN_LEAKS = (
    f"[klick](https://{EVIL}",
    f"![bild](https://{EVIL}",
    "[js](javascript:",
    f"https://{EVIL}",
    f"www.{EVIL}",
    "$\\href{",
    "$$x^2$$",
    "**fett**",
    "_kursiv_",
    "~~weg~~",
    ":red[rot]",
    ":material/warning:",
    ":smile:",
    "<script>",
    "<img src=",
    "`a`",
)
HEADING = re.compile(r"(^|\n)\s*#{1,6} Überschrift")
# widget values Streamlit shows as plain text (their labels are Markdown and are checked)
PLAIN_FIELDS = {
    "selectbox": {"options", "rawValues", "default", "value", "placeholder"},
    "multiselect": {"options", "rawValues", "default", "value", "placeholder"},
    "select_slider": {"options", "default", "value"},
    "text_input": {"value", "default", "placeholder"},
    "text_area": {"value", "default", "placeholder"},
}
SKIPPED_TYPES = {"download_button"}  # file links
SKIPPED_FIELDS = {"icon", "id", "formId", "type"}  # the app's constants, not text
FORBIDDEN_TAGS = {"img", "script", "iframe", "object", "embed", "source", "video", "audio"}


class _Tags(HTMLParser):
    def __init__(self):
        super().__init__()
        self.found: list[str] = []

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag in FORBIDDEN_TAGS:
            self.found.append(f"<{tag}>")
        href = (attrs.get("href") or "").strip().lower()
        if tag == "a" and (EVIL in href or not href.startswith(("http://", "https://", "#"))):
            self.found.append(f"<a href={href!r}>")
        self.found += [f"{tag}[{name}]" for name in attrs if name.startswith("on")]


def html_leaks(body: str) -> list[str]:
    parser = _Tags()
    parser.feed(body)
    return parser.found


def markdown_leaks(text: str) -> list[str]:
    found = [fragment for fragment in MARKDOWN_LEAKS if fragment in text]
    # GFM finds autolinks in the text after escapes are resolved: backslashes do not stop them
    resolved = re.sub(r"\\(.)", r"\1", text)  # the text once Markdown resolved the escapes
    host = re.escape(EVIL)
    if re.search(rf"(?i)(https?://|www\.)[^\s]*{host}|[\w.+-]@{host}", resolved):
        found.append("autolink")
    return found + (["heading"] if HEADING.search(text) else [])


def _strings(value, path=""):
    if isinstance(value, str):
        yield path, value
    elif isinstance(value, dict):
        for key, item in value.items():
            yield from _strings(item, key)
    elif isinstance(value, list):
        for item in value:
            yield from _strings(item, path)


def _nodes(node):
    yield node
    children = getattr(node, "children", None)
    if isinstance(children, dict):
        for child in children.values():
            yield from _nodes(child)


def _unsafe(text: str, where: str) -> list[str]:
    if "\u202e" in text or "\x07" in text or "A" * 2000 in text:
        return [f"bidi, control or 100 kB echo in {where}"]
    return []


def component_leaks(node) -> list[str]:
    """Our components' data (its script and style are the app's own files): the story view's
    list is HTML the page inserts as it is, so every string in it is checked like st.html."""
    data = json.loads(node.proto.json) if node.proto.json else None
    found = []
    for field, text in _strings(data):
        where = f"bidi_component {node.proto.component_name}.{field}: {text[:80]!r}"
        found += _unsafe(text, where) + [f"{leak} in {where}" for leak in html_leaks(text)]
    return found


def leaks(at: AppTest) -> list[str]:
    """Every place where the run hands data to the browser as something other than text."""
    found = []
    for node in _nodes(at._tree):
        kind = getattr(node, "type", "")
        if kind in SKIPPED_TYPES:
            continue
        if kind == "bidi_component":
            found += component_leaks(node)
            continue
        for field, text in _node_strings(node):
            if field in SKIPPED_FIELDS:
                continue
            where = f"{kind}.{field}: {text[:80]!r}"
            found += _unsafe(text, where)
            if kind == "html":
                found += [f"{leak} in {where}" for leak in html_leaks(text)]
            elif kind == "plotly_chart":
                # loaded and dumped again: a tag written as \u003c in the spec shows as "<"
                figure = json.dumps(json.loads(text)) if text.startswith("{") else text
                found += [
                    f"{tag} in {where}" for tag in ("<script", "<img", "<a ") if tag in figure
                ]
            elif field not in PLAIN_FIELDS.get(kind, ()):
                found += [f"{leak} in {where}" for leak in markdown_leaks(text)]
    return found


@pytest.fixture(scope="module")
def hostile_env(tmp_path_factory):
    data, seeds = write_hostile_tables(tmp_path_factory.mktemp("hostile"))
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("TIMELINE_DATA_DIR", str(data))
        patch.setenv("TIMELINE_SEEDS_DIR", str(seeds))
        yield data, seeds


def open_page(page: str | None, lang: str) -> AppTest:
    at = run_app(dict(LINK_PARAMS, lang=lang) if lang == "en" else LINK_PARAMS, page=page)
    assert not leaks(at), "\n".join(leaks(at))
    return at


def all_text(at: AppTest) -> str:
    return " ".join(text for node in _nodes(at._tree) for _, text in _node_strings(node))


def _node_strings(node):
    proto = getattr(node, "proto", None)
    if proto is None or not hasattr(proto, "DESCRIPTOR"):
        return []
    return list(_strings(MessageToDict(proto)))


LANGS = ("de", "en")


def ids_in(path) -> list[str]:
    with path.open(encoding="utf-8", newline="") as handle:
        return [row["id"] for row in csv.DictReader(handle)]


@pytest.mark.parametrize("lang", LANGS)
def test_timeline_with_the_card_open(hostile_env, lang):
    at = open_page(None, lang)
    story = story_ids(at)
    assert story, "the story view shows the hostile events"
    # the hostile titles are in the list, as text (so the list's check in leaks() can fail)
    assert "klick" in story_html(at) and "evil" in story_html(at)
    open_from_story(at, story[0])
    assert not leaks(at), "\n".join(leaks(at))
    assert "event-card" in all_text(at)  # the card with the hostile title and quotes is open
    # the data is there, shown as text (so the checks above can fail)
    assert "klick" in all_text(at) and "evil" in all_text(at)


@pytest.mark.parametrize("lang", LANGS)
def test_countries_page(hostile_env, lang):
    at = open_page("pages/countries.py", lang)
    assert "klick" in all_text(at)


@pytest.mark.parametrize("lang", LANGS)
def test_classroom_slides_revealed(hostile_env, lang):
    at = open_page("pages/classroom.py", lang)
    for _ in range(3):  # the first slides hold the hostile titles
        if reveal := [b for b in at.button if b.key == "classroom.reveal"]:
            reveal[0].click().run()
            assert not leaks(at), "\n".join(leaks(at))
        at.button(key="classroom.next").click().run()
        assert not leaks(at), "\n".join(leaks(at))
    assert "evil" in all_text(at)


@pytest.mark.parametrize("lang", LANGS)
def test_quiz_checked(hostile_env, lang):
    at = open_page("pages/quiz.py", lang)
    # the first question puts events in order: pick them in the order shown, then check
    ids = ids_in(hostile_env[0] / "events.csv")
    for position, box in enumerate(at.main.selectbox):
        raw = {box.format_func(i): i for i in ids}  # the options are titles, the values ids
        box.set_value(raw[box.options[position]]).run()
    check = next(b for b in at.button if (b.key or "").endswith(".check"))
    check.click().run()
    assert not leaks(at), "\n".join(leaks(at))
    assert "klick" in all_text(at) or "evil" in all_text(at)


@pytest.mark.parametrize("lang", LANGS)
def test_sources_every_tab_and_article(hostile_env, lang):
    at = open_page("pages/sources.py", lang)
    for source_id in ids_in(hostile_env[1] / "sources.csv"):
        at.selectbox(key="sources.article").set_value(source_id).run()
        assert not leaks(at), "\n".join(leaks(at))
    assert "klick" in all_text(at) and "javascript:alert" in all_text(at)
    assert 'href="javascript' not in all_text(at)


HOSTILE_ARTICLE = (
    f"{ALL_SHORT}\n\nAm 8. August 2025 unterzeichneten {PAYLOADS['md_link']} und "
    f"{PAYLOADS['bidi']} in Washington eine Erklärung. {PAYLOADS['img_onerror']}\n"
)


@pytest.mark.parametrize("lang", LANGS)
def test_editor_pasted_article_and_candidate(hostile_env, monkeypatch, lang):
    monkeypatch.setenv(ENV_VAR, "richtig-geheim-123")
    at = open_page("pages/editor.py", lang)
    at.text_input(key="editor.secret").input("richtig-geheim-123")
    at.button[0].click().run()  # the form's unlock button
    at.text_area(key="editor.paste").input(HOSTILE_ARTICLE).run()
    at.text_input(key="editor.meta_title").input(ALL_SHORT).run()
    at.text_input(key="editor.meta_outlet").input(PAYLOADS["md_image"]).run()
    at.button(key="editor.read").click().run()
    assert not leaks(at), "\n".join(leaks(at))
    assert at.radio(key="editor.c.0.action")  # a candidate from the hostile article
    at.radio(key="editor.c.0.action").set_value("new").run()
    at.text_input(key="editor.c.0.ev.id").input(PAYLOADS["md_link"]).run()
    at.text_input(key="editor.c.0.ev.title_de").input(PAYLOADS["katex"]).run()
    assert not leaks(at), "\n".join(leaks(at))
    assert at.error  # the bad id is named in the check's message, as text


def test_the_checks_catch_a_leak():
    """The checker itself: raw Markdown, a tag from the data and a bidi override are caught."""
    assert markdown_leaks(PAYLOADS["md_link"]) and markdown_leaks("# Überschrift")
    assert html_leaks(f'<p><img src="https://{EVIL}/i.png"></p>')
    assert html_leaks('<a href="javascript:alert(1)">x</a>') and html_leaks('<b onclick="x">')
    assert not html_leaks('<a href="https://news.example/a" rel="noopener noreferrer">a</a>')
    assert markdown_leaks("\\[klick\\]\\(https\\:\\/\\/evil\\.example\\/link\\)")  # autolinked
    assert not markdown_leaks("\\[klick\\]\\(https\u2060\\:\\/\\/evil\\.example\\/link\\)")
