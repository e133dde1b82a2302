"""ui/text.py: values from tables and links are shown as text; links only to http(s)."""

import re

import pytest

from ui.text import cut, esc, link_html, linked_text_html, md_literal, web_host

HOSTILE = [
    "[klick](https://evil.example/e)",
    "![](https://evil.example/e.png)",
    "$\\href{https://evil.example}{x}$",
    "<img src=x onerror=alert(1)>",
    "<script>alert(1)</script>",
    "**bold** `code` # heading",
    "https://evil.example/x",
    "www.evil.example",
]


@pytest.mark.parametrize("value", HOSTILE)
def test_esc_leaves_no_tag(value):
    out = esc(value)
    assert "<" not in out and ">" not in out


@pytest.mark.parametrize("value", HOSTILE)
def test_md_literal_escapes_every_markdown_sign(value):
    out = md_literal(value)
    for sign in "[]()!$*`#<>":
        assert sign not in out.replace("\\" + sign, "")
    assert "://" not in out and "www." not in out  # no autolink


@pytest.mark.parametrize(
    "url", ["javascript:alert(1)", "data:text/html,x", "ftp://x.example", "//evil.example", ""]
)
def test_only_web_addresses_become_links(url):
    assert "<a" not in link_html(url, "label")


def test_web_link_has_noopener_noreferrer_and_escaped_address():
    out = link_html("https://example.org/a?b=1&c=2", "Quelle")
    assert out.startswith('<a href="https://example.org/a?b=1&amp;c=2"')
    assert "<a" not in link_html('https://example.org/"onmouseover="x', "Quelle")
    assert 'rel="noopener noreferrer"' in out and 'target="_blank"' in out


def test_citation_links_its_addresses_and_keeps_the_rest_as_text():
    out = linked_text_html("IFP <b>News</b>, 30.12.2024, https://ifpnews.com/a-b/. Mehr")
    assert out.count("<a ") == 1 and "&lt;b&gt;News&lt;/b&gt;" in out
    assert 'href="https://ifpnews.com/a-b/"' in out and ">ifpnews.com ↗</a>. Mehr" in out


def test_web_host():
    assert web_host("https://www.example.org/x/y") == "example.org"


def test_cut_removes_control_and_bidi_characters_and_shortens():
    assert cut("a\u202eb\x00c") == "abc"
    assert cut("x" * 500, 20) == "x" * 19 + "…"


@pytest.mark.parametrize("value", [":smile:", "vor :red[rot] und :material/warning:", "a:b_c:d"])
def test_md_literal_keeps_emoji_shortcodes_and_directives_as_written(value):
    text = re.sub(r"\\(.)", r"\1", md_literal(value))  # the text Streamlit's parser leaves
    assert not re.search(r":[\w+-]+:", text)  # no shortcode left for its emoji and icon step
    assert text.replace("\u2060", "") == value  # the reader sees the value


@pytest.mark.parametrize(
    "value", ["https://evil.example/x", "HTTP://evil.example", "www.evil.example", "a@evil.example"]
)
def test_md_literal_leaves_nothing_for_gfm_autolinks(value):
    text = re.sub(r"\\(.)", r"\1", md_literal(value))  # GFM looks for links in this text
    assert not re.search(r"(?i)https?://|www\.|\w@", text)
    assert text.replace("\u2060", "") == value
