"""Sentences of a text and the context a rule reads around its match (sentence, tense, words)."""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass
from datetime import date

from events.extract.lexicon import FUTURE_WORDS

# a sentence ends at . ! ? before a capital, but not after an ordinal ("am 9. Mai") or a single
# letter ("u.a."); a four-digit year may end one ("... von 1995. Wenige Wochen ...")
_SENTENCE_END = re.compile(
    r"(?<=[.!?…])(?<!(?<!\d)\d\.)(?<!(?<!\d)\d\d\.)(?<!\b[A-ZÄÖÜa-zäöü]\.)[\"“”»«']?\s+(?=[\"„“»«(]?[A-ZÄÖÜ0-9])|\n\s*"
)


def split_sentences(text: str) -> list[tuple[int, int]]:
    """(start, end) offsets of the sentences and headings of `text`, without outer spaces."""
    spans, start = [], 0
    for m in _SENTENCE_END.finditer(text):
        spans.append((start, m.start()))
        start = m.end()
    spans.append((start, len(text)))
    result = []
    for s, e in spans:
        while s < e and text[s].isspace():
            s += 1
        while e > s and text[e - 1].isspace():
            e -= 1
        if e > s:
            result.append((s, e))
    return result


@dataclass
class Context:
    """The text being read, its publication date and its sentences."""

    text: str
    published: date
    sentences: list[tuple[int, int]]
    starts: list[int]

    @classmethod
    def of(cls, text: str, published: date) -> Context:
        sentences = split_sentences(text)
        return cls(text, published, sentences, [s for s, _ in sentences])

    def sentence_index(self, position: int) -> int:
        return max(0, bisect.bisect_right(self.starts, position) - 1)

    def sentence_of(self, position: int) -> tuple[int, int]:
        return self.sentences[self.sentence_index(position)]

    def speaks_of_future(self, position: int) -> bool:
        start, end = self.sentence_of(position)
        return any(w in FUTURE_WORDS for w in re.findall(r"\w+", self.text[start:end].lower()))

    def word_before(self, position: int) -> str:
        m = re.search(r"(\w+)\W*$", self.text[max(0, position - 30) : position])
        return m[1].lower() if m else ""
