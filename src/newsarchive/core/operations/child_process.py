"""The app's write work (import, rebuild, recovery, corrections, the demo) run in a child process.

Python runs one thread at a time, and some core work holds that lock for long single calls: the
tag-kind knowledge is read with regular expressions over a 16 MB file (~150 ms each, measured),
and a full garbage collection of a large heap takes as long. In a worker thread that is a frozen
window; in a child process the window never waits. The op still runs in a worker thread (see
`gui.tasks.Op`): that thread starts the child, relays its progress and items, passes Cancel on, and
returns its result or raises its error. No Qt is imported here, so the child never loads Qt;
the jobs at the end are the operations the app runs this way.
"""

from __future__ import annotations

import multiprocessing
import queue
import threading
import time
import traceback
from collections.abc import Callable
from pathlib import Path
from typing import Any, TypeVar

from newsarchive.core.errors import NewsarchiveError
from newsarchive.core.progress import CancelToken, ProgressListener

T = TypeVar("T")

# `spawn`, not `fork`: forking a process that runs Qt's threads can deadlock the child.
_CONTEXT = multiprocessing.get_context("spawn")
_POLL_S = 0.1


class ChildFailed(NewsarchiveError):
    """The child process died without an answer (killed, out of memory)."""


class RemoteError(Exception):
    """An unexpected error in the child, with its traceback kept for "details"."""

    def __init__(self, kind: str, message: str, details: str) -> None:
        super().__init__(f"{kind}: {message}")
        self.details = details


def run_in_child(
    job: Callable[..., T],
    *args: Any,
    progress: ProgressListener,
    cancel: CancelToken,
    on_item: Callable[[Any], None] | None = None,
) -> T:
    """Run `job(*args, progress=, cancel=, on_item=)` in a child process and return its result.

    Called from a worker thread. Errors the core raises on purpose come back as themselves;
    anything else as `RemoteError` carrying the child's traceback. Cancel reaches the child's
    `CancelToken`; the child always ends before this returns.
    """
    messages = _CONTEXT.Queue()
    # A shared flag, polled by the child: an `Event` waited on in a child that then exits leaves
    # its condition counting a sleeper that never wakes, and `set()` here would block forever.
    stop = _CONTEXT.Value("b", 0, lock=False)
    process = _CONTEXT.Process(
        target=_child_main, args=(job, args, messages, stop, on_item is not None),
        # Not a daemon: the bulk index writer starts processes of its own, which a daemon may not.
        name="newsarchive-child", daemon=False,
    )
    process.start()
    try:
        while True:
            if cancel.cancelled:
                stop.value = 1
            try:
                kind, payload = messages.get(timeout=_POLL_S)
            except queue.Empty:
                if not process.is_alive():
                    raise ChildFailed(
                        f"The work stopped unexpectedly (the worker process ended with status "
                        f"{process.exitcode}); the library is left consistent, try again."
                    ) from None
                continue
            if kind == "progress":
                progress(*payload)
            elif kind == "item" and on_item is not None:
                on_item(payload)
            elif kind == "result":
                return payload  # type: ignore[no-any-return]
            elif kind == "error":
                raise payload
    finally:
        stop.value = 1
        process.join(timeout=30)
        if process.is_alive():
            process.kill()
            process.join()
        messages.close()
        messages.join_thread()


def _child_main(
    job: Callable[..., Any], args: tuple[Any, ...], messages: Any, stop: Any, wants_items: bool
) -> None:
    token = CancelToken()

    def watch() -> None:
        while not stop.value:
            time.sleep(_POLL_S / 2)
        token.cancel()

    threading.Thread(target=watch, daemon=True).start()

    def progress(done: int, total: int | None, message: str) -> None:
        messages.put(("progress", (done, total, message)))

    def item(value: Any) -> None:
        messages.put(("item", value))

    try:
        result = job(*args, progress=progress, cancel=token, on_item=item if wants_items else None)
    except NewsarchiveError as exc:
        messages.put(("error", exc))
    except BaseException as exc:
        messages.put(("error", RemoteError(type(exc).__name__, str(exc), traceback.format_exc())))
    else:
        messages.put(("result", result))
    messages.close()
    messages.join_thread()


# -- the jobs (module level, so the child can import them) -------------------------------------


def import_job(
    library_path: Path, paths: tuple[Path, ...], *, progress: ProgressListener,
    cancel: CancelToken, on_item: Callable[[Any], None] | None,
) -> Any:
    from newsarchive.core.operations.importing import import_paths
    from newsarchive.core.storage.library import Library

    return import_paths(Library.open(library_path), paths, progress, cancel, on_item=on_item)


def recover_job(
    library_path: Path, *, progress: ProgressListener, cancel: CancelToken,
    on_item: Callable[[Any], None] | None,
) -> list[str]:
    from newsarchive.core.operations.recovery import recover
    from newsarchive.core.storage.library import Library

    return recover(Library.open(library_path)).messages()


def rebuild_job(
    library_path: Path, *, progress: ProgressListener, cancel: CancelToken,
    on_item: Callable[[Any], None] | None,
) -> Any:
    from newsarchive.core.operations.rebuild import rebuild_index
    from newsarchive.core.storage.library import Library

    return rebuild_index(Library.open(library_path), progress, cancel)


def tag_kind_job(
    library_path: Path, tag: str, kind: str, *, progress: ProgressListener,
    cancel: CancelToken, on_item: Callable[[Any], None] | None,
) -> int:
    from newsarchive.core.operations.tag_kind_correction import set_tag_kind
    from newsarchive.core.storage.library import Library

    return set_tag_kind(Library.open(library_path), tag, kind, progress, cancel)


def demo_job(
    target: Path, sample: Path, *, progress: ProgressListener, cancel: CancelToken,
    on_item: Callable[[Any], None] | None,
) -> Path:
    from newsarchive.core.operations.demo import build_demo

    return build_demo(target, sample, progress, cancel)


def edit_job(
    library_path: Path, ids: tuple[str, ...], edit: Any, *, progress: ProgressListener,
    cancel: CancelToken, on_item: Callable[[Any], None] | None,
) -> tuple[int, str | None]:
    """`editing.edit_articles`: the number of articles edited (the records stay in the child:
    sending 5,000 of them back would cost more than reading the few the window shows), and what
    Undo now takes back (see `last_change_job`)."""
    from newsarchive.core.operations.editing import edit_articles
    from newsarchive.core.operations.undo import last_change
    from newsarchive.core.storage.library import Library

    library = Library.open(library_path)
    return len(edit_articles(library, ids, edit, progress)), last_change(library)


def rename_job(
    library_path: Path, field_name: str, old: str, new: str, *, progress: ProgressListener,
    cancel: CancelToken, on_item: Callable[[Any], None] | None,
) -> tuple[int, str | None]:
    """`renaming.rename_value`: the number of articles changed, and what Undo now takes back."""
    from newsarchive.core.operations.renaming import rename_value
    from newsarchive.core.operations.undo import last_change
    from newsarchive.core.storage.library import Library

    library = Library.open(library_path)
    return rename_value(library, field_name, old, new, progress), last_change(library)


def undo_job(
    library_path: Path, *, progress: ProgressListener, cancel: CancelToken,
    on_item: Callable[[Any], None] | None,
) -> tuple[Any, str | None]:
    """`undo.undo_last`: what was taken back, and what Undo takes back next."""
    from newsarchive.core.operations.undo import last_change, undo_last
    from newsarchive.core.storage.library import Library

    library = Library.open(library_path)
    return undo_last(library, progress), last_change(library)


def last_change_job(
    library_path: Path, *, progress: ProgressListener, cancel: CancelToken,
    on_item: Callable[[Any], None] | None,
) -> str | None:
    """What Undo would take back. In a child because the undo entry of a bulk change holds every
    article's before and after (megabytes of YAML, parsed in one long call that holds the
    interpreter lock: 300-900 ms of frozen window when read in a thread, measured at 100k). The
    jobs above answer it with their result, so a correction costs no second process."""
    from newsarchive.core.operations.undo import last_change
    from newsarchive.core.storage.library import Library

    return last_change(Library.open(library_path))
