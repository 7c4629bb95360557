"""Background ops: results, errors and progress arrive on the GUI thread; writes never overlap."""

from __future__ import annotations

import threading
import time

from newsarchive.core.errors import Cancelled, LibraryError
from newsarchive.gui.qt import QThread
from newsarchive.gui.tasks import Failure, Op, TaskRunner


def _gui_thread() -> QThread:
    from newsarchive.gui.qt import QCoreApplication

    return QCoreApplication.instance().thread()


def test_success_and_progress_arrive_on_the_gui_thread(qtbot, runner: TaskRunner) -> None:
    seen: list[tuple[str, object, bool]] = []
    worker_threads: list[str] = []

    def work(progress, cancel) -> int:
        worker_threads.append(threading.current_thread().name)
        for i in range(1, 101):
            progress(i, 100, f"item {i}")
        return 42

    Op(
        runner, work,
        success=lambda v: seen.append(("success", v, QThread.currentThread() is _gui_thread())),
        progress=lambda d, t, m: seen.append(("progress", d, QThread.currentThread() is _gui_thread())),
    ).run_in_background()
    qtbot.waitUntil(lambda: any(kind == "success" for kind, _, _ in seen), timeout=5000)
    assert worker_threads[0].startswith("newsarchive-read")
    assert seen[-1] == ("success", 42, True)
    progress = [v for kind, v, _ in seen if kind == "progress"]
    # Coalesced: fewer deliveries than reports, the last one always the final figure.
    assert 1 <= len(progress) <= 100
    assert progress[-1] == 100
    assert all(on_gui for _, _, on_gui in seen)


def test_an_error_becomes_a_failure_with_a_traceback(qtbot, runner: TaskRunner) -> None:
    failures: list[Failure] = []

    def work(progress, cancel) -> None:
        raise LibraryError("The library at /x is damaged.")

    Op(runner, work, success=lambda _v: None, failure=failures.append).run_in_background()
    qtbot.waitUntil(lambda: bool(failures), timeout=5000)
    assert failures[0].message == "The library at /x is damaged."
    assert "Traceback" in failures[0].details
    assert not failures[0].cancelled


def test_cancel_stops_the_op_cleanly(qtbot, runner: TaskRunner) -> None:
    failures: list[Failure] = []
    started = threading.Event()
    steps: list[int] = []

    def work(progress, cancel) -> None:
        started.set()
        for i in range(1000):
            cancel.raise_if_cancelled()
            steps.append(i)
            time.sleep(0.005)

    op = Op(runner, work, success=lambda _v: None, failure=failures.append)
    op.run_in_background()
    assert started.wait(5)
    op.cancel()
    qtbot.waitUntil(lambda: bool(failures), timeout=5000)
    assert failures[0].cancelled
    assert isinstance(failures[0].error, Cancelled)
    assert len(steps) < 1000


def test_writes_run_one_at_a_time(qtbot, runner: TaskRunner) -> None:
    running = 0
    most = 0
    lock = threading.Lock()
    done: list[int] = []

    def work(n: int):
        def op(progress, cancel) -> int:
            nonlocal running, most
            with lock:
                running += 1
                most = max(most, running)
            time.sleep(0.02)
            with lock:
                running -= 1
            return n

        return op

    for n in range(4):
        Op(runner, work(n), success=done.append, lane="write").run_in_background()
    qtbot.waitUntil(lambda: len(done) == 4, timeout=5000)
    assert most == 1
    assert done == [0, 1, 2, 3]


def test_shutdown_cancels_running_work_and_joins_threads(qtbot) -> None:
    runner = TaskRunner()
    started = threading.Event()

    def work(progress, cancel) -> None:
        started.set()
        while not cancel.cancelled:
            time.sleep(0.01)
        cancel.raise_if_cancelled()

    Op(runner, work, success=lambda _v: None, failure=lambda _f: None, lane="write").run_in_background()
    assert started.wait(5)
    runner.shutdown()
    assert not any(t.name.startswith("newsarchive-") for t in threading.enumerate())
