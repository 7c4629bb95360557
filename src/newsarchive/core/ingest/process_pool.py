"""Processes for the importer's reading work: spawned, deaf to Ctrl+C, results in input order.

Workers are spawned, not forked: the importing process may be the app, whose threads a fork would
copy. (So, as with any spawned process, a script that imports must guard its entry point with
`if __name__ == "__main__":`; without it the script's top level runs again in the worker, which
then fails to start, and the work is done in the importing process.) They ignore SIGINT, which
the terminal sends to the whole process group: the importing process alone answers Ctrl+C (it
keeps what was stored and ends its workers), so the workers print no tracebacks of their own.
"""

from __future__ import annotations

import multiprocessing
import signal
import time
from collections.abc import Callable, Generator, Iterable
from multiprocessing.connection import Connection
from multiprocessing.pool import Pool
from typing import TypeVar, cast

Item = TypeVar("Item")
Result = TypeVar("Result")

# How often a wait for a result looks whether the worker is still alive.
_LOOK_EVERY = 0.2


def new_pool(workers: int, tasks_per_worker: int | None = None) -> Pool:
    """A pool of `workers` spawned processes, each replaced after `tasks_per_worker` tasks."""
    return multiprocessing.get_context("spawn").Pool(
        workers, initializer=_ignore_interrupts, maxtasksperchild=tasks_per_worker)


def _ignore_interrupts() -> None:
    signal.signal(signal.SIGINT, signal.SIG_IGN)


class WorkerLost(Exception):
    """The worker process ended, or took longer than its limit, before giving a result."""


def in_a_worker(
    function: Callable[[Item], Result],
    items: Iterable[Item],
    *,
    ahead: int,
    limit: float,
) -> Generator[Result, None, None]:
    """`function` of each item, computed in one spawned worker process and yielded in order, with
    at most `ahead` items sent before their results are taken (memory stays bounded however
    slowly they are). `function` must be importable by name. Raises `WorkerLost` when the worker
    cannot start, dies or takes more than `limit` seconds for a result; the results before it were
    all yielded.
    Closing the generator ends the worker."""
    context = multiprocessing.get_context("spawn")
    tasks_out, tasks_in = context.Pipe(duplex=False)
    results_out, results_in = context.Pipe(duplex=False)
    worker = context.Process(target=_serve, args=(function, tasks_out, results_in), daemon=True)
    try:
        worker.start()
    except Exception as exc:  # no process to be had (a daemonic parent, a limit reached)
        for end in (tasks_out, tasks_in, results_out, results_in):
            end.close()
        raise WorkerLost(f"the worker process could not start ({exc})") from exc
    tasks_out.close()
    results_in.close()
    sent = 0
    source = iter(items)
    exhausted = False
    try:
        while True:
            while not exhausted and sent < ahead:
                try:
                    tasks_in.send(next(source))
                    sent += 1
                except StopIteration:
                    exhausted = True
            if not sent:
                return
            succeeded, value = _next_result(results_out, worker, limit)
            sent -= 1
            if not succeeded and isinstance(value, BaseException):
                raise value
            yield cast(Result, value)  # what `function` returned, through a pipe
    except (BrokenPipeError, EOFError):  # the worker's end of a pipe closed: it ended
        worker.join(timeout=_LOOK_EVERY)
        raise _ended(worker) from None
    finally:
        tasks_in.close()
        results_out.close()
        worker.kill()
        worker.join()


def _next_result(results: Connection, worker: multiprocessing.process.BaseProcess,
                 limit: float) -> tuple[bool, object]:
    deadline = time.monotonic() + limit
    while not results.poll(_LOOK_EVERY):
        if not worker.is_alive():
            raise _ended(worker)
        if time.monotonic() > deadline:
            raise WorkerLost(f"the worker process gave no result in {limit:.0f} seconds")
    received: tuple[bool, object] = results.recv()
    return received


def _ended(worker: multiprocessing.process.BaseProcess) -> WorkerLost:
    return WorkerLost(f"the worker process ended (exit status {worker.exitcode})")


def _serve(function: Callable[[object], object], tasks: Connection, results: Connection) -> None:
    """The worker's loop: a result (or the exception raised) for each task, until the importing
    process closes its end."""
    _ignore_interrupts()
    while True:
        try:
            item = tasks.recv()
        except EOFError:
            return
        try:
            results.send((True, function(item)))
        except Exception as exc:  # sent back, raised in the importing process
            results.send((False, exc))
