"""File ▸ Export results: what (every match, or the selected rows), format, fields, destination and
a preview; the export runs inside the dialog, which stays open on an error with every choice kept,
and offers "Open file" and "Show in folder" when done.

The export itself is the core's `export_results` (streamed); the selected rows are handed to it as
their own list of matches (`SelectedArticles`). The preview runs the same format writer over the
first few articles.
"""

from __future__ import annotations

import io
from collections.abc import Iterator, Sequence
from dataclasses import replace
from pathlib import Path

from newsarchive.core.errors import NewsarchiveError
from newsarchive.core.export.destination import default_file_name
from newsarchive.core.export.fields import FIELD_CHOICES, FIELD_DESCRIPTIONS
from newsarchive.core.export.provenance import Provenance
from newsarchive.core.export.registry import FORMATS
from newsarchive.core.export.run import ExportReport, export_results, write_articles
from newsarchive.core.progress import CancelToken, ProgressListener
from newsarchive.core.search.request import SearchRequest, SearchResult
from newsarchive.core.storage.library import Library
from newsarchive.gui.desktop import open_path
from newsarchive.gui.errors import failure_text, log
from newsarchive.gui.qt import (
    QButtonGroup,
    QCheckBox,
    QCloseEvent,
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
    QProgressBar,
    QPushButton,
    QRadioButton,
    Qt,
    QVBoxLayout,
    QWidget,
    Signal,
)
from newsarchive.gui.search_session import SearcherFactory
from newsarchive.gui.tasks import Failure, Op, TaskRunner

PREVIEW_ARTICLES = 3
PREVIEW_CHARS = 6000


def describe_request(request: SearchRequest, total: int) -> str:
    what = f"“{request.query}”" if request.query.strip() else "the whole library"
    filters = request.filters()
    extra = f" with {len(filters)} filter{'s' if len(filters) != 1 else ''}" if filters else ""
    noun = "article" if total == 1 else "articles"
    order = "most relevant" if request.effective_sort == "relevance" else request.effective_sort
    return f"All {total:,} {noun} matching {what}{extra}, {order} first"


class SelectedArticles:
    """The selected rows as the export's list of matches (what `export_results` reads of a
    searcher): the ids in the order the table shows them."""

    def __init__(self, ids: Sequence[str], request: SearchRequest) -> None:
        self.ids = list(ids)
        self.request = request

    def search(self, request: SearchRequest) -> SearchResult:
        return SearchResult(request=request, total=len(self.ids), took_ms=0.0, hits=())

    def iter_ids(self, _request: SearchRequest) -> Iterator[str]:
        return iter(self.ids)


class ExportDialog(QDialog):
    """Chooses what to export and runs it; `finished_export(report)` after a success."""

    finished_export = Signal(object)  # ExportReport

    def __init__(
        self,
        runner: TaskRunner,
        library: Library,
        request: SearchRequest,
        total: int,
        factory: SearcherFactory,
        export_folder: Path,
        selected: Sequence[str] = (),
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle("Export results")
        self.resize(760, 600)
        self.runner = runner
        self.library = library
        self.request = replace(request, offset=0)
        self.factory = factory
        self.export_folder = export_folder
        self.selected = list(selected)
        self.running: Op[ExportReport] | None = None
        self.report: ExportReport | None = None
        self.failure: Failure | None = None
        self._preview_generation = 0

        self.every = QRadioButton(describe_request(self.request, total), self)
        self.only_selected = QRadioButton(self._selected_text(), self)
        self.scope = QButtonGroup(self)
        self.scope.addButton(self.every)
        self.scope.addButton(self.only_selected)
        self.only_selected.setEnabled(bool(self.selected))
        (self.only_selected if len(self.selected) > 1 else self.every).setChecked(True)
        # Near-duplicate copies: the first article of each story only (`export --collapse`).
        self.one_per_story = QCheckBox("One article per story (near-duplicate copies left out)", self)
        self.one_per_story.setChecked(self.request.collapse)
        self.one_per_story.toggled.connect(self._one_per_story)
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
        self.choose = QPushButton("Choose…", self)
        self.choose.clicked.connect(self._choose_file)
        where = QHBoxLayout()
        where.addWidget(self.destination, 1)
        where.addWidget(self.choose)
        self.preview = QPlainTextEdit(self)
        self.preview.setReadOnly(True)
        self.preview.setLineWrapMode(QPlainTextEdit.LineWrapMode.NoWrap)
        mono = QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont)
        mono.setStyleHint(QFont.StyleHint.Monospace)
        self.preview.setFont(mono)
        self.preview.setAccessibleName("Preview")
        self.bar = QProgressBar(self)
        self.bar.hide()
        # The outcome in full: a long path has no spaces to wrap at, so a label would clip it.
        self.message = QPlainTextEdit(self)
        self.message.setObjectName("exportMessage")
        self.message.setReadOnly(True)
        self.message.setLineWrapMode(QPlainTextEdit.LineWrapMode.WidgetWidth)
        self.message.setWordWrapMode(self.message.wordWrapMode().WrapAtWordBoundaryOrAnywhere)
        self.message.setMaximumHeight(self.fontMetrics().height() * 5 + 12)
        self.message.hide()

        form = QFormLayout()
        scope = QVBoxLayout()
        scope.addWidget(self.every)
        scope.addWidget(self.only_selected)
        scope.addWidget(self.one_per_story)
        form.addRow("Export:", scope)
        form.addRow("Format:", self.format)
        form.addRow("", self.description)
        form.addRow("Fields:", self.fields)
        form.addRow("Save to:", where)
        self.buttons = QDialogButtonBox(self)
        self.export_button = self.buttons.addButton("Export", QDialogButtonBox.ButtonRole.AcceptRole)
        self.open_button = self.buttons.addButton("Open file", QDialogButtonBox.ButtonRole.ActionRole)
        self.folder_button = self.buttons.addButton("Show in folder", QDialogButtonBox.ButtonRole.ActionRole)
        self.create_button = self.buttons.addButton("Create the folder and export",
                                                    QDialogButtonBox.ButtonRole.ActionRole)
        self.close_button = self.buttons.addButton(QDialogButtonBox.StandardButton.Close)
        for button in (self.open_button, self.folder_button, self.create_button):
            button.hide()
        self.export_button.setDefault(True)
        self.export_button.clicked.connect(self.start_export)
        self.open_button.clicked.connect(lambda: self._open_result(folder=False))
        self.folder_button.clicked.connect(lambda: self._open_result(folder=True))
        self.create_button.clicked.connect(self._create_folder_and_export)
        self.close_button.clicked.connect(self.cancel_or_close)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(QLabel(f"Preview of the first {PREVIEW_ARTICLES} articles:", self))
        layout.addWidget(self.preview, 1)
        layout.addWidget(self.bar)
        layout.addWidget(self.message)
        layout.addWidget(self.buttons)

        self.format.currentIndexChanged.connect(self._format_changed)
        self.fields.currentIndexChanged.connect(self._refresh_preview)
        self.scope.buttonToggled.connect(self._scope_toggled)
        self._format_changed()
        self.one_per_story.setEnabled(self.every.isChecked())

    def _scope_toggled(self, _button: object, on: bool) -> None:
        self.one_per_story.setEnabled(self.every.isChecked() and self.running is None)
        if on:
            self._refresh_preview()

    def _one_per_story(self, on: bool) -> None:
        self.request = replace(self.request, collapse=on)
        self._refresh_preview()

    def _selected_text(self) -> str:
        n = len(self.selected)
        if not n:
            return "Only the selected articles (select rows in the results first)"
        return f"Only the {n:,} selected article{'s' if n != 1 else ''}"

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

    def _source(self, factory: SearcherFactory, library: Library) -> tuple[object, bool]:
        """What to read the matches from, and whether it is a searcher to close afterwards."""
        if self.only_selected.isChecked() and self.selected:
            return SelectedArticles(self.selected, self.request), False
        return factory(library.index_dir), True

    # -- preview -----------------------------------------------------------------------------

    def _refresh_preview(self) -> None:
        self._preview_generation += 1
        generation = self._preview_generation
        fmt, fields = self.format_name, self.field_choice
        library, request, factory = self.library, replace(self.request, limit=PREVIEW_ARTICLES), self.factory
        selected = self.selected[:PREVIEW_ARTICLES] if self.only_selected.isChecked() else None
        self.preview.setPlainText("Preparing the preview…")

        def work(_progress: ProgressListener, _cancel: CancelToken) -> str:
            if selected is not None:
                ids, count = selected, len(self.selected)
            else:
                searcher = factory(library.index_dir)
                try:
                    result = searcher.search(request)
                finally:
                    searcher.close()
                ids, count = [hit.id for hit in result.hits], result.total
            articles = [library.load(article_id) for article_id in ids]
            provenance = Provenance.for_request(
                request, library_name=library.name, library_path=str(library.path),
                count=count, fields=fields,  # type: ignore[arg-type]
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

    @property
    def target(self) -> Path:
        return Path(self.destination.text().strip()).expanduser()

    def start_export(self) -> None:
        """Export with the current choices; the dialog shows progress, then the outcome."""
        if self.running is not None:
            return
        fmt, fields, target = self.format_name, self.field_choice, self.target
        library, request = self.library, self.request
        source, owned = self._source(self.factory, library)

        def work(progress: ProgressListener, cancel: CancelToken) -> ExportReport:
            try:
                return export_results(
                    library, source, request, fmt, target, fields, progress, cancel  # type: ignore[arg-type]
                )
            finally:
                if owned:
                    source.close()  # type: ignore[attr-defined]

        self.report = None
        self.failure = None
        self._set_running(True)
        self.running = Op(self.runner, work, success=self._exported, failure=self._failed,
                          progress=self._progress, lane="read")
        self.running.run_in_background()

    def _set_running(self, running: bool) -> None:
        for widget in (self.every, self.only_selected, self.format, self.fields, self.destination,
                       self.choose, self.export_button):
            widget.setEnabled(not running)
        self.only_selected.setEnabled(not running and bool(self.selected))
        self.one_per_story.setEnabled(not running and self.every.isChecked())
        self.close_button.setText("Cancel" if running else "Close")
        for button in (self.open_button, self.folder_button, self.create_button):
            button.hide()
        self.bar.setVisible(running)
        self.bar.setRange(0, 0)
        if running:
            self._say("Exporting…")

    def _say(self, text: str) -> None:
        self.message.setPlainText(text)
        self.message.show()

    def _progress(self, done: int, total: int | None, _message: str) -> None:
        if total:
            self.bar.setRange(0, total)
            self.bar.setValue(min(done, total))
            self._say(f"Exported {done:,} of {total:,} articles…")

    def _exported(self, report: ExportReport) -> None:
        self.running = None
        self.report = report
        self._set_running(False)
        noun = "article" if report.written == 1 else "articles"
        lines = [f"Exported {report.written:,} {noun} to {report.destination}."]
        if report.provenance_file:
            lines.append(f"Where they came from is recorded in {report.provenance_file.name}.")
        if report.skipped:
            lines.append(f"{len(report.skipped)} could not be read and were left out:")
            lines.extend(f"  {s.id}: {s.reason}" for s in report.skipped[:20])
        self._say("\n".join(lines))
        self.open_button.show()
        self.folder_button.show()
        self.export_button.setText("Export again")
        self.finished_export.emit(report)

    def _failed(self, failure: Failure) -> None:
        self.running = None
        self.failure = failure
        self._set_running(False)
        if failure.cancelled:
            self._say("Cancelled: no file was written.")
            return
        text = failure_text(failure)
        if not isinstance(failure.error, NewsarchiveError):
            log("Export failed", failure)
            text += "\n\n" + failure.details
        self._say(text)
        missing = self.target.parent
        if not missing.exists() and not self.target.is_dir():
            self.create_button.setToolTip(f"Create {missing} and export there")
            self.create_button.show()

    def _open_result(self, *, folder: bool) -> None:
        destination = self.report.destination if self.report else None
        if destination is not None:
            open_path(self, destination.parent if folder else destination,
                      "the folder" if folder else "the file")

    def _create_folder_and_export(self) -> None:
        try:
            self.target.parent.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            self._say(f"Cannot create the folder {self.target.parent}: {exc.strerror or exc}.")
            return
        self.start_export()

    def cancel_or_close(self) -> None:
        if self.running is not None:
            self.running.cancel()
            self._say("Stopping…")
        else:
            self.accept()

    def closeEvent(self, event: QCloseEvent) -> None:
        if self.running is not None:
            self.cancel_or_close()
            event.ignore()
            return
        super().closeEvent(event)

    def reject(self) -> None:
        # Escape while exporting means "stop", not "hide the dialog and let it run on unseen".
        if self.running is not None:
            self.cancel_or_close()
            return
        super().reject()
