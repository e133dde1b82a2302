"""Reading uploaded articles: each format, each rejection, and the normalisation notice.

The uploads are built here from tests/data/editor_article.txt (written for the tests)."""

import io
import os
import zipfile
from pathlib import Path

import pytest

from events.store.uploads import (
    MAX_TEXT_BYTES,
    UploadRejected,
    html_to_text,
    normalise_text,
    read_pasted,
    read_upload,
)

ARTICLE = (Path(__file__).parent / "data" / "editor_article.txt").read_text(encoding="utf-8")
PARAGRAPHS = [p for p in ARTICLE.split("\n\n") if p.strip()]


def make_pdf(lines: list[str], image_only: bool = False) -> bytes:
    """A one-page PDF whose text layer holds `lines` (Helvetica, WinAnsi), or only an image."""

    def escape(text: str) -> bytes:
        raw = text.encode("cp1252")
        return raw.replace(b"\\", b"\\\\").replace(b"(", b"\\(").replace(b")", b"\\)")

    if image_only:  # a 2x2 grey inline image, as a scanner would put a page
        content = b"q 400 0 0 400 100 300 cm BI /W 2 /H 2 /CS /G /BPC 8 ID \x10\x80\x80\x10 EI Q"
    else:
        shown = b" ".join(b"(" + escape(line) + b") Tj T*" for line in lines)
        content = b"BT /F1 11 Tf 14 TL 50 800 Td " + shown + b" ET"
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] "
        b"/Resources << /Font << /F1 4 0 R >> >> /Contents 5 0 R >>",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>",
        b"<< /Length %d >>\nstream\n" % len(content) + content + b"\nendstream",
    ]
    out = io.BytesIO()
    out.write(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(out.tell())
        out.write(b"%d 0 obj\n" % number + body + b"\nendobj\n")
    xref = out.tell()
    out.write(b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1))
    for offset in offsets:
        out.write(b"%010d 00000 n \n" % offset)
    out.write(
        b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, xref)
    )
    return out.getvalue()


W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
MC_NS = "http://schemas.openxmlformats.org/markup-compatibility/2006"


def make_docx(paragraphs: list[str], extra_body: str = "") -> bytes:
    """A minimal Word document with one paragraph per item (XML escaped)."""
    from xml.sax.saxutils import escape

    body = "".join(
        f'<w:p><w:r><w:t xml:space="preserve">{escape(p)}</w:t></w:r></w:p>' for p in paragraphs
    )
    document = (
        f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
        f'<w:document xmlns:w="{W_NS}" xmlns:mc="{MC_NS}"><w:body>{body}{extra_body}'
        f"</w:body></w:document>"
    )
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr(
            "[Content_Types].xml",
            '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/'
            'content-types"><Override PartName="/word/document.xml" ContentType="application/'
            'vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>',
        )
        archive.writestr("word/document.xml", document)
    return out.getvalue()


# --- each format ---------------------------------------------------------------------------------


@pytest.mark.parametrize("name", ["artikel.txt", "ARTIKEL.TXT", "artikel.md"])
def test_utf8_text_is_read_unchanged(name):
    article = read_upload(ARTICLE.encode("utf-8"), name)
    assert article.text == ARTICLE and article.encoding == "utf-8" and article.removed == ()


def test_utf8_with_bom_and_windows_line_ends():
    data = b"\xef\xbb\xbf" + ARTICLE.replace("\n", "\r\n").encode("utf-8")
    assert read_upload(data, "a.txt").text == ARTICLE


def test_latin1_and_windows1252_text_is_read():
    article = read_upload(ARTICLE.encode("cp1252"), "a.txt")
    assert article.text == ARTICLE and article.encoding == "latin-1"
    plain = "Die Außenminister trafen sich in Baku; Übergabe folgt. Größe: ä, ö, ü."
    assert read_upload(plain.encode("latin-1"), "c.txt").text == plain
    quoted = "„Wir glauben“, sagte er – am 8. August 2025 in Washington."
    assert read_upload(quoted.encode("cp1252"), "b.txt").text == quoted


def test_markdown_stays_literal_text():
    text = "# Titel\n\n[klick](https://evil.example/e) ![](https://evil.example/x.png) $x^2$\n"
    assert read_upload(text.encode(), "a.md").text == text


def test_html_keeps_the_visible_text_only():
    html = (
        "<!doctype html><html><head><title>Kopf</title><style>p{color:red}</style>"
        "<script>alert('x')</script></head><body>"
        + "".join(f"<p>{p.replace(chr(10), ' ')}</p>\n" for p in PARAGRAPHS)
        + "<script type='module'>document.write('<p>böse</p>')</script>"
        "<noscript>Bitte JavaScript</noscript><p>Erste&nbsp;Zeile<br>zweite &amp; &lt;b&gt;"
        "</p></body></html>"
    )
    text = read_upload(html.encode("utf-8"), "seite.html").text
    for paragraph in PARAGRAPHS:
        assert paragraph.strip().replace("\n", " ") in text
    assert "alert" not in text and "color" not in text and "böse" not in text
    assert "Kopf" not in text and "JavaScript" not in text
    assert text.endswith("Erste\xa0Zeile\nzweite & <b>")
    assert "<" not in text.replace("<b>", "")


def test_html_collapses_source_line_breaks_and_keeps_pre():
    html = "<div>ein\n   Satz\tmit\n Umbruch</div><pre>a\n  b</pre>"
    assert html_to_text(html) == "ein Satz mit Umbruch\n\na\n  b"


def test_docx_paragraphs_in_order_without_deleted_or_fallback_text():
    extra = (
        "<w:p><w:r><w:t>Mit</w:t></w:r><w:r><w:tab/><w:t>Tab</w:t><w:br/><w:t>und Umbruch"
        "</w:t></w:r><w:del><w:r><w:delText>gelöscht</w:delText></w:r></w:del></w:p>"
        '<mc:AlternateContent><mc:Choice Requires="wps"><w:p><w:r><w:t>Textfeld</w:t></w:r>'
        "</w:p></mc:Choice><mc:Fallback><w:p><w:r><w:t>Textfeld</w:t></w:r></w:p>"
        "</mc:Fallback></mc:AlternateContent>"
    )
    article = read_upload(make_docx(PARAGRAPHS, extra), "artikel.docx")
    assert article.text == "\n\n".join([*PARAGRAPHS, "Mit\tTab\nund Umbruch", "Textfeld"])
    assert article.source_format == "docx"


def test_pdf_text_layer_is_read():
    lines = [
        "Armenien und Aserbaidschan haben am 8. August 2025",
        "im Weißen Haus eine gemeinsame Erklärung unterzeichnet (Größe: ü, ß).",
    ]
    article = read_upload(make_pdf(lines), "artikel.pdf")
    assert article.source_format == "pdf"
    for line in lines:
        assert line in article.text


# --- rejections: one clear reason, nothing written ------------------------------------------------


def rejection(data: bytes, name: str) -> UploadRejected:
    with pytest.raises(UploadRejected) as raised:
        read_upload(data, name)
    return raised.value


@pytest.mark.parametrize(
    ("data", "name", "reason"),
    [
        (bytes(range(256)) * 4, "artikel.txt", "binary"),
        (b"\x89PNG\r\n\x1a\n" + b"\x00" * 40, "bild.txt", "binary"),
        (make_pdf(["Ein Satz."]), "tarnung.txt", "binary"),
        (b"Text\x01\x02\x03\x04\x05\x06\x07\x08" * 20, "steuer.txt", "binary"),
        (("x" * (MAX_TEXT_BYTES + 1)).encode(), "lang.txt", "too_large"),
        (("<p>" + "y" * (MAX_TEXT_BYTES + 1) + "</p>").encode(), "lang.html", "too_large"),
        ("Текст новости о встрече в Москве и Баку сегодня".encode("cp1251"), "ru.txt", "encoding"),
        (ARTICLE.encode("utf-16"), "utf16.txt", "encoding"),
        ("Übergabe in Baku".encode() + b" \x81\x8d", "mixed.txt", "encoding"),
        ("Größere Änderungen".encode() + "und Öl".encode("cp1252"), "mixed2.txt", "encoding"),
        (b"", "leer.txt", "empty"),
        (b"  \n\t\r\n", "leer.md", "empty"),
        (
            b"<html><head><title>T</title></head><body><script>x()</script></body></html>",
            "leer.html",
            "empty",
        ),
        (make_docx([]), "leer.docx", "empty"),
        (make_pdf([], image_only=True), "scan.pdf", "no_text_layer"),
        (b"%PDF-1.4\nkaputt", "kaputt.pdf", "damaged"),
        (b"PK\x03\x04kaputt", "kaputt.docx", "damaged"),
        (ARTICLE.encode(), "text.docx", "damaged"),
        (ARTICLE.encode(), "artikel.doc", "unsupported"),
        (ARTICLE.encode(), "artikel", "unsupported"),
    ],
    ids=lambda value: value if isinstance(value, str) else None,
)
def test_bad_upload_is_rejected_with_one_reason(data, name, reason, tmp_path):
    before = sorted(os.listdir(tmp_path))
    error = rejection(data, name)
    assert error.reason == reason
    assert error.message and "\n" not in error.message
    assert sorted(os.listdir(tmp_path)) == before


def test_docx_with_an_entity_declaration_is_refused():
    bomb = (
        '<?xml version="1.0"?><!DOCTYPE w [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;">]>'
        f'<w:document xmlns:w="{W_NS}"><w:body><w:p><w:r><w:t>&b;</w:t></w:r></w:p></w:body>'
        "</w:document>"
    )
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as archive:
        archive.writestr("word/document.xml", bomb)
    assert rejection(out.getvalue(), "bombe.docx").reason == "damaged"


# --- normalisation -----------------------------------------------------------------------------


def test_bidi_overrides_and_control_characters_are_removed_with_a_notice():
    dirty = "Baku\u202e ukaB\u202c und\x1b Eriwan\x07\u2066 x\u2069\tEnde\n"
    article = read_upload(dirty.encode(), "a.txt")
    assert article.text == "Baku ukaB und Eriwan x\tEnde\n"
    removed = {r.codepoint: r.count for r in article.removed}
    assert removed == {"U+001B": 1, "U+0007": 1, "U+202C": 1, "U+202E": 1, "U+2066": 1, "U+2069": 1}
    assert "RIGHT-TO-LEFT OVERRIDE" in article.notice and "6 invisible" in article.notice


def test_pasted_text_loses_nul_and_bidi_overrides():
    article = read_pasted("Eriwan\x00 und \u202dBaku\u202c")
    assert article.text == "Eriwan und Baku"
    assert [r.codepoint for r in article.removed] == ["U+0000", "U+202C", "U+202D"]


def test_clean_text_has_no_notice():
    assert read_pasted(ARTICLE).notice is None


@pytest.mark.parametrize("text", ["", " \n ", "\u202e\u202c\x00"])
def test_pasted_empty_text_is_rejected(text):
    with pytest.raises(UploadRejected) as raised:
        read_pasted(text)
    assert raised.value.reason == "empty"


def test_normalise_keeps_newline_and_tab_and_unifies_line_ends():
    assert normalise_text("a\r\nb\rc\td\u2028e") == ("a\nb\nc\td\ne", ())
