"""The one bilingual theme vocabulary: every event's `themes` field uses these ids."""

from typing import NamedTuple

from events.locale import normalize_lang


class Theme(NamedTuple):
    de: str
    en: str


THEMES: dict[str, Theme] = {
    "diplomacy": Theme("Diplomatie", "Diplomacy"),
    "military": Theme("Militär & Krieg", "Military & war"),
    "incident": Theme("Zwischenfall", "Incident"),
    "justice": Theme("Justiz & Recht", "Justice & law"),
    "alliances": Theme("Bündnisse", "Alliances"),
    "energy": Theme("Energie", "Energy"),
    "media": Theme("Medien", "Media"),
    "society": Theme("Gesellschaft & Protest", "Society & protest"),
    "economy": Theme("Wirtschaft", "Economy"),
}


def theme_label(theme_id: str, lang: str = "de") -> str:
    """Return the theme's name in `lang` ("de" or "en"); unknown ids come back unchanged."""
    theme = THEMES.get(theme_id)
    if theme is None:
        return theme_id
    return getattr(theme, normalize_lang(lang))
