"""The command line never shows a traceback: every bad input is one line on stderr and exit 2,
a file it did not write is never overwritten, files are written atomically with mode 0644."""

import os
import stat
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
ARTICLE = ROOT / "seeds" / "003_17d84892c08cd0d1.txt"
CANDIDATES = ["candidates", str(ARTICLE), "--source", "rolofs-2025-07"]


def run(*args: str, cwd: Path) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "events", *args],
        cwd=cwd,
        capture_output=True,
        text=True,
        env={**os.environ, "PYTHONPATH": str(ROOT)},
        timeout=120,
    )


def assert_one_line_error(result: subprocess.CompletedProcess) -> None:
    assert result.returncode == 2, result.stderr
    assert "Traceback" not in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1, result.stderr


@pytest.mark.parametrize("day", ["2025-13-01", "2025-02-30", "x" * 10_000])
def test_extract_with_an_impossible_publication_day(tmp_path, day):
    result = run("extract", str(ARTICLE), "--published", day, cwd=tmp_path)
    assert_one_line_error(result)
    assert len(result.stderr) < 400  # a 10 kB value is not echoed in full


def test_candidates_out_is_a_folder(tmp_path):
    (tmp_path / "folder").mkdir()
    assert_one_line_error(run(*CANDIDATES, "--out", "folder", cwd=tmp_path))


@pytest.mark.parametrize(
    "content",
    [b"\xff\xfe not utf-8", b"a,b\n1,2\n", b"notes written by hand\n"],
    ids=["not-utf8", "other-header", "plain-text"],
)
def test_candidates_never_overwrites_a_file_it_did_not_write(tmp_path, content):
    out = tmp_path / "mine.csv"
    out.write_bytes(content)
    assert_one_line_error(run(*CANDIDATES, "--out", str(out), cwd=tmp_path))
    assert out.read_bytes() == content


def test_candidates_with_a_missing_sources_file(tmp_path):
    result = run(*CANDIDATES, "--sources", "missing.csv", "--out", "c.csv", cwd=tmp_path)
    assert_one_line_error(result)
    assert not (tmp_path / "c.csv").exists()


def test_candidates_are_written_with_mode_0644_and_rewritten_in_place(tmp_path):
    out = tmp_path / "c.csv"
    assert run(*CANDIDATES, "--out", str(out), cwd=tmp_path).returncode == 0
    assert stat.S_IMODE(out.stat().st_mode) == 0o644
    first = out.read_bytes()
    assert run(*CANDIDATES, "--out", str(out), cwd=tmp_path).returncode == 0
    assert out.read_bytes() == first  # this source's rows replaced, not appended
    assert [p.name for p in tmp_path.iterdir()] == ["c.csv"]  # no temporary file left


@pytest.mark.parametrize(
    "args",
    [
        ("extract", "missing.txt", "--published", "2025-07-01"),
        ("--lang", "fr", "check"),
        (),
        ("export", "docx", "--out", "x"),
    ],
)
def test_bad_arguments_are_one_line(tmp_path, args):
    assert_one_line_error(run(*args, cwd=tmp_path))
