"""The story's introduction (`seeds/intro.toml`, one table per language with `title` and `text`)."""

import tomllib
from dataclasses import dataclass
from pathlib import Path

from events.locale import normalize_lang
from events.store.paths import PROJECT_ROOT

INTRO_TOML = PROJECT_ROOT / "seeds" / "intro.toml"


@dataclass(frozen=True)
class Intro:
    title: str
    text: str


def load_intro(lang: str, path: Path | None = None) -> Intro | None:
    """The introduction in `lang`, or None when the file is missing, broken or has no text."""
    try:
        with open(path or INTRO_TOML, "rb") as handle:
            table = tomllib.load(handle).get(normalize_lang(lang), {})
    except (OSError, tomllib.TOMLDecodeError):
        return None
    title, text = table.get("title"), table.get("text")
    if not isinstance(text, str) or not text.strip():
        return None
    return Intro(title if isinstance(title, str) else "", text.strip())
