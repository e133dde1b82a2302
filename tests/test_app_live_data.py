"""Live data: a changed table shows on the next rerun without a restart; a broken one leaves
the last good data on screen with a banner naming the first real problem per file."""

import os

import pandas as pd
from apptest_helpers import run_app, shown, use_tables


def replace_file(path, text: str) -> None:
    """Write `text` to `path` the way an editor or a save does (a new file, renamed over)."""
    temp = path.with_suffix(".tmp")
    temp.write_text(text, encoding="utf-8")
    os.replace(temp, path)


def banner(at) -> str:
    return " ".join(shown(e.value) for e in at.error)


def test_a_changed_table_shows_on_the_next_rerun_and_a_broken_one_keeps_the_last_good(
    tmp_path, monkeypatch
):
    data, _ = use_tables(monkeypatch, tmp_path)
    events_csv = data / "events.csv"
    table = pd.read_csv(events_csv, dtype=str, keep_default_na=False)
    first_id = table["id"].iloc[0]
    at = run_app(page="pages/classroom.py")
    assert "Geänderter Titel" not in str(at)

    table.loc[0, "title_de"] = "Geänderter Titel für den Test"
    replace_file(events_csv, table.to_csv(index=False, lineterminator="\n"))
    at.run()
    assert not at.exception
    timeline = run_app()
    assert "Geänderter Titel für den Test" in timeline.get("plotly_chart")[0].proto.spec
    assert not banner(timeline)

    good = events_csv.read_text(encoding="utf-8")
    lines = good.splitlines(keepends=True)
    lines[1] = lines[1].replace(",", ',"', 1)  # an unclosed quote in the first data row
    replace_file(events_csv, "".join(lines))
    at.run()
    assert not at.exception
    message = banner(at)  # the Classroom page shows it too
    assert "events.csv, row 2" in message and "Folgeproblem" in message
    assert "no such event" not in message.replace("„no such event“", "")  # not listed row by row
    timeline.run()
    assert "Geänderter Titel für den Test" in timeline.get("plotly_chart")[0].proto.spec
    assert first_id in timeline.get("plotly_chart")[0].proto.spec  # the lost row still shows

    replace_file(events_csv, good)
    timeline.run()
    assert not banner(timeline)
