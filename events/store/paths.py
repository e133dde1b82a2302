"""Where the curated tables, the seeds and the served static files live."""

from pathlib import Path

PROJECT_ROOT = Path(__file__).resolve().parents[2]
DATA_DIR = PROJECT_ROOT / "events" / "data"
EVENTS_CSV = DATA_DIR / "events.csv"
EVIDENCE_CSV = DATA_DIR / "evidence.csv"
SOURCES_CSV = PROJECT_ROOT / "seeds" / "sources.csv"
CANDIDATES_CSV = DATA_DIR / "candidates.csv"
STATIC_DIR = PROJECT_ROOT / "static"
