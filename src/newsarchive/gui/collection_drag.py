"""Dragging the selected results onto a collection: the article ids as drag data, and the results
table as the drag's source (without changing the table's own selection behaviour)."""

from __future__ import annotations

from collections.abc import Callable, Sequence

from newsarchive.gui.qt import (
    QAbstractItemView,
    QApplication,
    QDrag,
    QEvent,
    QItemSelectionModel,
    QMimeData,
    QMouseEvent,
    QObject,
    QPoint,
    Qt,
)

ARTICLE_IDS_MIME = "application/x-newsarchive-article-ids"


def article_mime(ids: Sequence[str]) -> QMimeData:
    """Drag data naming `ids` (and, as text, the ids one a line for anything else it lands on)."""
    data = QMimeData()
    text = "\n".join(ids)
    data.setData(ARTICLE_IDS_MIME, text.encode("utf-8"))
    data.setText(text)
    return data


def ids_from(data: QMimeData | None) -> list[str]:
    """The article ids a drag carries; empty when it carries none of ours."""
    if data is None or not data.hasFormat(ARTICLE_IDS_MIME):
        return []
    raw = bytes(data.data(ARTICLE_IDS_MIME).data()).decode("utf-8", errors="replace")
    return [line.strip() for line in raw.splitlines() if line.strip()]


class ResultsDrag(QObject):
    """Watches the results table's mouse: a press on a selected row followed by a move starts a
    drag of the whole selection; a press and release without a move selects that one row, as a
    click would. Presses on unselected rows are left to the table.

    The table's own drag support would need its model to hand out drag data; the model is shared
    with other work, so the drag is started here instead.
    """

    def __init__(self, view: QAbstractItemView, selected_ids: Callable[[], list[str] | None]) -> None:
        super().__init__(view)
        self.view = view
        self.selected_ids = selected_ids
        self._pressed: QPoint | None = None
        self._row = -1
        self.last_ids: list[str] = []  # what the last drag carried
        view.viewport().installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        kind = event.type()
        if kind == QEvent.Type.MouseButtonPress and isinstance(event, QMouseEvent):
            return self._press(event)
        if kind == QEvent.Type.MouseMove and isinstance(event, QMouseEvent) and self._pressed is not None:
            if (event.position().toPoint() - self._pressed).manhattanLength() >= \
                    QApplication.startDragDistance():
                self._pressed = None
                self.start()
            return True
        if kind == QEvent.Type.MouseButtonRelease and self._pressed is not None:
            self._pressed = None
            self._select_only(self._row)
            return True
        return False

    def _press(self, event: QMouseEvent) -> bool:
        self._pressed = None
        if event.button() != Qt.MouseButton.LeftButton or event.modifiers() != Qt.KeyboardModifier.NoModifier:
            return False
        index = self.view.indexAt(event.position().toPoint())
        if not index.isValid() or not self.view.selectionModel().isRowSelected(index.row()):
            return False
        # Pressing a selected row keeps the selection: it may be about to be dragged.
        self._pressed = event.position().toPoint()
        self._row = index.row()
        self.view.setFocus(Qt.FocusReason.MouseFocusReason)
        return True

    def _select_only(self, row: int) -> None:
        index = self.view.model().index(row, 0)
        if index.isValid():
            self.view.selectionModel().setCurrentIndex(
                index, QItemSelectionModel.SelectionFlag.ClearAndSelect
                | QItemSelectionModel.SelectionFlag.Rows)

    def start(self) -> None:
        """Drag the selected rows' ids (those of loaded rows: a drag cannot wait for the index)."""
        ids = self.selected_ids()
        if not ids:
            return
        drag = QDrag(self.view)
        drag.setMimeData(article_mime(ids))
        self.last_ids = ids
        drag.exec(Qt.DropAction.CopyAction)
