"""An uploaded or pasted article as plain text: read .txt, .md, .html, .docx or .pdf, refuse
what cannot be an article, and strip characters that would disguise the text on screen.

`read_upload(data, file_name)` returns an `Article` or raises `UploadRejected` with a `reason`
code (for the page's localised message), its `params` and an English `message`. Nothing here
writes files: the editor saves the text later through `events.store.saving`.

Reason codes: `unsupported` (file type), `binary`, `too_large` (over 2 MB of text, or an
upload over 20 MB), `encoding` (neither UTF-8 nor Latin-1/Windows-1252), `empty`,
`no_text_layer` (a scanned PDF), `encrypted` (a PDF with a password), `damaged` (a .docx or
.pdf that cannot be opened).

Every text is normalised: line ends become `\\n`, and control characters (except newline and
tab) and the bidi embedding/override/isolate characters U+202A–U+202E and U+2066–U+2069 are
removed; `Article.removed` lists what was removed, for a notice.
"""

import io
import re
import unicodedata
import xml.etree.ElementTree as ElementTree
import zipfile
from collections import Counter
from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import PurePath

MAX_TEXT_BYTES = 2 * 1024 * 1024
MAX_UPLOAD_BYTES = 20 * 1024 * 1024
MAX_DOCX_XML_BYTES = 50 * 1024 * 1024
SUPPORTED_SUFFIXES = (".txt", ".md", ".html", ".htm", ".docx", ".pdf")
BIDI_CONTROLS = frozenset(chr(c) for c in [*range(0x202A, 0x202F), *range(0x2066, 0x206A)])
KEPT_CONTROLS = frozenset("\n\t")
# share of non-ASCII letters above which a "Latin-1" text is really another code page
# (Cyrillic, Greek, ... in a single-byte encoding); German, French, Polish stay far below
MAX_NON_ASCII_LETTER_SHARE = 0.25
MOJIBAKE = re.compile("Ã[\u00a0-\u00bf\u0152\u0153\u0160\u0161\u0178\u017d\u017e\u2018-\u203a]|â€")
MAGIC = {
    b"%PDF": "PDF",
    b"PK\x03\x04": "ZIP/Office",
    b"\x89PNG": "PNG",
    b"\xff\xd8\xff": "JPEG",
    b"GIF8": "GIF",
    b"\xd0\xcf\x11\xe0": "old Word/Excel (.doc/.xls)",
    b"\x7fELF": "program",
    b"\x1f\x8b": "gzip",
}


class UploadRejected(Exception):
    """An upload that cannot become an article; `reason` and `params` name why."""

    def __init__(self, reason: str, message: str, **params: object):
        self.reason = reason
        self.params = params
        self.message = message
        super().__init__(message)


@dataclass(frozen=True)
class RemovedCharacter:
    """A character removed from the text, how often, and its Unicode name."""

    char: str
    count: int

    @property
    def codepoint(self) -> str:
        return f"U+{ord(self.char):04X}"

    @property
    def name(self) -> str:
        return unicodedata.name(self.char, "CONTROL CHARACTER")

    def __str__(self) -> str:
        return f"{self.codepoint} {self.name} ({self.count}×)"


@dataclass(frozen=True)
class Article:
    """The plain text of an article and how it was read."""

    text: str
    source_format: str  # txt, md, html, docx, pdf, pasted
    encoding: str | None = None  # for text formats: utf-8 or latin-1
    removed: tuple[RemovedCharacter, ...] = field(default=())

    @property
    def notice(self) -> str | None:
        """An English one-line notice of removed characters (None when nothing was removed)."""
        if not self.removed:
            return None
        total = sum(r.count for r in self.removed)
        return f"{total} invisible character(s) removed: " + ", ".join(map(str, self.removed))


def normalise_text(text: str) -> tuple[str, tuple[RemovedCharacter, ...]]:
    """Unify line ends and remove control and bidi override characters; report what went."""
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\u2028", "\n")
    text = text.replace("\u2029", "\n\n")
    removed: Counter[str] = Counter()
    kept = []
    for char in text:
        if char in BIDI_CONTROLS or (
            char not in KEPT_CONTROLS and unicodedata.category(char) == "Cc"
        ):
            removed[char] += 1
        else:
            kept.append(char)
    report = tuple(RemovedCharacter(c, n) for c, n in sorted(removed.items()))
    return "".join(kept), report


def _finish(text: str, source_format: str, encoding: str | None = None) -> Article:
    text, removed = normalise_text(text)
    if len(text.encode("utf-8")) > MAX_TEXT_BYTES:
        size = len(text.encode("utf-8"))
        raise UploadRejected(
            "too_large",
            f"the text is {size / 1024 / 1024:.1f} MB; at most 2 MB of text can be added",
            size=size,
            limit=MAX_TEXT_BYTES,
        )
    if not text.strip():
        raise UploadRejected("empty", "the file contains no text")
    return Article(text, source_format, encoding, removed)


def read_pasted(text: str) -> Article:
    """Pasted text, checked and normalised like an upload."""
    return _finish(text, "pasted")


def _binary_kind(data: bytes) -> str | None:
    for magic, kind in MAGIC.items():
        if data.startswith(magic):
            return kind
    return "binary" if b"\x00" in data[:65536] else None


def decode_text(data: bytes) -> tuple[str, str]:
    """Text and encoding name of a plain-text upload: UTF-8, else Latin-1 (Windows-1252)."""
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        raise UploadRejected("encoding", "the file is UTF-16; save it as UTF-8", encoding="UTF-16")
    kind = _binary_kind(data)
    if kind is not None:
        raise UploadRejected("binary", f"this is not a text file ({kind})", kind=kind)
    try:
        return data.decode("utf-8-sig"), "utf-8"
    except UnicodeDecodeError:
        pass
    try:
        text = data.decode("cp1252")
    except UnicodeDecodeError as exc:
        raise UploadRejected(
            "encoding",
            f"the text is neither UTF-8 nor Latin-1 (byte {exc.start}); save it as UTF-8",
            byte=exc.start,
        ) from None
    letters = [c for c in text if c.isalpha()]
    foreign = sum(1 for c in letters if ord(c) > 127)
    if MOJIBAKE.search(text) or (
        len(letters) >= 20 and foreign / len(letters) > MAX_NON_ASCII_LETTER_SHARE
    ):
        raise UploadRejected(
            "encoding",
            "the text is neither UTF-8 nor Latin-1 (or mixes encodings); save it as UTF-8",
        )
    return text, "latin-1"


def _looks_binary(text: str) -> bool:
    """More than a few stray control characters (which normalising would just remove)."""
    controls = sum(1 for c in text if unicodedata.category(c) == "Cc" and c not in "\n\r\t\f")
    return controls >= 10 and controls / max(len(text), 1) > 0.02


def _read_plain(data: bytes, source_format: str) -> Article:
    text, encoding = decode_text(data)
    if _looks_binary(text):
        raise UploadRejected("binary", "this is not a text file (control characters)")
    return _finish(text, source_format, encoding)


# --- HTML ----------------------------------------------------------------------------------------

SKIPPED_TAGS = frozenset(
    {"script", "style", "noscript", "template", "head", "svg", "math", "iframe", "object"}
)
BLOCK_TAGS = frozenset(
    {
        "p", "div", "section", "article", "header", "footer", "main", "aside", "nav",
        "blockquote", "pre", "ul", "ol", "li", "dl", "dt", "dd", "table", "tr", "figure",
        "figcaption", "h1", "h2", "h3", "h4", "h5", "h6", "hr", "address", "form", "fieldset",
    }
)  # fmt: skip


WHITESPACE = re.compile(r"[ \t\n\r\f\v]+")


class _TextOnly(HTMLParser):
    """Collects the visible text of an HTML document, block by block."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.blocks: list[str] = []
        self.current: list[str] = []
        self.skipping = 0
        self.pre = 0

    def _break(self) -> None:
        text = "".join(self.current)
        if not self.pre:  # only <br> left newlines here; source line breaks became spaces
            text = "\n".join(line.strip() for line in text.split("\n"))
        if text.strip():
            self.blocks.append(text.strip("\n") if self.pre else text.strip())
        self.current = []

    def handle_starttag(self, tag: str, attrs) -> None:
        if tag in SKIPPED_TAGS:
            self.skipping += 1
        elif tag == "br" and not self.skipping:
            self.current.append("\n")
        elif tag in BLOCK_TAGS and not self.skipping:
            self._break()
            self.pre += tag == "pre"

    def handle_startendtag(self, tag: str, attrs) -> None:
        if tag == "br" and not self.skipping:
            self.current.append("\n")
        elif tag in BLOCK_TAGS and not self.skipping:
            self._break()

    def handle_endtag(self, tag: str) -> None:
        if tag in SKIPPED_TAGS:
            self.skipping = max(self.skipping - 1, 0)
        elif tag in BLOCK_TAGS and not self.skipping:
            self._break()
            if tag == "pre":
                self.pre = max(self.pre - 1, 0)

    def handle_data(self, data: str) -> None:
        if not self.skipping:
            self.current.append(data if self.pre else WHITESPACE.sub(" ", data))

    def text(self) -> str:
        self._break()
        return "\n\n".join(self.blocks)


def html_to_text(html: str) -> str:
    """The visible text of an HTML page: scripts, styles and the head dropped, one paragraph
    per block element, entities decoded, markup gone."""
    parser = _TextOnly()
    parser.feed(html)
    parser.close()
    return parser.text()


def _read_html(data: bytes) -> Article:
    html, encoding = decode_text(data)
    return _finish(html_to_text(html), "html", encoding)


# --- DOCX ----------------------------------------------------------------------------------------

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
MC_FALLBACK = "{http://schemas.openxmlformats.org/markup-compatibility/2006}Fallback"


def docx_to_text(data: bytes) -> str:
    """The paragraphs of a Word document's body (tracked deletions and fallback copies left
    out), read from word/document.xml with the standard library."""
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
        info = archive.getinfo("word/document.xml")
    except (zipfile.BadZipFile, KeyError, ValueError):
        raise UploadRejected("damaged", "this .docx file cannot be opened") from None
    if info.file_size > MAX_DOCX_XML_BYTES:
        raise UploadRejected(
            "too_large", "the document is too large", size=info.file_size, limit=MAX_DOCX_XML_BYTES
        )
    try:
        xml = archive.read(info)
    except (zipfile.BadZipFile, OSError, RuntimeError, EOFError):
        raise UploadRejected("damaged", "this .docx file cannot be opened") from None
    if b"<!DOCTYPE" in xml or b"<!ENTITY" in xml:
        raise UploadRejected("damaged", "this .docx file cannot be opened (DTD)")
    try:
        root = ElementTree.fromstring(xml)
    except ElementTree.ParseError:
        raise UploadRejected("damaged", "this .docx file cannot be opened") from None
    paragraphs: list[str] = []
    parts: list[str] = []
    stack: list[tuple[ElementTree.Element, bool]] = [(root, False)]
    while stack:  # depth-first, in document order, without recursion
        element, closing = stack.pop()
        if closing:
            paragraphs.append("".join(parts))
            parts = []
            continue
        tag = element.tag
        if tag == MC_FALLBACK:
            continue
        if tag == f"{W}t":
            parts.append(element.text or "")
        elif tag == f"{W}tab":
            parts.append("\t")
        elif tag in (f"{W}br", f"{W}cr"):
            parts.append("\n")
        elif tag == f"{W}noBreakHyphen":
            parts.append("-")
        if tag == f"{W}p":
            stack.append((element, True))
        stack.extend((child, False) for child in reversed(element))
    return "\n\n".join(p for p in paragraphs if p.strip())


# --- PDF -----------------------------------------------------------------------------------------


def pdf_to_text(data: bytes) -> str:
    """The text layer of a PDF, page after page (empty for a scan without one)."""
    import logging

    from pypdf import PdfReader
    from pypdf.errors import PyPdfError

    logging.getLogger("pypdf").setLevel(logging.ERROR)
    try:
        reader = PdfReader(io.BytesIO(data))
        if reader.is_encrypted and not reader.decrypt(""):
            raise UploadRejected("encrypted", "this PDF is protected by a password")
        pages = [page.extract_text() or "" for page in reader.pages]
    except UploadRejected:
        raise
    except (PyPdfError, ValueError, KeyError, TypeError, OSError, RecursionError):
        raise UploadRejected("damaged", "this PDF cannot be opened") from None
    return "\n\n".join(page.strip("\n") for page in pages if page.strip())


def _read_pdf(data: bytes) -> Article:
    if not data.startswith(b"%PDF"):
        raise UploadRejected("damaged", "this is not a PDF file")
    text = pdf_to_text(data)
    if not text.strip():
        raise UploadRejected(
            "no_text_layer",
            "this PDF has no text layer (a scan?); run text recognition first or paste the text",
        )
    return _finish(text, "pdf")


def read_upload(data: bytes, file_name: str) -> Article:
    """Read an uploaded article (by its file name's suffix) or raise `UploadRejected`."""
    suffix = PurePath(file_name).suffix.lower()
    if suffix not in SUPPORTED_SUFFIXES:
        raise UploadRejected(
            "unsupported",
            f"files of type {suffix or '(none)'!r} cannot be read; use "
            + ", ".join(SUPPORTED_SUFFIXES),
            suffix=suffix,
        )
    if len(data) > MAX_UPLOAD_BYTES:
        raise UploadRejected(
            "too_large", "the file is larger than 20 MB", size=len(data), limit=MAX_UPLOAD_BYTES
        )
    if not data.strip():
        raise UploadRejected("empty", "the file is empty")
    if suffix == ".pdf":
        return _read_pdf(data)
    if suffix == ".docx":
        if not data.startswith(b"PK"):
            raise UploadRejected("damaged", "this is not a .docx file")
        return _finish(docx_to_text(data), "docx")
    if suffix in (".html", ".htm"):
        return _read_html(data)
    return _read_plain(data, suffix.lstrip("."))
