"""A table of hostile values, shared by the AppTest and browser sweeps over every page.

Every value tries to put something into the page: a Markdown link or image, a `javascript:`
link, a bare address (autolink), a heading, emphasis, KaTeX, Streamlit's colour and icon
directives, raw HTML with a script or an `<img onerror>`, backticks, bidi and control characters,
a 100 kB string. Every address points at `evil.example` (a reserved name that never resolves),
so a page that leaks a value shows it as a link, image or request to that host.
"""

import csv
from pathlib import Path

from apptest_helpers import copy_tables

EVIL = "evil.example"

PAYLOADS = {
    "md_link": f"[klick](https://{EVIL}/link)",
    "md_image": f"![bild](https://{EVIL}/pixel.png)",
    "js_link": "[js](javascript:alert(1))",
    "autolink": f"siehe https://{EVIL}/bare, www.{EVIL}/w, <https://{EVIL}/a> und post@{EVIL}",
    "heading": "# Überschrift",
    "emphasis": "**fett** _kursiv_ ~~weg~~",
    "katex": f"$\\href{{https://{EVIL}/k}}{{x}}$ $$x^2$$",
    "directive": ":red[rot] :material/warning: :smile:",
    "script": "<script>window.__hostile=1</script>",
    "img_onerror": f'<img src="https://{EVIL}/i.png" onerror="window.__hostile=2">',
    "backticks": f"`a` ``b`` ```c``` `[x](https://{EVIL}/tick)`",
    "bidi": "\u202eevil\u202c\u0007\x00",
    "long": "A" * 100_000,
}

# short enough to pass the table check (titles <= 120 characters, no control characters)
TITLE_PAYLOADS = ("md_link", "md_image", "js_link", "autolink", "heading", "emphasis", "katex")
TITLE_PAYLOADS += ("directive", "script", "img_onerror", "backticks")
# one value that holds all the short ones (for summaries, notes and link parameters)
ALL_SHORT = " ".join(PAYLOADS[name] for name in TITLE_PAYLOADS)

# link parameters of every kind the pages read: each value is ignored with a notice (a search
# term, `q`, would be kept and filter everything away, so it is not among them)
LINK_PARAMS = {
    "event": PAYLOADS["md_image"],
    "country": PAYLOADS["md_link"],
    "theme": PAYLOADS["katex"],
    "lang": PAYLOADS["script"],
    "importance": PAYLOADS["img_onerror"],
    "from": PAYLOADS["backticks"],
    "to": PAYLOADS["bidi"] + PAYLOADS["autolink"],
    "round": PAYLOADS["heading"] + " " + PAYLOADS["emphasis"] + " " + PAYLOADS["directive"],
}


def _rewrite(path: Path, change) -> None:
    with path.open(encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle))
        fields = list(rows[0])
    for number, row in enumerate(rows):
        change(number, row)
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=fields)
        writer.writeheader()
        writer.writerows(rows)


def _events(number: int, row: dict) -> None:
    if number < len(TITLE_PAYLOADS):
        payload = PAYLOADS[TITLE_PAYLOADS[number]]
        row["title_de"] = f"{payload} {row['title_de']}"[:120]
        row["title_en"] = f"{payload} {row['title_en']}"[:120]
        row["summary_de"] = f"{ALL_SHORT} {row['summary_de']}"[:1200]
        row["summary_en"] = f"{ALL_SHORT} {row['summary_en']}"[:1200]
        if row["date_source"]:  # an address in it is a link (to news.example), the rest text
            extra = '[klick](https://news.example/q) **fett** <img src=x onerror="window.__x=3">'
            row["date_source"] = f"{row['date_source']} {extra}"
    elif number == len(TITLE_PAYLOADS):  # rows the check must reject, echoing the value
        row["title_de"] = PAYLOADS["long"]
    elif number == len(TITLE_PAYLOADS) + 1:
        row["title_en"] = PAYLOADS["bidi"] + ALL_SHORT[:60]


def _evidence(number: int, row: dict) -> None:
    if number < 6:
        row["quote"] = f"{ALL_SHORT} {row['quote']}"


def _put_quotes_into_articles(data: Path, seeds: Path) -> None:
    """The hostile quotes stay verbatim: the article copies get the same text before them."""
    with (seeds / "sources.csv").open(encoding="utf-8", newline="") as handle:
        files = {row["id"]: seeds / row["file"] for row in csv.DictReader(handle)}
    with (data / "evidence.csv").open(encoding="utf-8", newline="") as handle:
        for row in csv.DictReader(handle):
            if row["quote"].startswith(ALL_SHORT):
                path = files[row["source"]]
                text = path.read_text(encoding="utf-8")
                original = row["quote"][len(ALL_SHORT) + 1 :]
                if row["quote"] not in text:
                    path.write_text(text.replace(original, row["quote"], 1), encoding="utf-8")


def _sources(number: int, row: dict) -> None:
    if number == 0:
        row["url"] = "javascript:alert(1)"
    else:
        row["url"] = "https://news.example/source"  # a link column: an http(s) link, nothing else
    for column in ("title", "title_en", "outlet", "outlet_en", "author", "notes", "notes_en"):
        if column in row:
            row[column] = f"{PAYLOADS[TITLE_PAYLOADS[number % 11]]} {row[column]}"[:300]


def write_hostile_tables(folder: Path) -> tuple[Path, Path]:
    """The curated tables and seeds copied into `folder`, with hostile text in titles,
    summaries, date sources, quotes and source rows (and two rows the check must reject)."""
    data, seeds = copy_tables(folder)
    _rewrite(data / "events.csv", _events)
    _rewrite(data / "evidence.csv", _evidence)
    _put_quotes_into_articles(data, seeds)
    _rewrite(seeds / "sources.csv", _sources)
    return data, seeds
