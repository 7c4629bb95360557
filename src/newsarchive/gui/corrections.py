"""Running the user's corrections (edits, renames, undo) off the GUI thread, one at a time on the
write lane, and showing the library again afterwards.

Where each one runs (measured, see docs/benchmarks.md "Desktop app"): an edit of a few articles
takes ~55 ms of plain Python, which yields the interpreter lock every few milliseconds, so it runs
on the write lane's thread and is done before a child process (0.5-1 s to start) would have
begun. A bulk edit, a rename (which may touch the whole library) and an undo (which may take back
either) run in a child process, so no long call can hold the lock the window needs.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING, Any

from newsarchive.core.operations.child_process import (
    edit_job,
    last_change_job,
    rename_job,
    run_in_child,
    undo_job,
)
from newsarchive.core.operations.editing import ArticleEdit, edit_articles
from newsarchive.core.operations.undo import Undone, last_change
from newsarchive.core.progress import CancelToken, ProgressListener
from newsarchive.core.storage.library import Library
from newsarchive.gui.errors import show_failure
from newsarchive.gui.qt import QObject, Signal
from newsarchive.gui.tasks import Failure, Op
from newsarchive.gui.work_dialog import WorkDialog

if TYPE_CHECKING:
    from newsarchive.gui.main_window import MainWindow

# Edits of up to this many articles run on the write lane's thread; more in a child process.
IN_THREAD_EDIT_LIMIT = 50


def _articles(n: int) -> str:
    return f"{n:,} article" + ("" if n == 1 else "s")


class Corrections(QObject):
    """Edits, renames and undo for one window; `changed(summary)` after each one that worked."""

    changed = Signal(str)
    undo_label_changed = Signal(object)  # str (what Undo would take back) or None

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window = window
        self.busy = False
        self.dialogs: list[object] = []
        self._label_asked = False
        self._label_again = False
        self._label_known = False
        window.library_changed.connect(lambda _library: self.update_undo_label())
        window.library_refreshed.connect(self.update_undo_label)

    # -- what the menus call -----------------------------------------------------------------

    def edit(self, ids: Sequence[str], edit: ArticleEdit) -> WorkDialog[Any] | None:
        """Apply `edit` to `ids`; a progress dialog only for a bulk edit (returned)."""
        library = self._writable()
        if library is None or not ids or not edit:
            return None
        ids = tuple(ids)
        if len(ids) <= IN_THREAD_EDIT_LIMIT:
            def work(progress: ProgressListener, _cancel: CancelToken) -> tuple[int, str | None]:
                # The undo entry of a few articles is small: reading it here holds nothing up.
                return len(edit_articles(library, ids, edit, progress)), last_change(library)

            self._run_quietly(work, lambda n: f"Corrected {_articles(n)}.", "Cannot correct the article")
            return None

        def in_child(progress: ProgressListener, cancel: CancelToken) -> tuple[int, str | None]:
            return run_in_child(edit_job, library.path, ids, edit, progress=progress, cancel=cancel)

        return self._run_with_dialog(f"Correcting {_articles(len(ids))}", in_child,
                                     lambda n: f"Corrected {_articles(n)}.")

    def rename(self, kind: str, old: str, new: str) -> WorkDialog[Any] | None:
        library = self._writable()
        if library is None:
            return None

        def work(progress: ProgressListener, cancel: CancelToken) -> tuple[int, str | None]:
            return run_in_child(rename_job, library.path, kind, old, new, progress=progress, cancel=cancel)

        return self._run_with_dialog(
            f"Renaming the {kind} “{old}”", work,
            lambda n: f"The {kind} “{old}” is now “{new}” in {_articles(n)}. Edit ▸ Undo takes it back.",
        )

    def undo(self) -> WorkDialog[Any] | None:
        library = self._writable()
        if library is None:
            return None

        def work(progress: ProgressListener, cancel: CancelToken) -> tuple[Undone, str | None]:
            return run_in_child(undo_job, library.path, progress=progress, cancel=cancel)

        return self._run_with_dialog(
            "Undo", work,
            lambda done: f"Took back the {done.reverted}; {_articles(done.changed)} changed again.",
        )

    def update_undo_label(self) -> None:
        """Ask what Undo would take back, in a child process (see `last_change_job`: read in a
        thread, a bulk change's undo entry froze the window for up to a second)."""
        library = self.window.library
        if library is None or library.read_only:
            self.undo_label_changed.emit(None)
            return
        if self._label_known:
            self._label_known = False  # the correction just made said it (see `_finished`)
            return
        if self._label_asked:
            self._label_again = True  # one more look once the current one answers
            return
        self._label_asked = True

        def work(progress: ProgressListener, cancel: CancelToken) -> str | None:
            return run_in_child(last_change_job, library.path, progress=progress, cancel=cancel)

        def answered(what: str | None) -> None:
            self._label_asked = False
            if library is self.window.library:
                self.undo_label_changed.emit(what)
            if self._label_again:
                self._label_again = False
                self.update_undo_label()

        def failed(_failure: Failure) -> None:
            self._label_asked = False

        Op(self.window.runner, work, success=answered, failure=failed, lane="read").run_in_background()

    # -- running -----------------------------------------------------------------------------

    def _writable(self) -> Library | None:
        library = self.window.library
        if library is None or library.read_only:
            return None
        return library

    def _run_quietly(self, work: Callable[[ProgressListener, CancelToken], Any],
                     said: Callable[[Any], str], title: str) -> None:
        library = self.window.library
        self.busy = True
        self.window.statusBar().showMessage("Saving the correction…")

        def done(result: tuple[Any, str | None]) -> None:
            self._finished(library, said(result[0]), result[1])

        def failed(failure: Failure) -> None:
            self.busy = False
            self.window.statusBar().clearMessage()
            show_failure(self.window, title, failure)
            self.window.refresh()

        Op(self.window.runner, work, success=done, failure=failed, lane="write").run_in_background()

    def _run_with_dialog(self, title: str, work: Callable[[ProgressListener, CancelToken], Any],
                         said: Callable[[Any], str]) -> WorkDialog[Any]:
        library = self.window.library
        self.busy = True
        dialog: WorkDialog[Any] = WorkDialog(self.window.runner, title, work, lane="write",
                                             parent=self.window)

        def done(result: tuple[Any, str | None]) -> None:
            text = said(result[0])
            dialog.message.setText(text)
            self._finished(library, text, result[1])

        def failed(_failure: Failure) -> None:
            self.busy = False
            # Nothing was changed, or (cancelled tag-kind work) a part that is now indexed.
            self.window.refresh()

        dialog.succeeded.connect(done)
        dialog.failed.connect(failed)
        self.dialogs.append(dialog)
        dialog.finished.connect(lambda _r=0: self.dialogs.remove(dialog) if dialog in self.dialogs else None)
        dialog.start()
        return dialog

    def _finished(self, library: Library | None, text: str, undo_label: str | None) -> None:
        self.busy = False
        if library is not self.window.library:
            return
        self.undo_label_changed.emit(undo_label)
        self._label_known = True
        self.window.statusBar().showMessage(text, 10_000)
        self.window.refresh()  # and, once searched again, the Undo label (`library_refreshed`)
        self.changed.emit(text)
