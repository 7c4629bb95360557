"""The results table: one row per hit, the title taking the room left by the other columns, which
the researcher chooses from the header's context menu (remembered with the window's state)."""

from __future__ import annotations

from newsarchive.gui.qt import (
    QAbstractItemView,
    QHeaderView,
    QMenu,
    QPoint,
    Qt,
    QTableView,
    QWidget,
)
from newsarchive.gui.results_model import ResultsModel

# Starting widths of the columns beside the title; the snippet column starts hidden, since every
# row's tooltip already shows its snippet.
_WIDTHS = ((ResultsModel.DATE, 84), (ResultsModel.SECTION, 105), (ResultsModel.PEOPLE, 110),
           (ResultsModel.SNIPPET, 320))
_HIDDEN_AT_FIRST = (ResultsModel.SNIPPET,)


class ResultsTable(QTableView):
    def __init__(self, model: ResultsModel, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("results")
        self.setModel(model)
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setAlternatingRowColors(True)
        self.setWordWrap(False)
        self.setShowGrid(False)
        self.setSortingEnabled(False)
        self.verticalHeader().hide()
        self.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 8)
        self.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        header = self.horizontalHeader()
        header.setHighlightSections(False)
        header.setSectionsClickable(True)
        header.setStretchLastSection(False)
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(ResultsModel.TITLE, QHeaderView.ResizeMode.Stretch)
        header.setMinimumSectionSize(48)
        for column, width in _WIDTHS:
            header.resizeSection(column, width)
        for column in _HIDDEN_AT_FIRST:
            header.setSectionHidden(column, True)
        header.setToolTip("Right-click to choose the columns")
        header.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        header.customContextMenuRequested.connect(self._show_column_menu)
        self.setAccessibleName("Results")

    def column_menu(self) -> QMenu:
        """A checkable entry per column but the title, which always shows."""
        menu = QMenu("Columns", self)
        model = self.model()
        for column in range(model.columnCount()):
            if column == ResultsModel.TITLE:
                continue
            action = menu.addAction(str(model.headerData(column, Qt.Orientation.Horizontal)))
            action.setCheckable(True)
            action.setChecked(self.column_shown(column))
            action.toggled.connect(lambda shown, c=column: self.set_column_shown(c, shown))
        return menu

    def column_shown(self, column: int) -> bool:
        return not self.horizontalHeader().isSectionHidden(column)

    def set_column_shown(self, column: int, shown: bool) -> None:
        if column != ResultsModel.TITLE:
            self.horizontalHeader().setSectionHidden(column, not shown)

    def _show_column_menu(self, position: QPoint) -> None:
        menu = self.column_menu()
        menu.exec(self.horizontalHeader().mapToGlobal(position))
        menu.deleteLater()
