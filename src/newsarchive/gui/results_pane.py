"""The results side of the window: filter chips over the table, pages and record details loaded off
the GUI thread, sorting by any column that shows an arrow, and the ids of the selected rows."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from newsarchive.core.errors import ArticleNotFound, LibraryError
from newsarchive.core.search.request import Hit, SearchResult
from newsarchive.core.storage.library import Library
from newsarchive.gui.chips import FilterChips
from newsarchive.gui.qt import QMenu, QPoint, Qt, QVBoxLayout, QWidget, Signal
from newsarchive.gui.results_model import LOCAL_SORT_LIMIT, RecordDetails, ResultsModel
from newsarchive.gui.results_view import ResultsTable
from newsarchive.gui.search_session import SearchSession
from newsarchive.gui.tasks import Op, TaskRunner

LibraryGetter = Callable[[], Library | None]


class ResultsPane(QWidget):
    """Shows one `SearchResult` at a time; asks the window for core sorts, sorts other columns."""

    core_sort_wanted = Signal(str)  # "newest", "oldest" or "relevance"
    status = Signal(str)  # a sentence for the status bar
    sorted_here = Signal()  # a local sort is now shown
    copy_chosen = Signal(str)  # the id of a folded copy picked from a row's "+N copies" list

    def __init__(
        self, runner: TaskRunner, session: SearchSession, library: LibraryGetter,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._runner = runner
        self._session = session
        self._library = library
        self.chips = FilterChips(self)
        self.model = ResultsModel(self)
        self.table = ResultsTable(self.model, self)
        self.model.details_shown = self.table.detail_columns_shown
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(4)
        layout.addWidget(self.chips)
        layout.addWidget(self.table, 1)
        self._sorting = 0  # counts local sorts asked for; an answer to an older one is dropped
        self._result: SearchResult | None = None
        self.copies_menu: QMenu | None = None

        self.model.page_wanted.connect(lambda gen, offset, limit: session.fetch_page(gen, offset, limit))
        self.model.details_wanted.connect(self._load_details)
        session.page_ready.connect(self.model.add_page)
        session.page_failed.connect(self.model.page_failed)
        self.table.horizontalHeader().sectionClicked.connect(self.header_clicked)
        self.table.columns_changed.connect(self._columns_changed)
        self.table.copies_clicked.connect(self.list_copies)

    # -- results -----------------------------------------------------------------------------

    def show_result(self, result: SearchResult, generation: int, page_size: int) -> None:
        """Show a new result; a column sorted here stays sorted when the same search is redone
        (a refresh after a change), and is dropped for a new search."""
        again = self._result is not None and self._result.request == result.request
        local = self.model.local_sort if again else None
        self._result = result
        self._sorting += 1
        self.model.reset(result, generation, page_size)
        if local is not None and result.total <= LOCAL_SORT_LIMIT:
            self.sort_by(*local)
        self.show_sort_indicator()

    def records_changed(self) -> None:
        """Records were corrected or re-imported: their details are read again when shown."""
        self.model.forget_details()

    # -- sorting -----------------------------------------------------------------------------

    def header_clicked(self, column: int) -> None:
        """Sort by `column`: the core sorts dates and relevance over every match; the other
        columns are sorted here, when all hits can be at hand. The arrow shows only a real order
        (the header has already moved it by itself: put it right)."""
        result = self._result
        if result is None:
            self.show_sort_indicator()
            return
        if column == ResultsModel.DATE:
            current = self._indicator()
            newest = current != (ResultsModel.DATE, Qt.SortOrder.DescendingOrder)
            self.core_sort_wanted.emit("newest" if newest else "oldest")
        elif column == ResultsModel.SNIPPET:
            if result.request.query.strip():
                self.core_sort_wanted.emit("relevance")
            else:
                self.status.emit("Relevance needs a query: type one, then sort by the snippet.")
        elif column in ResultsModel.LOCAL_COLUMNS:
            current = self.model.local_sort
            order = Qt.SortOrder.AscendingOrder
            if current is not None and current == (column, Qt.SortOrder.AscendingOrder):
                order = Qt.SortOrder.DescendingOrder
            self.sort_by(column, order)
        self.show_sort_indicator()

    def sort_by(self, column: int, order: Qt.SortOrder) -> None:
        result = self._result
        if result is None:
            return
        name = ResultsModel.HEADERS[column].lower()
        if result.total > LOCAL_SORT_LIMIT:
            self.status.emit(
                f"Sorting by {name} works for up to {LOCAL_SORT_LIMIT:,} results; this search has "
                f"{result.total:,}. Narrow it with a query or filters, or sort by date."
            )
            return
        self._sorting += 1
        asked = self._sorting
        generation = self.model.generation
        self.status.emit(f"Sorting by {name}…")

        def with_hits(hits: tuple[Hit, ...] | None) -> None:
            if hits is None or asked != self._sorting:
                return
            if column in ResultsModel.DETAIL_COLUMNS:
                missing = [h.id for h in hits if self.model.details(h.id) is None]
                self._load_details(missing, then=lambda: finish(hits))
            else:
                finish(hits)

        def finish(hits: tuple[Hit, ...]) -> None:
            if asked != self._sorting or generation != self.model.generation:
                return
            self.model.sort_locally(column, order, hits)
            self.show_sort_indicator()
            self.status.emit("")
            self.sorted_here.emit()

        self._session.fetch_all(generation, result.total, with_hits)

    def _indicator(self) -> tuple[int, Qt.SortOrder] | None:
        if self.model.local_sort is not None:
            return self.model.local_sort
        if self._result is None:
            return None
        sort = self._result.request.effective_sort
        if sort == "relevance":
            return (ResultsModel.SNIPPET, Qt.SortOrder.DescendingOrder)
        order = Qt.SortOrder.AscendingOrder if sort == "oldest" else Qt.SortOrder.DescendingOrder
        return (ResultsModel.DATE, order)

    def show_sort_indicator(self) -> None:
        header = self.table.horizontalHeader()
        shown = self._indicator()
        header.blockSignals(True)
        header.setSortIndicatorShown(shown is not None)
        if shown is not None:
            header.setSortIndicator(*shown)
        else:
            header.setSortIndicator(-1, Qt.SortOrder.AscendingOrder)
        header.blockSignals(False)
        header.viewport().update()

    # -- folded copies -----------------------------------------------------------------------

    def list_copies(self, row: int, position: QPoint) -> None:
        """Unfold a row's story: its copies (outlet, date, title; records read off the GUI thread)
        in a list at `position`; picking one reads it."""
        hit = self.model.hit(row)
        library = self._library()
        if hit is None or not hit.copies or library is None:
            return
        generation = self.model.generation

        def work(_progress: object, _cancel: object) -> list[tuple[str, str]]:
            out: list[tuple[str, str]] = []
            for article_id in hit.copies:
                try:
                    article = library.load(article_id)
                except (ArticleNotFound, LibraryError):
                    continue
                day = article.published
                when = f"{day.day} {day:%b %Y}" if day else "undated"
                out.append((article_id, f"{article.source or 'outlet unknown'}, {when} — {article.title}"))
            return out

        def loaded(lines: list[tuple[str, str]]) -> None:
            if generation != self.model.generation or library is not self._library():
                return
            if self.copies_menu is not None:
                self.copies_menu.deleteLater()
            menu = QMenu(self.table)
            menu.setObjectName("copiesMenu")
            menu.setToolTipsVisible(True)
            header = menu.addAction(f"Copies of “{hit.title}”")
            header.setEnabled(False)
            for article_id, text in lines:
                action = menu.addAction(text)
                action.triggered.connect(lambda _c=False, i=article_id: self.copy_chosen.emit(i))
            self.copies_menu = menu
            menu.popup(position)

        Op(self._runner, work, success=loaded, failure=lambda _f: None, lane="read").run_in_background()

    # -- record details ----------------------------------------------------------------------

    def _columns_changed(self) -> None:
        if self.table.detail_columns_shown():
            self.table.viewport().update()  # the rows shown ask for their records as they paint

    def _load_details(self, ids: list[str], then: Callable[[], Any] | None = None) -> None:
        library = self._library()
        if library is None or not ids:
            if then is not None:
                then()
            return

        def work(_progress: object, _cancel: object) -> dict[str, RecordDetails]:
            out: dict[str, RecordDetails] = {}
            for article_id in ids:
                try:
                    out[article_id] = RecordDetails.of(library.load(article_id))
                except (ArticleNotFound, LibraryError):
                    continue  # gone since the search: the row shows no details
            return out

        def loaded(details: dict[str, RecordDetails]) -> None:
            if library is self._library():
                self.model.add_details(details)
            if then is not None:
                then()

        Op(self._runner, work, success=loaded, failure=lambda _f: None, lane="read").run_in_background()

    # -- selection ---------------------------------------------------------------------------

    def selected_rows(self) -> list[int]:
        return sorted(index.row() for index in self.table.selectionModel().selectedRows())

    def selected_ids(self, done: Callable[[list[str] | None], None]) -> None:
        """The ids of the selected rows, rows whose page is not loaded included (asked of the
        index); `done(None)` when the search changed meanwhile."""
        rows = self.selected_rows()
        known = [self.model.hit(row) for row in rows]
        if all(hit is not None for hit in known):
            done([hit.id for hit in known if hit is not None])
            return
        expected = len(rows)

        def answered(ids: list[str] | None) -> None:
            done(ids if ids is not None and len(ids) == expected else None)

        self._session.ids_at(self.model.generation, rows, answered)
