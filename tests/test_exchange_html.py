"""The one-file offline timeline: self-contained, every data value escaped, and (in Chromium with
every request off the machine blocked) the chart draws and every title is on the page."""

import re
from datetime import date

import pytest
from exchange_data import real, with_hostile_event

from events.exchange.webpage import html_file
from events.queries.filters import FilterState, filter_events

EXPORTED = date(2025, 8, 1)


def export(filters=FilterState(), lang="de", events=None, evidence=None) -> str:  # noqa: B008
    data = real()
    chosen = filter_events(data.events, filters) if events is None else events
    result = html_file(
        chosen,
        data.evidence if evidence is None else evidence,
        data.sources,
        filters,
        lang,
        total=len(data.events),
        exported=EXPORTED,
    )
    assert result.mime == "text/html" and result.filename.endswith(".html")
    return result.data.decode("utf-8")


@pytest.fixture(scope="module")
def hostile_page() -> str:
    events, evidence, _ = with_hostile_event()
    events.loc[events["id"] == "hostile-event", "date_source"] = (
        'javascript:alert(3) https://example.org/a"onmouseover="alert(4) <a href=x>y</a>.'
    )
    return export(events=events, evidence=evidence, lang="en")


def markup_only(page: str) -> str:
    """The page without the contents of its scripts (plotly.js itself names URLs it never
    fetches here, such as its topojson CDN for maps)."""
    return re.sub(r"(<script[^>]*>).*?(</script>)", r"\1\2", page, flags=re.DOTALL)


def test_page_is_self_contained(hostile_page):
    assert not re.search(r"<(script|link|img|iframe)[^>]+(src|href)=", markup_only(hostile_page))
    assert "plotly.js v" in hostile_page and "Plotly.newPlot" in hostile_page
    assert "Content-Security-Policy" in hostile_page and "default-src 'none'" in hostile_page


def test_data_is_escaped_everywhere(hostile_page):
    assert "<script>alert" not in hostile_page
    assert "<img src=x" not in hostile_page
    assert "</blockquote><script>" not in hostile_page
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in hostile_page
    # the chart's hover labels (Plotly reads <b>, <a> ... in them) get the escaped title
    assert "&lt;b&gt;fett&lt;\\u002fb&gt;" in hostile_page
    assert "\\u003cb\\u003efett" not in hostile_page
    hrefs = re.findall(r'href="([^"]*)"', markup_only(hostile_page))
    assert hrefs and all(h.startswith("#") or h.startswith("http") for h in hrefs)
    assert "evil.example" not in " ".join(hrefs)
    # a URL inside date_source becomes an explicit link, nothing else does
    assert '<a href="https://example.org/a" rel="noopener noreferrer"' in hostile_page
    assert 'onmouseover="' not in markup_only(hostile_page)
    assert "javascript:alert(3)" in hostile_page and 'href="javascript' not in hostile_page


def test_page_names_language_filters_date_and_licence():
    page = export(FilterState(countries=("ARM",)), "en")
    assert '<html lang="en">' in page
    assert "Filters: Armenia" in page and "Exported on 1 August 2025" in page
    assert "no free licence" in page
    assert '<blockquote lang="de">' in page
