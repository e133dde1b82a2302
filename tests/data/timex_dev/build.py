"""Build the TIMEX3 development gold from the inline-annotated sources.

    python3 tests/data/timex_dev/build.py

Each file in `annotated/` is one source text with its temporal expressions marked inline as
`⟦span¦T¦value⟧` or `⟦span¦T¦value¦mod⟧` (T: D=DATE, T=TIME, U=DURATION, S=SET). The markup
is stripped to give the verbatim text (`texts/<id>.txt`); the spans become character offsets in
`gold.jsonl` (one JSON object per mention). Every offset is checked: text[start:end] == text.
"""

import json
import re
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
TYPES = {"D": "DATE", "T": "TIME", "U": "DURATION", "S": "SET"}
MODS = {
    "START",
    "MID",
    "END",
    "APPROX",
    "BEFORE",
    "AFTER",
    "ON_OR_BEFORE",
    "ON_OR_AFTER",
    "LESS_THAN",
    "MORE_THAN",
    "EQUAL_OR_LESS",
    "EQUAL_OR_MORE",
}
MARK = re.compile(r"⟦([^⟦⟧¦]+)¦([DTUS])¦([^⟦⟧¦]+)(?:¦([A-Z_]+))?⟧")
VALUE = re.compile(
    r"^(PRESENT_REF|PAST_REF|FUTURE_REF"
    r"|(\d{2,4}|X{4}|BC\d{4})(-(\d{2}|XX|W\d{2}|WXX|SP|SU|FA|WI|Q[1-4]|H[12])"
    r"(-(\d{2}|WE|[1-7]))?)?(T(\d{2}:\d{2}|MO|AF|EV|NI))?"
    r"|P(\d+(\.\d+)?|X)(Y|M|W|D|DE|CE)(\d+M)?(\d+D)?|PT(\d+|X)[HMS])$"
)


def parse(source: str) -> tuple[str, list[dict]]:
    out, mentions, pos = [], [], 0
    length = 0
    for match in MARK.finditer(source):
        before = source[pos : match.start()]
        if "⟦" in before or "⟧" in before or "¦" in before:
            raise ValueError(f"broken markup near {before[-40:]!r}")
        out.append(before)
        length += len(before)
        span, kind, value, mod = match.groups()
        if not VALUE.match(value):
            raise ValueError(f"invalid TIMEX3 value {value!r} for {span!r}")
        if mod is not None and mod not in MODS:
            raise ValueError(f"invalid mod {mod!r} for {span!r}")
        mentions.append(
            {
                "start": length,
                "end": length + len(span),
                "text": span,
                "timex_type": TYPES[kind],
                "timex": value,
                "timex_mod": mod,
            }
        )
        out.append(span)
        length += len(span)
        pos = match.end()
    rest = source[pos:]
    if "⟦" in rest or "⟧" in rest or "¦" in rest:
        raise ValueError(f"broken markup near {rest[:40]!r}")
    out.append(rest)
    return "".join(out), mentions


def main() -> int:
    manifest = json.loads((HERE / "manifest.json").read_text(encoding="utf-8"))
    ids = {doc["id"] for doc in manifest["documents"]}
    files = {p.stem for p in (HERE / "annotated").glob("*.txt")}
    if ids != files:
        print("manifest and annotated/ disagree:", sorted(ids ^ files), file=sys.stderr)
        return 1
    lines = []
    for doc in manifest["documents"]:
        source = (HERE / "annotated" / f"{doc['id']}.txt").read_text(encoding="utf-8")
        text, mentions = parse(source)
        (HERE / "texts" / f"{doc['id']}.txt").write_text(text, encoding="utf-8")
        for m in mentions:
            assert text[m["start"] : m["end"]] == m["text"], (doc["id"], m)
            lines.append(json.dumps({"doc": doc["id"], **m}, ensure_ascii=False))
    (HERE / "gold.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    print(f"{len(manifest['documents'])} documents, {len(lines)} mentions")
    return 0


if __name__ == "__main__":
    sys.exit(main())
