"""The one-file offline timeline: a self-contained HTML page (plotly.js inline, no CDN, no server)
with the labelled timeline, the story list and a card per filtered event, for a USB stick or a
learning platform. Every data value is HTML-escaped; a Content-Security-Policy forbids any
request off the page, so nothing is fetched even if a value slipped through."""

import html
import re

import pandas as pd
import plotly.io as pio

from events.charts.timeline import timeline_figure
from events.exchange.context import (
    ExportContext,
    ExportFile,
    clean_text,
    country_list,
    date_provenance,
    file_stem,
    header_lines,
    make_context,
    source_line,
    summary_of,
    theme_list,
    title_of,
)
from events.locale import t
from events.model.countries import country_names
from events.model.fuzzy_dates import describe_date
from events.queries.filters import FilterState
from events.queries.presentation import short_summary

GENERATOR = "timeline-classroom export"
CSP = (
    "default-src 'none'; script-src 'unsafe-inline' 'unsafe-eval'; style-src 'unsafe-inline'; "
    "img-src data: blob:; font-src data:; connect-src 'none'; form-action 'none'; "
    "base-uri 'none'"
)
CHART_ID = "timeline-chart"
SAFE_URL = re.compile(r"^https?://[^\s\"'<>]+$", re.IGNORECASE)
STYLE = """
body { font-family: system-ui, "DejaVu Sans", Arial, sans-serif; margin: 0 auto; max-width: 60rem;
  padding: 1rem; color: #1a1a1a; line-height: 1.45; overflow-wrap: break-word; }
h1 { font-size: 1.8rem; margin-bottom: .3rem; }
.meta, .licence { color: #4a4a4a; font-size: .85rem; margin: .2rem 0; }
.filters { font-weight: 600; }
.story ol { list-style: none; padding-left: 0; }
.story li { border-left: 4px solid #0072B2; padding: .2rem .8rem; margin: .6rem 0; }
.story .when { color: #004f80; font-weight: 600; }
article.card { border: 1px solid #c8c8c8; border-radius: .4rem; padding: .6rem 1rem;
  margin: 1rem 0; }
article.card:target { outline: 3px solid #0072B2; }
article.card dl { display: grid; grid-template-columns: max-content minmax(0, 1fr);
  gap: .1rem .8rem; }
article.card dd { margin: 0; overflow-wrap: anywhere; }
@media (max-width: 600px) { article.card dl { grid-template-columns: minmax(0, 1fr); }
  article.card dd { margin-bottom: .3rem; } }
article.card dt { font-weight: 600; }
blockquote { border-left: 3px solid #999; margin: .3rem 0 .6rem; padding-left: .8rem; }
a:focus, a:hover { outline: 3px solid #1a1a1a; outline-offset: 2px; }
"""
CLICK_SCRIPT = """
<script>
(function () {
  var chart = document.getElementById("CHART_ID");
  if (!chart || !chart.on) { return; }
  chart.on("plotly_click", function (event) {
    var id = event.points && event.points[0] && event.points[0].customdata;
    if (typeof id === "string" && /^[a-z0-9-]+$/.test(id)) { location.hash = "card-" + id; }
  });
})();
</script>
""".replace("CHART_ID", CHART_ID)


def esc(value: object) -> str:
    """A data value as HTML text: control and bidi characters removed, markup escaped."""
    return html.escape(clean_text(value), quote=True)


def _plotly_safe(events: pd.DataFrame, lang: str) -> pd.DataFrame:
    """The events with control and bidi characters removed from the texts the chart shows (the
    chart itself escapes them for Plotly's pseudo-HTML labels)."""
    safe = events.copy()
    for column in (f"title_{lang}", "date_text"):
        safe[column] = [clean_text(v) for v in safe[column]]
    return safe


def chart_html(ctx: ExportContext) -> str:
    """The timeline figure as a div with plotly.js inline (about 4.7 MB, no CDN)."""
    events = _plotly_safe(ctx.events, ctx.lang)
    described = events["date"].map(lambda v: describe_date(v, ctx.lang))
    codes = {code for codes in events["countries"] for code in codes}
    figure = timeline_figure(
        events,
        ctx.lang,
        country_names=country_names(codes, ctx.lang),
        described_dates=described,
    )
    return pio.to_html(
        figure,
        full_html=False,
        include_plotlyjs=True,
        include_mathjax=False,
        div_id=CHART_ID,
        config={"displaylogo": False, "responsive": True},
    )


def _story(ctx: ExportContext) -> str:
    lang = ctx.lang
    parts = [f'<section class="story" id="story"><h2>{esc(t("export_story", lang))}</h2>']
    year = None
    for _, event in ctx.events.iterrows():
        if event["start"].year != year:
            if year is not None:
                parts.append("</ol>")
            year = event["start"].year
            parts.append(f"<h3>{year}</h3><ol>")
        parts.append(
            f'<li><span class="when">{esc(describe_date(event["date"], lang))}</span> · '
            f'<a href="#card-{esc(event["id"])}">{esc(title_of(event, lang))}</a><br>'
            f"{esc(short_summary(summary_of(event, lang), 180))}<br>"
            f'<span class="meta">{esc(country_list(event["countries"], lang))}</span></li>'
        )
    if year is not None:
        parts.append("</ol>")
    parts.append("</section>")
    return "".join(parts)


URL_IN_TEXT = re.compile(r"https?://[^\s\"'<>]+[^\s\"'<>.,;:)]", re.IGNORECASE)


def linked_text(text: str) -> str:
    """Escaped text in which each http(s) address is an explicit link (rel=noopener)."""
    parts, last = [], 0
    for match in URL_IN_TEXT.finditer(text):
        parts.append(esc(text[last : match.start()]))
        parts.append(_link(match.group(), match.group()))
        last = match.end()
    parts.append(esc(text[last:]))
    return "".join(parts)


def _link(url: str, label: str) -> str:
    if SAFE_URL.match(url):
        return f'<a href="{esc(url)}" rel="noopener noreferrer" target="_blank">{esc(label)}</a>'
    return esc(label)


def _card(ctx: ExportContext, event: pd.Series) -> str:
    lang = ctx.lang
    rows = [(t("card_date", lang), describe_date(event["date"], lang) + f" (EDTF {event['date']})")]
    if clean_text(event["date_text"]):
        rows.append((t("export_date_text", lang), f"„{clean_text(event['date_text'])}“"))
    rows += date_provenance(event, lang)
    if "date_basis" in event and event["date_basis"]:
        rows.append((t("card_basis", lang), t(f"basis_{event['date_basis']}", lang)))
    rows.append((t("card_countries", lang), country_list(event["countries"], lang)))
    if len(event["actors"]):
        rows.append((t("card_actors", lang), "; ".join(clean_text(a) for a in event["actors"])))
    rows.append((t("card_themes", lang), theme_list(event["themes"], lang)))
    facts = "".join(f"<dt>{esc(k)}</dt><dd>{linked_text(clean_text(v))}</dd>" for k, v in rows)
    quotes = []
    for _, item in ctx.evidence_of(event["id"]).iterrows():
        source = ctx.source(item["source"])
        label = source_line(source, lang) if source is not None else clean_text(item["source"])
        url = clean_text(source.get("url", "")) if source is not None else ""
        quote_lang = esc((source.get("language") if source is not None else "") or "de")
        quotes.append(
            f'<li>{_link(url, label)}<blockquote lang="{quote_lang}">'
            f"{esc(item['quote'])}</blockquote></li>"
        )
    sources = (
        f"<h4>{esc(t('export_sources', lang))}</h4><ul>{''.join(quotes)}</ul>"
        if quotes
        else f"<p>{esc(t('card_no_sources', lang))}</p>"
    )
    return (
        f'<article class="card" id="card-{esc(event["id"])}">'
        f"<h3>{esc(title_of(event, lang))}</h3><p>{esc(summary_of(event, lang))}</p>"
        f"<dl>{facts}</dl>{sources}"
        f'<p><a href="#story">{esc(t("export_to_list", lang))}</a></p></article>'
    )


def page_html(ctx: ExportContext) -> str:
    """The whole page as one string."""
    lang = ctx.lang
    title = t("export_title", lang)
    filters, exported, licence = header_lines(ctx)
    intro = f'<p class="intro">{esc(ctx.intro)}</p>' if ctx.intro else ""
    if ctx.events.empty:
        body = f"<p>{esc(t('export_no_events', lang))}</p>"
    else:
        cards = "".join(_card(ctx, event) for _, event in ctx.events.iterrows())
        body = (
            f'<section aria-labelledby="chart-heading"><h2 id="chart-heading">'
            f"{esc(t('timeline_title', lang))}</h2>"
            f'<p class="meta">{esc(t("export_chart_label", lang))}</p>'
            f"{chart_html(ctx)}{CLICK_SCRIPT}</section>"
            f"{_story(ctx)}"
            f'<section id="cards"><h2>{esc(t("export_cards", lang))}</h2>{cards}</section>'
        )
    return (
        f'<!DOCTYPE html>\n<html lang="{lang}">\n<head>\n<meta charset="utf-8">\n'
        f'<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        f'<meta http-equiv="Content-Security-Policy" content="{CSP}">\n'
        f'<meta name="generator" content="{GENERATOR}">\n'
        f"<title>{esc(title)}</title>\n<style>{STYLE}</style>\n</head>\n<body>\n"
        f"<header><h1>{esc(title)}</h1>{intro}"
        f'<p class="filters">{esc(filters)}</p><p class="meta">{esc(exported)}</p>'
        f'<p class="licence">{esc(licence)}</p></header>\n'
        f"<main>{body}</main>\n</body>\n</html>\n"
    )


def html_file(
    events: pd.DataFrame,
    evidence: pd.DataFrame,
    sources: pd.DataFrame,
    filters: FilterState,
    lang: str,
    **options,
) -> ExportFile:
    """The filtered events as one self-contained HTML file that works with the network off."""
    ctx = make_context(events, evidence, sources, filters, lang, **options)
    data = page_html(ctx).encode("utf-8")
    return ExportFile(
        data, f"{file_stem(ctx, 'zeitleiste' if lang == 'de' else 'timeline')}.html", "text/html"
    )
