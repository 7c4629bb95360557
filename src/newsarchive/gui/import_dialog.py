"""Importing with the window open: progress, live counts, Cancel, then the report (copyable, every
reason readable in full) and how many of the new records need review, with a link to them."""

from __future__ import annotations

import threading
from collections import Counter
from collections.abc import Sequence
from pathlib import Path

from newsarchive.core.errors import ArticleNotFound, LibraryError
from newsarchive.core.operations.child_process import import_job, run_in_child
from newsarchive.core.operations.import_report import STATUSES, ImportItem, ImportReport
from newsarchive.core.progress import CancelToken, ProgressListener
from newsarchive.core.storage.library import Library
from newsarchive.gui.qt import (
    QAbstractItemView,
    QDialogButtonBox,
    QGuiApplication,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPlainTextEdit,
    Qt,
    QTableWidget,
    QTableWidgetItem,
    QWidget,
    Signal,
)
from newsarchive.gui.tasks import Op, TaskRunner
from newsarchive.gui.work_dialog import WorkDialog

COUNT_LABELS = {"imported": "imported", "updated": "updated", "duplicate": "duplicates", "failed": "failed"}
# Rows of the problem list sized to their wrapped reason; a longer list wraps only the rows shown
# selected (sizing 10k rows to their contents would stall the window).
WRAPPED_ROWS = 500


def articles(n: int) -> str:
    return f"{n:,} article" + ("" if n == 1 else "s")


def needing_review(library: Library, report: ImportReport) -> list[str]:
    """Ids of the imported or updated articles whose record has something to review."""
    out: list[str] = []
    for item in report.items:
        if item.id and item.status in ("imported", "updated"):
            try:
                if library.load(item.id).review:
                    out.append(item.id)
            except (ArticleNotFound, LibraryError):
                continue
    return out


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

    review_wanted = Signal()  # "Show them": the window filters on "needs review"

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
        # Reasons wrap onto more lines rather than stop mid-sentence; a path loses its middle
        # (its end, the file name, says more than its start).
        self.problems.setWordWrap(True)
        self.problems.setTextElideMode(Qt.TextElideMode.ElideMiddle)
        header = self.problems.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(True)
        # Rows are fitted once the report is filled: each column resize while filling would fit
        # every row again (5 ms a time for 200 rows, on the GUI thread).
        self._filling = False
        header.sectionResized.connect(lambda *_: None if self._filling else self._fit_rows())
        self.problems.hide()
        self.content.insertWidget(3, self.problems, 1)
        # The selected problem in full, selectable: the whole path and the whole reason.
        self.selected_problem = QPlainTextEdit(self)
        self.selected_problem.setReadOnly(True)
        self.selected_problem.setMaximumHeight(self.fontMetrics().height() * 4 + 12)
        self.selected_problem.hide()
        self.content.insertWidget(4, self.selected_problem)
        self.problems.currentCellChanged.connect(lambda row, *_: self._show_problem(row))
        self.review = QLabel(self)
        self.review.setObjectName("importReview")
        self.review.setTextFormat(Qt.TextFormat.RichText)
        self.review.linkActivated.connect(lambda _link: self.review_wanted.emit())
        self.review.hide()
        self.content.insertWidget(3, self.review)
        self.review_ids: list[str] | None = None
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
                f"Import cancelled after {articles(done)}; those are in the library and searchable."
            )
        elif not report.items:
            self.message.setText("No articles were found in what you chose.")
        else:
            self.message.setText(f"Import finished: {articles(done)} looked at.")
        rows = report_problems(report)
        self._filling = True
        self.problems.setRowCount(len(rows))
        for r, (what, path, reason) in enumerate(rows):
            for c, text in enumerate((what, path, reason)):
                cell = QTableWidgetItem(text)
                cell.setToolTip(text)
                if c == 0 and what == "failed":
                    cell.setForeground(Qt.GlobalColor.darkRed)
                self.problems.setItem(r, c, cell)
        if rows:
            self.problems.setColumnWidth(1, 300)
            self.problems.show()
            self.resize(self.width(), 520)
        self._filling = False
        if rows:
            self._fit_rows()
        self.copy_button.show()
        self._count_review(report)

    def _fit_rows(self) -> None:
        if 0 < self.problems.rowCount() <= WRAPPED_ROWS:
            self.problems.resizeRowsToContents()

    def _show_problem(self, row: int) -> None:
        cells = [self.problems.item(row, c) for c in range(3)] if row >= 0 else []
        if all(cells) and cells:
            self.selected_problem.setPlainText("\n".join(c.text() for c in cells[1:]))  # type: ignore[union-attr]
            self.selected_problem.show()
        if row >= WRAPPED_ROWS:
            self.problems.resizeRowToContents(row)

    def _count_review(self, report: ImportReport) -> None:
        """How many new records need review, counted off the GUI thread."""
        library = self.library

        def work(_progress: object, _cancel: object) -> list[str]:
            return needing_review(library, report)

        def counted(ids: list[str]) -> None:
            self.review_ids = ids
            if ids:
                verb = "needs" if len(ids) == 1 else "need"
                self.review.setText(
                    f"{articles(len(ids))} of this import {verb} review (a date, title or tag "
                    f'the importer had to guess or could not find): <a href="review">show the '
                    f"articles that need review</a>."
                )
                self.review.show()

        Op(self._runner, work, success=counted, failure=lambda _f: None, lane="read").run_in_background()

    def copy_report(self) -> None:
        if self.result_value is not None:
            QGuiApplication.clipboard().setText(report_text(self.result_value))
