"""The results table: a `QAbstractTableModel` over the hits of one search, fetched lazily in pages.

The model holds only the hits loaded so far and the total. When the view scrolls near the end,
`fetchMore` asks for the next page through `more_wanted`; the search session runs that query off
the GUI thread and hands the page back with `append_page`. A page of a superseded search (an older
`generation`) is dropped, so stale rows never mix with fresh ones.
"""

from __future__ import annotations

import html
from typing import Any

from newsarchive.core.model import SECTION_SEPARATOR
from newsarchive.core.search.request import Hit, SearchResult, Sort
from newsarchive.core.search.snippets import MARK_END as MARK_CLOSE
from newsarchive.core.search.snippets import MARK_START as MARK_OPEN
from newsarchive.gui.qt import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt, Signal

Index = QModelIndex | QPersistentModelIndex


def plain_snippet(snippet: str) -> str:
    return snippet.replace(MARK_OPEN, "").replace(MARK_CLOSE, "")


def snippet_html(snippet: str) -> str:
    """The snippet as rich text with matched terms in bold; everything else escaped."""
    out: list[str] = []
    rest = snippet
    while (start := rest.find(MARK_OPEN)) >= 0 and (end := rest.find(MARK_CLOSE, start)) >= 0:
        out.append(html.escape(rest[:start]))
        out.append(f"<b>{html.escape(rest[start + len(MARK_OPEN):end])}</b>")
        rest = rest[end + len(MARK_CLOSE):]
    out.append(html.escape(rest))
    return "".join(out)


class ResultsModel(QAbstractTableModel):
    """Rows are `Hit`s in the order the core sorted them; sorting asks the core for a new order."""

    TITLE, DATE, SECTION, PEOPLE, SNIPPET = range(5)
    HEADERS = ("Title", "Date", "Section", "People", "Snippet")

    HitRole = Qt.ItemDataRole.UserRole + 1
    IdRole = Qt.ItemDataRole.UserRole + 2
    # Native values (a date, a tuple) for anything that wants to compare rows.
    SortRole = Qt.ItemDataRole.UserRole + 3

    more_wanted = Signal(int, int)  # generation, offset of the first missing row
    sort_requested = Signal(str)  # one of core.search.request.SORTS

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._hits: list[Hit] = []
        self._total = 0
        self._generation = 0
        self._fetching = False
        self._sort: Sort = "relevance"

    # -- filling -----------------------------------------------------------------------------

    def reset(self, result: SearchResult, generation: int) -> None:
        """Show the first page of a new search."""
        self.beginResetModel()
        self._hits = list(result.hits)
        self._total = max(result.total, len(self._hits))
        self._generation = generation
        self._fetching = False
        self._sort = result.request.effective_sort
        self.endResetModel()

    def append_page(self, generation: int, offset: int, hits: tuple[Hit, ...]) -> None:
        """Add a page fetched for `more_wanted`; a page of an older search or offset is ignored."""
        if generation != self._generation or offset != len(self._hits):
            return
        if not hits:
            # The index changed under us and has fewer hits than it said: stop asking.
            self._total = len(self._hits)
            self._fetching = False
            return
        first = len(self._hits)
        self.beginInsertRows(QModelIndex(), first, first + len(hits) - 1)
        self._hits.extend(hits)
        self.endInsertRows()
        # Only now: a view asking for more during the insertion would ask for this page again.
        self._fetching = False

    def page_failed(self, generation: int) -> None:
        if generation == self._generation:
            self._fetching = False

    @property
    def total(self) -> int:
        return self._total

    @property
    def generation(self) -> int:
        return self._generation

    @property
    def current_sort(self) -> Sort:
        return self._sort

    def hit(self, row: int) -> Hit | None:
        return self._hits[row] if 0 <= row < len(self._hits) else None

    def row_of(self, article_id: str) -> int | None:
        for row, hit in enumerate(self._hits):
            if hit.id == article_id:
                return row
        return None

    # -- Qt model ----------------------------------------------------------------------------

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._hits)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.HEADERS)

    def canFetchMore(self, parent: Index) -> bool:
        return not parent.isValid() and not self._fetching and len(self._hits) < self._total

    def fetchMore(self, parent: Index) -> None:
        if not self.canFetchMore(parent):
            return
        self._fetching = True
        self.more_wanted.emit(self._generation, len(self._hits))

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._hits):
            return None
        hit = self._hits[index.row()]
        column = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return self._display(hit, column)
        if role == Qt.ItemDataRole.ToolTipRole:
            return self._tooltip(hit)
        if role == self.HitRole:
            return hit
        if role == self.IdRole:
            return hit.id
        if role == self.SortRole:
            return self._native(hit, column)
        if role == Qt.ItemDataRole.TextAlignmentRole and column == self.DATE:
            return int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        return None

    @staticmethod
    def _display(hit: Hit, column: int) -> str:
        if column == ResultsModel.TITLE:
            return hit.title
        if column == ResultsModel.DATE:
            return hit.published.isoformat() if hit.published else ""
        if column == ResultsModel.SECTION:
            return SECTION_SEPARATOR.join(hit.section_path)
        if column == ResultsModel.PEOPLE:
            return ", ".join(hit.people)
        return " ".join(plain_snippet(hit.snippet).split())

    @staticmethod
    def _native(hit: Hit, column: int) -> Any:
        if column == ResultsModel.DATE:
            return hit.published
        if column == ResultsModel.SECTION:
            return hit.section_path
        if column == ResultsModel.PEOPLE:
            return hit.people
        if column == ResultsModel.SNIPPET:
            return hit.score
        return hit.title

    @staticmethod
    def _tooltip(hit: Hit) -> str:
        title = f"<b>{html.escape(hit.title)}</b>"
        if not hit.snippet:
            return title
        return f"{title}<br>{snippet_html(' '.join(hit.snippet.split()))}"

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation == Qt.Orientation.Horizontal and 0 <= section < len(self.HEADERS):
            if role == Qt.ItemDataRole.DisplayRole:
                return self.HEADERS[section]
            if role == Qt.ItemDataRole.ToolTipRole and section == self.DATE:
                return "Click to sort newest or oldest first"
        return None

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        """Only the core can sort all matches: the date column asks it for newest or oldest first."""
        if column == self.DATE:
            ascending = order == Qt.SortOrder.AscendingOrder
            self.sort_requested.emit("oldest" if ascending else "newest")
