"""The Timeline page offers every export of events.exchange; each file is built on the click."""

from types import SimpleNamespace

from apptest_helpers import run_app

from events.exchange import FORMATS
from events.queries.filters import FilterState
from events.store.tables import load_dataset
from ui.exports import KINDS, _build


def test_every_export_format_has_a_button():
    assert set(KINDS) == set(FORMATS)


def test_the_page_offers_the_exports_of_the_filtered_events():
    at = run_app({"country": "ARM"})
    assert not at.exception
    labels = [e.proto.label for e in at.get("download_button")]
    assert "Handout (PDF)" in labels and "Arbeitsblatt (PDF)" in labels
    assert len(labels) == len(FORMATS)
    exports = next(e for e in at.expander if e.label.startswith("Exportieren"))
    assert "gefilterten Ereignisse" in " ".join(c.value for c in exports.caption)


def test_each_button_builds_its_file_from_the_views_events():
    data = load_dataset()
    one = data.events[data.events["countries"].map(lambda c: "MDA" in c)]
    other = data.events[~data.events["id"].isin(one["id"])]["title_de"].iloc[0]
    view = SimpleNamespace(
        events=one, data=data, lang="de", filters=FilterState(countries=("MDA",))
    )
    made = {fmt: _build(fmt, view) for fmt in FORMATS}
    assert made["pdf"].startswith(b"%PDF") and made["worksheet"].startswith(b"%PDF")
    assert b"<html" in made["html"][:2000].lower()
    title = one["title_de"].iloc[0]
    for fmt in ("timelinejs-json", "timelinejs-csv", "csv"):
        text = made[fmt].decode("utf-8-sig")
        assert title in text and other not in text, fmt
