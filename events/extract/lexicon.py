"""The extractor's German words (`events/data/de_dates.toml`) and the regex pieces built from them.

No German word is written in the rule modules: they take it from here, and every table of the
TOML file is read by some pattern (tests/test_lexicon.py checks each word resolves).
"""

from __future__ import annotations

import re
import tomllib

from events.store.paths import DATA_DIR

WORDS_FILE = DATA_DIR / "de_dates.toml"
WORDS = tomllib.loads(WORDS_FILE.read_text(encoding="utf-8"))


def word_alternation(words) -> str:
    """A regex alternation of `words`, escaped, the longest first (so it wins)."""
    return "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))


def phrase_alternation(words) -> str:
    """Like `word_alternation`, but a space inside a phrase matches any run of white space."""
    return word_alternation(words).replace(r"\ ", r"\s+")


def fold_spaces(phrase: str) -> str:
    """A matched phrase as it is spelt in the TOML file: lower case, single spaces."""
    return re.sub(r"\s+", " ", phrase.lower())


def words(table: str, key: str = "words") -> list[str]:
    """The word list `key` of a table whose values are lists."""
    return WORDS[table][key]


def alt(table: str, key: str | None = None) -> str:
    """A non-capturing group of a table's words (its keys), or of its word list `key`."""
    entries = WORDS[table] if key is None else WORDS[table][key]
    return r"(?:" + phrase_alternation(entries) + r")"


MONTHS: dict[str, int] = WORDS["months"]
WEEKDAYS: dict[str, int] = WORDS["weekdays"]
SEASONS: dict[str, int] = WORDS["seasons"]
QUARTERS: dict[str, int] = WORDS["quarters"]
HALF_YEARS: dict[str, int] = WORDS["half_years"]
NUMBERS: dict[str, float] = WORDS["numbers"]
VAGUE_NUMBERS: dict[str, list[int]] = WORDS["vague_numbers"]
HEDGES: dict[str, list[float]] = WORDS["hedges"]
UNITS: dict[str, str] = WORDS["units"]
UNITS_AGO: dict[str, str] = WORDS["units_plural_dative"] | WORDS["units_singular_dative"]
UNITS_CALENDAR: dict[str, str] = WORDS["units_calendar"]
UNITS_PREVIOUS: dict[str, str] = WORDS["units_previous"]
MODIFIERS: dict[str, str] = WORDS["modifiers"]
RELATIVE: dict[str, int] = WORDS["relative"]
SPAN_RELATIVE: dict[str, int] = WORDS["span_relative"]
DECADE_WORDS: dict[str, int] = WORDS["decade_words"]
DIRECTIONS: dict[str, int] = WORDS["directions"] | WORDS["direction_prepositions"]
DIRECTIONS_ALONE = frozenset(WORDS["directions"])  # "später"; "nach" needs its noun
FUTURE_WORDS = frozenset(words("future_words"))
PAST_WORDS = frozenset(words("past_words"))
QUANTITY_AFTER = frozenset(words("quantity_words", "after"))
QUANTITY_BEFORE = re.compile(
    r"(?<!\w)(?:" + word_alternation(words("quantity_words", "before")) + r")[\s-]*$", re.IGNORECASE
)
NOUN_PREFIXES: tuple[str, ...] = tuple(words("noun_prefixes"))
LIMIT_PREPOSITIONS = frozenset(words("prepositions", "limit"))
ATTRIBUTIVE_PREPOSITIONS = frozenset(words("prepositions", "attributive"))
EVENT_NOUNS: dict[str, list[str]] = WORDS["event_nouns"]
BARE_MONTH_PREPOSITIONS = frozenset(words("prepositions", "bare_month"))
BETWEEN = frozenset(words("prepositions", "between"))
AND = frozenset(words("joiners", "and"))
TIMES_OF_DAY = frozenset(words("times_of_day"))
TIME_OF_DAY_AFTER = frozenset(words("times_of_day", "after"))
CLOCK = frozenset(words("approximately", "clock"))
CLOCK_WORDS = CLOCK | {"um"}

ENDING = r"(?:e|en|er|es|em)"  # adjective endings: "letzten", "nächstes"
W = r"(?<!\w)"  # word start
MONTH = r"(?:" + word_alternation(MONTHS) + r")(?!\w)"
WEEKDAY = r"(?:" + word_alternation(WEEKDAYS) + r")"
SEASON = r"(?:" + word_alternation(SEASONS) + r")(?:e?s)?(?!\w)"
MOD = r"(?:" + word_alternation(MODIFIERS) + r")"
REL = r"(?:" + word_alternation(RELATIVE) + r")" + ENDING + r"(?!\w)"
YEAR = r"(?<![\d.,])(?:1[0-9]{3}|20[0-9]{2})(?![\d]|[.,]\d)"
DAY = r"(?<![\d.,])(?:[12][0-9]|3[01]|0?[1-9])"  # the day number of "25.", without its dot
NUM = r"(?:\d{1,3}|" + word_alternation(NUMBERS) + r"|" + word_alternation(VAGUE_NUMBERS) + r")"
HEDGE = r"(?:" + phrase_alternation(HEDGES) + r")"
UNIT = r"(?:" + word_alternation(UNITS) + r")(?!\w)"
CHRIST = alt("era", "christ")
ERA_LETTERS = rf"(?:{alt('era', 'before')}|{alt('era', 'after')})"
ERA = rf"(?P<era>{ERA_LETTERS})\.\s*{CHRIST}\."  # "v. Chr.", the letter in group "era"
ERA_AHEAD = rf"{ERA_LETTERS}\.\s*{CHRIST}"  # what a bare year must not be followed by
BEFORE_CHRIST = rf"{alt('era', 'before')}\.\s*{CHRIST}\."
DECADE = (  # "1990er Jahre", "90er-Jahren", "zwanziger Jahre", "achtziger Jahrzehnt"
    rf"(?:(?:1[0-9]|20)?[0-9]0er|{word_alternation(DECADE_WORDS)})"
    rf"(?:n|(?:\s+|-)?{alt('period_nouns', 'decade')}|\s+{alt('period_nouns', 'decade_noun')})?"
    r"(?!\w)"
)
# "dem Absturz", "der ersten Wahl": the event noun of an anchored expression, in group "noun"
NOUN_PHRASE = (
    rf"{alt('articles', 'words')}\s+(?:[a-zäöüß]+{ENDING}\s+){{0,2}}"
    r"(?P<noun>(?-i:[A-ZÄÖÜ][\w-]*))"
)
PREP = rf"(?:(?P<prep>{alt('prepositions', 'period')})\s+)?"
PREREL = rf"(?:(?P<prerel>{REL})\s+)?"
_YEAR_SUFFIX = alt("period_nouns", "year_suffix")
YEAR_TAIL = (  # "Mai 2024", "Mai des Jahres 2024", "Mai letzten Jahres", "Mai dieses Jahres"
    rf"(?:\s+(?:{alt('period_nouns', 'of_the_year')}\s+)?(?P<y>{YEAR})"
    rf"|\s+(?P<rel>{REL})\s+{_YEAR_SUFFIX}"
    rf"|\s+(?P<this>{alt('period_nouns', 'this')})\s+{_YEAR_SUFFIX})?"
)


def compile_pattern(pattern: str) -> re.Pattern:
    return re.compile(pattern, re.IGNORECASE)


def table_pattern(table: str) -> re.Pattern:
    """Any word or phrase of a table, as the mention "x" (and group "w")."""
    return table_pattern_of(WORDS[table])


def table_pattern_of(entries) -> re.Pattern:
    """Any of these words or phrases, as the mention "x" (and group "w")."""
    return compile_pattern(rf"{W}(?P<x>(?P<w>{phrase_alternation(entries)}))(?!\w)")


def relative(word: str, table: dict[str, int] = RELATIVE) -> int:
    """The step of a relative adjective with its ending: "letzten" -> -1."""
    word = word.lower()
    for stem, step in table.items():
        if word.startswith(stem):
            return step
    raise KeyError(word)


def number(word: str) -> tuple[float, float]:
    """The (low, high) of a number word or digits: "drei" -> (3, 3), "wenige" -> (2, 6)."""
    word = fold_spaces(word)
    if word.isdigit():
        return float(word), float(word)
    if word in VAGUE_NUMBERS:
        low, high = VAGUE_NUMBERS[word]
        return float(low), float(high)
    return float(NUMBERS[word]), float(NUMBERS[word])


def amount(m: re.Match) -> tuple[float, float]:
    """The number of units of groups "n", "half" ("ein halbes Jahr") and "h" (a hedge)."""
    low, high = number(m["n"])
    if m.groupdict().get("half"):
        low, high = low / 2, high / 2
    if m.groupdict().get("h"):
        share_low, share_high = HEDGES[fold_spaces(m["h"])]
        low, high = low * share_low, high * share_high
    return low, high
