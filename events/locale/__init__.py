"""Every UI string, one TOML file per language (`de.toml`, `en.toml`); German is the default."""

import tomllib
from functools import cache
from pathlib import Path

LANGS = ("de", "en")
DEFAULT_LANG = "de"
LOCALE_DIR = Path(__file__).parent


def normalize_lang(lang: str | None) -> str:
    """The supported language for any value (anything unknown is German)."""
    return lang if lang in LANGS else DEFAULT_LANG


@cache
def strings(lang: str) -> dict[str, str]:
    """The key → text table of one language."""
    with open(LOCALE_DIR / f"{normalize_lang(lang)}.toml", "rb") as file:
        return tomllib.load(file)


def t(key: str, lang: str | None, **values) -> str:
    """The string `key` in `lang`, with `{name}` placeholders filled from `values`."""
    text = strings(normalize_lang(lang))[key]
    return text.format(**values) if values else text
