"""A `.mhtml`/`.mht` file (Chromium, Edge, old Internet Explorer): a MIME message whose first HTML
part is the page and whose other parts are its resources, each under its Content-Location."""

from __future__ import annotations

import email
import email.policy
from datetime import UTC, datetime
from email.message import Message
from email.utils import parsedate_to_datetime
from pathlib import Path

from newsarchive.core.errors import ImportFailure
from newsarchive.core.ingest.web.limits import MAX_HTML_BYTES, MAX_MHTML_BYTES, MAX_PARTS, MAX_RESOURCE_BYTES
from newsarchive.core.ingest.web.resources import MappedResources
from newsarchive.core.ingest.web.saved import SavedDocument


def read_mhtml_file(path: Path) -> SavedDocument:
    try:
        with path.open("rb") as handle:
            data = handle.read(MAX_MHTML_BYTES + 1)
    except OSError as exc:
        raise ImportFailure(f"cannot read the file: {exc.strerror or exc}") from exc
    if len(data) > MAX_MHTML_BYTES:
        raise ImportFailure(
            f"The MHTML file is over {MAX_MHTML_BYTES // 2**20} MB, more than a saved article can be; "
            "it was not read."
        )
    return read_mhtml(data, str(path))


def read_mhtml(data: bytes, source: str) -> SavedDocument:
    message = email.message_from_bytes(data, policy=email.policy.compat32)
    if not message.is_multipart():
        raise ImportFailure("The file is not an MHTML web archive (it has no MIME parts); it was not read.")
    page: Message | None = None
    resources: dict[str, bytes] = {}
    for count, part in enumerate(message.walk()):
        if count > MAX_PARTS:
            raise ImportFailure(f"The MHTML file has more than {MAX_PARTS:,} parts; it was not read.")
        if part.is_multipart():
            continue
        content_type = part.get_content_type()
        if content_type == "text/html" and page is None:
            page = part
            continue
        if not content_type.startswith("image/"):
            continue
        payload = _payload(part)
        if payload is None or len(payload) > MAX_RESOURCE_BYTES:
            continue
        location = part.get("Content-Location")
        if location:
            resources[location.strip()] = payload
        content_id = part.get("Content-ID")
        if content_id:
            resources["cid:" + content_id.strip().strip("<>")] = payload
    if page is None:
        raise ImportFailure("The MHTML file holds no HTML page; it was not read.")
    content = _payload(page)
    if not content:
        raise ImportFailure("The MHTML file's page is empty or cannot be decoded; it was not read.")
    if len(content) > MAX_HTML_BYTES:
        raise ImportFailure(
            f"The page inside the MHTML file is over {MAX_HTML_BYTES // 2**20} MB; it was not read."
        )
    url = message.get("Snapshot-Content-Location") or page.get("Content-Location")
    return SavedDocument(
        source=source,
        kind="mhtml",
        content=content,
        original=data,
        original_name="original.mhtml",
        url=url.strip() if url else None,
        captured_at=_date(message.get("Date")),
        charset=page.get_content_charset(),
        resources=MappedResources(resources),
    )


def _payload(part: Message) -> bytes | None:
    try:
        payload = part.get_payload(decode=True)
    except (ValueError, LookupError):
        return None
    return payload if isinstance(payload, bytes) else None


def _date(value: str | None) -> datetime | None:
    if not value:
        return None
    try:
        found = parsedate_to_datetime(value)
    except (TypeError, ValueError, IndexError):
        return None
    # `-0000` (what Chromium writes) means "UTC, zone not known": Python gives a naive time for it,
    # which a record cannot hold.
    return found if found.tzinfo is not None else found.replace(tzinfo=UTC)
