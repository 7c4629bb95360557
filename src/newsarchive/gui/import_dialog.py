"""Importing with the window open: progress, live counts, Cancel, then the report (copyable)."""

from __future__ import annotations

import threading
from collections import Counter
from collections.abc import Sequence
from pathlib import Path

from newsarchive.core.storage.library import Library
from newsarchive.core.operations.import_report import STATUSES, ImportItem, ImportReport
from newsarchive.core.progress import CancelToken, ProgressListener
from newsarchive.core.operations.child_process import import_job, run_in_child
from newsarchive.gui.qt import (
    QAbstractItemView,
    QDialogButtonBox,
    QGuiApplication,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    Qt,
    QTableWidget,
    QTableWidgetItem,
    QWidget,
)
from newsarchive.gui.tasks import TaskRunner
from newsarchive.gui.work_dialog import WorkDialog

COUNT_LABELS = {"imported": "imported", "updated": "updated", "duplicate": "duplicates", "failed": "failed"}


def report_problems(report: ImportReport) -> list[tuple[str, str, str]]:
    """(what, path, reason) for every failure, skipped file and warning, in that order."""
    rows: list[tuple[str, str, str]] = []
    rows.extend(("failed", item.source, item.reason or "") for item in report.failures)
    rows.extend(("skipped", s.source, s.reason) for s in report.skipped)
    for item in report.items:
        rows.extend(("warning", item.source, w) for w in item.warnings)
    return rows


def report_text(report: ImportReport) -> str:
    """The report as plain text for the clipboard: the counts, then one problem per line."""
    head = ", ".join(f"{_count(report, s)} {COUNT_LABELS[s]}" for s in STATUSES)
    lines = [f"Import of {', '.join(report.paths)}", head + (" (cancelled)" if report.cancelled else "")]
    lines.extend(f"{what}\t{path}\t{reason}" for what, path, reason in report_problems(report))
    if report.saved_to:
        lines.append(f"Report saved to {report.saved_to}")
    return "\n".join(lines) + "\n"


def _count(report: ImportReport, status: str) -> int:
    return sum(1 for item in report.items if item.status == status)


class ImportDialog(WorkDialog[ImportReport]):
    """Imports `paths` into `library` (a child process driven from the write lane)."""

    def __init__(
        self, runner: TaskRunner, library: Library, paths: Sequence[Path], parent: QWidget | None = None
    ) -> None:
        self._counts: Counter[str] = Counter()
        self._lock = threading.Lock()
        self.library = library
        self.paths = tuple(paths)

        def work(progress: ProgressListener, cancel: CancelToken) -> ImportReport:
            return run_in_child(
                import_job, library.path, self.paths,
                progress=progress, cancel=cancel, on_item=self._item_done,
            )

        super().__init__(runner, "Import", work, lane="write", parent=parent)
        self.resize(860, 200)
        self.count_labels: dict[str, QLabel] = {}
        row = QHBoxLayout()
        for status in STATUSES:
            label = QLabel(self)
            label.setObjectName(f"count_{status}")
            self.count_labels[status] = label
            row.addWidget(label)
        row.addStretch(1)
        self.content.insertLayout(2, row)
        self.problems = QTableWidget(0, 3, self)
        self.problems.setHorizontalHeaderLabels(["", "File", "Reason"])
        self.problems.verticalHeader().hide()
        self.problems.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.problems.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.problems.setWordWrap(False)
        # A path's end (the file name) says more than its start.
        self.problems.setTextElideMode(Qt.TextElideMode.ElideMiddle)
        header = self.problems.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(True)
        self.problems.hide()
        self.content.insertWidget(3, self.problems, 1)
        self.copy_button = self.buttons.addButton("Copy report", QDialogButtonBox.ButtonRole.ActionRole)
        self.copy_button.hide()
        self.copy_button.clicked.connect(self.copy_report)
        self._show_counts()

    # Called on the worker thread, once per item.
    def _item_done(self, item: ImportItem) -> None:
        with self._lock:
            self._counts[item.status] += 1

    def counts(self) -> dict[str, int]:
        with self._lock:
            return {s: self._counts[s] for s in STATUSES}

    def _show_counts(self) -> None:
        for status, n in self.counts().items():
            self.count_labels[status].setText(f"{n:,} {COUNT_LABELS[status]}")

    def on_progress(self, done: int, total: int | None, message: str) -> None:
        super().on_progress(done, total, f"{done:,} of {total:,}: {message}" if total else message)
        self._show_counts()

    def show_result(self, report: ImportReport) -> None:
        self._show_counts()
        self.bar.setRange(0, 1)
        self.bar.setValue(1)
        done = len(report.items)
        if report.cancelled:
            self.message.setText(
                f"Import cancelled after {done:,} articles; those are in the library and searchable."
            )
        elif not report.items:
            self.message.setText("No articles were found in what you chose.")
        else:
            self.message.setText(f"Import finished: {done:,} articles looked at.")
        rows = report_problems(report)
        self.problems.setRowCount(len(rows))
        for r, (what, path, reason) in enumerate(rows):
            for c, text in enumerate((what, path, reason)):
                cell = QTableWidgetItem(text)
                cell.setToolTip(text)
                if c == 0 and what == "failed":
                    cell.setForeground(Qt.GlobalColor.darkRed)
                self.problems.setItem(r, c, cell)
        if rows:
            self.problems.setColumnWidth(1, 380)
            self.problems.show()
            self.resize(self.width(), 460)
        self.copy_button.show()

    def copy_report(self) -> None:
        if self.result_value is not None:
            QGuiApplication.clipboard().setText(report_text(self.result_value))
