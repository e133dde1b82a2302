"""German date extractor: finds temporal expressions in running text and resolves them to EDTF.

Public contract: `find_dates(text, published)` returns a list of `DateMention`. The words live in
`events/data/de_dates.toml` (read by `lexicon`); the rules sit in `rules_dates`, `rules_periods`,
`rules_relative` and `rules_anchored`, each pattern next to its resolver; `finder` runs them,
`anchors` resolves expressions told from an earlier mention, `sentences` splits the text.
"""

from events.extract.finder import DateMention, find_dates
from events.extract.lexicon import word_alternation
from events.extract.sentences import split_sentences

__all__ = ["DateMention", "find_dates", "split_sentences", "word_alternation"]
