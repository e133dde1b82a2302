"""Which countries and themes a sentence speaks of: proposals for new candidate events.

Countries come from the German and English territory names of babel (CLDR), the names of
pycountry, `events/data/gazetteer.csv` (columns `alpha3,kind,term`) and every spelling of a
person with a country in the actor vocabulary (`events/data/actors.csv`, kind `person`).
The kinds are
- `name`, `capital`, `place`, `demonym`, `person`: matched as written (case-sensitive), with a
  genitive -s ("Russlands", "Moskaus"); a term ending in -e or -er also takes -n ("Russen",
  "Aserbaidschanern"); a demonym in -er also gives its feminine forms ("Ukrainerin(nen)");
- `adjective`: a German stem in -sch is inflected by code ("russisch" gives russisch, russische,
  russischen, russischer, russisches, russischem and the capitalised forms for the start of a
  sentence); any other adjective ("Russian", "North Korean") is matched as written.
A term with a trailing `*` may also begin a closed compound: "Kreml*" matches "Kremlsprecher",
"Moskau*" matches "Moskauer". Terms match on word boundaries; a hyphen is a boundary
("Russland-Ukraine-Krieg" gives RUS and UKR), a letter is not ("weißrussischen" is Belarus, not
Russia; "Georg" is not Georgia); the longest term wins ("Nordkorea" is not Korea, "Republik
Moldau" is one match). NOT_COUNTRIES are matched too, so that they hide the names inside them
("Latin America"), but they give no country.

Themes come from `events/data/theme_keywords.csv` (columns `theme,keyword`), matched
case-insensitively at the start of a word or after a hyphen ("Botschaft" matches "Botschafter"
and "US-Botschaft"). A leading `*` lets the keyword start inside a compound ("*drohne" matches
"Angriffsdrohnen"); a trailing `$` makes it end the word up to an inflection ("Gas$" matches
"Gas" and "Gases" but not "Gast"); a trailing `!` makes it end the word exactly ("*handel!"
matches "Außenhandel" but not "verhandeln"). Spaces match any whitespace.
"""

from __future__ import annotations

import csv
import re
from functools import lru_cache
from pathlib import Path

import pycountry
from babel import Locale

from events.extract import word_alternation
from events.model.actors import person_terms
from events.model.themes import THEMES
from events.store.paths import DATA_DIR

DATA = DATA_DIR
GAZETTEER_CSV = DATA / "gazetteer.csv"
THEME_KEYWORDS_CSV = DATA / "theme_keywords.csv"

KINDS = ("name", "adjective", "demonym", "capital", "place", "person")
ADJECTIVE_ENDINGS = ("", "e", "en", "er", "es", "em")
INFLECTION = r"(?:e|en|er|es|s|n)?"
NOT_COUNTRIES = frozenset(
    {
        "EU",
        "UN",
        "Europa",
        "Europe",
        "Europäische Union",
        "Europäischen Union",
        "European Union",
        "Vereinte Nationen",
        "Vereinten Nationen",
        "United Nations",
        "Latin America",
        "South America",
        "North America",
        "Central America",
        "New Mexico",
        "New Jersey",
        "Indischer Ozean",
        "Indischen Ozean",
        "Indian Ocean",
    }
)


def _read_csv(path: Path) -> list[dict]:
    with open(path, encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


def _forms(kind: str, term: str) -> list[str]:
    """The written forms of one gazetteer term (without the genitive and plural endings)."""
    if kind == "adjective" and term.endswith("sch"):
        forms = [term + ending for ending in ADJECTIVE_ENDINGS]
        return forms + [form[0].upper() + form[1:] for form in forms if form[0].islower()]
    if kind == "demonym" and term.endswith("er"):
        return [term, term + "in", term + "innen"]
    return [term]


@lru_cache(maxsize=1)
def _lexicon() -> tuple[dict[str, str], frozenset[str]]:
    """Every term mapped to its alpha-3 code ("" for NOT_COUNTRIES), and the compound heads."""
    terms: dict[str, str] = {}
    for lang in ("de", "en"):
        for alpha2, name in Locale.parse(lang).territories.items():
            country = pycountry.countries.get(alpha_2=alpha2) if len(alpha2) == 2 else None
            if country is not None:
                terms.setdefault(name, country.alpha_3)
    for country in pycountry.countries:
        for attribute in ("name", "common_name"):
            name = getattr(country, attribute, None)
            if name:
                terms.setdefault(name, country.alpha_3)
    heads = set()
    rows = _read_csv(GAZETTEER_CSV)
    rows += [{"alpha3": code, "kind": "person", "term": term} for code, term in person_terms()]
    for row in rows:
        term = row["term"].rstrip("*")
        if row["term"].endswith("*"):
            heads.add(term)
        for form in _forms(row["kind"], term):
            terms[form] = row["alpha3"]
    terms.update(dict.fromkeys(NOT_COUNTRIES, ""))
    return terms, frozenset(heads)


@lru_cache(maxsize=1)
def _country_pattern() -> re.Pattern:
    terms, heads = _lexicon()
    takes_n = [term for term in terms if term.endswith(("e", "er"))]
    others = [term for term in terms if not term.endswith(("e", "er"))]
    return re.compile(
        r"(?<!\w)(?:"
        rf"({word_alternation(takes_n)})[sn]?"
        rf"|({word_alternation(others)})s?"
        rf"|({word_alternation(heads)})[a-zäöüß]*"
        r")(?!\w)"
    )


def countries_in(text: str) -> list[str]:
    """ISO alpha-3 codes of the countries `text` names, in order of first appearance."""
    terms = _lexicon()[0]
    codes: list[str] = []
    for match in _country_pattern().finditer(text):
        code = terms[match[1] or match[2] or match[3]]
        if code and code not in codes:
            codes.append(code)
    return codes


def _keyword_pattern(keyword: str) -> str:
    inside, core = keyword.startswith("*"), keyword.lstrip("*")
    end = ""
    if core.endswith("$"):
        core, end = core[:-1], INFLECTION + r"(?!\w)"
    elif core.endswith("!"):
        core, end = core[:-1], r"(?!\w)"
    start = "" if inside else r"(?<!\w)"
    return start + re.escape(core).replace(r"\ ", r"\s+") + end


@lru_cache(maxsize=1)
def _theme_patterns() -> list[tuple[str, re.Pattern]]:
    keywords: dict[str, list[str]] = {theme: [] for theme in THEMES}
    for row in _read_csv(THEME_KEYWORDS_CSV):
        keywords[row["theme"]].append(_keyword_pattern(row["keyword"]))
    return [
        (theme, re.compile("|".join(patterns), re.IGNORECASE))
        for theme, patterns in keywords.items()
        if patterns
    ]


def themes_in(text: str) -> list[str]:
    """Theme ids whose keywords occur in `text`, in the vocabulary's order."""
    return [theme for theme, pattern in _theme_patterns() if pattern.search(text)]
