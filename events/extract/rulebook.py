"""Rules: a named pattern with its resolver, declared together in the rule modules.

A rule's pattern has the group "x", the mention; its resolver turns a match into a `Candidate`
(or None when the match is no date after all). A rule module declares its rules with

    RULES = RuleSet()

    @RULES.rule("season", pattern)
    def _season(m, ctx): ...
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field

from events.extract.sentences import Context
from events.extract.values import Value


@dataclass
class Anchored:
    """A value still to be resolved against an earlier mention."""

    resolve: Callable[[Value], Value]
    noun: str | None = None  # the event noun of "drei Tage nach dem Absturz"
    vague: bool = False


@dataclass
class Candidate:
    start: int
    end: int
    basis: str  # "text", "text+dct" or "text+event"
    value: Value | Anchored
    vague: bool = False
    rule: Rule | None = None  # set by the finder: the rule and match that proposed it
    match: re.Match | None = None
    # a list or range ("16. und 17. Januar", "1914 bis 1918") competes with other candidates as
    # its whole span, and is reported as its parts, one mention per point (TimeML)
    parts: list[Candidate] = field(default_factory=list)

    @classmethod
    def split(cls, m: re.Match, basis: str, parts: list[tuple[int, int, Value]]) -> Candidate:
        """The candidate for the whole list in group "x", reported as its `parts`."""
        whole = cls(m.start("x"), m.end("x"), basis, parts[0][2])
        whole.parts = [cls(start, end, basis, value) for start, end, value in parts]
        return whole

    @classmethod
    def of(cls, m: re.Match, basis: str, value: Value | Anchored, vague: bool = False):
        """The candidate for the mention group "x" of a match."""
        return cls(m.start("x"), m.end("x"), basis, value, vague)


Resolver = Callable[[re.Match, Context], Candidate | None]


@dataclass(frozen=True)
class Rule:
    """One pattern and the resolver of its matches; `vague` rules run only when asked for."""

    name: str
    pattern: re.Pattern
    resolve: Resolver
    vague: bool = False


@dataclass
class RuleSet:
    """The rules of one module, in the order they are declared (the earlier wins a tie)."""

    rules: list[Rule] = field(default_factory=list)

    def add(self, name: str, pattern: re.Pattern, resolve: Resolver, vague: bool = False) -> None:
        self.rules.append(Rule(name, pattern, resolve, vague))

    def rule(self, name: str, pattern: re.Pattern, *, vague: bool = False):
        """Decorator: declare the function below as the resolver of `pattern`."""

        def register(resolve: Resolver) -> Resolver:
            self.add(name, pattern, resolve, vague)
            return resolve

        return register
