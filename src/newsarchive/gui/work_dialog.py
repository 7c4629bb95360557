"""A dialog for one piece of long work: what it is doing, a progress bar, Cancel, then the outcome."""

from __future__ import annotations

from collections.abc import Callable
from typing import Generic, TypeVar

from newsarchive.core.errors import NewsarchiveError
from newsarchive.core.progress import CancelToken, ProgressListener
from newsarchive.gui.errors import failure_text, log
from newsarchive.gui.qt import (
    QCloseEvent,
    QDialog,
    QDialogButtonBox,
    QGuiApplication,
    QLabel,
    QPlainTextEdit,
    QProgressBar,
    Qt,
    QVBoxLayout,
    QWidget,
    Signal,
)
from newsarchive.gui.tasks import Failure, Lane, Op, TaskRunner

T = TypeVar("T")


class WorkDialog(QDialog, Generic[T]):
    """Runs `op` through the runner; `finished_with(result)` or `failed_with(Failure)` at the end.

    The window stays usable while it runs (the dialog is not application-modal). Closing the dialog
    while the work runs asks it to cancel; the dialog closes itself once the work has stopped.
    """

    succeeded = Signal(object)
    failed = Signal(object)

    def __init__(
        self,
        runner: TaskRunner,
        title: str,
        op: Callable[[ProgressListener, CancelToken], T],
        *,
        lane: Lane,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self.setWindowModality(Qt.WindowModality.WindowModal)
        self.setMinimumWidth(460)
        self.message = QLabel("Starting…", self)
        self.message.setTextFormat(Qt.TextFormat.PlainText)
        self.message.setWordWrap(True)
        self.bar = QProgressBar(self)
        self.bar.setRange(0, 0)
        self.details = QPlainTextEdit(self)
        self.details.setReadOnly(True)
        self.details.hide()
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel, self)
        self.buttons.rejected.connect(self.cancel_or_close)
        self.content = QVBoxLayout(self)
        self.content.addWidget(self.message)
        self.content.addWidget(self.bar)
        self.content.addWidget(self.details, 1)
        self.content.addWidget(self.buttons)
        self.running = False
        self._runner = runner
        self.result_value: T | None = None
        self.failure: Failure | None = None
        self._op = Op(
            runner, op, success=self._succeeded, failure=self._failed, progress=self.on_progress,
            lane=lane,
        )

    def start(self) -> None:
        self.running = True
        self._op.run_in_background()
        self.show()

    def cancel(self) -> None:
        if self.running:
            self.message.setText("Stopping…")
            self.buttons.setEnabled(False)
            self._op.cancel()

    def cancel_or_close(self) -> None:
        if self.running:
            self.cancel()
        else:
            self.accept()

    def on_progress(self, done: int, total: int | None, message: str) -> None:
        if total:
            self.bar.setRange(0, total)
            self.bar.setValue(min(done, total))
        else:
            self.bar.setRange(0, 0)
        if message and not self._op.cancel_token.cancelled:
            self.message.setText(message)

    # -- the end -----------------------------------------------------------------------------

    def _succeeded(self, result: T) -> None:
        self.running = False
        self.result_value = result
        self._to_close_button()
        self.show_result(result)
        self.succeeded.emit(result)

    def _failed(self, failure: Failure) -> None:
        self.running = False
        self.failure = failure
        self._to_close_button()
        if failure.cancelled:
            self.message.setText("Cancelled. Nothing was left half done.")
        else:
            self.message.setText(failure_text(failure))
            details = log(self.windowTitle() + " failed", failure)
            if not isinstance(failure.error, NewsarchiveError):
                self.details.setPlainText(failure.details)
                toggle = self.buttons.addButton("Show details", QDialogButtonBox.ButtonRole.ActionRole)
                toggle.clicked.connect(lambda: self.details.setVisible(not self.details.isVisible()))
                copy = self.buttons.addButton("Copy details", QDialogButtonBox.ButtonRole.ActionRole)
                copy.clicked.connect(lambda: QGuiApplication.clipboard().setText(details))
        self.bar.setRange(0, 1)
        self.bar.setValue(0)
        self.failed.emit(failure)

    def show_result(self, result: T) -> None:
        """What the dialog says when the work is done; subclasses show more."""
        self.message.setText("Done.")
        self.bar.setRange(0, 1)
        self.bar.setValue(1)

    def _to_close_button(self) -> None:
        self.buttons.setStandardButtons(QDialogButtonBox.StandardButton.Close)
        self.buttons.setEnabled(True)

    def closeEvent(self, event: QCloseEvent) -> None:
        if self.running:
            self.cancel()
            event.ignore()
            return
        super().closeEvent(event)

    def reject(self) -> None:
        # Escape while running means "stop", not "hide the dialog and let it run on unseen".
        if self.running:
            self.cancel()
            return
        super().reject()
