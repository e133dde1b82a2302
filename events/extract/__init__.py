"""German date extractor: finds temporal expressions in running text and resolves them to EDTF.

Public contract: `find_dates(text, published)` returns a list of `DateMention`.
"""

from events.extract.rules import DateMention, find_dates, split_sentences, word_alternation

__all__ = ["DateMention", "find_dates", "split_sentences", "word_alternation"]
