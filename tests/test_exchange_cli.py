"""`python -m events export` and `import-timelinejs`: every format with the link's filters, and
one line + exit 2 (no traceback, nothing overwritten or half-written) for every bad input."""

import csv
import json
import stat
import subprocess
import sys
from pathlib import Path

import pytest

from events.__main__ import main
from events.exchange import FORMATS
from events.store.candidates import CANDIDATE_COLUMNS
from events.store.tables import load_dataset

ROOT = Path(__file__).resolve().parents[1]


def run(argv, capsys) -> tuple[int, str, str]:
    try:
        code = main(argv)
    except SystemExit as exc:  # argparse's own errors
        code = exc.code
    out, err = capsys.readouterr()
    return code, out, err


def leftovers(folder: Path) -> list[str]:
    return [p.name for p in folder.iterdir() if p.name.startswith(".")]


@pytest.mark.parametrize("fmt", [f for f in FORMATS if f != "html"])
def test_every_format_is_written_with_filters(fmt, tmp_path, capsys):
    out = tmp_path / f"export.{fmt}"
    code, stdout, err = run(
        [
            "export",
            fmt,
            "--out",
            str(out),
            "--country",
            "ARM",
            "--theme",
            "diplomacy",
            "--theme",
            "alliances",
            "--from",
            "2023",
            "--to",
            "2025-07",
            "--lang",
            "en",
        ],
        capsys,
    )
    assert (code, err) == (0, "")
    assert out.stat().st_size > 0 and stat.S_IMODE(out.stat().st_mode) == 0o644
    assert stdout.strip().endswith(str(out)) and not leftovers(tmp_path)
    again = run(["export", fmt, "--out", str(out), "--q", "Alijew"], capsys)
    assert again[0] == 0  # an export of the same format may be replaced


def test_filters_reach_the_export(tmp_path, capsys):
    out = tmp_path / "t.json"
    assert run(["export", "timelinejs-json", "--out", str(out), "--country", "TUR"], capsys)[0] == 0
    slides = json.loads(out.read_text(encoding="utf-8"))["events"]
    events = load_dataset().events
    turkish = [
        eid for eid, codes in zip(events["id"], events["countries"], strict=True) if "TUR" in codes
    ]
    assert sorted(s["unique_id"] for s in slides) == sorted(turkish) and turkish
    assert "Filter: Türkei" in json.loads(out.read_text(encoding="utf-8"))["title"]["text"]["text"]
    everything = tmp_path / "all.json"
    run(["export", "timelinejs-json", "--out", str(everything)], capsys)
    assert len(json.loads(everything.read_text())["events"]) > len(slides)


BAD_EXPORTS = [
    (["export", "xls", "--out", "{tmp}/x"], "invalid choice: 'xls'"),
    (["export", "csv"], "--out"),
    (["export", "csv", "--out", "{tmp}/x.csv", "--country", "XYZ"], "--country 'XYZ'"),
    (["export", "csv", "--out", "{tmp}/x.csv", "--theme", "sports"], "--theme 'sports'"),
    (["export", "csv", "--out", "{tmp}/x.csv", "--from", "2025-13"], "--from '2025-13'"),
    (["export", "csv", "--out", "{tmp}/x.csv", "--from", "2025", "--to", "2024"], "--to '2024'"),
    (["export", "csv", "--out", "{tmp}/x.csv", "--importance", "5"], "--importance '5'"),
    (["export", "csv", "--out", "{tmp}/x.csv", "--lang", "fr"], "invalid choice: 'fr'"),
    (["export", "csv", "--out", "{tmp}"], "ist ein Ordner"),
    (["export", "csv", "--out", "{tmp}/missing/x.csv", "--lang", "en"], "folder does not exist"),
    (["export", "csv", "--out", "{tmp}/x.csv", "--country", "X\n" * 5000], "--country 'X X X"),
    (["export", "pdf\nline two", "--out", "{tmp}/x"], "invalid choice: 'pdf\\nline two'"),
    (["import-timelinejs", "{tmp}/nothing.json"], "nothing.json"),
    (["import-timelinejs", "{tmp}/article.txt"], "keine TimelineJS-Tabelle"),
    (["import-timelinejs", "{tmp}/broken.json", "--lang", "en"], "not valid JSON"),
]


@pytest.mark.parametrize(("argv", "message"), BAD_EXPORTS)
def test_bad_input_gives_one_line_and_exit_2(argv, message, tmp_path, capsys):
    (tmp_path / "article.txt").write_text("Im Herbst 2024 geschah etwas.\n", encoding="utf-8")
    (tmp_path / "broken.json").write_text('{"events": [', encoding="utf-8")
    before = sorted(p.name for p in tmp_path.iterdir())
    code, out, err = run([a.replace("{tmp}", str(tmp_path)) for a in argv], capsys)
    assert code == 2
    assert len(err.strip().splitlines()) == 1 and message in err
    assert "Traceback" not in err + out
    assert sorted(p.name for p in tmp_path.iterdir()) == before  # nothing written


@pytest.mark.parametrize("fmt", ["csv", "pdf", "html", "timelinejs-json", "timelinejs-csv"])
def test_a_file_that_is_not_our_export_is_never_overwritten(fmt, tmp_path, capsys):
    table = tmp_path / "events.csv"
    table.write_bytes((ROOT / "events" / "data" / "events.csv").read_bytes())
    code, _, err = run(["export", fmt, "--out", str(table)], capsys)
    assert code == 2 and "nicht überschrieben" in err
    assert table.read_bytes() == (ROOT / "events" / "data" / "events.csv").read_bytes()


def test_import_writes_candidates_and_keeps_other_sources(tmp_path, capsys):
    timeline = tmp_path / "klasse-9b.json"
    assert (
        run(["export", "timelinejs-json", "--out", str(timeline), "--country", "ARM"], capsys)[0]
        == 0
    )
    candidates = tmp_path / "candidates.csv"
    other = dict.fromkeys(CANDIDATE_COLUMNS, "")
    other |= {"source": "news-2025-07", "sentence": "Im Mai 2025 ..."}
    with open(candidates, "w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=CANDIDATE_COLUMNS)
        writer.writeheader()
        writer.writerow(other)
    code, out, err = run(["import-timelinejs", str(timeline), "--out", str(candidates)], capsys)
    assert (code, err) == (0, "") and "timelinejs-klasse-9b" in out
    with open(candidates, encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle))
    assert rows[0]["source"] == "news-2025-07"
    imported = [row for row in rows if row["source"] == "timelinejs-klasse-9b"]
    slides = json.loads(timeline.read_text(encoding="utf-8"))["events"]
    assert [row["date"] for row in imported] and len(imported) == len(slides)
    assert all(row["curated_events"] for row in imported)  # the ids are the table's
    assert stat.S_IMODE(candidates.stat().st_mode) == 0o644 and not leftovers(tmp_path)


def test_import_refuses_a_foreign_candidates_file(tmp_path, capsys):
    timeline = tmp_path / "t.json"
    run(["export", "timelinejs-json", "--out", str(timeline)], capsys)
    foreign = tmp_path / "notes.csv"
    foreign.write_text("name,phone\nA,1\n", encoding="utf-8")
    code, _, err = run(["import-timelinejs", str(timeline), "--out", str(foreign)], capsys)
    assert code == 2 and "keine Kandidatendatei" in err
    assert foreign.read_text(encoding="utf-8") == "name,phone\nA,1\n"
    latin = tmp_path / "latin.csv"
    latin.write_bytes("source,x\nä,1\n".encode("latin-1"))
    argv = ["import-timelinejs", str(timeline), "--out", str(latin), "--lang", "en"]
    code, _, err = run(argv, capsys)
    assert code == 2 and "not UTF-8" in err


def test_real_command_line_prints_no_traceback(tmp_path):
    result = subprocess.run(
        [
            sys.executable,
            "-m",
            "events",
            "export",
            "pdf",
            "--out",
            str(tmp_path / "x.pdf"),
            "--importance",
            "nine",
        ],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 2 and "Traceback" not in result.stderr
    assert result.stderr.strip().splitlines() == [
        "Fehler: --importance 'nine' ist nicht gültig (1, 2 oder 3)."
    ]


def test_readme_lists_every_export_format():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    section = readme[readme.index("## Exports") :]
    listed = [line.split("`")[1] for line in section.splitlines() if line.startswith("| `")]
    assert listed == list(FORMATS)
