"""The main window: search bar, facet panel, results and reader, wired to one search session."""

from __future__ import annotations

import html
from dataclasses import replace
from pathlib import Path
from typing import Any

from newsarchive.core.errors import ArticleNotFound, LibraryError
from newsarchive.core.model import Article
from newsarchive.core.operations.child_process import recover_job, run_in_child
from newsarchive.core.operations.recovery import needs_recovery
from newsarchive.core.search.request import SearchRequest, SearchResult
from newsarchive.core.storage.library import Library
from newsarchive.gui import filters
from newsarchive.gui.errors import show_error, show_failure
from newsarchive.gui.facet_panel import FacetPanel
from newsarchive.gui.highlight import highlighter_for
from newsarchive.gui.problem_notice import ProblemNotice
from newsarchive.gui.qt import (
    QAction,
    QCheckBox,
    QCloseEvent,
    QDragEnterEvent,
    QDropEvent,
    QItemSelectionModel,
    QLabel,
    QMainWindow,
    QModelIndex,
    Qt,
    QTimer,
    QVBoxLayout,
    QWidget,
    Signal,
)
from newsarchive.gui.read_lane_searcher import ReadLaneSearcher
from newsarchive.gui.reader import ReaderPane
from newsarchive.gui.results_model import ResultsModel
from newsarchive.gui.results_pane import ResultsPane
from newsarchive.gui.search_bar import SearchBar
from newsarchive.gui.search_session import SearcherFactory, SearchSession, open_archive_searcher
from newsarchive.gui.settings import AppSettings
from newsarchive.gui.story_actions import StoryActions
from newsarchive.gui.tasks import Failure, Op, TaskRunner
from newsarchive.gui.window_layout import WindowLayout

# How often the window asks whether someone else changed the open library (the command line, a
# second window): a look at the index's table of contents, well under a millisecond.
WATCH_MS = 2000


class MainWindow(QMainWindow):
    """A researcher's window on one library. Menus and dialogs are added by `window_actions`."""

    library_changed = Signal(object)  # Library or None
    library_refreshed = Signal()  # the open library changed (here or elsewhere) and was searched again
    result_shown = Signal(object)  # SearchResult
    article_shown = Signal(str)  # article id
    import_requested = Signal(list)  # paths dropped on the window
    index_unusable = Signal(str)  # the index is missing or damaged: the menus offer a rebuild

    def __init__(
        self,
        settings: AppSettings,
        runner: TaskRunner | None = None,
        searcher_factory: SearcherFactory = open_archive_searcher,
        parent: Any = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("mainWindow")
        self.settings = settings
        self.runner = runner or TaskRunner()
        self.library: Library | None = None
        self._recovering = False
        self._refreshing = False
        self.result: SearchResult | None = None
        self.page_size = int(settings.get("search/page_size"))
        self.session = SearchSession(self.runner, searcher_factory, self)

        self.search_bar = SearchBar(int(settings.get("search/debounce_ms")), self)
        self.search_bar.set_history(settings.get("search/history"))
        self.search_bar.set_sort(settings.get("search/sort"))
        self.facets = FacetPanel(self)
        self.results_pane = ResultsPane(self.runner, self.session, lambda: self.library, self)
        self.chips = self.results_pane.chips
        self.results = self.results_pane.model
        self.table = self.results_pane.table
        self.reader = ReaderPane(self)
        self.suggestion = QLabel(self)
        self.suggestion.setTextFormat(Qt.TextFormat.RichText)
        self.suggestion.linkActivated.connect(lambda _link: self._use_suggestion())
        self.count_label = QLabel(self)
        self.problem = ProblemNotice(self)
        self.statusBar().addWidget(self.count_label)
        # Near-duplicate copies folded under one row per story: a checkbox by the count, and the
        # same choice in the Search menu; remembered.
        self.fold_box = QCheckBox("Fold copies", self)
        self.fold_box.setToolTip("One row per story: copies of an article (other outlets, other "
                                 "saves) folded under it as “+N copies”")
        self.fold_action = QAction("&Fold copies", self)
        self.fold_action.setCheckable(True)
        for control in (self.fold_box, self.fold_action):
            control.setChecked(bool(settings.get("search/fold_copies")))
        self.fold_box.toggled.connect(self.set_fold)
        self.fold_action.toggled.connect(self.set_fold)
        self.statusBar().addWidget(self.fold_box)
        self.statusBar().addWidget(self.suggestion)
        self.statusBar().addPermanentWidget(self.problem, 1)

        central = QWidget(self)
        layout = QVBoxLayout(central)
        layout.setContentsMargins(6, 6, 6, 0)
        layout.addWidget(self.search_bar)
        self.layout_rule = WindowLayout(self.facets, self.results_pane, self.reader, central)
        layout.addWidget(self.layout_rule.main_splitter, 1)
        self.main_splitter = self.layout_rule.main_splitter
        self.right_splitter = self.layout_rule.right_splitter
        self.setCentralWidget(central)
        self.setAcceptDrops(True)
        self.resize(1280, 800)
        self.layout_rule.start(1280)

        self.watch = QTimer(self)
        self.watch.setInterval(WATCH_MS)
        self.watch.timeout.connect(self.session.check_for_changes)
        self._connect()
        # One searcher for the read lane's questions (copies, more like this, saved searches).
        self.read_searcher = ReadLaneSearcher(self.runner)
        self.stories = StoryActions(self)
        self._show_library_title()
        self.chips.set_chips(())

    def _connect(self) -> None:
        self.search_bar.search_requested.connect(self._query_typed)
        self.search_bar.box.returnPressed.connect(self._remember_query)
        self.search_bar.sort_changed.connect(self.set_sort)
        self.results_pane.core_sort_wanted.connect(self.set_sort)
        self.results_pane.status.connect(lambda text: self.statusBar().showMessage(text, 10_000))
        self.results_pane.sorted_here.connect(self._select_after_sort)
        self.results_pane.copy_chosen.connect(self.show_article_id)
        self.results.rows_loaded.connect(self._rows_loaded)
        self.session.result_ready.connect(self._show_result)
        self.session.query_failed.connect(self._query_failed)
        self.session.search_failed.connect(self._search_failed)
        self.session.changed_elsewhere.connect(self.refresh)
        self.table.selectionModel().currentRowChanged.connect(self._row_changed)
        for facet, signal in (("section", self.facets.section_picked), ("person", self.facets.person_picked),
                              ("source", self.facets.source_picked)):
            signal.connect(lambda v, m, f=facet: self.search(filters.with_value(self.request, f, v, m)))
        self.facets.review_picked.connect(lambda on: self.search(filters.with_needs_review(self.request, on)))
        self.facets.dates_picked.connect(self._dates_picked)
        self.chips.chip_removed.connect(lambda key: self.search(filters.without_chip(self.request, key)))
        self.chips.clear_all.connect(lambda: self.search(filters.cleared(self.request)))
        self.reader.person_clicked.connect(
            lambda name: self.search(filters.with_value(self.request, "person", name, "include"))
        )
        self.reader.section_clicked.connect(
            lambda path: self.search(filters.with_value(self.request, "section", path, "include"))
        )
        self.reader.related_clicked.connect(lambda title: self.search_bar.set_query(f'"{title}"'))
        self.reader.render_failed.connect(lambda failure: self.report("Cannot show this article", failure))

    def report(self, what: str, failure: Failure) -> None:
        """A failure no dialog is waiting for: logged, and said in the status bar (copyable)."""
        self.problem.show_failure(what, failure)

    # -- library -----------------------------------------------------------------------------

    def open_library(self, path: Path, *, read_only: bool = False) -> bool:
        """Open the library at `path` and list it; a problem is shown as a sentence, not raised."""
        try:
            library = Library.open(path, read_only=read_only)
        except LibraryError as exc:
            show_error(self, "Cannot open the library", exc)
            return False
        self._recovering = not library.read_only and needs_recovery(library)
        self.set_library(library)
        if self._recovering:
            self._recover(library)
        return True

    def _recover(self, library: Library) -> None:
        """Finish, off the GUI thread, what a killed import left; then list the library again."""

        def done(messages: list[str]) -> None:
            if self.library is library:
                self._recovering = False
                if messages:
                    self.statusBar().showMessage(" ".join(messages), 15_000)
                self.refresh()

        def failed(failure: Failure) -> None:
            if self.library is library:
                self._recovering = False
            show_failure(self, "Cannot finish an interrupted import", failure)

        Op(
            self.runner,
            lambda progress, cancel: run_in_child(
                recover_job, library.path, progress=progress, cancel=cancel),
            success=done,
            failure=failed,
            lane="write",
        ).run_in_background()

    def set_library(self, library: Library | None) -> None:
        """Show `library` from a clean start: the last library's query, filters, sort by a
        column, article and notices do not carry over."""
        self.library = library
        self.session.open(library.index_dir if library else None)
        self.result = None
        self.search_bar.set_query("", search=False)
        self.problem.hide()
        if library is not None:
            self.reader.show_message("Select an article to read it.")
            self.settings.remember_library(library.path)
            sort = self.settings.get("search/sort")
            self.search(SearchRequest(sort=sort, limit=self.page_size))
            self.watch.start()
        else:
            self.watch.stop()
            self._show_nothing()
        self._show_library_title()
        self.library_changed.emit(library)

    def _show_nothing(self) -> None:
        empty = _empty_result(SearchRequest(sort=self.request.sort))
        self.results_pane.show_result(empty, self.session.generation, self.page_size)
        self.facets.show_result(empty)
        self.chips.set_chips(())
        self.count_label.setText("No library is open.")
        self.suggestion.clear()
        self.reader.show_message("No library is open.")

    def _show_library_title(self) -> None:
        if self.library is None:
            self.setWindowTitle("newsarchive")
            return
        mode = " (read-only)" if self.library.read_only else ""
        self.setWindowTitle(f"{self.library.name}{mode} — newsarchive")

    # -- searching ---------------------------------------------------------------------------

    @property
    def request(self) -> SearchRequest:
        return self.session.request

    def search(self, request: SearchRequest, *, refresh: bool = False) -> None:
        if self.library is None:
            return
        request = replace(request, limit=self.page_size, offset=0, collapse=self.fold_box.isChecked())
        self.chips.set_chips(filters.chips(request))
        self.count_label.setText("Searching…")
        self.session.search(request, refresh=refresh)

    def refresh(self) -> None:
        """Search again after the library changed (an import, a rebuild, a correction, or any of
        these made by another process): results, facets, counts and the open article."""
        self.results_pane.records_changed()
        self._refreshing = True
        self.search(self.request, refresh=True)

    def set_fold(self, fold: bool) -> None:
        """Fold near-duplicate copies under one row per story, or list every article."""
        for control in (self.fold_box, self.fold_action):
            if control.isChecked() != fold:
                control.setChecked(fold)  # the other control's signal comes back here: no loop
        self.settings.set("search/fold_copies", fold)
        if self.library is not None and self.request.collapse != fold:
            self.search(self.request)

    def set_sort(self, sort: str) -> None:
        self.search_bar.set_sort(sort)  # type: ignore[arg-type]
        self.settings.set("search/sort", sort)
        if (sort != self.request.effective_sort or sort != self.request.sort
                or self.results.local_sort is not None):
            self.search(replace(self.request, sort=sort))  # type: ignore[arg-type]

    def _query_typed(self, query: str) -> None:
        if query != self.request.query or self.search_bar.has_error:
            self.search(replace(self.request, query=query))

    def _remember_query(self) -> None:
        self.search_bar.set_history(self.settings.remember_query(self.search_bar.query))

    def _dates_picked(self, start: Any, end: Any) -> None:
        if (start, end) != (self.request.date_from, self.request.date_to):
            self.search(filters.with_dates(self.request, start, end))

    def _show_result(self, result: SearchResult, generation: int) -> None:
        previous = self._current_id()
        refreshed, self._refreshing = self._refreshing, False
        self.result = result
        self.search_bar.clear_error()
        self.results_pane.show_result(result, generation, self.page_size)
        self.facets.show_result(result)
        self.chips.set_chips(filters.chips(result.request))
        # Shows the order in force: an empty query has no relevance and lists newest first.
        self.search_bar.set_sort(result.request.effective_sort)
        self.count_label.setText(f"{count_text(result)} · {result.took_ms:.0f} ms")
        if result.suggestion:
            self.suggestion.setText(f'Did you mean <a href="suggest">{html.escape(result.suggestion)}</a>?')
        else:
            self.suggestion.clear()
        row = self.results.row_of(previous) if previous else None
        if row is None and self.results.rowCount():
            row = 0
        if row is not None:
            self.select_row(row)
        elif self.library is None:
            self.reader.show_message("No library is open.")
        elif result.total == 0 and not result.request.query.strip() and not result.request.filters():
            # Nothing is wrong with a new library: there is just nothing in it yet.
            self.count_label.setText("This library is empty.")
            self.reader.show_message(
                "This library is empty.\n\nImport saved articles with File ▸ Import folder… "
                "(Ctrl+I), or drop folders on this window."
            )
        else:
            self.reader.show_message("No articles match.")
        self.result_shown.emit(result)
        if refreshed:
            self.library_refreshed.emit()

    def _select_after_sort(self) -> None:
        shown = self.reader.article.id if self.reader.article else None
        row = self.results.row_of(shown) if shown else None
        self.select_row(row if row is not None else 0)

    def _use_suggestion(self) -> None:
        if self.result is not None and self.result.suggestion:
            self.search_bar.set_query(self.result.suggestion)

    def _query_failed(self, message: str, position: int | None) -> None:
        self.search_bar.show_error(message, position)
        self.count_label.setText("The query has a mistake (see beside the search box).")

    def _search_failed(self, failure: Failure) -> None:
        library = self.library
        if library is not None and self._recovering:
            # The index is being put right off the GUI thread; the results come when it is done.
            self.count_label.setText("Finishing an interrupted import…")
            return
        self.count_label.setText("The library cannot be searched.")
        # No stale list: what was shown belongs to a search that can no longer be made.
        empty = _empty_result(self.request)
        self.results_pane.show_result(empty, self.session.generation, self.page_size)
        self.reader.show_message(f"The library cannot be searched.\n\n{failure.message}")
        if library is not None and isinstance(failure.error, LibraryError) and not library.read_only:
            self.index_unusable.emit(failure.message)
            return
        show_failure(self, "Search failed", failure)

    # -- results and reader ------------------------------------------------------------------

    def _current_id(self) -> str | None:
        index = self.table.currentIndex()
        return index.data(ResultsModel.IdRole) if index.isValid() else None

    def current_article(self) -> Article | None:
        return self.reader.article

    def select_row(self, row: int) -> None:
        index = self.results.index(row, ResultsModel.TITLE)
        if index.isValid():
            self.table.selectionModel().setCurrentIndex(
                index,
                QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows,
            )
            self.table.scrollTo(index)

    def move_result(self, step: int) -> None:
        row = self.table.currentIndex().row()
        target = max(0, min(self.results.rowCount() - 1, row + step))
        self.results.ensure_loaded(target)
        self.select_row(target)

    def _row_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        self.show_row(current.row() if current.isValid() else -1)

    def _rows_loaded(self, first: int, last: int) -> None:
        row = self.table.currentIndex().row()
        if first <= row <= last and self.reader.article is None:
            self.show_row(row)

    def show_article_id(self, article_id: str) -> None:
        """Show an article that need not be among the results (a copy, an article like this)."""
        if self.library is None:
            return
        try:
            article = self.library.load(article_id)
        except (ArticleNotFound, LibraryError) as exc:
            self.statusBar().showMessage(f"This article cannot be shown: {exc}", 10_000)
            return
        row = self.results.row_of(article_id)
        if row is not None and row != self.table.currentIndex().row():
            self.select_row(row)  # it is in the list: show it there, selected
            return
        terms = self.result.terms if self.result else ()
        if self.reader.show_article(article, self.library.article_dir(article_id), highlighter_for(terms)):
            self.article_shown.emit(article_id)

    def show_row(self, row: int) -> None:
        """Show the article of `row` in the reader, or say why it cannot be shown."""
        if self.library is None or row < 0:
            return
        hit = self.results.hit(row)
        if hit is None:
            self.reader.show_message("Loading…")
            return
        try:
            article = self.library.load(hit.id)
        except (ArticleNotFound, LibraryError) as exc:
            self.reader.show_message(f"This article cannot be shown.\n\n{exc}")
            return
        terms = self.result.terms if self.result else ()
        # The same article shown again (the window searched again after a change, a note saved)
        # keeps the reader's place instead of jumping back to its top.
        again = self.reader.article is not None and self.reader.article.id == hit.id
        place = self.reader.browser.verticalScrollBar().value()
        if self.reader.show_article(article, self.library.article_dir(hit.id), highlighter_for(terms)):
            if again:
                self.reader.browser.verticalScrollBar().setValue(place)
            self.article_shown.emit(hit.id)

    # -- drag and drop -----------------------------------------------------------------------

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        urls = event.mimeData().urls()
        if urls and all(u.isLocalFile() for u in urls) and self.library and not self.library.read_only:
            event.acceptProposedAction()

    def dropEvent(self, event: QDropEvent) -> None:
        paths = [Path(u.toLocalFile()) for u in event.mimeData().urls() if u.isLocalFile()]
        if paths:
            event.acceptProposedAction()
            self.import_requested.emit(paths)

    # -- closing -----------------------------------------------------------------------------

    def closeEvent(self, event: QCloseEvent) -> None:
        self.watch.stop()
        self.save_state()
        self.stories.close()
        self.session.close()
        super().closeEvent(event)

    def save_state(self) -> None:
        self.layout_rule.save(self, self.settings)

    def restore_state(self) -> None:
        self.layout_rule.restore(self, self.settings)


def count_text(result: SearchResult) -> str:
    """"12 articles", or "12 articles, 9 stories" when some are copies of others."""
    articles = result.articles if result.articles is not None else result.total
    text = f"{articles:,} {'article' if articles == 1 else 'articles'}"
    if result.stories is not None and result.stories != articles:
        text += f", {result.stories:,} {'story' if result.stories == 1 else 'stories'}"
    return text


def _empty_result(request: SearchRequest) -> SearchResult:
    return SearchResult(request=request, total=0, took_ms=0.0, hits=())
