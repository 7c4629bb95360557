"""One saved document -> a SavedPage (record fields, lead photo, original bytes) or a failure.

The extraction half (`extract_content`) runs anywhere, a pool worker included: it takes and
returns only plain values. The photo half (`finish`) runs where the document's resources are.
"""

from __future__ import annotations

import signal
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import replace
from datetime import date, datetime
from types import FrameType

from newsarchive.core.errors import ImportFailure
from newsarchive.core.ingest.web.extract import extract_html
from newsarchive.core.ingest.web.limits import SECONDS_PER_PAGE
from newsarchive.core.ingest.web.pdf import read_pdf
from newsarchive.core.ingest.web.resources import find_photo
from newsarchive.core.ingest.web.saved import PageFailure, SavedDocument, SavedPage
from newsarchive.core.model import ParsedPage, ParseWarning

# What a worker sends back: the page and its photo addresses, or the reason it failed.
Extracted = tuple[ParsedPage, tuple[str, ...]] | str
Job = tuple[str, bytes, str | None, str | None, date | None]


class _OverTime(Exception):
    pass


def job_of(document: SavedDocument) -> Job:
    """The plain values a worker needs to extract `document`."""
    captured = document.captured_at.date() if isinstance(document.captured_at, datetime) else None
    return (document.kind, document.content, document.url, document.charset, captured)


def extract_content(job: Job, seconds: float = SECONDS_PER_PAGE) -> Extracted:
    """Run the extraction of one job; a failure comes back as its reason (a sentence)."""
    kind, content, url, charset, captured = job
    try:
        with _time_limit(seconds):
            if kind == "pdf":
                return read_pdf(content), ()
            extraction = extract_html(content, url=url, charset=charset, captured=captured)
            return extraction.page, extraction.photo_addresses
    except ImportFailure as exc:
        return str(exc)
    except _OverTime:
        return f"Extracting the page took more than {seconds:.0f} seconds; it was given up."
    except RecursionError:
        return "The page is nested too deeply to read."
    except MemoryError:
        return "The page needs more memory to read than an article can; it was given up."
    except Exception as exc:  # an extractor bug must cost one page, not the import
        return (
            f"The page could not be extracted (internal error {type(exc).__name__}: {str(exc)[:160]}); "
            "please report it."
        )


def finish(document: SavedDocument, extracted: Extracted) -> SavedPage | PageFailure:
    """The SavedPage for `document`: its address filled in, its lead photo read from the resources
    saved with it (never from the network)."""
    if isinstance(extracted, str):
        return PageFailure(document.source, extracted, document.url)
    page, addresses = extracted
    if page.url is None and document.url:
        page = replace(page, url=document.url)
    photo, problem = find_photo(
        addresses, document.resources, (document.url, page.url), page.photo_caption, page.photo_credit
    )
    if problem and page.photo_caption:
        page = replace(page, warnings=(*page.warnings, ParseWarning(f"photo not kept: {problem}")))
    return SavedPage(
        source=document.source,
        kind=document.kind,
        original=document.original,
        original_name=document.original_name,
        page=page,
        photos=(photo,) if photo is not None else (),
        url=page.url or document.url,
        captured_at=document.captured_at,
    )


def extract_document(document: SavedDocument) -> SavedPage | PageFailure:
    """Extract one document in this process (the pool in `pool.py` does many on every core)."""
    return finish(document, extract_content(job_of(document)))


@contextmanager
def _time_limit(seconds: float) -> Iterator[None]:
    """Stop the work after `seconds` (an alarm: only in a process's main thread; elsewhere the
    pool's watchdog is the bound)."""
    if threading.current_thread() is not threading.main_thread() or not hasattr(signal, "setitimer"):
        yield
        return

    def over(signum: int, frame: FrameType | None) -> None:
        raise _OverTime

    previous = signal.signal(signal.SIGALRM, over)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)
