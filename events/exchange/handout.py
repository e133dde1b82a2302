"""Printable A4 PDFs: the handout (events in date order) and the worksheet (dates blanked, the
answers on a separate last page). fpdf2 with DejaVu Sans shipped in `static/fonts/`, so umlauts
and „German quotes“ print offline; data is written as plain text (no markdown)."""

from datetime import datetime, time

import pandas as pd
from fpdf import FPDF
from fpdf.enums import XPos, YPos

from events.exchange.context import (
    ExportContext,
    ExportFile,
    clean_text,
    country_list,
    date_provenance,
    event_source_lines,
    exporter,
    file_stem,
    header_lines,
    summary_of,
    title_of,
)
from events.locale import t
from events.model.fuzzy_dates import describe_date
from events.queries.masking import event_publication_days, mask_dates, publication_day
from events.store.paths import STATIC_DIR

FONT_DIR = STATIC_DIR / "fonts"
FONT = "DejaVu"
GREY = (90, 90, 90)
ACCENT = (0, 90, 150)
KEEP_TOGETHER_MM = 45  # start an event on a new page when less than this is left


class _Document(FPDF):
    def __init__(self, lang: str):
        super().__init__(orientation="P", unit="mm", format="A4")
        self.lang = lang
        self.add_font(FONT, "", FONT_DIR / "DejaVuSans.ttf")
        self.add_font(FONT, "B", FONT_DIR / "DejaVuSans-Bold.ttf")
        self.set_margins(18, 16, 18)
        self.set_auto_page_break(auto=True, margin=18)
        self.alias_nb_pages()

    def footer(self):
        self.set_y(-12)
        self.set_font(FONT, "", 8)
        self.set_text_color(*GREY)
        page = t("export_page", self.lang, n=self.page_no(), total="{nb}")
        self.cell(0, 5, page, align="C")

    def line_of(self, text: str, size: float, style: str = "", colour=(0, 0, 0), gap: float = 1):
        self.set_font(FONT, style, size)
        self.set_text_color(*colour)
        self.multi_cell(0, size * 0.5, text, align="L", new_x=XPos.LMARGIN, new_y=YPos.NEXT)
        self.ln(gap)


def _start(ctx: ExportContext, subtitle: str) -> _Document:
    pdf = _Document(ctx.lang)
    title = t("export_title", ctx.lang)
    pdf.set_title(f"{title} – {subtitle}")
    pdf.set_lang(ctx.lang)
    pdf.set_creator("timeline-classroom")
    pdf.set_creation_date(datetime.combine(ctx.exported, time(12)))
    pdf.add_page()
    pdf.line_of(title, 18, "B", gap=1)
    pdf.line_of(subtitle, 13, "B", ACCENT, gap=3)
    if ctx.intro:
        pdf.line_of(ctx.intro, 10.5, gap=3)
    filters, exported, licence = header_lines(ctx)
    pdf.line_of(filters, 9.5, "B", gap=0.5)
    pdf.line_of(exported, 8.5, "", GREY, gap=0.5)
    pdf.line_of(licence, 7.5, "", GREY, gap=5)
    if ctx.events.empty:
        pdf.line_of(t("export_no_events", ctx.lang), 11)
    return pdf


def _keep_room(pdf: _Document) -> None:
    if pdf.get_y() > pdf.h - pdf.b_margin - KEEP_TOGETHER_MM:
        pdf.add_page()


def _publication_day(ctx: ExportContext, event_id: str):
    """The day relative dates in an event's texts are read against: its first source's
    publication, else (an event dated from outside knowledge) the latest article's."""
    days = event_publication_days(ctx.evidence, ctx.sources)
    if event_id in days:
        return days[event_id]
    known = [publication_day(value) for value in ctx.sources["published"]]
    return max(known) if known else ctx.exported


def _event_block(pdf: _Document, ctx: ExportContext, event: pd.Series, number: int | None):
    lang = ctx.lang
    _keep_room(pdf)
    if number is None:
        pdf.line_of(describe_date(event["date"], lang), 10, "B", ACCENT, gap=0.5)
        pdf.line_of(title_of(event, lang), 12.5, "B", gap=1)
        pdf.line_of(summary_of(event, lang), 10, gap=1)
        for label, text in date_provenance(event, lang):
            pdf.line_of(f"{label}: {text}", 8.5, "", GREY, gap=0.3)
    else:
        published = _publication_day(ctx, event["id"])
        title = mask_dates(title_of(event, lang), published, lang=lang)
        pdf.line_of(f"{number}. {title}", 12.5, "B", gap=1)
        pdf.line_of(mask_dates(summary_of(event, lang), published, lang=lang), 10, gap=1.5)
        pdf.line_of(t("export_date_blank", lang), 10.5, "B", ACCENT, gap=1)
    pdf.line_of(
        f"{t('card_countries', lang)}: {country_list(event['countries'], lang)}",
        8.5,
        "",
        GREY,
        gap=0.3,
    )
    sources = event_source_lines(ctx, event["id"])
    if sources:
        pdf.line_of(f"{t('export_sources', lang)}: " + " | ".join(sources), 8.5, "", GREY, gap=0.3)
    pdf.ln(4)


def _answer_key(pdf: _Document, ctx: ExportContext) -> None:
    lang = ctx.lang
    pdf.add_page()
    pdf.line_of(t("export_answer_key", lang), 16, "B", gap=4)
    for number, (_, event) in enumerate(ctx.events.iterrows(), start=1):
        answer = describe_date(event["date"], lang)
        written = clean_text(event["date_text"])
        if written:
            answer += f" ({t('export_date_text', lang)}: „{written}“)"
        pdf.line_of(f"{number}. {title_of(event, lang)}", 10.5, "B", gap=0.3)
        pdf.line_of(answer, 10, "", ACCENT, gap=2.5)


def handout_pdf(ctx: ExportContext) -> bytes:
    pdf = _start(ctx, t("export_handout_title", ctx.lang))
    for _, event in ctx.events.iterrows():
        _event_block(pdf, ctx, event, None)
    return bytes(pdf.output())


def worksheet_pdf(ctx: ExportContext) -> bytes:
    pdf = _start(ctx, t("export_worksheet_title", ctx.lang))
    if not ctx.events.empty:
        pdf.line_of(t("export_worksheet_task", ctx.lang), 10.5, "B", gap=4)
    for number, (_, event) in enumerate(ctx.events.iterrows(), start=1):
        _event_block(pdf, ctx, event, number)
    if not ctx.events.empty:
        _answer_key(pdf, ctx)
    return bytes(pdf.output())


@exporter
def handout_pdf_file(ctx: ExportContext) -> ExportFile:
    """The filtered events as an A4 handout: intro, filter line, then each event with its date
    in words, title, summary, countries and source line."""
    return ExportFile(handout_pdf(ctx), f"{file_stem(ctx, 'handout')}.pdf", "application/pdf")


@exporter
def worksheet_pdf_file(ctx: ExportContext) -> ExportFile:
    """The worksheet: numbered events with the dates blanked, the answer key on its own page."""
    kind = "arbeitsblatt" if ctx.lang == "de" else "worksheet"
    return ExportFile(worksheet_pdf(ctx), f"{file_stem(ctx, kind)}.pdf", "application/pdf")
