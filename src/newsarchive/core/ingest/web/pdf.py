"""A "print to PDF" copy of an article: its text layer (pypdf) turned back into a page dump for the
text-dump parser, with title, author and address from the PDF's metadata and page furniture."""

from __future__ import annotations

import io
import logging
import re
import struct
from dataclasses import replace

import pypdf
from pypdf.errors import PyPdfError

from newsarchive.core.errors import ImportFailure
from newsarchive.core.ingest.headline import clean_title
from newsarchive.core.ingest.outlets import normalise_outlet
from newsarchive.core.ingest.page import parse_page
from newsarchive.core.ingest.web.fields import author_names, joined_authors
from newsarchive.core.ingest.web.limits import MAX_PDF_BYTES, MAX_PDF_PAGES, MAX_PDF_TEXT_CHARS
from newsarchive.core.model import ParsedPage, ParseWarning

logging.getLogger("pypdf").setLevel(logging.CRITICAL)

NO_TEXT_LAYER = "The PDF has no text layer (needs OCR): it is a scan or a picture of the page."
# Lines a browser prints on every page: `3/14/24, 10:02 AM  Title`, `https://…  1/3`, `Page 2 of 5`.
_PRINT_HEADER = re.compile(r"^\d{1,2}/\d{1,2}/\d{2,4},?\s+\d{1,2}:\d{2}(?:\s*[AP]M)?\b", re.IGNORECASE)
_PRINT_FOOTER = re.compile(
    r"^(?P<url>(?:https?|file)://\S+)?\s*(?:\d{1,4}\s*/\s*\d{1,4}|page\s+\d+\s+of\s+\d+)\s*$", re.IGNORECASE
)
_URL = re.compile(r"https?://\S+")
_SPACES = re.compile(r"[ \t\u00a0]{2,}")
_TITLE_OUTLET = re.compile(r"\s[|–—-]\s(?P<outlet>[^|–—]{2,40})$")


def read_pdf(data: bytes) -> ParsedPage:
    """The article in a PDF's text layer; `ImportFailure` for a damaged or looping file, or a scan."""
    if len(data) > MAX_PDF_BYTES:
        raise ImportFailure(
            f"The PDF is over {MAX_PDF_BYTES // 2**20} MB, more than a printed article; it was not read."
        )
    warnings: list[ParseWarning] = []
    try:
        reader = pypdf.PdfReader(io.BytesIO(data), strict=False)
        if reader.is_encrypted:
            try:
                reader.decrypt("")
            except (PyPdfError, NotImplementedError) as exc:
                raise ImportFailure("The PDF is encrypted and cannot be read without its password.") from exc
        count = len(reader.pages)
        if count > MAX_PDF_PAGES:
            warnings.append(
                ParseWarning(f"Only the first {MAX_PDF_PAGES} of the PDF's {count} pages were read.")
            )
        pages: list[str] = []
        total = 0
        for number in range(min(count, MAX_PDF_PAGES)):
            text = reader.pages[number].extract_text(extraction_mode="layout") or ""
            total += len(text)
            pages.append(text)
            if total > MAX_PDF_TEXT_CHARS:
                break
        metadata = reader.metadata
        meta_title = _meta(metadata, "title")
        meta_author = _meta(metadata, "author")
    except ImportFailure:
        raise
    except (
        PyPdfError,
        ValueError,
        KeyError,
        TypeError,
        AttributeError,
        IndexError,
        RecursionError,
        struct.error,
        ZeroDivisionError,
    ) as exc:
        raise ImportFailure(
            f"The PDF is damaged and cannot be read ({type(exc).__name__}: {str(exc)[:120]})."
        ) from exc
    if not "".join(pages).strip():
        raise ImportFailure(NO_TEXT_LAYER)
    url, text = _page_text(pages)
    page = parse_page(text)
    title = page.title
    source = None
    if meta_title:
        outlet = _TITLE_OUTLET.search(meta_title)
        source = normalise_outlet(outlet.group("outlet")) if outlet else None
        title = clean_title(meta_title, [outlet.group("outlet")] if outlet else [])
    author = page.author
    if meta_author:
        author = joined_authors(author_names(meta_author)) or author
    elif author:
        author = joined_authors(author_names(author)) or author
    return replace(
        page,
        title=title,
        author=author,
        source=page.source or source,
        url=page.url or url,
        warnings=(*page.warnings, *warnings),
    )


def _meta(metadata: object, name: str) -> str | None:
    value = getattr(metadata, name, None) if metadata is not None else None
    if isinstance(value, str) and value.strip():
        return " ".join(value.split())
    return None


def _page_text(pages: list[str]) -> tuple[str | None, str]:
    """The printed address (from a page footer) and the text as a page dump: browser furniture
    dropped, lines wrapped by the printer joined into paragraphs.

    A line much shorter than the page's usual full line ends where its author ended it (a
    byline, a date, a paragraph's last line); a full line was wrapped and goes on in the next.
    """
    url = None
    lines: list[str] = []
    for page in pages:
        for raw in page.splitlines():
            line = _SPACES.sub(" ", raw).strip()
            footer = _PRINT_FOOTER.match(line)
            if footer:
                url = url or footer.group("url")
                continue
            if _PRINT_HEADER.match(line):
                continue
            lines.append(line)
    lengths = sorted(len(line) for line in lines if line)
    full = lengths[int(len(lengths) * 0.9)] if lengths else 0
    blocks: list[str] = []
    current: list[str] = []
    for line in lines:
        if not line:
            if current:
                blocks.append(" ".join(current))
                current = []
            continue
        current.append(line)
        if len(line) < 0.7 * full:
            blocks.append(" ".join(current))
            current = []
    if current:
        blocks.append(" ".join(current))
    if url is None:
        url = next((m.group(0) for b in blocks[-3:] for m in _URL.finditer(b)), None)
    return url, "\n\n".join(blocks)
