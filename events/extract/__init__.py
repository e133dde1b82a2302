"""German date extractor: finds temporal expressions in running text and resolves them to EDTF
values and TIMEX3 annotations.

Public contract: `find_dates(text, published)` returns a list of `DateMention` (EDTF `edtf`, TIMEX3
`timex`, `timex_type`, `timex_mod`). The words live in `events/data/de_dates.toml` (read by
`lexicon`); the rules sit in `rules_dates`, `rules_periods`, `rules_relative`, `rules_named` and
`rules_anchored`, each pattern next to its resolver; `finder` runs them and holds the
reference-time model (news or narrative), `anchors` resolves expressions told from an earlier
mention, `timex` reads TIMEX3 values from EDTF, `sentences` splits the text.
"""

from events.extract.finder import DateMention, find_dates
from events.extract.lexicon import word_alternation
from events.extract.sentences import split_sentences

__all__ = ["DateMention", "find_dates", "split_sentences", "word_alternation"]
