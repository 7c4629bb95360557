"""Long work off the GUI thread: one entry point (`Op`) and three lanes, each one thread.

In the style of Anki's `QueryOp`: the op runs in a worker thread and never touches a widget; its
result, its error and its progress come back as calls on the GUI thread. Each lane is a
single-worker queue: `search` (the window's searcher lives there), `read` (long read-only work:
export, check, statistics, previews, so a long export never delays a search) and `write` (import,
rebuild, tag-kind correction: two writes never run at once).
"""

from __future__ import annotations

import threading
import traceback
from collections.abc import Callable
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass
from typing import Any, Generic, Literal, TypeVar

from newsarchive.core.errors import Cancelled
from newsarchive.core.progress import CancelToken, ProgressListener
from newsarchive.gui.qt import QObject, Signal

T = TypeVar("T")
Lane = Literal["search", "read", "write"]
LANES: tuple[Lane, ...] = ("search", "read", "write")

@dataclass(frozen=True, slots=True)
class Failure:
    """An op's error as the GUI shows it: the sentence for the user and the traceback for "details"."""

    error: BaseException
    details: str

    @property
    def message(self) -> str:
        return str(self.error) or type(self.error).__name__

    @property
    def cancelled(self) -> bool:
        return isinstance(self.error, Cancelled)


class _Mailbox(QObject):
    """Lives on the GUI thread; a signal emitted from a worker reaches it through the event loop."""

    posted = Signal(object)

    def __init__(self) -> None:
        super().__init__()
        self.posted.connect(self._run)

    def _run(self, closure: Callable[[], None]) -> None:
        closure()


class TaskRunner:
    """Owns the worker threads of one window; `shutdown()` cancels what is queued and joins them."""

    def __init__(self) -> None:
        self._mailbox = _Mailbox()
        self._lanes = {
            lane: ThreadPoolExecutor(max_workers=1, thread_name_prefix=f"newsarchive-{lane}")
            for lane in LANES
        }
        self._tokens: set[CancelToken] = set()
        self._lock = threading.Lock()
        self._pending = 0
        self._closed = False

    def run_on_gui(self, closure: Callable[[], None]) -> None:
        """Call `closure` on the GUI thread (safe from any thread)."""
        if not self._closed:
            self._mailbox.posted.emit(closure)

    def submit(self, fn: Callable[[], Any], *, lane: Lane) -> Future[Any]:
        executor = self._lanes[lane]
        with self._lock:
            if self._closed:
                # The window is going away; a repaint asking for a page then is not work to do.
                dropped: Future[Any] = Future()
                dropped.cancel()
                return dropped
            self._pending += 1
        future = executor.submit(fn)
        future.add_done_callback(self._one_done)
        return future

    def _one_done(self, _future: Future[Any]) -> None:
        with self._lock:
            self._pending -= 1

    @property
    def busy(self) -> bool:
        with self._lock:
            return self._pending > 0

    def track(self, token: CancelToken) -> None:
        with self._lock:
            self._tokens.add(token)

    def untrack(self, token: CancelToken) -> None:
        with self._lock:
            self._tokens.discard(token)

    def shutdown(self) -> None:
        """Cancel running ops, drop queued ones and join every worker thread."""
        with self._lock:
            tokens = list(self._tokens)
        for token in tokens:
            token.cancel()
        with self._lock:
            self._closed = True
        for executor in self._lanes.values():
            executor.shutdown(wait=True, cancel_futures=True)


class Op(Generic[T]):
    """One piece of long work: `op(progress, cancel) -> T` in a worker, everything else on the GUI.

    `success(result)`, `failure(Failure)` and `progress(done, total, message)` are called on the GUI
    thread; a cancelled op reports a `Failure` whose `cancelled` is True. Progress is coalesced: a
    2k-file import reports 2k times, but only one delivery waits in the event loop at a time and it
    shows the newest figures, so a fast op cannot flood the GUI thread.
    """

    def __init__(
        self,
        runner: TaskRunner,
        op: Callable[[ProgressListener, CancelToken], T],
        *,
        success: Callable[[T], Any],
        failure: Callable[[Failure], Any] | None = None,
        progress: Callable[[int, int | None, str], Any] | None = None,
        lane: Lane = "read",
    ) -> None:
        self._runner = runner
        self._op = op
        self._success = success
        self._failure = failure
        self._progress = progress
        self._lane = lane
        self.cancel_token = CancelToken()
        self._latest: tuple[int, int | None, str] | None = None
        self._progress_lock = threading.Lock()
        self._progress_queued = False

    def cancel(self) -> None:
        self.cancel_token.cancel()

    def run_in_background(self) -> Future[Any]:
        self._runner.track(self.cancel_token)
        future = self._runner.submit(self._work, lane=self._lane)
        if future.cancelled():
            self._runner.untrack(self.cancel_token)
        return future

    # -- worker side -------------------------------------------------------------------------

    def _work(self) -> None:
        try:
            self.cancel_token.raise_if_cancelled()
            result = self._op(self._report, self.cancel_token)
        except BaseException as exc:
            # An error from a child process brings its own traceback (see `core.operations.child_process`).
            failure = Failure(exc, getattr(exc, "details", "") or traceback.format_exc())
            self._runner.run_on_gui(lambda: self._finish_failure(failure))
            if not isinstance(exc, Exception):
                raise
        else:
            self._runner.run_on_gui(lambda: self._finish_success(result))
        finally:
            self._runner.untrack(self.cancel_token)

    def _report(self, done: int, total: int | None, message: str) -> None:
        if self._progress is None:
            return
        with self._progress_lock:
            self._latest = (done, total, message)
            if self._progress_queued:
                return
            self._progress_queued = True
        self._runner.run_on_gui(self._deliver_progress)

    # -- GUI side ----------------------------------------------------------------------------

    def _deliver_progress(self) -> None:
        with self._progress_lock:
            latest, self._latest = self._latest, None
            self._progress_queued = False
        if latest is not None and self._progress is not None:
            self._progress(*latest)

    def _finish_success(self, result: T) -> None:
        self._deliver_progress()
        self._success(result)

    def _finish_failure(self, failure: Failure) -> None:
        self._deliver_progress()
        if self._failure is not None:
            self._failure(failure)
        else:
            raise failure.error
