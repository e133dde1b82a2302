"""Filtering the event table: the filter state, its URL form, search and period rules.

Pure functions on DataFrames, so every rule is tested without Streamlit.
"""

import re
import unicodedata
from dataclasses import dataclass, field
from datetime import date

import numpy as np
import pandas as pd

from events.locale import LANGS
from events.model.actors import actors
from events.model.calendar import month_end
from events.queries.quiz import parse_seed

# Places whose spellings should find each other, in normalized form; the spellings of people
# and organisations come from the actor vocabulary (events/data/actors.csv), see ACTOR_ALIASES.
PLACE_ALIASES: tuple[tuple[str, ...], ...] = (
    ("kyjiw", "kiew", "kyiv", "kiev"),
    ("eriwan", "jerewan", "yerevan", "erevan"),
    ("pjongjang", "pyongyang"),
    ("tschetschenien", "chechnya"),
    ("jekaterinburg", "yekaterinburg", "ekaterinburg"),
    ("karabach", "karabakh", "karabagh", "bergkarabach"),
    ("nordkorea", "north korea", "dprk"),
    ("schuscha", "shusha", "susa"),
)
PERIOD_VALUE = re.compile(r"^(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?$")
SHORT_TERM = 3  # search terms this short match whole words only


@dataclass(frozen=True)
class FilterState:
    """What the sidebar selects; the empty state selects everything."""

    countries: tuple[str, ...] = ()
    themes: tuple[str, ...] = ()
    date_from: str | None = None  # YYYY, YYYY-MM or YYYY-MM-DD
    date_to: str | None = None
    query: str = ""
    min_importance: int = 1


@dataclass(frozen=True)
class Modes:
    """The classroom and quiz modes a link carries: `hide=1` (dates hidden), `contrast=1`
    (high contrast), `present=1` (presentation mode) and the quiz's `round=` seed."""

    hide: bool = False
    contrast: bool = False
    present: bool = False
    round: int | None = None


MODE_FLAGS = ("hide", "contrast", "present")


@dataclass
class UrlState:
    """Everything a shared link carries, plus notices about values that were ignored."""

    filters: FilterState = field(default_factory=FilterState)
    lang: str = "de"
    event: str | None = None
    modes: Modes = field(default_factory=Modes)
    ignored: list[tuple[str, str]] = field(default_factory=list)


def normalize(text: str) -> str:
    """Lower-case, accents stripped, ß as ss: 'Əliyev' and 'Aliyev' compare equal."""
    text = text.replace("ß", "ss").replace("Ə", "A").replace("ə", "a")
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch)).casefold()


def _actor_aliases() -> tuple[tuple[str, ...], ...]:
    """One group per actor of the vocabulary: its one-word spellings, normalized."""
    groups = []
    for actor in actors():
        words = {normalize(s) for s in actor.spellings if s.replace("-", "").isalpha()}
        if len(words) > 1:
            groups.append(tuple(sorted(words)))
    return tuple(groups)


ACTOR_ALIASES = _actor_aliases()
ALIASES: tuple[tuple[str, ...], ...] = PLACE_ALIASES + ACTOR_ALIASES


def _alias_index() -> dict[str, tuple[str, ...]]:
    index: dict[str, tuple[str, ...]] = {}
    for group in ALIASES:
        for word in group:
            index[word] = group
    return index


ALIAS_INDEX = _alias_index()


def query_alternatives(query: str) -> list[tuple[str, ...]]:
    """Split a search query into terms; each term with its known alternative spellings."""
    terms = normalize(query).split()
    result = []
    for term in terms:
        group = next(
            (g for word, g in ALIAS_INDEX.items() if term == word or word.startswith(term)),
            None,
        )
        result.append(tuple(sorted({term, *group})) if group and len(term) >= 4 else (term,))
    return result


def search_texts(events: pd.DataFrame, evidence: pd.DataFrame) -> pd.Series:
    """The normalized text each event is searched in: titles, summaries, actors and quotes."""
    quotes = evidence.groupby("event_id")["quote"].apply(" ".join)
    parts = (
        events["title_de"]
        + " "
        + events["title_en"]
        + " "
        + events["summary_de"]
        + " "
        + events["summary_en"]
        + " "
        + events["actors"].map(" ".join)
        + " "
        + events["id"].map(quotes).fillna("")
    )
    return pd.Series([normalize(text) for text in parts], index=events.index)


def period_bounds(value: str, *, end: bool) -> date:
    """First (or last, with end=True) day of a `YYYY`, `YYYY-MM` or `YYYY-MM-DD` value."""
    m = PERIOD_VALUE.match(value.strip())
    if not m:
        raise ValueError(f"not YYYY, YYYY-MM or YYYY-MM-DD: {value!r}")
    year = int(m[1])
    if m[3]:
        return date(year, int(m[2]), int(m[3]))
    if m[2]:
        month = int(m[2])
        if not 1 <= month <= 12:
            raise ValueError(f"no month {month}")
        return month_end(year, month) if end else date(year, month, 1)
    return date(year, 12, 31) if end else date(year, 1, 1)


def filter_mask(
    events: pd.DataFrame, state: FilterState, texts: pd.Series | None = None
) -> pd.Series:
    """Boolean mask of the events `state` selects (an event matches a period it overlaps)."""
    mask = pd.Series(True, index=events.index)
    if state.countries:
        wanted = set(state.countries)
        mask &= np.array([not wanted.isdisjoint(codes) for codes in events["countries"]], bool)
    if state.themes:
        wanted = set(state.themes)
        mask &= np.array([not wanted.isdisjoint(ts) for ts in events["themes"]], bool)
    if state.date_from:
        start = pd.Timestamp(period_bounds(state.date_from, end=False))
        mask &= events["end"].isna() | (events["end"] >= start)
    if state.date_to:
        stop = pd.Timestamp(period_bounds(state.date_to, end=True))
        mask &= events["start"] <= stop
    if state.min_importance > 1:
        mask &= events["importance"] >= state.min_importance
    if state.query.strip():
        if texts is None:
            raise ValueError("a text query needs the search texts (search_texts)")
        for alternatives in query_alternatives(state.query):
            hit = pd.Series(False, index=events.index)
            for alternative in alternatives:
                if len(alternative) <= SHORT_TERM:  # "EU" must not find "neue"
                    pattern = rf"\b{re.escape(alternative)}\b"
                    hit |= texts.str.contains(pattern, regex=True)
                else:
                    hit |= texts.str.contains(alternative, regex=False)
            mask &= hit
    return mask


def filter_events(
    events: pd.DataFrame, state: FilterState, texts: pd.Series | None = None
) -> pd.DataFrame:
    """The events `state` selects, in date order."""
    return events[filter_mask(events, state, texts)]


def country_counts(events: pd.DataFrame) -> pd.Series:
    """How many events name each country, most frequent first (ties by code)."""
    counts = events["countries"].explode().dropna().value_counts()
    return counts.sort_index().sort_values(ascending=False, kind="stable")


def month_options(events: pd.DataFrame) -> list[str]:
    """Every month (`YYYY-MM`) from the first event's start to the last event's end."""
    if events.empty:
        return []
    first = events["start"].min()
    last = max(events["start"].max(), events["end"].max())
    months = pd.period_range(first.to_period("M"), last.to_period("M"), freq="M")
    return [str(p) for p in months]


def _valid_period(value: str) -> bool:
    try:
        period_bounds(value, end=False)
    except ValueError:
        return False
    return True


def _keep_items(name: str, values: list[str], allowed, ignored: list) -> tuple[str, ...]:
    """The comma-separated items of a list parameter that `allowed` accepts, each once; the
    others go to `ignored` as (name, item)."""
    good = []
    for value in values:
        for item in value.split(","):
            item = item.strip()
            if not item:
                continue
            if allowed(item):
                good.append(item)
            else:
                ignored.append((name, item))
    return tuple(dict.fromkeys(good))


def _modes(params: dict[str, list[str]], ignored: list) -> Modes:
    """The flags `hide`, `contrast`, `present` ("1" on, "0" off) and the `round` seed."""
    flags = {}
    for name in MODE_FLAGS:
        if values := params.get(name, []):
            if values[-1] in ("0", "1"):
                flags[name] = values[-1] == "1"
            else:
                ignored.append((name, values[-1]))
    seed = None
    if values := params.get("round", []):
        seed = parse_seed(values[-1])
        if seed is None:
            ignored.append(("round", values[-1]))
    return Modes(**flags, round=seed)


def parse_url_params(
    params: dict[str, list[str]],
    countries: set[str],
    themes: set[str],
    event_ids: set[str],
) -> UrlState:
    """Read the link's parameters; unknown or malformed values are dropped and listed."""
    state = UrlState()
    ignored = state.ignored
    chosen_countries = _keep_items(
        "country", params.get("country", []), lambda v: v.upper() in countries, ignored
    )
    chosen_themes = _keep_items("theme", params.get("theme", []), lambda v: v in themes, ignored)
    dates = {}
    for name in ("from", "to"):
        values = params.get(name, [])
        if values and _valid_period(values[-1]):
            dates[name] = values[-1]
        elif values:
            ignored.append((name, values[-1]))
    importance = 1
    if values := params.get("importance", []):
        if values[-1] in ("1", "2", "3"):
            importance = int(values[-1])
        else:
            ignored.append(("importance", values[-1]))
    if values := params.get("lang", []):
        if values[-1] in LANGS:
            state.lang = values[-1]
        else:
            ignored.append(("lang", values[-1]))
    if values := params.get("event", []):
        if values[-1] in event_ids:
            state.event = values[-1]
        else:
            ignored.append(("event", values[-1]))
    state.modes = _modes(params, ignored)
    if (
        dates.get("from")
        and dates.get("to")
        and period_bounds(dates["from"], end=False) > period_bounds(dates["to"], end=True)
    ):
        ignored.append(("to", dates.pop("to")))
    state.filters = FilterState(
        countries=tuple(c.upper() for c in chosen_countries),
        themes=chosen_themes,
        date_from=dates.get("from"),
        date_to=dates.get("to"),
        query=(params.get("q") or [""])[-1][:200],
        min_importance=importance,
    )
    return state


def url_params(
    state: FilterState, lang: str = "de", event: str | None = None, modes: Modes | None = None
) -> dict:
    """The query parameters of a view; defaults are left out so links stay short."""
    params: dict[str, list[str] | str] = {}
    if state.countries:
        params["country"] = list(state.countries)
    if state.themes:
        params["theme"] = list(state.themes)
    if state.date_from:
        params["from"] = state.date_from
    if state.date_to:
        params["to"] = state.date_to
    if state.query.strip():
        params["q"] = state.query.strip()
    if state.min_importance > 1:
        params["importance"] = str(state.min_importance)
    if lang != "de":
        params["lang"] = lang
    if event:
        params["event"] = event
    modes = modes or Modes()
    for name in MODE_FLAGS:
        if getattr(modes, name):
            params[name] = "1"
    if modes.round is not None:
        params["round"] = str(modes.round)
    return params
