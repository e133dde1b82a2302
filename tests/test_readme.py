"""The README and the code must agree: theme table, the CI command, the fixed columns."""

import re
from pathlib import Path

from events.model.schema import EVENT_COLUMNS, EVIDENCE_COLUMNS
from events.model.themes import THEMES

ROOT = Path(__file__).resolve().parent.parent
README = (ROOT / "README.md").read_text(encoding="utf-8")


def test_theme_table_matches_vocabulary():
    section = README.split("### Themes", 1)[1].split("## ", 1)[0]
    rows = re.findall(r"^\| `([a-z]+)` \| (.+?) \| (.+?) \|$", section, flags=re.M)
    assert rows == [(key, theme.de, theme.en) for key, theme in THEMES.items()]


def test_ci_runs_the_readme_test_command():
    ci_lines = (ROOT / ".ci" / "run").read_text(encoding="utf-8").splitlines()
    command = ci_lines[-1]
    assert "pytest" in command
    blocks = re.findall(r"```bash\n(.+?)\n```", README, flags=re.S)
    assert command in blocks, "the last line of .ci/run must be the README's test command"
    assert any("streamlit run dashboard.py" in block for block in blocks)
    assert len(blocks) == 2


def test_readme_lists_the_fixed_columns():
    for column in (*EVENT_COLUMNS, *EVIDENCE_COLUMNS):
        assert f"`{column}`" in README
