"""Process pools for the importer's reading work: spawned, deaf to Ctrl+C, results in input order.

Workers are spawned, not forked: the importing process may be the app, whose threads a fork would
copy. They ignore SIGINT, which the terminal sends to the whole process group: the importing
process alone answers Ctrl+C (it keeps what was stored and ends the pool), so the workers print
no tracebacks of their own.
"""

from __future__ import annotations

import multiprocessing
import signal
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from multiprocessing.pool import AsyncResult, Pool
from typing import TypeVar

Item = TypeVar("Item")
Result = TypeVar("Result")


def new_pool(workers: int, tasks_per_worker: int | None = None) -> Pool:
    """A pool of `workers` spawned processes, each replaced after `tasks_per_worker` tasks."""
    return multiprocessing.get_context("spawn").Pool(
        workers, initializer=_ignore_interrupts, maxtasksperchild=tasks_per_worker)


def _ignore_interrupts() -> None:
    signal.signal(signal.SIGINT, signal.SIG_IGN)


class PoolStalled(Exception):
    """A task took longer than the caller's limit (its worker stuck, or gone)."""


def in_order(
    pool: Pool,
    function: Callable[[Item], Result],
    items: Iterable[Item],
    *,
    in_flight: int,
    limit: float,
) -> Iterator[Result]:
    """`function` of each item, computed in `pool` and yielded in input order, with at most
    `in_flight` items sent ahead (memory stays bounded however slowly the results are taken).
    `function` must be importable by name. Raises `PoolStalled` when a result takes more than
    `limit` seconds; a worker that died leaves its task unanswered, so that is the one bound."""
    pending: deque[AsyncResult[Result]] = deque()
    source = iter(items)
    exhausted = False
    while True:
        while not exhausted and len(pending) < in_flight:
            try:
                item = next(source)
            except StopIteration:
                exhausted = True
            else:
                pending.append(pool.apply_async(function, (item,)))
        if not pending:
            return
        try:
            yield pending.popleft().get(timeout=limit)
        except multiprocessing.TimeoutError:
            raise PoolStalled(f"a task took more than {limit:.0f} seconds") from None
