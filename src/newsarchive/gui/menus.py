"""The window's menus and shortcuts, and the dialogs they open (import, export, library, help)."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from newsarchive.core.errors import LibraryError
from newsarchive.core.operations.child_process import demo_job, run_in_child
from newsarchive.core.operations.demo import demo_is_ready, demo_library_path, sample_archive_path
from newsarchive.core.storage.library import Library
from newsarchive.gui import library_dialogs
from newsarchive.gui.article_menu import ArticleActions
from newsarchive.gui.errors import notice, show_error
from newsarchive.gui.export_dialog import ExportDialog
from newsarchive.gui.filters import cleared, with_needs_review
from newsarchive.gui.help_pages import QuerySyntaxDialog, show_about
from newsarchive.gui.import_dialog import ImportDialog
from newsarchive.gui.main_window import MainWindow
from newsarchive.gui.qt import (
    QAction,
    QFileDialog,
    QKeySequence,
    QMenu,
    QMessageBox,
    QObject,
)
from newsarchive.gui.settings import export_folder
from newsarchive.gui.work_dialog import WorkDialog
from newsarchive.gui.workspace_actions import WorkspaceActions


class WindowActions(QObject):
    """Creates every `QAction` of the window; keeps them enabled only when they can work."""

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window = window
        self.dialogs: list[object] = []  # open non-modal dialogs, kept alive while shown
        bar = window.menuBar()

        file = bar.addMenu("&File")
        self.open_library = self._add(file, "&Open library…", self.choose_library, "Ctrl+O")
        self.new_library = self._add(file, "&New library…", self.create_library)
        self.recent = file.addMenu("Open &recent")
        self.recent.aboutToShow.connect(self._fill_recent)
        self.open_demo = self._add(file, "Open the &sample archive", self.open_sample)
        file.addSeparator()
        self.import_folder = self._add(file, "&Import folder…", self.choose_import_folder, "Ctrl+I")
        self.import_files = self._add(file, "Import &files…", self.choose_import_files, "Ctrl+Shift+I")
        self.export = self._add(file, "&Export results…", self.export_results, "Ctrl+E")
        file.addSeparator()
        self._add(file, "&Quit", window.close, QKeySequence.StandardKey.Quit)

        self.articles = ArticleActions(window)
        self.articles.export_selected = self.export
        self.articles.add_edit_menu(bar)
        self.workspace = WorkspaceActions(window, self._keep)
        self.articles.row_menu_extensions.append(self.workspace.extend_row_menu)

        search = bar.addMenu("&Search")
        self.focus_search = self._add(search, "&Search box", window.search_bar.focus, "Ctrl+F")
        self.focus_search.setShortcuts([QKeySequence("Ctrl+F"), QKeySequence("Ctrl+L")])
        self.next_result = self._add(search, "&Next result", lambda: window.move_result(1), "Ctrl+J")
        self.next_result.setShortcuts([QKeySequence("Ctrl+J"), QKeySequence("Ctrl+Down")])
        self.previous_result = self._add(search, "&Previous result", lambda: window.move_result(-1), "Ctrl+K")
        self.previous_result.setShortcuts([QKeySequence("Ctrl+K"), QKeySequence("Ctrl+Up")])
        self.next_hit = self._add(search, "Next &hit in the article", window.reader.next_hit, "F3")
        self.previous_hit = self._add(
            search, "Previous h&it in the article", window.reader.previous_hit, "Shift+F3")
        search.addSeparator()
        search.addAction(window.fold_action)
        self.clear_filters = self._add(search, "&Clear filters", self._clear_filters, "Ctrl+Shift+Backspace")
        self.workspace.add_to_search_menu(search)

        self.workspace.add_to_article_menu(self.articles.add_article_menu(bar))

        library = bar.addMenu("&Library")
        self.statistics = self._add(library, "&Statistics", self.show_statistics)
        self.check = self._add(library, "&Check library", self.check_library)
        self.rebuild = self._add(library, "&Rebuild index", self.rebuild_index)
        self.tag_kind = self._add(library, "Correct a &tag's kind…", self.correct_tag_kind)

        help_menu = bar.addMenu("&Help")
        self._add(help_menu, "&Query syntax", self.show_query_syntax, QKeySequence.StandardKey.HelpContents)
        self._add(help_menu, "&About newsarchive", lambda: show_about(window))

        window.search_bar.reserve_shortcuts(window.findChildren(QAction))
        window.library_changed.connect(self._library_changed)
        window.import_requested.connect(self.import_paths)
        window.index_unusable.connect(self.offer_rebuild)
        self._library_changed(window.library)

    def _add(self, menu: QMenu, text: str, slot: object, shortcut: object = None) -> QAction:
        action = menu.addAction(text)
        action.triggered.connect(lambda _checked=False: slot())  # type: ignore[operator]
        if shortcut is not None:
            action.setShortcut(QKeySequence(shortcut))  # type: ignore[arg-type]
        return action

    def _library_changed(self, library: Library | None) -> None:
        has = library is not None
        writable = has and not library.read_only  # type: ignore[union-attr]
        for action in (self.import_folder, self.import_files, self.rebuild, self.tag_kind):
            action.setEnabled(writable)
        for action in (self.export, self.statistics, self.check, self.clear_filters):
            action.setEnabled(has)
        self.open_demo.setEnabled(sample_archive_path() is not None)

    def _keep(self, dialog: object) -> None:
        self.dialogs.append(dialog)
        finished = getattr(dialog, "finished", None)
        if finished is not None:
            finished.connect(lambda _r=0, d=dialog: self.dialogs.remove(d) if d in self.dialogs else None)

    # -- libraries ---------------------------------------------------------------------------

    def choose_library(self) -> None:
        path = QFileDialog.getExistingDirectory(self.window, "Open a library folder")
        if path:
            self.window.open_library(Path(path))

    def create_library(self) -> QFileDialog:
        """Ask where the new library goes: an empty folder, or the name of one to make (a folder
        picker would refuse a name that does not exist yet)."""
        dialog = QFileDialog(self.window, "New library")
        dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptSave)
        dialog.setFileMode(QFileDialog.FileMode.AnyFile)
        dialog.setOption(QFileDialog.Option.DontConfirmOverwrite)
        dialog.setLabelText(QFileDialog.DialogLabel.FileName, "Library folder:")
        dialog.setLabelText(QFileDialog.DialogLabel.Accept, "Create")
        dialog.setDirectory(str(Path.home()))
        dialog.selectFile("News archive")
        dialog.fileSelected.connect(lambda path: self.create_library_at(Path(path)))
        self._keep(dialog)
        dialog.open()
        return dialog

    def create_library_at(self, path: Path) -> bool:
        try:
            library = Library.create(path)
        except LibraryError as exc:
            show_error(self.window, "Cannot create the library", exc)
            return False
        self.window.set_library(library)
        return True

    def _fill_recent(self) -> None:
        self.recent.clear()
        paths = self.window.settings.get("library/recent")
        for text in paths:
            action = self.recent.addAction(text)
            action.triggered.connect(lambda _c=False, p=text: self.window.open_library(Path(p)))
        if not paths:
            self.recent.addAction("No recent libraries").setEnabled(False)

    def open_sample(self) -> None:
        target = demo_library_path()
        if demo_is_ready(target):
            self.window.open_library(target)
            return
        sample = sample_archive_path()
        if sample is None:
            notice(self.window, "Sample archive", "The sample archive is not installed with this copy.")
            return
        dialog: WorkDialog[Path] = WorkDialog(
            self.window.runner, "Preparing the sample archive",
            lambda progress, cancel: run_in_child(
                demo_job, target, sample, progress=progress, cancel=cancel
            ),
            lane="write", parent=self.window,
        )
        dialog.succeeded.connect(lambda path: (dialog.accept(), self.window.open_library(path)))
        self._keep(dialog)
        dialog.start()

    # -- import and export -------------------------------------------------------------------

    def choose_import_folder(self) -> None:
        path = QFileDialog.getExistingDirectory(self.window, "Import a folder of saved articles")
        if path:
            self.import_paths([Path(path)])

    def choose_import_files(self) -> None:
        paths, _ = QFileDialog.getOpenFileNames(
            self.window, "Import saved articles", "", "Saved articles (*.txt);;All files (*)"
        )
        if paths:
            self.import_paths([Path(p) for p in paths])

    def import_paths(self, paths: list[Path]) -> ImportDialog | None:
        library = self.window.library
        if library is None or library.read_only:
            return None
        dialog = ImportDialog(self.window.runner, library, paths, parent=self.window)
        dialog.succeeded.connect(lambda _report: self.window.refresh())
        dialog.review_wanted.connect(self.show_needs_review)
        self._keep(dialog)
        dialog.start()
        return dialog

    def export_results(self) -> ExportDialog | None:
        """The export dialog for the current search (and the selected rows, when their ids are
        at hand; rows not loaded yet are asked of the index first, then the dialog opens)."""
        window = self.window
        if window.library is None:
            return None
        pane = window.results_pane
        if any(pane.model.hit(row) is None for row in pane.selected_rows()):
            pane.selected_ids(lambda ids: self._open_export(ids or []))
            return None
        dialog: list[ExportDialog] = []
        pane.selected_ids(lambda ids: dialog.append(self._open_export(ids or [])))
        return dialog[0] if dialog else None

    def _open_export(self, selected: list[str]) -> ExportDialog:
        window = self.window
        assert window.library is not None
        total = window.result.total if window.result else 0
        dialog = ExportDialog(
            window.runner, window.library, window.request, total, window.session.factory,
            export_folder(window.settings), selected, parent=window,
        )
        dialog.finished_export.connect(
            lambda report: window.settings.set("export/folder", str(report.destination.parent))
        )
        self._keep(dialog)
        dialog.open()
        return dialog

    def show_needs_review(self) -> None:
        """Every article with something to review, whatever else was searched."""
        window = self.window
        window.search_bar.set_query("", search=False)
        window.search(with_needs_review(cleared(replace(window.request, query="")), True))

    def _clear_filters(self) -> None:
        self.window.search(cleared(self.window.request))

    # -- library menu ------------------------------------------------------------------------

    def show_statistics(self) -> None:
        if self.window.library is not None:
            self._keep(library_dialogs.show_statistics(self.window))

    def check_library(self) -> None:
        if self.window.library is not None:
            self._keep(library_dialogs.run_check(self.window))

    def rebuild_index(self) -> None:
        if self.window.library is not None:
            self._keep(library_dialogs.run_rebuild(self.window))

    def offer_rebuild(self, reason: str) -> None:
        box = QMessageBox(QMessageBox.Icon.Question, "The search index cannot be used", reason,
                          parent=self.window)
        box.setInformativeText("Rebuild it now from the library's articles? Nothing else is changed.")
        rebuild = box.addButton("Rebuild index", QMessageBox.ButtonRole.AcceptRole)
        box.addButton("Not now", QMessageBox.ButtonRole.RejectRole)
        box.buttonClicked.connect(lambda button: self.rebuild_index() if button is rebuild else None)
        self._keep(box)
        box.open()

    def correct_tag_kind(self) -> None:
        if self.window.library is not None:
            self._keep(library_dialogs.ask_tag_kind(self.window))

    def show_query_syntax(self) -> None:
        dialog = QuerySyntaxDialog(self.window)
        self._keep(dialog)
        dialog.show()
