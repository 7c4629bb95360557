"""File ▸ Export results: format, fields, destination and a preview, then the export with progress.

The export itself is the core's `export_results` (every match of the current search and filters,
streamed); the preview is the same format writer run over the first few matches.
"""

from __future__ import annotations

import io
from dataclasses import replace
from pathlib import Path

from newsarchive.core.export.destination import default_file_name
from newsarchive.core.export.fields import FIELD_CHOICES, FIELD_DESCRIPTIONS
from newsarchive.core.export.provenance import Provenance
from newsarchive.core.export.registry import FORMATS
from newsarchive.core.export.run import ExportReport, export_results, write_articles
from newsarchive.core.storage.library import Library
from newsarchive.core.progress import CancelToken, ProgressListener
from newsarchive.core.search.request import SearchRequest
from newsarchive.gui.errors import failure_text
from newsarchive.gui.qt import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFont,
    QFontDatabase,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    Qt,
    QVBoxLayout,
    QWidget,
)
from newsarchive.gui.search_session import SearcherFactory
from newsarchive.gui.tasks import Failure, Op, TaskRunner
from newsarchive.gui.work_dialog import WorkDialog

PREVIEW_ARTICLES = 3
PREVIEW_CHARS = 6000


def describe_request(request: SearchRequest, total: int) -> str:
    what = f"“{request.query}”" if request.query.strip() else "the whole library"
    filters = request.filters()
    extra = f" with {len(filters)} filter{'s' if len(filters) != 1 else ''}" if filters else ""
    noun = "article" if total == 1 else "articles"
    order = "most relevant" if request.effective_sort == "relevance" else request.effective_sort
    return f"All {total:,} {noun} matching {what}{extra}, {order} first"


class ExportDialog(QDialog):
    """Chooses what to export; `start_export()` then runs it in a `WorkDialog`."""

    def __init__(
        self,
        runner: TaskRunner,
        library: Library,
        request: SearchRequest,
        total: int,
        factory: SearcherFactory,
        export_folder: Path,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle("Export results")
        self.resize(720, 560)
        self.runner = runner
        self.library = library
        self.request = replace(request, offset=0)
        self.factory = factory
        self.export_folder = export_folder
        self.work: WorkDialog[ExportReport] | None = None
        self._preview_generation = 0

        self.format = QComboBox(self)
        for spec in FORMATS.values():
            self.format.addItem(spec.label, spec.name)
            self.format.setItemData(self.format.count() - 1, spec.description, Qt.ItemDataRole.ToolTipRole)
        self.fields = QComboBox(self)
        for choice in FIELD_CHOICES:
            self.fields.addItem(FIELD_DESCRIPTIONS[choice], choice)
        self.fields.setCurrentIndex(FIELD_CHOICES.index("lede"))
        self.description = QLabel(self)
        self.description.setWordWrap(True)
        self.destination = QLineEdit(self)
        self.destination.setAccessibleName("Export file")
        choose = QPushButton("Choose…", self)
        choose.clicked.connect(self._choose_file)
        where = QHBoxLayout()
        where.addWidget(self.destination, 1)
        where.addWidget(choose)
        self.preview = QPlainTextEdit(self)
        self.preview.setReadOnly(True)
        self.preview.setLineWrapMode(QPlainTextEdit.LineWrapMode.NoWrap)
        mono = QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont)
        mono.setStyleHint(QFont.StyleHint.Monospace)
        self.preview.setFont(mono)
        self.preview.setAccessibleName("Preview")

        form = QFormLayout()
        form.addRow("Results:", QLabel(describe_request(self.request, total), self))
        form.addRow("Format:", self.format)
        form.addRow("", self.description)
        form.addRow("Fields:", self.fields)
        form.addRow("Save to:", where)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText("Export")
        self.buttons.accepted.connect(self.start_export)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(QLabel(f"Preview of the first {PREVIEW_ARTICLES} articles:", self))
        layout.addWidget(self.preview, 1)
        layout.addWidget(self.buttons)

        self.format.currentIndexChanged.connect(self._format_changed)
        self.fields.currentIndexChanged.connect(self._refresh_preview)
        self._format_changed()

    @property
    def format_name(self) -> str:
        return self.format.currentData()

    @property
    def field_choice(self) -> str:
        return self.fields.currentData()

    def _format_changed(self) -> None:
        spec = FORMATS[self.format_name]
        self.description.setText(spec.description)
        current = self.destination.text().strip()
        if current:
            self.destination.setText(str(Path(current).with_suffix("." + spec.extension)))
        else:
            name = default_file_name(self.request.query, spec.extension)
            self.destination.setText(str(self.export_folder / name))
        self._refresh_preview()

    def _choose_file(self) -> None:
        spec = FORMATS[self.format_name]
        path, _ = QFileDialog.getSaveFileName(
            self, "Export to", self.destination.text(), f"{spec.label} (*.{spec.extension});;All files (*)"
        )
        if path:
            self.destination.setText(path)

    # -- preview -----------------------------------------------------------------------------

    def _refresh_preview(self) -> None:
        self._preview_generation += 1
        generation = self._preview_generation
        fmt, fields = self.format_name, self.field_choice
        library, request, factory = self.library, replace(self.request, limit=PREVIEW_ARTICLES), self.factory
        self.preview.setPlainText("Preparing the preview…")

        def work(_progress: ProgressListener, _cancel: CancelToken) -> str:
            searcher = factory(library.index_dir)
            try:
                result = searcher.search(request)
            finally:
                searcher.close()
            articles = [library.load(hit.id) for hit in result.hits]
            provenance = Provenance.for_request(
                request, library_name=library.name, library_path=str(library.path),
                count=result.total, fields=fields,  # type: ignore[arg-type]
            )
            out = io.StringIO(newline="")
            write_articles(fmt, out, articles, provenance)
            text = out.getvalue()
            return text if len(text) <= PREVIEW_CHARS else text[:PREVIEW_CHARS] + "\n…"

        def shown(text: str) -> None:
            if generation == self._preview_generation:
                self.preview.setPlainText(text)

        def failed(failure: Failure) -> None:
            if generation == self._preview_generation:
                self.preview.setPlainText(f"No preview: {failure_text(failure)}")

        Op(self.runner, work, success=shown, failure=failed, lane="read").run_in_background()

    # -- export ------------------------------------------------------------------------------

    def start_export(self) -> WorkDialog[ExportReport]:
        fmt, fields = self.format_name, self.field_choice
        target = Path(self.destination.text().strip()).expanduser()
        library, request, factory = self.library, self.request, self.factory

        def work(progress: ProgressListener, cancel: CancelToken) -> ExportReport:
            searcher = factory(library.index_dir)
            try:
                return export_results(
                    library, searcher, request, fmt, target, fields, progress, cancel  # type: ignore[arg-type]
                )
            finally:
                searcher.close()

        self.work = ExportProgress(self.runner, work, parent=self.parentWidget())
        self.work.start()
        self.accept()
        return self.work


class ExportProgress(WorkDialog[ExportReport]):
    def __init__(self, runner: TaskRunner, work: object, parent: QWidget | None) -> None:
        super().__init__(runner, "Exporting", work, lane="read", parent=parent)  # type: ignore[arg-type]

    def on_progress(self, done: int, total: int | None, message: str) -> None:
        super().on_progress(done, total, f"Exported {done:,} of {total:,} articles" if total else message)

    def show_result(self, report: ExportReport) -> None:
        super().show_result(report)
        lines = [f"Exported {report.written:,} articles to {report.destination}."]
        if report.provenance_file:
            lines.append(f"Where they came from is recorded in {report.provenance_file.name}.")
        if report.skipped:
            lines.append(f"{len(report.skipped)} could not be read and were left out:")
            lines.extend(f"  {s.id}: {s.reason}" for s in report.skipped[:20])
        self.message.setText("\n".join(lines))
