"""The locale files: both languages have the same keys and placeholders, every key is used,
every key the code asks for exists."""

import re
from pathlib import Path
from typing import get_args

import pytest

from events.exchange import FORMATS
from events.locale import LANGS, strings
from events.model.fuzzy_dates import PRECISIONS
from events.model.schema import Event, Source
from events.queries.quiz import KINDS
from events.queries.ranges import RANGE_KEYS
from events.queries.story import MARKERS

ROOT = Path(__file__).resolve().parent.parent
CODE_FILES = [
    ROOT / "dashboard.py",
    *sorted((ROOT / "ui").glob("*.py")),
    *sorted((ROOT / "pages").glob("*.py")),
    *sorted((ROOT / "events").rglob("*.py")),
]
# Keys the code builds at run time, f"{prefix}{value}": each prefix with every value it takes.
DYNAMIC = {
    "importance_": ("1", "2", "3"),
    "lanes_": ("theme", "country"),
    "range_": RANGE_KEYS,
    "exports_": tuple(f.replace("-", "_") for f in FORMATS),
    "range_name_": RANGE_KEYS,
    "genre_": get_args(Source.model_fields["genre"].annotation),
    "basis_": get_args(Event.model_fields["date_basis"].annotation),
    "lang_name_": LANGS,
    "quiz_kind_": KINDS,
    "quiz_when_prompt_": ("month", "year"),
    # every precision a "when" question can have (an open interval never makes one)
    "quiz_fuzzy_": tuple(p for p in PRECISIONS if p != "open"),
    "provenance_": ("corrected", "outside"),
    "story_marker_": tuple(MARKERS),
}
PLACEHOLDER = re.compile(r"\{(\w*)\}")
T_CALL = re.compile(r"""\bt\(\s*["']([^"'{}]+)["']""")


@pytest.fixture(scope="module")
def code() -> str:
    return "\n".join(path.read_text(encoding="utf-8") for path in CODE_FILES)


def test_both_languages_have_the_same_keys_and_placeholders():
    de, en = strings("de"), strings("en")
    assert set(de) == set(en)
    for key in de:
        assert set(PLACEHOLDER.findall(de[key])) == set(PLACEHOLDER.findall(en[key])), key


def test_no_key_is_unused(code):
    unused = []
    for key in strings("de"):
        literal = f'"{key}"' in code or f"'{key}'" in code
        built = any(
            key.startswith(prefix) and key[len(prefix) :] in map(str, values)
            for prefix, values in DYNAMIC.items()
        )
        if not literal and not built:
            unused.append(key)
    assert unused == []


def test_every_dynamic_prefix_is_built_in_the_code_and_complete(code):
    keys = set(strings("de"))
    for prefix, values in DYNAMIC.items():
        assert f'f"{prefix}{{' in code, prefix
        assert {f"{prefix}{value}" for value in values} <= keys, prefix


def test_every_key_the_code_names_exists(code):
    keys = set(strings("de"))
    named = set(T_CALL.findall(code))
    assert named, "no t() call found: the pattern no longer matches the code"
    assert named - keys == set()
