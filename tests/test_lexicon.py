"""Every word of every table of events/data/de_dates.toml, drawn into the pattern it belongs to.

Each word is put into a sentence template for its table; the extractor must find the mention
that holds the word (or, for the words that stop a date, find none), never raise, and give only
valid EDTF values.
"""

from datetime import date

import edtf
import pytest

from events.extract import find_dates
from events.extract.lexicon import WORDS
from events.model.fuzzy_dates import date_bounds

PUBLISHED = date(2025, 7, 4)  # a Friday
ANCHOR = "Am 3. Mai 2024 stürzte das Flugzeug ab. "

# table (and list key) -> sentence templates; "{w}" is the word, "{W}" the word capitalised
FOUND = {
    ("months", None): ["im {w} 2024", "Er kam im {w}."],
    ("weekdays", None): ["Er kam am {w}.", "{W}, 25. Februar"],
    ("seasons", None): ["im {w} 2024", "Er kam im {w}."],
    ("quarters", None): ["im {w} Quartal 2024", "im {w} Quartal"],
    ("half_years", None): ["im {w} Halbjahr 2024", "im {w} Halbjahr"],
    ("modifiers", None): ["{W} Mai 2024", "{W} 2024", "{W} des Monats", "{W} der 1990er Jahre"],
    ("relative", None): ["{w}en Monat", "{w}e Woche", "im Herbst {w}en Jahres", "am {w}en Montag"],
    ("span_relative", None): ["in den {w}en zwei Wochen", "in den {w}en Monaten"],
    ("numbers", None): ["vor {w} Jahren", ANCHOR + "{W} Tage später sprach er."],
    ("vague_numbers", None): ["vor {w} Tagen", ANCHOR + "{W} Wochen danach sprach er."],
    ("hedges", None): ["vor {w} zwei Jahren", ANCHOR + "{W} zwei Jahre später sprach er."],
    ("decade_words", None): ["in den {w} Jahren", "Mitte der {w} Jahre"],
    ("units", None): [ANCHOR + "Drei {W} später sprach er."],
    ("today", None): ["{W} kam er.", "Er kam {w}."],
    ("recently", None): ["{W} kam er.", "Er kam {w}."],
    ("vague_now", None): ["{W} kam er."],
    ("present_ref", "words"): ["{W} kam er.", "Er kam {w}."],
    ("present_ref", "after_word"): ["Er ist im {W} krank."],
    ("past_ref", "words"): ["{W} kam er.", "Er kam {w} oft."],
    ("future_ref", "words"): ["{W} kommt er.", "Er kommt in {w} oft."],
    ("future_ref", "if_future"): ["{W} wird er kommen."],
    ("vague_anchored", None): [ANCHOR + "{W} sprach er."],
    ("units_plural_dative", None): ["vor zwei {W}", "in den kommenden {W}"],
    ("units_singular_dative", None): ["vor einem {W}"],
    ("units_calendar", None): ["letzten {W}", "nächstes {W}"],
    ("units_previous", None): ["im {W}"],
    ("prepositions", "period"): ["Er kam {w} Frühjahr."],
    ("prepositions", "bare_month"): ["Er kam {w} Mai."],
    ("prepositions", "weekday"): ["Er kam {w} Donnerstag."],
    ("period_nouns", "year"): ["im {W} 2024"],
    ("period_nouns", "of_the_year"): ["im Mai {w} 2024"],
    ("period_nouns", "year_suffix"): ["Ende letzten {W}", "Mai letzten {W}"],
    ("period_nouns", "this"): ["im Mai {w} Jahres"],
    ("period_nouns", "the_or_this"): ["Anfang {w} Monats", "Mitte {w} Jahres"],
    ("period_nouns", "month"): ["Anfang des {W}"],
    ("period_nouns", "quarter"): ["im ersten {W} 2024"],
    ("period_nouns", "half_year"): ["im zweiten {W} 2024"],
    ("period_nouns", "decade"): ["in den 1990er {W}"],
    ("period_nouns", "decade_noun"): ["im achtziger {W}"],
    ("period_nouns", "decade_article"): ["Mitte {w} 1990er Jahre"],
    ("period_nouns", "century"): ["im 19. {W}"],
    ("period_nouns", "century_article"): ["Anfang {w} 20. Jahrhunderts"],
    ("era", "before"): ["im Jahr 44 {w}. Chr."],
    ("era", "after"): ["im Jahr 800 {w}. Chr."],
    ("era", "christ"): ["44 v. {W}.", "im 5. Jahrhundert v. {W}."],
    ("approximately", "words"): ["{w} 1900"],
    ("times_of_day", "words"): ["Donnerstag{w}"],
    ("articles", "words"): [ANCHOR + "Drei Tage nach {w} Absturz sprach er."],
    ("articles", "weekday_day"): ["Donnerstag, {w} 25. Februar"],
    ("same", "same"): [ANCHOR + "Am {w} Tag sprach er."],
    ("same", "on"): [ANCHOR + "{W} selben Tag sprach er."],
    ("same", "in"): [ANCHOR + "{W} selben Jahr sprach er."],
    ("same", "during"): [ANCHOR + "{W} derselben Woche sprach er."],
    ("same", "article"): [ANCHOR + "Im {w} selben Jahr sprach er."],
    ("same", "later"): [ANCHOR + "{W} im selben Jahr sprach er."],
    ("same", "day"): [ANCHOR + "Am selben {W} sprach er."],
    ("same", "month_or_year"): [ANCHOR + "Im selben {W} sprach er."],
    ("same", "week"): [ANCHOR + "In derselben {W} sprach er."],
    ("same", "next"): [ANCHOR + "Am {w} Tag sprach er."],
    ("same", "day_after"): [ANCHOR + "{W} sprach er."],
    ("same", "day_before"): [ANCHOR + "Am {W} sprach er."],
    ("following_year", "next"): [ANCHOR + "{W} sprach er."],
    ("following_year", "before"): [ANCHOR + "{W} sprach er."],
    ("directions", None): [ANCHOR + "Drei Tage {w} sprach er."],
    ("direction_prepositions", None): [ANCHOR + "Drei Tage {w} dem Absturz sprach er."],
    ("shortly", "words"): [ANCHOR + "{W} darauf sprach er."],
    ("shortly", "directions"): [ANCHOR + "Kurz {w} sprach er."],
    ("half", "words"): [ANCHOR + "Ein {w} Jahr später sprach er."],
    ("ago", "words"): ["{W} zwei Jahren"],
    ("period_nouns", "bare_year"): ["Ende {W} kam er."],
    ("same", "day_before_phrase"): [ANCHOR + "{W} sprach er."],
    ("same", "this_day"): [ANCHOR + "{W} sprach er."],
    ("same", "this_year"): [ANCHOR + "{W} sprach er."],
    ("this_year", "words"): ["{W} kam er.", "Er kam {w}."],
    ("this_century", "words"): ["Er kam in {w}."],
    ("weekend", "words"): ["Er kam am {W}."],
    ("part_of_week", "words"): ["Er kam Anfang {w}."],
    ("holidays_fixed", None): ["Er kam an {W}.", "Er kam an {W} 2024."],
    ("holidays_easter", None): ["Er kam an {W}.", "Er kam an {W} 2024."],
}


def _entries(table: str, key: str | None) -> list[str]:
    return list(WORDS[table] if key is None else WORDS[table][key])


def _cases(spec: dict) -> list:
    return [
        pytest.param(template, word, id=f"{table}.{key or ''}:{word}:{n}")
        for (table, key), templates in spec.items()
        for n, template in enumerate(templates)
        for word in _entries(table, key)
    ]


def _fill(template: str, word: str) -> str:
    return template.format(w=word, W=word[:1].upper() + word[1:])


def _check_values(mentions) -> None:
    for m in mentions:
        if m.edtf == "":  # the past in general: no calendar value
            assert m.timex == "PAST_REF", m
        elif m.edtf.startswith("-"):  # BC: valid EDTF, but no Python date for the app's bounds
            edtf.parse_edtf(m.edtf)
        else:
            date_bounds(m.edtf)  # raises EdtfError on an invalid value


# tables whose words stay outside the mention: the mention follows them
OUTSIDE = {"prepositions"}


@pytest.mark.parametrize(("template", "word"), _cases(FOUND))
def test_every_word_is_found_and_resolves(template, word):
    text = _fill(template, word)
    mentions = find_dates(text, PUBLISHED, include_vague=True)
    _check_values(mentions)
    position = template.index("{")  # where the word stands in the text
    table = next(t for (t, k), templates in FOUND.items() if template in templates)
    if table in OUTSIDE:
        following = [m for m in mentions if m.start == position + len(word) + 1]
        assert following, (text, [(m.text, m.edtf) for m in mentions])
    else:
        holding = [m for m in mentions if m.start <= position and position + len(word) <= m.end]
        assert holding, (text, [(m.text, m.edtf) for m in mentions])


# words that stop a date or change its reading, with what must (not) come of the sentence
STOPPING = {
    ("quantity_words", "before"): ("Es kamen {w} 2000.", "2000"),
    ("quantity_words", "after"): ("Es kamen 2000 {w}.", "2000"),
    ("approximately", "clock"): ("Er kam um 1900 {W}.", "1900~"),
    ("past_ref", "not_before"): ("Er kam früher {w} erwartet.", ""),
}


@pytest.mark.parametrize(("template", "word"), _cases({k: [v[0]] for k, v in STOPPING.items()}))
def test_words_that_make_a_number_no_date(template, word):
    text = _fill(template, word)
    mentions = find_dates(text, PUBLISHED)
    _check_values(mentions)
    value = next(v for (t, _k), (tmpl, v) in STOPPING.items() if tmpl == template)
    assert value not in [m.edtf for m in mentions], (text, mentions)


@pytest.mark.parametrize("word", WORDS["future_words"]["words"])
def test_future_words_move_a_month_forward(word):
    mentions = find_dates(f"Im Mai {word} es geschehen.", PUBLISHED)
    assert [m.edtf for m in mentions if m.timex != "FUTURE_REF"] == ["2026-05"]
    assert [m.edtf for m in find_dates("Im Mai ist es geschehen.", PUBLISHED)] == ["2025-05"]


@pytest.mark.parametrize("word", WORDS["past_words"]["words"])
def test_past_words_take_the_last_day_up_to_publication(word):
    published = date(2025, 6, 1)
    mentions = find_dates(f"Am 2. September {word} es.", published)
    assert [m.edtf for m in mentions] == ["2024-09-02"]
    assert [m.edtf for m in find_dates("Am 2. September geschieht es.", published)] == [
        "2025-09-02"
    ]


@pytest.mark.parametrize("word", WORDS["times_of_day"]["after"])
def test_morgen_after_these_words_is_a_time_of_day(word):
    assert "Morgen" not in [m.text for m in find_dates(f"Er kam {word} Morgen.", PUBLISHED)]
    assert [m.text for m in find_dates(f"Er kommt {word} morgen.", PUBLISHED)][-1:] == ["morgen"]


@pytest.mark.parametrize("word", WORDS["prepositions"]["limit"])
def test_a_limit_is_no_anchor(word):
    text = f"Am 3. Mai 2013 kam er. Er ist {word} 2014 im Amt. Zwei Tage später sprach er."
    last = find_dates(text, PUBLISHED)[-1]
    assert (last.text, last.anchor_text) == ("Zwei Tage später", "3. Mai 2013")


@pytest.mark.parametrize("word", WORDS["joiners"]["and"])
def test_two_years_joined_without_between_are_two(word):
    assert [m.edtf for m in find_dates(f"in 2014 {word} 2016", PUBLISHED)] == ["2014", "2016"]


@pytest.mark.parametrize("prefix", WORDS["noun_prefixes"]["words"])
def test_noun_prefixes_lead_to_the_sentence_of_the_event(prefix):
    noun = prefix.capitalize() + "sturz"
    text = f"Am 3. Mai 2024 stürzte es. Am 4. Juni 2024 kam er. Zwei Tage nach dem {noun} ging er."
    assert find_dates(text, PUBLISHED)[-1].anchor_text == "3. Mai 2024"


@pytest.mark.parametrize("word", WORDS["present_ref"]["before"])
def test_moment_after_these_words_is_now(word):
    mentions = find_dates(f"Er ist {word} Moment krank.", PUBLISHED)
    assert [(m.text, m.timex) for m in mentions] == [("Moment", "PRESENT_REF")]
    assert find_dates("Warte einen Moment.", PUBLISHED) == []


@pytest.mark.parametrize("word", WORDS["prepositions"]["attributive"])
def test_a_date_that_dates_a_noun_is_no_anchor(word):
    text = (
        "Am 3. Mai 2024 kam er. "
        f"Er klagte wegen des Abschusses {word} Dezember 2023. Am selben Tag sprach er."
    )
    last = find_dates(text, PUBLISHED)[-1]
    assert (last.text, last.anchor_text) == ("Am selben Tag", "3. Mai 2024")
    alone = find_dates(
        f"{word.capitalize()} Dezember 2023 an galt es. Am selben Tag kam er.", PUBLISHED
    )
    assert alone[-1].anchor_text == "Dezember 2023"


EVENT_NOUNS = [(kind, word) for kind, nouns in WORDS["event_nouns"].items() for word in nouns]


@pytest.mark.parametrize(("kind", "word"), EVENT_NOUNS)
def test_nouns_of_one_kind_name_the_same_event(kind, word):
    first = WORDS["event_nouns"][kind][0].capitalize()
    text = (
        f"Am 3. Mai 2024 begann die {word.capitalize()}. Am 4. Juni 2024 kam er. "
        f"Zwei Tage nach der {first} ging er."
    )
    assert find_dates(text, PUBLISHED)[-1].anchor_text == "3. Mai 2024"


JOINED = {
    ("prepositions", "between"): ("{w} 2014 und 2016", ["2014", "2016"]),
    ("joiners", "day_range"): ("am 3. {w} 5. März 2024", ["2024-03-03", "2024-03-05"]),
    ("joiners", "month_range"): ("März {w} Mai 2024", ["2024-03", "2024-05"]),
    ("joiners", "year_range"): ("zwischen 2014 {w} 2016", ["2014", "2016"]),
    ("joiners", "list"): ("im März, November {w} Dezember 2024", ["2024-03", "2024-11", "2024-12"]),
}


@pytest.mark.parametrize(("template", "word"), _cases({k: [v[0]] for k, v in JOINED.items()}))
def test_lists_and_ranges_are_one_mention_per_point(template, word):
    text = _fill(template, word)
    mentions = find_dates(text, PUBLISHED)
    expected = next(v for tmpl, v in JOINED.values() if tmpl == template)
    assert [m.edtf for m in mentions] == expected, (text, mentions)
    if len(mentions) > 2:
        return
    joiner = text.index(" und " if word in WORDS["prepositions"]["between"] else f" {word} ") + 1
    assert mentions[0].end <= joiner < mentions[1].start, mentions


@pytest.mark.parametrize("word", WORDS["period_nouns"]["year_compound"])
def test_a_year_after_a_compound_of_jahr_is_a_year(word):
    mentions = find_dates(f"Im Kriegs{word} 1914 kamen 3000 Soldaten um.", PUBLISHED)
    assert [(m.text, m.edtf) for m in mentions] == [("1914", "1914")]


@pytest.mark.parametrize("word", WORDS["weekend"]["prepositions"])
def test_the_weekend_after_these_words(word):
    mentions = find_dates(f"Er kam {word} Wochenende.", PUBLISHED)  # published on a Friday
    assert [(m.text.split()[-1], m.timex) for m in mentions] == [("Wochenende", "2025-W26-WE")]


@pytest.mark.parametrize("preposition", WORDS["span_article"]["prepositions"])
@pytest.mark.parametrize("article", WORDS["span_article"]["articles"])
def test_the_article_after_a_preposition_is_inside(preposition, article):
    text = f"Er kam {preposition} {article} vergangenen Woche."
    mentions = find_dates(text, PUBLISHED)
    assert [m.text for m in mentions] == [f"{article} vergangenen Woche"]


COVERED_ELSEWHERE = {
    ("span_article", "prepositions"),
    ("span_article", "articles"),
    ("past_words", "words"),
    ("period_nouns", "year_compound"),
    ("weekend", "prepositions"),
    ("prepositions", "attributive"),
    ("event_nouns", "military"),
    ("event_nouns", "talks"),
    ("event_nouns", "vote"),
    ("present_ref", "before"),
    ("future_words", "words"),
    ("times_of_day", "after"),
    ("prepositions", "limit"),
    ("joiners", "and"),
    ("noun_prefixes", "words"),
}


def test_every_table_of_the_file_is_drawn_on():
    drawn = set(FOUND) | set(STOPPING) | set(JOINED) | COVERED_ELSEWHERE
    for table, entries in WORDS.items():
        lists = [key for key, value in entries.items() if isinstance(value, list)]
        if lists and all(isinstance(entries[k][0], str) for k in lists):
            for key in lists:
                assert (table, key) in drawn, (table, key)
        else:
            assert (table, None) in drawn, table


def test_the_words_of_issue_9_resolve():
    """Issue 9: a regex knew "zurückliegenden" while the TOML table did not (KeyError)."""
    mentions = find_dates("in den zurückliegenden zwei Wochen", date(2025, 7, 4))
    assert [(m.text, m.edtf) for m in mentions] == [
        ("den zurückliegenden zwei Wochen", "2025-06-20/2025-07-04")
    ]
