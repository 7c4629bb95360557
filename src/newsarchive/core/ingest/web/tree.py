"""Saved HTML bytes -> a bounded lxml tree: the charset found, the size checked before and after parsing.

lxml's HTML parser never reads a DTD's internal subset, so entity declarations (the "billion
laughs" bomb) are left as text, and it never touches the network (`no_network`); libxml2 caps the
nesting depth at 256 unless `huge_tree` is set, which it is not.
"""

from __future__ import annotations

import codecs
import re

import lxml.html
from lxml import etree

from newsarchive.core.errors import ImportFailure
from newsarchive.core.ingest.web.limits import MAX_ELEMENTS, MAX_HTML_BYTES

_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)""", re.IGNORECASE)
_XML_DECLARATION = re.compile(r"^\s*<\?xml[^>]*\?>")
_BOMS = ((codecs.BOM_UTF8, "utf-8"), (codecs.BOM_UTF16_LE, "utf-16-le"), (codecs.BOM_UTF16_BE, "utf-16-be"))


def decode_html(content: bytes, declared: str | None = None) -> str:
    """The page's text: a byte-order mark first, then the charset declared outside the page (HTTP,
    MIME), then the page's own `<meta charset>`, then UTF-8, then Windows-1252 (which decodes any
    byte, as browsers do for pages that declare nothing)."""
    for bom, encoding in _BOMS:
        if content.startswith(bom):
            return content[len(bom) :].decode(encoding, errors="replace")
    candidates: list[str] = []
    if declared:
        candidates.append(declared)
    found = _META_CHARSET.search(content[:4096])
    if found:
        candidates.append(found.group(1).decode("ascii", "replace"))
    candidates.append("utf-8")
    for name in candidates:
        try:
            encoding = codecs.lookup(name).name
        except LookupError:
            continue
        # Browsers read pages declared as Latin-1 as Windows-1252; so do we.
        if encoding in ("latin-1", "iso8859-1", "ascii"):
            encoding = "cp1252"
        try:
            return content.decode(encoding)
        except UnicodeDecodeError:
            continue
    return content.decode("cp1252", errors="replace")


def parse_html(content: bytes, declared_charset: str | None = None) -> lxml.html.HtmlElement:
    """The page as an element tree; `ImportFailure` for a page too large, with too many elements,
    or with nothing in it."""
    if len(content) > MAX_HTML_BYTES:
        raise ImportFailure(
            f"The page is {len(content) / 2**20:.0f} MB, over the {MAX_HTML_BYTES // 2**20} MB a saved "
            "article can be; it was not read."
        )
    # Opening tags are counted before parsing, so a huge DOM costs a byte count, not gigabytes.
    tags = content.count(b"<") - content.count(b"</")
    if tags > MAX_ELEMENTS:
        raise _too_many_elements(tags)
    text = _XML_DECLARATION.sub("", decode_html(content, declared_charset), count=1)
    if not text.strip():
        raise ImportFailure("The page is empty; there is no article text to import.")
    parser = lxml.html.HTMLParser(
        no_network=True, huge_tree=False, remove_comments=False, remove_pis=True, default_doctype=False
    )
    try:
        tree = lxml.html.document_fromstring(text, parser=parser)
    except (etree.ParserError, ValueError) as exc:
        raise ImportFailure(f"The page cannot be read as HTML ({exc}).") from exc
    count = sum(1 for _ in tree.iter())
    if count > MAX_ELEMENTS:
        raise _too_many_elements(count)
    return tree


def _too_many_elements(count: int) -> ImportFailure:
    return ImportFailure(
        f"The page has some {count:,} elements, far more than a news article "
        f"(the limit is {MAX_ELEMENTS:,}); it was not read."
    )
