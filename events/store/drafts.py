"""The editor's draft of a new article (pure): its `sources.csv` row, the event row a candidate
suggests, and the change set the review's decisions make."""

import re
import unicodedata
from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from events.model.fuzzy_dates import EdtfError, date_bounds
from events.model.schema import EVENT_COLUMNS
from events.store.changes import ChangeSet, NewSource
from events.store.rejections import Rejection

NEW = "new"
EVIDENCE = "evidence"
REJECT = "reject"
OPEN = "open"
ACTIONS = (OPEN, NEW, EVIDENCE, REJECT)


def slug(text: str, limit: int = 48) -> str:
    """A lower-case slug of `text` (umlauts folded), at most `limit` characters."""
    folded = text.replace("ß", "ss").replace("ä", "ae").replace("ö", "oe").replace("ü", "ue")
    folded = unicodedata.normalize("NFKD", folded.replace("Ä", "Ae").replace("Ö", "Oe"))
    folded = folded.replace("Ü", "Ue").encode("ascii", "ignore").decode().lower()
    parts = re.findall(r"[a-z0-9]+", folded)
    out = ""
    for part in parts:
        if len(out) + len(part) + 1 > limit:
            break
        out = f"{out}-{part}" if out else part
    return out or "article"


def free_id(base: str, taken: Iterable[str]) -> str:
    """`base`, or `base-2`, `base-3`, ... whichever is not taken."""
    taken = set(taken)
    if base not in taken:
        return base
    number = 2
    while f"{base}-{number}" in taken:
        number += 1
    return f"{base}-{number}"


def valid_edtf(value: str) -> bool:
    try:
        date_bounds(value)
    except (EdtfError, ValueError):
        return False
    return True


@dataclass(frozen=True)
class ArticleMeta:
    """What the editor says about a new article."""

    title: str
    outlet: str
    author: str
    genre: str
    published: str  # EDTF

    def source_row(self, source_id: str, file: str) -> dict[str, str]:
        return {
            "id": source_id,
            "file": file,
            "title": self.title.strip(),
            "outlet": self.outlet.strip(),
            "author": self.author.strip(),
            "genre": self.genre,
            "published": self.published.strip(),
            "language": "de",
            "url": "",
            "notes": "",
        }


def source_id_for(meta: ArticleMeta, taken: Iterable[str]) -> str:
    """A new source id: slug of the outlet (or title) and the publication year-month."""
    stem = slug(meta.outlet or meta.title, 24)
    when = meta.published.strip()[:7].rstrip("-~?")
    return free_id(slug(f"{stem} {when}", 40), taken)


def event_row_from_candidate(candidate: Mapping[str, object], taken: Iterable[str]) -> dict:
    """The event row a candidate suggests (the form's first values)."""
    date_text = str(candidate["date_text"])
    basis = str(candidate["date_basis"])
    edtf = str(candidate["date"])
    return {
        "id": free_id(slug(str(candidate["sentence"]), 40), taken),
        "date": edtf,
        "date_text": date_text,
        "date_basis": basis,
        "text_date": edtf,
        "date_source": "",
        "title_de": "",
        "title_en": "",
        "summary_de": "",
        "summary_en": "",
        "countries": str(candidate.get("countries", "")),
        "actors": "",
        "themes": str(candidate.get("themes", "")),
        "importance": "2",
    }


def evidence_row(candidate: Mapping[str, object], event_id: str) -> dict[str, str]:
    """The evidence row a candidate's sentence gives an event."""
    return {
        "event_id": event_id,
        "source": str(candidate["source"]),
        "quote": str(candidate["sentence"]),
        "date_text": str(candidate["date_text"]),
    }


@dataclass(frozen=True)
class Decision:
    """What the editor chose for one candidate: `action` and, for a new event, its row; for
    evidence, the existing event's id."""

    action: str
    event: Mapping[str, object] | None = None
    target: str | None = None


def review_changes(
    source: NewSource | None,
    candidates: list[Mapping[str, object]],
    decisions: Mapping[int, Decision],
) -> ChangeSet:
    """The change set of a review: the article (if not saved yet), the accepted events with
    their evidence, evidence for existing events, and the rejections."""
    new_events, new_evidence, rejections = [], [], []
    for index, decision in sorted(decisions.items()):
        candidate = candidates[index]
        if decision.action == NEW and decision.event is not None:
            row = {column: decision.event.get(column, "") for column in EVENT_COLUMNS}
            new_events.append(row)
            evidence = evidence_row(candidate, str(row["id"]).strip())
            evidence["date_text"] = str(row["date_text"]).strip()
            new_evidence.append(evidence)
        elif decision.action == EVIDENCE and decision.target:
            new_evidence.append(evidence_row(candidate, decision.target))
        elif decision.action == REJECT:
            rejections.append(Rejection(str(candidate["source"]), str(candidate["sentence"])))
    return ChangeSet(
        sources=(source,) if source is not None else (),
        new_events=tuple(new_events),
        new_evidence=tuple(new_evidence),
        rejections=tuple(rejections),
    )


def actors_in(sentence: str, known: Iterable[str]) -> list[str]:
    """The actors of the table (names as curated) that the sentence names, longest first."""
    found = []
    for actor in sorted(set(known), key=len, reverse=True):
        if len(actor) >= 3 and re.search(rf"\b{re.escape(actor)}\b", sentence):
            found.append(actor)
    return found
