"""Text is text: the one place that turns table, upload and link values into something
Streamlit shows literally (escaped HTML for st.html, escaped Markdown for labels), and the only
place that makes links (explicit http(s) addresses, opened with rel="noopener noreferrer")."""

import html
import re
import string

import streamlit as st

MAX_ECHO = 120  # an echoed link value is cut to this many characters
_PUNCTUATION = re.compile("([" + re.escape(string.punctuation) + "])")
_URL = re.compile(r"https?://[^\s<>\"'()\[\]]+[^\s<>\"'()\[\].,;:!?]", re.IGNORECASE)
_SHORTCODE = re.compile(r":(?=[\w+-]+:)")
# what GFM turns into a link after escapes are resolved (mdast-util-gfm-autolink-literal runs on
# the text): a scheme's colon, "www." and an e-mail's "@"
_AUTOLINK = re.compile(r"(?i)(https?|mailto|xmpp)(?=:)|(www)(?=\.)|(?=@)")
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f\u200e\u200f\u202a-\u202e\u2066-\u2069]")


def cut(text: str, limit: int = MAX_ECHO) -> str:
    """`text` without control or bidi characters, cut to `limit` characters with '…'."""
    text = _CONTROL.sub("", str(text))
    return text if len(text) <= limit else text[: limit - 1] + "…"


def esc(text: object) -> str:
    """`text` as HTML text (no tags, no entities from the data)."""
    return html.escape(_CONTROL.sub("", str(text)), quote=True)


def md_literal(text: object) -> str:
    """`text` for anything Streamlit renders as Markdown (labels, headings, alerts): every ASCII
    punctuation backslash-escaped, so no link, image, emphasis, KaTeX or directive comes from
    it. Two steps run on the text after escapes are resolved, so an invisible word joiner
    (U+2060) breaks their patterns: emoji shortcodes (':smile:') and GFM's autolinks
    ('https://…', 'www.…', 'name@host')."""
    plain = _CONTROL.sub("", str(text)).replace("\n", " ")
    plain = _SHORTCODE.sub(":\u2060", plain)
    plain = _AUTOLINK.sub(lambda m: (m.group(1) or m.group(2) or "") + "\u2060", plain)
    return _PUNCTUATION.sub(r"\\\1", plain)


def is_web_address(url: str) -> bool:
    """True for an explicit http(s) address (nothing else becomes a link)."""
    return bool(re.fullmatch(r"https?://[^\s<>\"']+", url.strip(), re.IGNORECASE))


def link_html(url: str, label: str | None = None) -> str:
    """A link to an http(s) address, opened in a new tab without referrer; else plain text."""
    if not is_web_address(url):
        return esc(label or url)
    return (
        f'<a href="{esc(url.strip())}" target="_blank" rel="noopener noreferrer"'
        f' title="{esc(url.strip())}">'
        f"{esc(label or url)}</a>"
    )


def web_host(url: str) -> str:
    """The host of an http(s) address ('ifpnews.com'), as a short link label."""
    host = re.sub(r"^https?://", "", url.strip(), flags=re.IGNORECASE).split("/")[0]
    return host.removeprefix("www.")


def linked_text_html(text: str) -> str:
    """`text` as HTML where each http(s) address in it is a link (labelled with its host, the
    whole address as its tooltip) and everything else text."""
    parts, last = [], 0
    for match in _URL.finditer(text):
        parts.append(esc(text[last : match.start()]))
        parts.append(link_html(match.group(0), web_host(match.group(0)) + " ↗"))
        last = match.end()
    parts.append(esc(text[last:]))
    return "".join(parts)


def german_html(text: str, page_lang: str, label: str) -> str:
    """A German original: marked with lang="de"; in the English UI also labelled as German."""
    quoted = f'<span lang="de">{esc(text)}</span>'
    if page_lang == "de":
        return quoted
    return f'{quoted} <span class="de-original">({esc(label)})</span>'


def mark_german_quote(escaped: str, german: str, page_lang: str, label: str) -> str:
    """In already escaped HTML, give the first quoted German phrase `german` lang="de" (and,
    in the English UI, a tooltip saying it is the German original)."""
    if page_lang == "de" or not german:
        return escaped
    needle = esc(german)
    title = f' title="{esc(label)}"'
    return escaped.replace(needle, f'<span lang="de"{title}>{needle}</span>', 1)


def show_html(body: str) -> None:
    """Draw HTML built here from escaped parts (never call this with raw data)."""
    st.html(body)


def show_text(text: str, css_class: str = "plain", role: str | None = None) -> None:
    """One paragraph of literal text."""
    role_attr = f' role="{role}"' if role else ""
    show_html(f'<p class="{css_class}"{role_attr}>{esc(text)}</p>')
