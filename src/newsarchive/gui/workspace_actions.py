"""The research workspace in the window: the Collections and Saved searches boxes, the note pane
under the reader, the star and collections buttons of the reader, the Article and Search menu
entries (Star Ctrl+D, Save search… Ctrl+Shift+S, Search notes too) and the results' context menu
entries; every change goes through `Workspace`."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from typing import TYPE_CHECKING, Any

from newsarchive.core.errors import NewsarchiveError
from newsarchive.core.operations.saved_searches import SavedSearchStatus, list_saved, saved_request
from newsarchive.core.search.request import SearchRequest
from newsarchive.core.storage.collections import STARRED
from newsarchive.core.storage.library import Library
from newsarchive.gui import filters
from newsarchive.gui.collection_drag import ResultsDrag
from newsarchive.gui.collections_panel import CollectionsPanel
from newsarchive.gui.errors import show_error
from newsarchive.gui.export_dialog import ExportDialog
from newsarchive.gui.note_pane import NotePane
from newsarchive.gui.qt import (
    QAction,
    QEvent,
    QInputDialog,
    QKeySequence,
    QMenu,
    QMessageBox,
    QObject,
    QSplitter,
    Qt,
    QToolButton,
)
from newsarchive.gui.saved_searches_panel import SavedSearchesPanel
from newsarchive.gui.tasks import Failure, Op
from newsarchive.gui.workspace import Workspace

if TYPE_CHECKING:
    from newsarchive.gui.main_window import MainWindow

IdsWanted = Callable[[Callable[[list[str] | None], None]], None]


class WorkspaceActions(QObject):
    """Builds the workspace's widgets into `window` and keeps them showing the open library."""

    def __init__(self, window: MainWindow, keep: Callable[[object], None]) -> None:
        super().__init__(window)
        self.window = window
        self.keep = keep
        self.workspace = Workspace(window)
        self.dialogs: list[object] = []
        self._counting = False
        self._count_again = False

        self.collections_panel = CollectionsPanel(window.facets)
        self.saved_panel = SavedSearchesPanel(window.facets)
        side = window.facets.splitter
        side.insertWidget(0, self.collections_panel)
        side.addWidget(self.saved_panel)
        for position, stretch in enumerate((1, 3, 3, 1, 1)):
            side.setStretchFactor(position, stretch)

        # The note goes under the reader, in a splitter of its own (the reader keeps its place).
        self.note_pane = NotePane(self.workspace)
        self.reader_column = QSplitter(Qt.Orientation.Vertical)
        self.reader_column.setObjectName("readerColumn")
        self.reader_column.setChildrenCollapsible(False)
        index = window.right_splitter.indexOf(window.reader)
        window.right_splitter.replaceWidget(index, self.reader_column)
        self.reader_column.addWidget(window.reader)
        self.reader_column.addWidget(self.note_pane)
        self.reader_column.setStretchFactor(0, 4)
        self.reader_column.setStretchFactor(1, 1)
        self.reader_column.setSizes([560, 140])

        self.star_button = QToolButton(window.reader)
        self.star_button.setObjectName("starButton")
        self.star_button.setAutoRaise(True)
        self.star_button.clicked.connect(lambda: self.toggle_star_current())
        self.collections_button = QToolButton(window.reader)
        self.collections_button.setText("Collections")
        self.collections_button.setAutoRaise(True)
        self.collections_button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        self.collections_button.setToolTip("Add this article to a collection or take it out of one")
        self.reader_menu = QMenu(self.collections_button)
        self.reader_menu.aboutToShow.connect(
            lambda: self.fill_collection_menu(self.reader_menu, self._current_ids, self._current_id_list()))
        self.collections_button.setMenu(self.reader_menu)
        bar = window.reader.layout().itemAt(0).layout()
        bar.insertWidget(bar.count() - 1, self.collections_button)
        bar.insertWidget(bar.count() - 1, self.star_button)

        self.star = QAction("&Star", window)
        self.star.setCheckable(True)
        self.star.setShortcut(QKeySequence("Ctrl+D"))
        self.star.setToolTip("Star the selected articles, or unstar them (Ctrl+D)")
        self.star.triggered.connect(lambda _checked=False: self.toggle_star_selected())
        window.addAction(self.star)
        self.save_search_action = QAction("Sa&ve search…", window)
        self.save_search_action.setShortcut(QKeySequence("Ctrl+Shift+S"))
        self.save_search_action.triggered.connect(lambda _checked=False: self.ask_save_search())
        self.search_notes = QAction("Search my &notes too", window)
        self.search_notes.setCheckable(True)
        self.search_notes.setToolTip("Plain words also find articles whose note has them "
                                     "(note:word searches notes only, always)")
        self.search_notes.toggled.connect(self.set_search_notes)

        self.drag = ResultsDrag(window.table, self._loaded_selected_ids)
        self._connect()
        self._library_changed(window.library)

    def _connect(self) -> None:
        window = self.window
        panel = self.collections_panel
        panel.picked.connect(lambda name, mode: window.search(
            filters.with_value(window.request, "collection", name, mode)))
        panel.new_wanted.connect(lambda: self.ask_new_collection())
        panel.rename_wanted.connect(lambda name: self.ask_rename_collection(name))
        panel.delete_wanted.connect(lambda name: self.ask_delete_collection(name))
        panel.export_wanted.connect(lambda name: self.export_collection(name))
        panel.ids_dropped.connect(self.workspace.add_to_collection)
        self.saved_panel.open_wanted.connect(self.open_saved)
        self.saved_panel.delete_wanted.connect(lambda name: self.ask_delete_saved(name))
        self.saved_panel.save_wanted.connect(lambda: self.ask_save_search())
        window.library_changed.connect(self._library_changed)
        window.library_refreshed.connect(self.count_saved)
        window.result_shown.connect(self._result_shown)
        window.article_shown.connect(self._article_shown)
        self.workspace.changed.connect(self._workspace_changed)
        self.workspace.collections_changed.connect(self._collections_changed)
        window.installEventFilter(self)

    # -- menus -------------------------------------------------------------------------------

    def add_to_article_menu(self, menu: QMenu) -> None:
        menu.addSeparator()
        menu.addAction(self.star)
        self.article_collections = menu.addMenu("Co&llections")
        self.article_collections.aboutToShow.connect(lambda: self.fill_collection_menu(
            self.article_collections, self._selection_ids, self._loaded_selected_ids()))

    def add_to_search_menu(self, menu: QMenu) -> None:
        menu.addSeparator()
        menu.addAction(self.search_notes)
        menu.addAction(self.save_search_action)

    def extend_row_menu(self, menu: QMenu) -> None:
        """The results' context menu: star, add to and take out of collections (the selection)."""
        menu.addSeparator()
        menu.addAction(self.star)
        sub = menu.addMenu("Co&llections")
        self.fill_collection_menu(sub, self._selection_ids, self._loaded_selected_ids())

    def fill_collection_menu(self, menu: QMenu, wanted: IdsWanted, known: list[str]) -> None:
        """"Add to" each collection, "New collection…", and "Remove from" those holding any of
        `known` (the ids at hand; the action asks `wanted` for the full list)."""
        menu.clear()
        menu.setToolTipsVisible(True)
        reason = self.workspace.read_only_reason()
        collections = self.workspace.collections()
        add = menu.addMenu("Add to")
        for name in collections:
            action = add.addAction(name)
            action.triggered.connect(lambda _c=False, n=name: wanted(
                lambda ids: self.workspace.add_to_collection(n, ids or [])))
        add.addSeparator()
        new = add.addAction("New collection…")
        new.triggered.connect(lambda: wanted(lambda ids: self.ask_new_collection(ids or [])))
        remove = menu.addMenu("Remove from")
        holding = self.workspace.containing(known)
        for name in holding:
            action = remove.addAction(name)
            action.triggered.connect(lambda _c=False, n=name: wanted(
                lambda ids: self.workspace.remove_from_collection(n, ids or [])))
        for sub in (add, remove):
            sub.setEnabled(reason is None and bool(known))
            sub.setToolTip(reason or "")
        remove.setEnabled(reason is None and bool(holding))

    # -- ids ---------------------------------------------------------------------------------

    def _loaded_selected_ids(self) -> list[str]:
        model = self.window.results
        hits = (model.hit(row) for row in self.window.results_pane.selected_rows())
        return [hit.id for hit in hits if hit is not None]

    def _selection_ids(self, done: Callable[[list[str] | None], None]) -> None:
        self.window.results_pane.selected_ids(done)

    def _current_id_list(self) -> list[str]:
        article = self.window.reader.article
        return [article.id] if article is not None else []

    def _current_ids(self, done: Callable[[list[str] | None], None]) -> None:
        done(self._current_id_list())

    # -- Starred -----------------------------------------------------------------------------

    def toggle_star_selected(self) -> None:
        """Ctrl+D: the selected rows (or, with none, the article in the reader)."""
        if self.window.results_pane.selected_rows():
            self._selection_ids(lambda ids: self.workspace.toggle_star(ids or []))
        else:
            self.toggle_star_current()

    def toggle_star_current(self) -> None:
        self.workspace.toggle_star(self._current_id_list())

    def _show_star(self) -> None:
        article = self.window.reader.article
        starred = article is not None and self.workspace.is_starred(article.id)
        reason = self.workspace.read_only_reason()
        writable = reason is None
        self.star_button.setText("★ Starred" if starred else "☆ Star")
        if article is not None and reason is not None:
            self.star_button.setToolTip(reason)
        else:
            self.star_button.setToolTip("Take it out of Starred (Ctrl+D)" if starred else "Star it (Ctrl+D)")
        self.star_button.setEnabled(article is not None and writable)
        self.collections_button.setEnabled(article is not None)
        self.star.setChecked(starred)
        self.star.setEnabled(writable and (article is not None or self.window.results.rowCount() > 0))

    # -- collections -------------------------------------------------------------------------

    def _input(self, title: str, label: str, text: str, accepted: Callable[[str], object]) -> QInputDialog:
        dialog = QInputDialog(self.window)
        dialog.setWindowTitle(title)
        dialog.setLabelText(label)
        dialog.setTextValue(text)
        dialog.textValueSelected.connect(lambda value: accepted(value))
        self._keep(dialog)
        dialog.open()
        return dialog

    def _keep(self, dialog: object) -> None:
        self.dialogs.append(dialog)
        self.keep(dialog)

    def ask_new_collection(self, ids: list[str] | None = None) -> QInputDialog | None:
        if self.workspace.read_only_reason() is not None:
            return None
        chosen = list(ids or [])
        label = "Name of the new collection:"
        if chosen:
            label = f"Name of the new collection ({len(chosen):,} article{'s' if len(chosen) != 1 else ''}):"
        return self._input("New collection", label, "",
                           lambda name: self.workspace.create_collection(name, chosen))

    def ask_rename_collection(self, name: str) -> QInputDialog | None:
        if self.workspace.read_only_reason() is not None or name == STARRED:
            return None
        return self._input("Rename collection", f"New name for “{name}”:", name,
                           lambda new: self.workspace.rename_collection(name, new))

    def ask_delete_collection(self, name: str) -> QMessageBox | None:
        if self.workspace.read_only_reason() is not None or name == STARRED:
            return None
        held = len(self.workspace.collections().get(name, ()))
        box = QMessageBox(QMessageBox.Icon.Question, "Delete collection",
                          f"Delete the collection “{name}”?", parent=self.window)
        box.setInformativeText(f"Its {held:,} article{'s' if held != 1 else ''} stay in the library.")
        delete = box.addButton("Delete", QMessageBox.ButtonRole.DestructiveRole)
        box.addButton(QMessageBox.StandardButton.Cancel)
        box.buttonClicked.connect(
            lambda button: self.workspace.delete_collection(name) if button is delete else None)
        self._keep(box)
        box.open()
        return box

    def export_collection(self, name: str) -> ExportDialog | None:
        """The export dialog over one collection (every format includes the notes)."""
        from newsarchive.gui.settings import export_folder

        window = self.window
        if window.library is None:
            return None
        request = SearchRequest(collections=(name,), sort=window.request.sort, limit=window.page_size)
        total = len(self.workspace.collections().get(name, ()))
        dialog = ExportDialog(window.runner, window.library, request, total, window.session.factory,
                              export_folder(window.settings), [], parent=window)
        dialog.setWindowTitle(f"Export the collection “{name}”")
        noun = "article" if total == 1 else "articles"
        dialog.every.setText(f"All {total:,} {noun} in the collection “{name}”, with their notes")
        dialog.finished_export.connect(
            lambda report: window.settings.set("export/folder", str(report.destination.parent)))
        self._keep(dialog)
        dialog.open()
        return dialog

    # -- notes -------------------------------------------------------------------------------

    def set_search_notes(self, on: bool) -> None:
        if self.window.library is not None and on != self.window.request.include_notes:
            self.window.search(replace(self.window.request, include_notes=on))

    # -- saved searches ----------------------------------------------------------------------

    def ask_save_search(self) -> QInputDialog | None:
        if self.workspace.read_only_reason() is not None or self.window.library is None:
            return None
        request = self.window.request
        proposed = request.query.strip()[:60] or "All articles"
        return self._input("Save search", "Keep this query, its filters and sort as:", proposed,
                           lambda name: self.workspace.save_search(name, request))

    def ask_delete_saved(self, name: str) -> QMessageBox | None:
        if self.workspace.read_only_reason() is not None:
            return None
        box = QMessageBox(QMessageBox.Icon.Question, "Delete saved search",
                          f"Delete the saved search “{name}”?", parent=self.window)
        box.setInformativeText("The articles it finds stay in the library.")
        delete = box.addButton("Delete", QMessageBox.ButtonRole.DestructiveRole)
        box.addButton(QMessageBox.StandardButton.Cancel)
        box.buttonClicked.connect(
            lambda button: self.workspace.delete_saved(name) if button is delete else None)
        self._keep(box)
        box.open()
        return box

    def open_saved(self, name: str) -> None:
        """Show the saved search's results; what it finds now counts as seen."""
        window = self.window
        library = window.library
        if library is None:
            return
        try:
            request = saved_request(library, name, limit=window.page_size)
        except NewsarchiveError as exc:
            show_error(window, "Cannot open the saved search", exc)
            return
        window.search_bar.set_query(request.query, search=False)
        window.search(replace(request, include_notes=window.request.include_notes))
        if not library.read_only:
            self.workspace.mark_seen(name)

    def count_saved(self) -> None:
        """Count every saved search's matches and new ones, on the read lane (coalesced)."""
        library = self.window.library
        if library is None:
            self.saved_panel.show_statuses(())
            return
        if self._counting:
            self._count_again = True
            return
        self._counting = True

        def work(_progress: object, _cancel: object) -> list[SavedSearchStatus]:
            if not library.saved_searches.all():
                return []
            # The read lane's searcher, not a new one each time (an opening costs ~0.2 s at 100k).
            return list_saved(library, self.window.read_searcher.get(library))

        def answered(statuses: list[SavedSearchStatus]) -> None:
            self._counting = False
            if library is self.window.library:
                self.saved_panel.show_statuses(statuses)
            if self._count_again:
                self._count_again = False
                self.count_saved()

        def failed(failure: Failure) -> None:
            self._counting = False
            if library is self.window.library:
                self.window.report("Cannot count the saved searches", failure)

        Op(self.window.runner, work, success=answered, failure=failed, lane="read").run_in_background()

    @property
    def counting(self) -> bool:
        return self._counting or self._count_again

    # -- following the window ----------------------------------------------------------------

    def _library_changed(self, library: Library | None) -> None:
        self.note_pane.show_nothing()
        reason = self.workspace.read_only_reason()
        self.saved_panel.set_read_only(reason)
        self.save_search_action.setEnabled(reason is None)
        self.search_notes.setEnabled(library is not None)
        self.collections_panel.show_collections(self.workspace.collections(), None, reason)
        self.count_saved()
        self._show_star()

    def _result_shown(self, result: Any) -> None:
        self.collections_panel.show_collections(
            self.workspace.collections(), result, self.workspace.read_only_reason())
        self.search_notes.blockSignals(True)
        self.search_notes.setChecked(result.request.include_notes)
        self.search_notes.blockSignals(False)
        if self.window.reader.article is None:
            self.note_pane.show_nothing()
        self._show_star()

    def _article_shown(self, _article_id: str) -> None:
        article, library = self.window.reader.article, self.window.library
        if article is not None and library is not None:
            self.note_pane.show_article(library, article)
        self._show_star()

    def _collections_changed(self) -> None:
        self.collections_panel.show_collections(
            self.workspace.collections(), self.window.result, self.workspace.read_only_reason())
        self._show_star()

    def _workspace_changed(self) -> None:
        self._show_star()
        self.count_saved()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.window and event.type() == QEvent.Type.Close:
            # Closing saves the note being typed and waits for the notes on their way to disk.
            self.note_pane.save_now()
            self.workspace.wait_for_writes()
        return False
