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


# Countries page
STRINGS.update(
    {
        "countries_title": {"de": "Länder im Überblick", "en": "Countries at a glance"},
        "countries_intro": {
            "de": "Die Zahl auf jedem Land: so viele der gefilterten Ereignisse nennen es (je "
            "dunkler, desto mehr). Klicke ein Land an, um nur seine Ereignisse zu sehen; ein "
            "zweiter Klick zeigt wieder alle.",
            "en": "The number on each country: how many of the filtered events name it (darker "
            "means more). Click a country to see only its events; click it again to see all.",
        },
        "countries_pick": {"de": "Land", "en": "Country"},
        "countries_all": {"de": "Alle Länder", "en": "All countries"},
        "countries_world": {"de": "Weltkarte", "en": "World map"},
        "countries_outside": {
            "de": "Außerhalb dieses Ausschnitts: {items} – die Weltkarte zeigt sie.",
            "en": "Outside this view: {items} – the world map shows them.",
        },
        "countries_credit": {
            "de": "Kartengrundlage: Vereinte Nationen (Länder, Küsten) und Natural Earth (Seen, "
            "Flüsse), aus plotly.js. Grenzen vereinfacht; sie bedeuten keine Anerkennung durch "
            "die UN.",
            "en": "Map data: United Nations (countries, coasts) and Natural Earth (lakes, "
            "rivers), from plotly.js. Borders simplified; they imply no endorsement by the UN.",
        },
        "countries_own": {"de": "Zeitleiste: {names}", "en": "Timeline: {names}"},
        "pairs_title": {
            "de": "Welche Länder gemeinsam vorkommen",
            "en": "Which countries appear together",
        },
        "pairs_intro": {
            "de": "Jedes Feld zählt die Ereignisse, die beide Länder nennen. Klicke ein Feld an "
            "oder wähle ein Paar.",
            "en": "Each cell counts the events that name both countries. Click a cell or choose "
            "a pair.",
        },
        "pairs_empty": {
            "de": "Kein Ereignis in dieser Auswahl nennt zwei Länder.",
            "en": "No event in this selection names two countries.",
        },
        "pairs_pick": {"de": "Länderpaar", "en": "Country pair"},
        "pairs_none_chosen": {"de": "– kein Paar gewählt –", "en": "– no pair chosen –"},
        "pairs_count": {
            "de": "{n} Ereignisse nennen {a} und {b}",
            "en": "{n} events name both {a} and {b}",
        },
        "pairs_count_one": {
            "de": "1 Ereignis nennt {a} und {b}",
            "en": "1 event names both {a} and {b}",
        },
        "pairs_clear": {"de": "Paar aufheben", "en": "Clear pair"},
        "pairs_to_filter": {"de": "Beide als Länderfilter", "en": "Both as country filter"},
        "pairs_filter_help": {
            "de": "Der Länderfilter in der Seitenleiste zeigt Ereignisse, die mindestens eines "
            "der Länder nennen.",
            "en": "The sidebar's country filter shows events that name at least one of the "
            "countries.",
        },
        "actors_title": {"de": "Akteure", "en": "Actors"},
        "actors_pick": {
            "de": "Organisationen und Personen (Anzahl Ereignisse) – ein Klick sucht danach",
            "en": "Organisations and people (number of events) – click one to search for it",
        },
        "actors_empty": {
            "de": "Keine Akteure in dieser Auswahl.",
            "en": "No actors in this selection.",
        },
    }
)


# Classroom page
STRINGS.update(
    {
        "classroom_title": {"de": "Unterricht", "en": "Classroom"},
        "classroom_level": {"de": "Ereignisse", "en": "Events"},
        "classroom_hide": {"de": "Daten verbergen", "en": "Hide dates"},
        "classroom_contrast": {"de": "Hoher Kontrast", "en": "High contrast"},
        "classroom_reveal": {"de": "Datum zeigen", "en": "Reveal the date"},
        "classroom_hidden": {"de": "Wann war das? Ratet!", "en": "When was this? Guess!"},
        "classroom_first": {"de": "Anfang", "en": "First"},
        "classroom_prev": {"de": "Zurück", "en": "Previous"},
        "classroom_next": {"de": "Weiter", "en": "Next"},
        "classroom_last": {"de": "Ende", "en": "Last"},
        "classroom_keys": {
            "de": "Tasten: ← → oder Bild↑ Bild↓ (Presenter), Pos1 / Ende",
            "en": "Keys: ← → or Page Up / Page Down (clicker), Home / End",
        },
        "classroom_source": {"de": "Quelle", "en": "Source"},
        "classroom_none": {
            "de": "Keine Ereignisse für diese Filter – setze die Filter in der Seitenleiste "
            "zurück.",
            "en": "No events for these filters – reset the filters in the sidebar.",
        },
    }
)
