"""Extracting many saved pages on every core: a process pool fed in order, results in order.

Workers get plain values (the HTML or PDF bytes, address, charset, capture day) and send back the
page and its photo addresses; photos are read in this process, from the resources saved with each
page. A worker stuck past the time limit (in C code an alarm cannot stop) is killed with its pool,
its page reported as failed, and the other pages in flight are sent again to a fresh pool.
"""

from __future__ import annotations

import multiprocessing
import os
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from multiprocessing.pool import AsyncResult, Pool

from newsarchive.core.errors import Cancelled
from newsarchive.core.ingest.process_pool import new_pool
from newsarchive.core.ingest.web.limits import SECONDS_PER_PAGE
from newsarchive.core.ingest.web.pages import Extracted, Job, extract_content, finish, job_of
from newsarchive.core.ingest.web.saved import PageFailure, SavedDocument, SavedPage
from newsarchive.core.progress import CancelToken

# A worker is replaced after this many pages, so a leak in a parser costs nothing over a long import.
_TASKS_PER_WORKER = 2000
# The pool's own bound, past the workers' alarm: for work stuck where the alarm cannot reach.
_HARD_LIMIT = SECONDS_PER_PAGE * 2 + 10


def default_workers() -> int:
    return max(1, len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count() or 1)


def extract_documents(
    documents: Iterable[SavedDocument | PageFailure],
    workers: int | None = None,
    cancel: CancelToken | None = None,
    hard_limit: float = _HARD_LIMIT,
    extract: Callable[[Job], Extracted] = extract_content,
) -> Iterator[SavedPage | PageFailure]:
    """Each document extracted, in input order (failures passed through in place); `workers=1`
    extracts in this process. Memory stays bounded: a few pages per worker are in flight.
    `extract` must be importable by name (the workers are spawned); tests pass their own."""
    count = workers or default_workers()
    if count <= 1:
        for item in documents:
            _check(cancel)
            yield item if isinstance(item, PageFailure) else finish(item, extract(job_of(item)))
        return
    window = count * 3
    pool = _new_pool(count)
    pending: deque[tuple[SavedDocument | PageFailure, AsyncResult[Extracted] | None]] = deque()
    try:
        source = iter(documents)
        exhausted = False
        while True:
            while not exhausted and len(pending) < window:
                incoming = next(source, None)
                if incoming is None:
                    exhausted = True
                elif isinstance(incoming, PageFailure):
                    pending.append((incoming, None))
                else:
                    pending.append((incoming, pool.apply_async(extract, (job_of(incoming),))))
            if not pending:
                return
            _check(cancel)
            item, result = pending.popleft()
            if isinstance(item, PageFailure):
                yield item
                continue
            assert result is not None  # every document was sent to the pool
            try:
                extracted = result.get(timeout=hard_limit)
            except multiprocessing.TimeoutError:
                pool.terminate()
                pool.join()
                pool = _new_pool(count)
                pending = deque(
                    (
                        other,
                        None
                        if isinstance(other, PageFailure)
                        else pool.apply_async(extract, (job_of(other),)),
                    )
                    for other, _ in pending
                )
                extracted = f"Extracting the page took more than {hard_limit:.0f} seconds; it was given up."
            yield finish(item, extracted)
    finally:
        pool.terminate()
        pool.join()


def _new_pool(count: int) -> Pool:
    return new_pool(count, _TASKS_PER_WORKER)


def _check(cancel: CancelToken | None) -> None:
    if cancel is not None and cancel.cancelled:
        raise Cancelled("Extraction of saved pages was cancelled.")
