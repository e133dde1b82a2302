"""AppTest helpers shared by the tests of dashboard.py and its pages."""

import html
import re
from pathlib import Path

from streamlit.testing.v1 import AppTest

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


def story_buttons(at: AppTest) -> list:
    """The story view's title buttons, in page order."""
    return [b for b in at.button if (b.key or "").startswith("story.open.")]


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
