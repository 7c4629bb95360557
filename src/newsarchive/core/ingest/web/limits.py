"""The bounds every saved-page reader keeps: bytes read, DOM size, archive ratios, time per page."""

from __future__ import annotations

# One saved HTML page (a SingleFile page with its photos inlined is the largest honest case).
MAX_HTML_BYTES = 40 * 1024 * 1024
# An MHTML file is read whole (its parts are base64 text); Chromium's pages are a few MB.
MAX_MHTML_BYTES = 100 * 1024 * 1024
# A "print to PDF" article is a few hundred kB; scanned ones run to tens of MB.
MAX_PDF_BYTES = 100 * 1024 * 1024
MAX_PDF_PAGES = 200
# A PDF's extracted text stops here: a printed article is some tens of thousands of characters.
MAX_PDF_TEXT_CHARS = 2_000_000
# One resource (a photo in a `_files/` folder, an MHTML part, a WARC image record).
MAX_RESOURCE_BYTES = 64 * 1024 * 1024
# Elements in one parsed page: news pages have a few thousand; a page past this is not read.
MAX_ELEMENTS = 200_000
# Parts of one MHTML file and records of one WARC that are remembered as resources.
MAX_PARTS = 20_000
MAX_INDEXED_RECORDS = 2_000_000
# A WARC record's payload, as it claims and as read: a saved HTML page is never this large.
MAX_RECORD_BYTES = MAX_HTML_BYTES
# WACZ (a zip): the uncompressed size of one member and its ratio to the compressed size.
MAX_WACZ_MEMBER_BYTES = 50 * 1024**3
MAX_ZIP_RATIO = 200
MAX_WACZ_MEMBERS = 100_000
# Extraction of one page, seconds: a news page takes some 30 ms; past this it is given up.
SECONDS_PER_PAGE = 20.0
