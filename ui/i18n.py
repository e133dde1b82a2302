"""Every UI string, in German (default) and English, in one place."""

STRINGS: dict[str, dict[str, str]] = {
    "app_title": {
        "de": "Zeitleiste: Russlands schwindender Einfluss",
        "en": "Timeline: Russia's fading grip",
    },
    "nav_timeline": {"de": "Zeitleiste", "en": "Timeline"},
    "nav_countries": {"de": "Länder", "en": "Countries"},
    "nav_classroom": {"de": "Unterricht", "en": "Classroom"},
    "language": {"de": "Sprache", "en": "Language"},
    "filters": {"de": "Filter", "en": "Filters"},
    "countries": {"de": "Länder", "en": "Countries"},
    "choose": {"de": "Alle – zum Eingrenzen wählen", "en": "All – choose to narrow down"},
    "themes": {"de": "Themen", "en": "Themes"},
    "period": {"de": "Zeitraum", "en": "Period"},
    "search": {"de": "Suche", "en": "Search"},
    "search_help": {
        "de": "Titel, Zusammenfassungen und Zitate, z. B. „Alijew“ oder „Karabach“",
        "en": "Titles, summaries and quotes, e.g. 'Aliyev' or 'Karabakh'",
    },
    "importance": {"de": "Mindestens Wichtigkeit", "en": "Minimum importance"},
    "importance_1": {"de": "alle", "en": "all"},
    "importance_2": {"de": "wichtig", "en": "important"},
    "importance_3": {"de": "nur Schlüsselereignisse", "en": "key events only"},
    "reset": {"de": "Filter zurücksetzen", "en": "Reset filters"},
    "count": {"de": "{n} von {total} Ereignissen", "en": "{n} of {total} events"},
    "no_events": {
        "de": "Keine Ereignisse passen zu diesen Filtern. Setze die Filter zurück.",
        "en": "No events match these filters. Reset the filters.",
    },
    "ignored_params": {
        "de": "Ignoriert, weil unbekannt oder fehlerhaft: {items}",
        "en": "Ignored because unknown or malformed: {items}",
    },
    "table_problems": {
        "de": "Die Tabelle hat {n} Problem(e); diese Zeilen fehlen in der Ansicht:",
        "en": "The table has {n} problem(s); these rows are left out of the view:",
    },
    "timeline_title": {"de": "Zeitleiste der Ereignisse", "en": "Timeline of events"},
    "timeline_intro": {
        "de": "◆ genauer Tag · ▨ schraffierter Balken: unscharfes Datum über den ganzen möglichen "
        "Zeitraum. Klicke ein Ereignis an, um Quelle und Zitat zu sehen.",
        "en": "◆ exact day · ▨ hatched bar: fuzzy date over its whole possible span. "
        "Click an event to see its source and quote.",
    },
    "lanes": {"de": "Spuren nach", "en": "Lanes by"},
    "lanes_theme": {"de": "Thema", "en": "Theme"},
    "lanes_country": {"de": "Land", "en": "Country"},
    "zoom": {"de": "Ausschnitt", "en": "Range"},
    "zoom_all": {"de": "Alles", "en": "All"},
    "zoom_recent": {"de": "2020–2025", "en": "2020–2025"},
    "zoom_last12": {"de": "Letzte 12 Monate", "en": "Last 12 months"},
    "list_title": {"de": "Ereignisse nach Datum", "en": "Events by date"},
    "open_card": {"de": "Details", "en": "Details"},
    "close_card": {"de": "Schließen", "en": "Close"},
    "card_date": {"de": "Datum", "en": "Date"},
    "card_written": {"de": "Im Text", "en": "As written"},
    "card_no_text_date": {
        "de": "kein Datum im Text (Allgemeinwissen)",
        "en": "no date in the text (general knowledge)",
    },
    "card_basis": {"de": "Wie das Datum bestimmt wurde", "en": "How the date was resolved"},
    "basis_text": {"de": "steht so im Artikel", "en": "stated in the article"},
    "basis_text+dct": {
        "de": "aus dem Artikel und seinem Erscheinungsdatum",
        "en": "from the article and its publication date",
    },
    "basis_text+event": {
        "de": "relativ zu einem anderen Ereignis im Artikel",
        "en": "relative to another event in the article",
    },
    "basis_knowledge": {
        "de": "aus Allgemeinwissen ergänzt (nicht aus dem Artikel)",
        "en": "added from general knowledge (not from the article)",
    },
    "card_countries": {"de": "Länder", "en": "Countries"},
    "card_actors": {"de": "Akteure", "en": "Actors"},
    "card_themes": {"de": "Themen", "en": "Themes"},
    "card_sources": {"de": "Quellen", "en": "Sources"},
    "card_no_sources": {"de": "Kein Beleg im Artikel.", "en": "No evidence in the articles."},
    "genre_news": {"de": "Nachricht", "en": "News report"},
    "genre_opinion": {"de": "Meinungsbeitrag", "en": "Opinion piece"},
    "published": {"de": "erschienen", "en": "published"},
    "importance_label": {"de": "Wichtigkeit", "en": "Importance"},
    "choose_event": {"de": "Ereignis wählen", "en": "Choose an event"},
}


def t(key: str, lang: str = "de", **values: object) -> str:
    """Return the UI string `key` in `lang`, formatted with `values`."""
    entry = STRINGS[key]
    text = entry.get(lang) or entry["de"]
    return text.format(**values) if values else text
