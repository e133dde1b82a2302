"""Scoring temporal expressions against a gold standard, in the style of TempEval-3.

A mention is a span of one document with its TIMEX3 annotation (`timex_type`, `timex` value,
`timex_mod`). System and gold mentions of the same document are compared as TempEval-3 does
(UzZaman et al. 2013):

- strict match: the same character offsets;
- relaxed match: the spans overlap. Each gold mention is paired with at most one system mention
  and vice versa; pairs are chosen by largest overlap first, then by position;
- span precision / recall / F1 for both (matched system mentions / all system mentions, matched
  gold mentions / all gold mentions);
- attribute scores (value, type, mod) on the relaxed pairs: `accuracy` is the share of relaxed
  pairs whose attribute is right, and the attribute's precision / recall / F1 count only the pairs
  with the right attribute (correct / system mentions, correct / gold mentions), which is the
  TempEval-3 "value F1" and "type F1".

Values are compared as strings after trimming and upper-casing (`2010-w37` equals `2010-W37`); a
missing value never equals anything. `types` restricts the scoring to gold mentions of those types
(e.g. only DATE): system mentions that overlap a gold mention of another type are then left out
instead of counting as false positives, so an extractor that does not type its output is not
penalised for durations it also finds.

`score_by` splits the scores by any document category (genre, outlet, country).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, fields

__all__ = ["Mention", "Scores", "as_mention", "match", "score", "score_by"]


@dataclass(frozen=True)
class Mention:
    """One temporal expression: document id, character offsets (end exclusive) and TIMEX3."""

    doc: str
    start: int
    end: int
    text: str = ""
    timex_type: str | None = None
    timex: str | None = None
    timex_mod: str | None = None

    def __post_init__(self) -> None:
        if not 0 <= self.start < self.end:
            raise ValueError(f"bad span {self.start}-{self.end} in {self.doc!r}")


def as_mention(item: object, doc: str | None = None) -> Mention:
    """A `Mention` from a mapping or from an object with the same attribute names.

    `doc` overrides (or supplies) the document id. A missing `timex_type`, `timex` or `timex_mod`
    is None; the alias `value` is read when `timex` is absent.
    """
    if isinstance(item, Mention):
        return item if doc is None else Mention(doc, *_astuple(item)[1:])

    def get(name: str):
        if isinstance(item, Mapping):
            return item.get(name)
        return getattr(item, name, None)

    document = doc if doc is not None else get("doc")
    if document is None:
        raise ValueError("a mention needs a document id")
    value = get("timex")
    if value is None:
        value = get("value")
    return Mention(
        doc=str(document),
        start=int(get("start")),
        end=int(get("end")),
        text=get("text") or "",
        timex_type=get("timex_type"),
        timex=value,
        timex_mod=get("timex_mod"),
    )


def _astuple(mention: Mention) -> tuple:
    return tuple(getattr(mention, f.name) for f in fields(mention))


def _same(a: str | None, b: str | None) -> bool:
    if a is None or b is None:
        return False
    return a.strip().upper() == b.strip().upper()


def _same_mod(a: str | None, b: str | None) -> bool:
    """Mods agree when both are absent or both name the same modifier."""
    return (not a and not b) or _same(a, b)


def _overlap(a: Mention, b: Mention) -> int:
    return max(0, min(a.end, b.end) - max(a.start, b.start))


def match(gold: list[Mention], system: list[Mention]) -> list[tuple[int, int]]:
    """One-to-one relaxed pairs (gold index, system index) of overlapping mentions.

    Pairs are taken greedily by largest overlap, ties by earliest gold then system start, and
    only within the same document.
    """
    candidates = []
    by_doc: dict[str, list[int]] = defaultdict(list)
    for j, s in enumerate(system):
        by_doc[s.doc].append(j)
    for i, g in enumerate(gold):
        for j in by_doc.get(g.doc, ()):
            size = _overlap(g, system[j])
            if size:
                candidates.append((-size, g.start, system[j].start, i, j))
    candidates.sort()
    used_gold, used_system, pairs = set(), set(), []
    for _, _, _, i, j in candidates:
        if i in used_gold or j in used_system:
            continue
        used_gold.add(i)
        used_system.add(j)
        pairs.append((i, j))
    return sorted(pairs)


def _ratio(a: int, b: int) -> float:
    return a / b if b else 0.0


def _f1(p: float, r: float) -> float:
    return 2 * p * r / (p + r) if p + r else 0.0


@dataclass(frozen=True)
class Scores:
    """Counts of one comparison; the rates are properties so that `+` can pool documents."""

    gold: int = 0
    system: int = 0
    strict: int = 0
    relaxed: int = 0
    value: int = 0  # relaxed pairs with the right TIMEX3 value
    type: int = 0  # relaxed pairs with the right TIMEX3 type
    mod: int = 0  # relaxed pairs with the right (or rightly absent) mod

    def __add__(self, other: Scores) -> Scores:
        return Scores(*(getattr(self, f.name) + getattr(other, f.name) for f in fields(self)))

    # spans
    @property
    def strict_precision(self) -> float:
        return _ratio(self.strict, self.system)

    @property
    def strict_recall(self) -> float:
        return _ratio(self.strict, self.gold)

    @property
    def strict_f1(self) -> float:
        return _f1(self.strict_precision, self.strict_recall)

    @property
    def relaxed_precision(self) -> float:
        return _ratio(self.relaxed, self.system)

    @property
    def relaxed_recall(self) -> float:
        return _ratio(self.relaxed, self.gold)

    @property
    def relaxed_f1(self) -> float:
        return _f1(self.relaxed_precision, self.relaxed_recall)

    # attributes on relaxed pairs
    @property
    def value_accuracy(self) -> float:
        return _ratio(self.value, self.relaxed)

    @property
    def value_precision(self) -> float:
        return _ratio(self.value, self.system)

    @property
    def value_recall(self) -> float:
        return _ratio(self.value, self.gold)

    @property
    def value_f1(self) -> float:
        return _f1(self.value_precision, self.value_recall)

    @property
    def type_accuracy(self) -> float:
        return _ratio(self.type, self.relaxed)

    @property
    def type_f1(self) -> float:
        return _f1(_ratio(self.type, self.system), _ratio(self.type, self.gold))

    @property
    def mod_accuracy(self) -> float:
        return _ratio(self.mod, self.relaxed)

    def as_dict(self) -> dict[str, float | int]:
        counts = {f.name: getattr(self, f.name) for f in fields(self)}
        rates = {
            name: round(getattr(self, name), 4)
            for name in (
                "strict_precision",
                "strict_recall",
                "strict_f1",
                "relaxed_precision",
                "relaxed_recall",
                "relaxed_f1",
                "value_accuracy",
                "value_f1",
                "type_accuracy",
                "type_f1",
                "mod_accuracy",
            )
        }
        return counts | rates


def score(
    gold: Iterable[object], system: Iterable[object], *, types: Iterable[str] | None = None
) -> Scores:
    """Compare system mentions with gold mentions (both as `Mention`, mappings or objects).

    Each item must carry its document id (`doc`). With `types`, only gold mentions of those
    TIMEX3 types are scored and system mentions overlapping a gold mention of another type are
    ignored.
    """
    gold_all = [as_mention(m) for m in gold]
    system_all = [as_mention(m) for m in system]
    if types is not None:
        wanted = {t.upper() for t in types}
        is_wanted = [(g.timex_type or "").upper() in wanted for g in gold_all]
        # pair against every gold mention first; a system mention paired with a gold mention
        # of another type is neither a hit nor a false positive here
        dropped = {j for i, j in match(gold_all, system_all) if not is_wanted[i]}
        system_all = [s for j, s in enumerate(system_all) if j not in dropped]
        gold_all = [g for g, keep in zip(gold_all, is_wanted, strict=True) if keep]
    pairs = match(gold_all, system_all)
    strict = value = kind = mod = 0
    for i, j in pairs:
        g, s = gold_all[i], system_all[j]
        strict += (g.start, g.end) == (s.start, s.end)
        value += _same(g.timex, s.timex)
        kind += _same(g.timex_type, s.timex_type)
        mod += _same_mod(g.timex_mod, s.timex_mod)
    return Scores(len(gold_all), len(system_all), strict, len(pairs), value, kind, mod)


def score_by(
    gold: Iterable[object],
    system: Iterable[object],
    category: Mapping[str, str] | Callable[[str], str],
    *,
    types: Iterable[str] | None = None,
) -> dict[str, Scores]:
    """`score` per document category (`category` maps a document id to its category)."""
    lookup = category.__getitem__ if isinstance(category, Mapping) else category
    gold_groups: dict[str, list[Mention]] = defaultdict(list)
    system_groups: dict[str, list[Mention]] = defaultdict(list)
    for m in gold:
        mention = as_mention(m)
        gold_groups[lookup(mention.doc)].append(mention)
    for m in system:
        mention = as_mention(m)
        system_groups[lookup(mention.doc)].append(mention)
    types = list(types) if types is not None else None
    return {
        key: score(gold_groups.get(key, []), system_groups.get(key, []), types=types)
        for key in sorted(set(gold_groups) | set(system_groups))
    }
