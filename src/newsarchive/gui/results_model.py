"""The results table: a `QAbstractTableModel` over every hit of one search, loaded in pages on demand.

The model has one row per match from the start (`total` rows), so the scroll bar is honest and
Ctrl+End goes to the real end. Only the pages a view shows are loaded: asking `data()` for a row of
a page not yet loaded asks for that page (`page_wanted`); the search session runs the query off the
GUI thread and hands it back with `add_page`. Columns the index does not keep (outlet, author,
language, date imported) come from the records, loaded off the GUI thread too (`details_wanted`).
Pages of a superseded search (an older `generation`) are dropped.

The core sorts by date or relevance over every match. Other columns are sorted here, once every
hit is at hand (`sort_locally`), which the window allows up to `LOCAL_SORT_LIMIT` matches.
"""

from __future__ import annotations

import html
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from newsarchive.core.model import SECTION_SEPARATOR, Article
from newsarchive.core.search.request import Hit, SearchResult, Sort
from newsarchive.core.search.snippets import MARK_END as MARK_CLOSE
from newsarchive.core.search.snippets import MARK_START as MARK_OPEN
from newsarchive.gui.qt import (
    QAbstractTableModel,
    QColor,
    QIcon,
    QModelIndex,
    QPainter,
    QPersistentModelIndex,
    QPixmap,
    QRect,
    Qt,
    QTimer,
    Signal,
)

Index = QModelIndex | QPersistentModelIndex

# Sorting a column the core cannot sort needs every hit (and, for record columns, every record).
LOCAL_SORT_LIMIT = 2000
LOADING = "Loading…"


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


def copies_label(count: int) -> str:
    return f"+{count} {'copy' if count == 1 else 'copies'}"


@dataclass(frozen=True, slots=True)
class RecordDetails:
    """What a row shows from the article's record rather than the index."""

    source: str
    author: str
    language: str
    imported_at: datetime | None
    review: tuple[str, ...]

    @classmethod
    def of(cls, article: Article) -> RecordDetails:
        return cls(article.source or "", article.author or "", article.language or "",
                   article.imported_at, article.review)


def _text_key(text: str) -> tuple[bool, str]:
    # Empty values sort after every other, whichever way the column is sorted (see `_ordered`).
    return (not text, text.casefold())


_icon: QIcon | None = None


def note_icon() -> QIcon:
    """A small note sheet (drawn, so no icon theme is needed) for rows whose article has a note."""
    global _icon  # one pixmap for every row, made on first use (it needs a QApplication)
    if _icon is None:
        pixmap = QPixmap(16, 16)
        pixmap.fill(Qt.GlobalColor.transparent)
        painter = QPainter(pixmap)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setPen(QColor("#8d6e00"))
        painter.setBrush(QColor("#ffe082"))
        painter.drawRect(QRect(2, 1, 11, 13))
        for y in (5, 8, 11):
            painter.drawLine(4, y, 11, y)
        painter.end()
        _icon = QIcon(pixmap)
    return _icon


class ResultsModel(QAbstractTableModel):
    """Rows are hits in the core's order, or in a column's order once sorted here."""

    (TITLE, DATE, SECTION, SOURCE, PEOPLE, AUTHOR, LANGUAGE, IMPORTED, SNIPPET) = range(9)
    HEADERS = ("Title", "Date", "Section", "Outlet", "People", "Author", "Language", "Imported",
               "Snippet")
    # Columns read from the records (the index keeps only what a hit shows).
    DETAIL_COLUMNS = frozenset({SOURCE, AUTHOR, LANGUAGE, IMPORTED})
    # Columns sorted here (the core sorts dates, and relevance, which the snippet column stands for).
    LOCAL_COLUMNS = frozenset({TITLE, SECTION, SOURCE, PEOPLE, AUTHOR, LANGUAGE, IMPORTED})

    HitRole = Qt.ItemDataRole.UserRole + 1
    IdRole = Qt.ItemDataRole.UserRole + 2
    # Native values (a date, a tuple) for anything that wants to compare rows.
    SortRole = Qt.ItemDataRole.UserRole + 3
    # With copies folded: the ids of the other articles of the row's story.
    CopiesRole = Qt.ItemDataRole.UserRole + 4

    page_wanted = Signal(int, int, int)  # generation, offset, limit
    details_wanted = Signal(list)  # article ids whose records the detail columns need
    rows_loaded = Signal(int, int)  # first, last row that just got their hits

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._pages: dict[int, tuple[Hit, ...]] = {}
        self._asked: set[int] = set()
        self._page_size = 200
        self._total = 0
        self._generation = 0
        self._sort: Sort = "relevance"
        self._local: list[Hit] | None = None
        self._local_sort: tuple[int, Qt.SortOrder] | None = None
        self._details: dict[str, RecordDetails] = {}
        self._details_asked: set[str] = set()
        self._details_wanted: list[str] = []
        # The ids the rows being painted need are gathered and asked for once the paint is done.
        self._details_timer = QTimer(self)
        self._details_timer.setSingleShot(True)
        self._details_timer.setInterval(0)
        self._details_timer.timeout.connect(self._ask_details)
        self.details_shown: Callable[[], bool] = lambda: True

    # -- filling -----------------------------------------------------------------------------

    def reset(self, result: SearchResult, generation: int, page_size: int | None = None) -> None:
        """Show a new search: its first page now, the rest as views ask for them."""
        self.beginResetModel()
        if page_size:
            self._page_size = page_size
        self._page_size = max(self._page_size, len(result.hits), 1)
        self._pages = {0: result.hits} if result.hits else {}
        self._asked = {0}
        self._total = max(result.total, len(result.hits))
        self._generation = generation
        self._sort = result.request.effective_sort
        self._local = None
        self._local_sort = None
        self.endResetModel()

    def add_page(self, generation: int, offset: int, hits: tuple[Hit, ...]) -> None:
        """A page asked for with `page_wanted`; one of an older search is ignored."""
        if generation != self._generation or offset % self._page_size or self._local is not None:
            return
        page = offset // self._page_size
        self._pages[page] = hits
        first = offset
        last = min(self._total, offset + self._page_size) - 1
        if last >= first:
            self.dataChanged.emit(self.index(first, 0), self.index(last, self.columnCount() - 1))
            self.rows_loaded.emit(first, last)

    def page_failed(self, generation: int, offset: int) -> None:
        """A page that could not be loaded is asked for again when a view next needs it."""
        if generation == self._generation:
            self._asked.discard(offset // self._page_size)

    def add_details(self, details: Mapping[str, RecordDetails]) -> None:
        self._details.update(details)
        if not self._total:
            return
        # Which rows show these ids is not worth finding: the detail columns of every row repaint.
        for column in sorted(self.DETAIL_COLUMNS):
            self.dataChanged.emit(self.index(0, column), self.index(self.rowCount() - 1, column))

    def forget_details(self) -> None:
        """Records changed (an edit, a re-import): read them again when next shown."""
        self._details.clear()
        self._details_asked.clear()
        self._details_wanted.clear()

    def sort_locally(self, column: int, order: Qt.SortOrder, hits: Iterable[Hit]) -> None:
        """Order every hit by `column` (all hits and, for record columns, their details given)."""
        self.beginResetModel()
        self._local = _ordered(list(hits), column, order, self._details)
        self._local_sort = (column, order)
        self._total = len(self._local)
        self.endResetModel()

    # -- reading -----------------------------------------------------------------------------

    @property
    def total(self) -> int:
        return self._total

    @property
    def generation(self) -> int:
        return self._generation

    @property
    def current_sort(self) -> Sort:
        return self._sort

    @property
    def local_sort(self) -> tuple[int, Qt.SortOrder] | None:
        """The column and order sorted here, or None when the rows are in the core's order."""
        return self._local_sort

    @property
    def page_size(self) -> int:
        return self._page_size

    def hit(self, row: int) -> Hit | None:
        """The hit of `row`, or None while its page is not loaded (nothing is asked for)."""
        if not 0 <= row < self._total:
            return None
        if self._local is not None:
            return self._local[row]
        page, at = divmod(row, self._page_size)
        hits = self._pages.get(page)
        return hits[at] if hits is not None and at < len(hits) else None

    def details(self, article_id: str) -> RecordDetails | None:
        return self._details.get(article_id)

    def loaded_hits(self) -> list[Hit]:
        if self._local is not None:
            return list(self._local)
        return [hit for page in sorted(self._pages) for hit in self._pages[page]]

    def row_of(self, article_id: str) -> int | None:
        if self._local is not None:
            return next((row for row, hit in enumerate(self._local) if hit.id == article_id), None)
        for page, hits in self._pages.items():
            for at, hit in enumerate(hits):
                if hit.id == article_id:
                    return page * self._page_size + at
        return None

    def ensure_loaded(self, row: int) -> None:
        """Ask for the page of `row` if it is not there (a keyboard jump lands on an empty row)."""
        if 0 <= row < self._total and self._local is None:
            self._want_page(row // self._page_size)

    # -- Qt model ----------------------------------------------------------------------------

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else self._total

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.HEADERS)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < self._total:
            return None
        hit = self.hit(index.row())
        column = index.column()
        if hit is None:
            self._want_page(index.row() // self._page_size)
            if role == Qt.ItemDataRole.DisplayRole and column == self.TITLE:
                return LOADING
            return None
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
        if role == self.CopiesRole:
            return hit.copies
        if role == Qt.ItemDataRole.DecorationRole and column == self.TITLE and hit.has_note:
            return note_icon()  # the researcher wrote a note on this article
        if role == Qt.ItemDataRole.TextAlignmentRole and column == self.DATE:
            return int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        return None

    def _want_page(self, page: int) -> None:
        if page not in self._asked and page not in self._pages:
            self._asked.add(page)
            self.page_wanted.emit(self._generation, page * self._page_size, self._page_size)

    def _want_details(self, hits: Iterable[Hit]) -> None:
        """Only the rows a view paints ask for their records (a page holds 200; ~30 show)."""
        if not self.details_shown():
            return
        ids = [h.id for h in hits if h.id not in self._details and h.id not in self._details_asked]
        if ids:
            self._details_asked.update(ids)
            self._details_wanted.extend(ids)
            self._details_timer.start()

    def _ask_details(self) -> None:
        ids, self._details_wanted = self._details_wanted, []
        if ids:
            self.details_wanted.emit(ids)

    def _display(self, hit: Hit, column: int) -> str:
        if column == self.TITLE:
            return hit.title
        if column == self.DATE:
            return hit.published.isoformat() if hit.published else ""
        if column == self.SECTION:
            return SECTION_SEPARATOR.join(hit.section_path)
        if column == self.PEOPLE:
            return ", ".join(hit.people)
        if column == self.SNIPPET:
            return " ".join(plain_snippet(hit.snippet).split())
        details = self._details.get(hit.id)
        if details is None:
            if hit.id not in self._details_asked:
                self._want_details((hit,))
            return ""
        if column == self.SOURCE:
            return details.source
        if column == self.AUTHOR:
            return details.author
        if column == self.LANGUAGE:
            return details.language
        return details.imported_at.astimezone().strftime("%Y-%m-%d %H:%M") if details.imported_at else ""

    def _native(self, hit: Hit, column: int) -> Any:
        if column == self.DATE:
            return hit.published
        if column == self.SECTION:
            return hit.section_path
        if column == self.PEOPLE:
            return hit.people
        if column == self.SNIPPET:
            return hit.score
        if column == self.TITLE:
            return hit.title
        details = self._details.get(hit.id)
        return _detail_value(details, column) if details else None

    def _tooltip(self, hit: Hit) -> str:
        title = f"<b>{html.escape(hit.title)}</b>"
        details = self._details.get(hit.id)
        review = ""
        if details is not None and details.review:
            review = "<br><i>Needs review: " + html.escape("; ".join(details.review)) + "</i>"
        if hit.copies:
            review += (f"<br><i>{copies_label(len(hit.copies))} of this story folded under it: click "
                       "it to list them (the reader lists them too).</i>")
        if hit.has_note:
            review += "<br><i>You have a note on this article.</i>"
        if not hit.snippet:
            return title + review
        return f"{title}<br>{snippet_html(' '.join(hit.snippet.split()))}{review}"

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation == Qt.Orientation.Horizontal and 0 <= section < len(self.HEADERS):
            if role == Qt.ItemDataRole.DisplayRole:
                return self.HEADERS[section]
            if role == Qt.ItemDataRole.ToolTipRole:
                if section == self.DATE:
                    return "Click to sort newest or oldest first (any number of results)"
                if section == self.SNIPPET:
                    return "Click to sort by relevance (needs a query)"
                return (f"Click to sort by {self.HEADERS[section].lower()} "
                        f"(up to {LOCAL_SORT_LIMIT:,} results)")
        return None


def _detail_value(details: RecordDetails, column: int) -> Any:
    if column == ResultsModel.SOURCE:
        return details.source
    if column == ResultsModel.AUTHOR:
        return details.author
    if column == ResultsModel.LANGUAGE:
        return details.language
    return details.imported_at


def _ordered(
    hits: list[Hit], column: int, order: Qt.SortOrder, details: Mapping[str, RecordDetails]
) -> list[Hit]:
    """`hits` by `column`; rows without a value last either way, ties in the core's order."""

    def value(hit: Hit) -> tuple[bool, Any]:
        if column == ResultsModel.TITLE:
            return _text_key(hit.title)
        if column == ResultsModel.SECTION:
            return (not hit.section_path, tuple(p.casefold() for p in hit.section_path))
        if column == ResultsModel.PEOPLE:
            return (not hit.people, tuple(p.casefold() for p in hit.people))
        if column == ResultsModel.DATE:
            return (hit.published is None, hit.published or date.min)
        found = details.get(hit.id)
        raw = _detail_value(found, column) if found else None
        if isinstance(raw, datetime):
            return (False, raw.timestamp())
        return _text_key(raw or "")

    keyed = [value(hit) for hit in hits]
    filled = sorted((i for i in range(len(hits)) if not keyed[i][0]), key=lambda i: keyed[i][1],
                    reverse=order == Qt.SortOrder.DescendingOrder)
    empty = [i for i in range(len(hits)) if keyed[i][0]]
    return [hits[i] for i in (*filled, *empty)]
