"""The PDF handout and worksheet: A4, every filtered title in the text, umlauts and German quotes
intact, dates blanked on the worksheet with the answers on their own last page."""

import io
import shutil
import subprocess
from datetime import date

import pytest
from exchange_data import HOSTILE_TITLE, real, with_hostile_event
from pypdf import PdfReader

from events.exchange.handout import handout_pdf_file, worksheet_pdf_file
from events.model.fuzzy_dates import describe_date
from events.queries.filters import FilterState, filter_events

EXPORTED = date(2025, 8, 1)
A4_POINTS = (595.28, 841.89)


def squash(text: str) -> str:
    return " ".join(text.split())


def pages_text(data: bytes) -> list[str]:
    return [squash(page.extract_text()) for page in PdfReader(io.BytesIO(data)).pages]


def export(function, filters=FilterState(), lang="de", events=None, evidence=None):  # noqa: B008
    data = real()
    chosen = filter_events(data.events, filters) if events is None else events
    return function(
        chosen,
        data.evidence if evidence is None else evidence,
        data.sources,
        filters,
        lang,
        total=len(data.events),
        exported=EXPORTED,
    )


@pytest.mark.parametrize("lang", ["de", "en"])
def test_handout_holds_every_filtered_title_in_date_order(lang):
    filters = FilterState(countries=("ARM",))
    result = export(handout_pdf_file, filters, lang)
    assert result.mime == "application/pdf" and result.filename.endswith(".pdf")
    reader = PdfReader(io.BytesIO(result.data))
    assert all(
        (round(float(p.mediabox.width), 1), round(float(p.mediabox.height), 1))
        == tuple(round(v, 1) for v in A4_POINTS)
        for p in reader.pages
    )
    text = " ".join(pages_text(result.data))
    chosen = filter_events(real().events, filters)
    titles = [squash(title) for title in chosen[f"title_{lang}"]]
    positions = [text.find(title) for title in titles]
    assert -1 not in positions, [t for t, p in zip(titles, positions, strict=True) if p < 0]
    assert positions == sorted(positions)
    first = chosen.iloc[0]
    assert squash(describe_date(first["date"], lang)) in text


def test_handout_names_filters_date_licence_and_prints_umlauts_and_quotes():
    text = " ".join(pages_text(export(handout_pdf_file, FilterState(countries=("TUR",))).data))
    assert "Filter: Türkei" in text
    assert "Exportiert am 1. August 2025" in text
    assert "§ 51 UrhG" in text
    assert "Türkei schließt Grenze zu Armenien" in text
    assert "„" in text and "“" in text


def test_all_events_fit_and_hostile_text_prints_literally():
    events, evidence, _ = with_hostile_event()
    text = " ".join(pages_text(export(handout_pdf_file, events=events, evidence=evidence).data))
    assert squash(HOSTILE_TITLE) in text
    for title in real().events["title_de"]:
        assert squash(title) in text


def test_worksheet_blanks_dates_and_answers_on_a_separate_last_page():
    filters = FilterState(countries=("ARM",))
    chosen = filter_events(real().events, filters)
    pages = pages_text(export(worksheet_pdf_file, filters).data)
    questions, answers = " ".join(pages[:-1]), pages[-1]
    assert questions.count("Datum: ____") == len(chosen)
    assert answers.startswith("Lösung")
    for number, (_, event) in enumerate(chosen.iterrows(), start=1):
        assert f"{number}. {squash(event['title_de'])}" in answers
        assert squash(describe_date(event["date"], "de")) in answers
    exact_days = [describe_date(d, "de") for d in chosen["date"] if len(d) == 10]
    assert exact_days and not [day for day in exact_days if squash(day) in questions]


def test_no_events_still_gives_a_document():
    empty = real().events.iloc[0:0]
    text = " ".join(pages_text(export(handout_pdf_file, events=empty).data))
    assert "Keine Ereignisse passen zu diesen Filtern." in text


def test_first_page_renders_as_an_image(tmp_path):
    if not shutil.which("pdftoppm"):
        pytest.fail("pdftoppm is missing: the README test command installs Debian's poppler-utils")
    pdf = tmp_path / "handout.pdf"
    pdf.write_bytes(export(handout_pdf_file, FilterState(countries=("ARM",))).data)
    subprocess.run(
        ["pdftoppm", "-png", "-r", "40", "-f", "1", "-l", "1", pdf, tmp_path / "page"],
        check=True,
        capture_output=True,
    )
    [png] = tmp_path.glob("page*.png")
    from PIL import Image

    image = Image.open(png).convert("L")
    assert image.size[1] > image.size[0]  # portrait
    dark = sum(image.histogram()[:128])
    assert dark > 0.005 * image.size[0] * image.size[1]  # text was drawn
