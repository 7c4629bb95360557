"""The Edit and Article menus and the results' context menu: correcting one article or a selection,
renaming values, undo, review fixes from the reader, citations, printing and PDF."""

from __future__ import annotations

import os
from collections.abc import Callable
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING

from newsarchive.core.errors import ExportError
from newsarchive.core.model import Article
from newsarchive.core.operations.editing import ArticleEdit
from newsarchive.core.storage.library import Library
from newsarchive.gui import library_dialogs
from newsarchive.gui.article_tools import (
    CITATION_FORMATS,
    citation_label,
    copy_citation,
    print_article,
    save_pdf,
)
from newsarchive.gui.corrections import Corrections
from newsarchive.gui.edit_dialog import ArticleEditDialog, RenameDialog, SelectionEditDialog
from newsarchive.gui.errors import show_error
from newsarchive.gui.qt import QAction, QFileDialog, QKeySequence, QMenu, QMenuBar, QObject, QPoint

if TYPE_CHECKING:
    from newsarchive.gui.main_window import MainWindow


class ArticleActions(QObject):
    """Owns the Edit and Article menus; `dialogs` holds the open ones (for tests and for closing)."""

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window = window
        self.corrections = Corrections(window)
        self.dialogs: list[object] = []
        self.export_selected: QAction | None = None  # set by the window's actions
        # Entries other parts of the window add to the results' context menu (collections, Starred).
        self.row_menu_extensions: list[Callable[[QMenu], None]] = []

    def add_edit_menu(self, bar: QMenuBar) -> QMenu:
        menu = bar.addMenu("&Edit")
        self.undo = self._add(menu, "&Undo", self.corrections.undo, QKeySequence.StandardKey.Undo)
        menu.addSeparator()
        self.edit_article = self._add(menu, "&Edit article…", lambda: self.edit_current(), "F2")
        self.edit_selection = self._add(menu, "Edit the &selected articles…", self.edit_selected, "Shift+F2")
        self.mark_reviewed = self._add(menu, "&Mark reviewed", self.mark_selected_reviewed, "Ctrl+M")
        menu.addSeparator()
        self.rename = self._add(menu, "&Rename or merge a section, person or tag…", lambda: self.ask_rename())
        self.corrections.undo_label_changed.connect(self._undo_label)
        self.window.facets.rename_wanted.connect(self.ask_rename)
        self.window.reader.review_action.connect(self.review_fix)
        self.window.table.row_menu_requested.connect(self.show_row_menu)
        for signal in (self.window.library_changed, self.window.article_shown, self.window.result_shown):
            signal.connect(lambda *_: self.update_enabled())
        return menu

    def add_article_menu(self, bar: QMenuBar) -> QMenu:
        menu = bar.addMenu("&Article")
        self.cite_menu = self.citation_menu(menu)
        menu.addMenu(self.cite_menu)
        self.print = self._add(menu, "&Print…", lambda: print_article(self.window.reader, self.window),
                               QKeySequence.StandardKey.Print)
        self.pdf = self._add(menu, "Save as P&DF…", self.ask_pdf)
        self.open_folder = self._add(menu, "Open its &folder", self.window.reader.open_folder)
        menu.addSeparator()
        self.open_original = self._add(menu, "Open &original", lambda: self.window.stories.open_original())
        self.more_like_this = self._add(menu, "More &like this", lambda: self.window.stories.show_similar(),
                                        "Ctrl+Shift+L")
        self.update_enabled()
        return menu

    def _add(self, menu: QMenu, text: str, slot: Callable[[], object],
             shortcut: str | QKeySequence.StandardKey | None = None) -> QAction:
        action = menu.addAction(text)
        action.triggered.connect(lambda _checked=False: slot())
        if shortcut is not None:
            action.setShortcut(QKeySequence(shortcut))
        return action

    def citation_menu(self, parent: QMenu) -> QMenu:
        menu = QMenu("Copy &citation", parent)
        for fmt in CITATION_FORMATS:
            action = menu.addAction(citation_label(fmt))
            action.triggered.connect(partial(self.copy_citation, fmt))
            if fmt == "bibtex":
                action.setShortcut(QKeySequence("Ctrl+Shift+C"))
        return menu

    def _keep(self, dialog: object) -> None:
        self.dialogs.append(dialog)
        finished = getattr(dialog, "finished", None)
        if finished is not None:
            finished.connect(lambda _r=0, d=dialog: self.dialogs.remove(d) if d in self.dialogs else None)

    # -- state -------------------------------------------------------------------------------

    def _writable(self) -> Library | None:
        library = self.window.library
        return library if library is not None and not library.read_only else None

    def update_enabled(self) -> None:
        writable = self._writable() is not None
        reading = self.window.reader.article is not None
        for action in (self.edit_article, self.mark_reviewed):
            action.setEnabled(writable and reading)
        self.edit_selection.setEnabled(writable and self.window.results.rowCount() > 0)
        self.rename.setEnabled(writable)
        for name in ("print", "pdf", "open_folder"):
            reader_action = getattr(self, name, None)  # the Article menu comes after the Edit menu
            if reader_action is not None:
                reader_action.setEnabled(reading)
        if hasattr(self, "cite_menu"):
            self.cite_menu.setEnabled(reading)
        if hasattr(self, "open_original"):
            self.open_original.setEnabled(reading and self.window.reader.has_original)
            self.more_like_this.setEnabled(reading)

    def _undo_label(self, what: str | None) -> None:
        self.undo.setEnabled(what is not None and self._writable() is not None)
        self.undo.setText(f"&Undo {what}" if what else "&Undo")

    # -- correcting --------------------------------------------------------------------------

    def edit_current(self, focus: str | None = None) -> ArticleEditDialog | None:
        article = self.window.reader.article
        if article is None or self._writable() is None:
            return None
        dialog = ArticleEditDialog(article, focus or None, self.window)
        dialog.accepted.connect(lambda: self._apply([article.id], dialog.edit()))
        self._keep(dialog)
        dialog.open()
        return dialog

    def _apply(self, ids: list[str], edit: ArticleEdit) -> None:
        if edit:
            self.corrections.edit(ids, edit)

    def edit_selected(self) -> None:
        def chosen(ids: list[str] | None) -> None:
            if not ids:
                return
            if len(ids) == 1 and self.window.reader.article is not None \
                    and self.window.reader.article.id == ids[0]:
                self.edit_current()
                return
            self.open_selection_dialog(ids)

        self.window.results_pane.selected_ids(chosen)

    def open_selection_dialog(self, ids: list[str]) -> SelectionEditDialog:
        result = self.window.result
        sections = [f.value for f in result.facets.get("section", ())] if result else []
        dialog = SelectionEditDialog(len(ids), sections, self.window)
        dialog.accepted.connect(lambda: self._apply(ids, dialog.edit()))
        self._keep(dialog)
        dialog.open()
        return dialog

    def mark_selected_reviewed(self) -> None:
        self.window.results_pane.selected_ids(
            lambda ids: self._apply(ids, ArticleEdit(reviewed=True)) if ids else None)

    def ask_rename(self, kind: str = "section", old: str = "") -> RenameDialog | None:
        if self._writable() is None:
            return None
        result = self.window.result
        facet = {"section": "section", "person": "person"}.get(kind)
        suggestions = [f.value for f in result.facets.get(facet, ())] if result and facet else []
        dialog = RenameDialog(kind, old, suggestions, self.window)
        dialog.accepted.connect(lambda: self.corrections.rename(*dialog.chosen))
        self._keep(dialog)
        dialog.open()
        return dialog

    def review_fix(self, action: str, argument: str) -> None:
        """A fix clicked in the reader's review note."""
        article = self.window.reader.article
        if article is None or self._writable() is None:
            return
        if action == "edit":
            self.edit_current(argument)
        elif action == "reviewed":
            self._apply([article.id], ArticleEdit(reviewed=True))
        elif action == "kind":
            tag, _, kind = argument.partition("\t")
            # Once done, the window searches again, and the Undo label follows (`library_refreshed`).
            library_dialogs.correct_tag_kind(self.window, tag, kind)

    # -- the article in the reader -----------------------------------------------------------

    def _reading(self) -> Article | None:
        return self.window.reader.article

    def copy_citation(self, fmt: str) -> str | None:
        article, library = self._reading(), self.window.library
        if article is None or library is None:
            return None
        text = copy_citation(article, fmt, library.name, str(library.path))
        self.window.statusBar().showMessage(
            f"Copied a {citation_label(fmt)} citation of “{article.title}”.", 8000)
        return text

    def ask_pdf(self) -> None:
        article = self._reading()
        if article is None:
            return
        from newsarchive.gui.settings import export_folder

        name = "".join(c if c.isalnum() or c in " -_" else " " for c in article.title)
        name = name.strip()[:80] or article.id
        path, _ = QFileDialog.getSaveFileName(
            self.window, "Save the article as PDF", str(export_folder(self.window.settings) / f"{name}.pdf"),
            "PDF (*.pdf)")
        if path:
            self.write_pdf(Path(path))

    def write_pdf(self, path: Path) -> bool:
        # Qt's PDF writer only warns on stderr when it cannot open its file: check first, and after.
        folder = path.parent
        problem = None
        if not folder.is_dir():
            problem = f"The folder {folder} does not exist; choose an existing folder."
        elif not os.access(folder, os.W_OK):
            problem = f"Cannot write to the folder {folder} (no permission or read-only); choose another."
        else:
            save_pdf(self.window.reader, path)
            if not path.is_file() or path.stat().st_size == 0:
                problem = f"Nothing could be written to {path}."
        if problem is not None:
            show_error(self.window, "Cannot save the PDF", ExportError(problem))
            return False
        self.window.statusBar().showMessage(f"Saved “{path.name}” in {path.parent}.", 8000)
        return True

    # -- the results' context menu -----------------------------------------------------------

    def row_menu(self) -> QMenu:
        menu = QMenu(self.window.table)
        for action in (self.edit_article, self.edit_selection, self.mark_reviewed):
            menu.addAction(action)
        menu.addSeparator()
        menu.addMenu(self.citation_menu(menu))
        if self.export_selected is not None:
            menu.addAction(self.export_selected)
        self._add_copies_entry(menu)
        for extend in self.row_menu_extensions:
            extend(menu)
        return menu

    def _add_copies_entry(self, menu: QMenu) -> None:
        """A folded row's copies, listed as a click on its "+N copies" lists them."""
        table = self.window.table
        row = table.currentIndex().row()
        hit = self.window.results.hit(row) if row >= 0 else None
        if hit is None or not hit.copies:
            return
        rect = table.visualRect(table.currentIndex())
        where = table.viewport().mapToGlobal(rect.bottomLeft())
        menu.addSeparator()
        action = menu.addAction(f"List the {len(hit.copies)} cop{'y' if len(hit.copies) == 1 else 'ies'} "
                                "of this story")
        action.triggered.connect(lambda _c=False: self.window.results_pane.list_copies(row, where))

    def show_row_menu(self, position: QPoint) -> None:
        menu = self.row_menu()
        menu.exec(position)
        menu.deleteLater()

