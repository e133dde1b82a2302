"""Sentences of a text and the context a rule reads around its match (sentence, tense, words)."""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field
from datetime import date

from events.extract.lexicon import FUTURE_WORDS, PAST_WORDS

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


NEWS_WINDOW = 1  # sentences after an explicit date whose year a news date without one takes


@dataclass
class Context:
    """The text being read, its publication date, its sentences and its reference times.

    `story` holds (position, year) of the explicit dates of the text once the finder has read
    them; `narrative` says whether the text tells of a time far from its publication (see
    events.extract.finder). Until then (and in news outside `story_year`) expressions without a
    year are told from the publication date.
    """

    text: str
    published: date
    sentences: list[tuple[int, int]]
    starts: list[int]
    story: list[tuple[int, int]] = field(default_factory=list)
    story_positions: list[int] = field(default_factory=list)
    narrative: bool = False

    @classmethod
    def of(cls, text: str, published: date) -> Context:
        sentences = split_sentences(text)
        return cls(text, published, sentences, [s for s, _ in sentences])

    def set_story(self, story: list[tuple[int, int]], narrative: bool) -> None:
        self.story = sorted(story)
        self.story_positions = [p for p, _ in self.story]
        self.narrative = narrative

    def story_year(self, position: int) -> int | None:
        """The year a date without one at `position` takes from the text, or None (publication).

        In a narrative: the year of the last explicit date before it. In news: that year only
        when the date is in the same sentence (or the one before) and lies more than a year from
        the publication year ("Im September 2023 ... am 19. September").
        """
        i = bisect.bisect_left(self.story_positions, position) - 1
        if i < 0:  # before the first explicit date: a narrative's heading takes its year
            return self.story[0][1] if self.narrative and self.story else None
        where, year = self.story[i]
        if self.narrative:
            return year
        near = self.sentence_index(position) - self.sentence_index(where) <= NEWS_WINDOW
        return year if near and year != self.published.year else None

    def sentence_index(self, position: int) -> int:
        return max(0, bisect.bisect_right(self.starts, position) - 1)

    def sentence_of(self, position: int) -> tuple[int, int]:
        return self.sentences[self.sentence_index(position)]

    def speaks_of_future(self, position: int) -> bool:
        start, end = self.sentence_of(position)
        return any(w in FUTURE_WORDS for w in re.findall(r"\w+", self.text[start:end].lower()))

    def tense(self, position: int) -> int:
        """+1 when the sentence speaks of the future, -1 of the past, 0 when it does not say."""
        start, end = self.sentence_of(position)
        found = set(re.findall(r"\w+", self.text[start:end].lower()))
        if found & FUTURE_WORDS:
            return 1
        return -1 if found & PAST_WORDS else 0

    def word_before(self, position: int) -> str:
        m = re.search(r"(\w+)\W*$", self.text[max(0, position - 30) : position])
        return m[1].lower() if m else ""
