"""Which countries and themes a sentence speaks of: proposals for new candidate events.

Countries: the German and English country names of babel (CLDR) and pycountry, plus
`events/data/gazetteer.csv` (columns `alpha3,kind,term`), whose kinds are
- `name`, `capital`, `place`, `demonym`: matched as written (case-sensitive), a German genitive
  or plural ending (-s, -n) allowed: "Russlands", "Aserbaidschaners";
- `adjective`: a stem inflected by code ("russisch" gives russisch, russische, russischen, ...,
  and the capitalised forms for the start of a sentence).
A term matches on word boundaries; a hyphen is a boundary ("Russland-Ukraine-Krieg" gives RUS and
UKR), letters are not ("weißrussischen" is Belarus, not Russia; "Nordkorea" is not Korea); the
longest term wins.

Themes: `events/data/theme_keywords.csv` (columns `theme,keyword`), matched case-insensitively
at the start of a word ("Botschaft" matches "Botschafter"); a leading `*` lets the keyword start
inside a compound ("*drohne" matches "Angriffsdrohnen"); a trailing `$` makes it end the word,
up to an inflection ("Gas$" matches "Gas" and "Gases" but not "Gast").
"""

from __future__ import annotations

import csv
import re
from functools import lru_cache
from pathlib import Path

import pycountry
from babel import Locale

from events.themes import THEMES

DATA = Path(__file__).parent / "data"
GAZETTEER_CSV = DATA / "gazetteer.csv"
THEME_KEYWORDS_CSV = DATA / "theme_keywords.csv"

ADJECTIVE_ENDINGS = ("", "e", "en", "er", "es", "em")
NOT_COUNTRIES = {"EU", "UN", "Europa", "Europe", "Welt", "World"}


def _read_csv(path: Path) -> list[dict]:
    with open(path, encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


def _inflect(stem: str) -> list[str]:
    if not stem[0].islower():  # an English adjective: "Russian"
        return [stem]
    forms = [stem + ending for ending in ADJECTIVE_ENDINGS]
    return forms + [form[0].upper() + form[1:] for form in forms]


@lru_cache(maxsize=1)
def country_terms() -> dict[str, str]:
    """Every term the gazetteer knows, mapped to its ISO alpha-3 code."""
    terms: dict[str, str] = {}
    for lang in ("de", "en"):
        for alpha2, name in Locale.parse(lang).territories.items():
            country = pycountry.countries.get(alpha_2=alpha2) if len(alpha2) == 2 else None
            if country is not None and name not in NOT_COUNTRIES:
                terms.setdefault(name, country.alpha_3)
    for country in pycountry.countries:
        for attribute in ("name", "common_name"):
            name = getattr(country, attribute, None)
            if name and name not in NOT_COUNTRIES:
                terms.setdefault(name, country.alpha_3)
    for row in _read_csv(GAZETTEER_CSV):
        forms = _inflect(row["term"]) if row["kind"] == "adjective" else [row["term"]]
        for form in forms:
            terms[form] = row["alpha3"]
    return terms


@lru_cache(maxsize=1)
def _country_pattern() -> re.Pattern:
    terms = sorted(country_terms(), key=len, reverse=True)
    alternation = "|".join(re.escape(term) for term in terms)
    # word boundaries: a hyphen counts as one, letters and digits do not; -s / -n for genitive
    return re.compile(r"(?<![\w])(" + alternation + r")(?:s|n)?(?![\w])")


def countries_in(text: str) -> list[str]:
    """ISO alpha-3 codes of the countries `text` names, in order of first appearance."""
    terms = country_terms()
    codes: list[str] = []
    for match in _country_pattern().finditer(text):
        code = terms[match[1]]
        if code not in codes:
            codes.append(code)
    return codes


@lru_cache(maxsize=1)
def _theme_patterns() -> list[tuple[str, re.Pattern]]:
    keywords: dict[str, list[str]] = {theme: [] for theme in THEMES}
    for row in _read_csv(THEME_KEYWORDS_CSV):
        keyword = row["keyword"]
        inside = keyword.startswith("*")
        whole = keyword.endswith("$")
        core = re.escape(keyword.strip("*$")).replace(r"\ ", r"\s+")
        start = r"" if inside else r"(?<!\w)"
        end = r"(?:e|en|er|es|s|n)?(?!\w)" if whole else r""
        keywords[row["theme"]].append(start + core + end)
    return [
        (theme, re.compile("|".join(patterns), re.IGNORECASE))
        for theme, patterns in keywords.items()
        if patterns
    ]


def themes_in(text: str) -> list[str]:
    """Theme ids whose keywords occur in `text`, in the vocabulary's order."""
    return [theme for theme, pattern in _theme_patterns() if pattern.search(text)]
