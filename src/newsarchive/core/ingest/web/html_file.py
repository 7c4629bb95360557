"""A saved `.html`/`.htm` file: a browser's "Save Page As" (with its `<stem>_files/` folder) or a
SingleFile page (one file, photos inlined as `data:` URIs, the address in a comment at the top)."""

from __future__ import annotations

import re
from datetime import datetime
from pathlib import Path

from dateutil import parser as date_parser

from newsarchive.core.errors import ImportFailure
from newsarchive.core.ingest.web.limits import MAX_HTML_BYTES
from newsarchive.core.ingest.web.resources import FolderResources
from newsarchive.core.ingest.web.saved import SavedDocument
from newsarchive.core.ingest.web_files import resource_folder

# Browsers name the resource folder after the page, in their own language.
_SINGLEFILE = re.compile(rb"<!--\s*Page saved with SingleFile", re.IGNORECASE)
_SINGLEFILE_URL = re.compile(rb"^\s*url:\s*(\S+)", re.MULTILINE)
_SINGLEFILE_DATE = re.compile(rb"^\s*saved date:\s*([^\r\n]+)", re.MULTILINE)


def read_html_file(path: Path) -> SavedDocument:
    try:
        with path.open("rb") as handle:
            content = handle.read(MAX_HTML_BYTES + 1)
    except OSError as exc:
        raise ImportFailure(f"cannot read the file: {exc.strerror or exc}") from exc
    if len(content) > MAX_HTML_BYTES:
        raise ImportFailure(
            f"The page is over {MAX_HTML_BYTES // 2**20} MB, more than a saved article can be; "
            "it was not read."
        )
    head = content[:4096]
    if _SINGLEFILE.search(head):
        url_match = _SINGLEFILE_URL.search(head)
        return SavedDocument(
            source=str(path),
            kind="singlefile",
            content=content,
            original=content,
            original_name="original.html",
            url=url_match.group(1).decode("utf-8", "replace") if url_match else None,
            captured_at=_singlefile_date(head),
        )
    folder = resource_folder(path)
    return SavedDocument(
        source=str(path),
        kind="html",
        content=content,
        original=content,
        original_name="original.html",
        resources=FolderResources(path, folder),
    )


def _singlefile_date(head: bytes) -> datetime | None:
    match = _SINGLEFILE_DATE.search(head)
    if not match:
        return None
    text = match.group(1).decode("utf-8", "replace").split("(")[0].strip()
    try:
        return date_parser.parse(text.replace("GMT", ""), fuzzy=True)
    except (ValueError, OverflowError):
        return None
