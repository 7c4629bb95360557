"""The results table: one row per hit, the title taking the room left by the other columns, which
the researcher chooses from the header's context menu (remembered with the window's state)."""

from __future__ import annotations

from newsarchive.gui.qt import (
    QAbstractItemModel,
    QAbstractItemView,
    QColor,
    QEvent,
    QHeaderView,
    QMenu,
    QModelIndex,
    QMouseEvent,
    QPainter,
    QPersistentModelIndex,
    QPoint,
    QRect,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    Qt,
    QTableView,
    QWidget,
    Signal,
)
from newsarchive.gui.results_model import ResultsModel, copies_label

# Starting widths of the columns beside the title.
_WIDTHS = ((ResultsModel.DATE, 84), (ResultsModel.SECTION, 110), (ResultsModel.SOURCE, 110),
           (ResultsModel.PEOPLE, 120), (ResultsModel.AUTHOR, 120), (ResultsModel.LANGUAGE, 70),
           (ResultsModel.IMPORTED, 120), (ResultsModel.SNIPPET, 320))
# People are in the reader and the facet panel; the snippet is in every row's tooltip.
_HIDDEN_AT_FIRST = (ResultsModel.PEOPLE, ResultsModel.AUTHOR, ResultsModel.LANGUAGE,
                    ResultsModel.IMPORTED, ResultsModel.SNIPPET)
# The title column keeps at least this much room; the window moves the reader out of its way.
TITLE_MIN_WIDTH = 280


Index = QModelIndex | QPersistentModelIndex


class _TitleDelegate(QStyledItemDelegate):
    """Titles lose their middle when short of room: the end often says as much as the start
    ("…, Russia says"); other columns lose their end, as usual. A story with folded copies ends its
    title with a "+N copies" badge; a click on it asks the table to list them."""

    def __init__(self, table: ResultsTable) -> None:
        super().__init__(table)
        self._table = table

    def initStyleOption(self, option: QStyleOptionViewItem, index: Index) -> None:
        super().initStyleOption(option, index)
        option.textElideMode = Qt.TextElideMode.ElideMiddle

    def badge_rect(self, option: QStyleOptionViewItem, index: Index) -> QRect | None:
        copies = index.data(ResultsModel.CopiesRole)
        if not copies:
            return None
        width = option.fontMetrics.horizontalAdvance(copies_label(len(copies))) + 12
        rect = QRect(option.rect)
        return QRect(rect.right() - width, rect.top(), width, rect.height())

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: Index) -> None:
        badge = self.badge_rect(option, index)
        if badge is None:
            super().paint(painter, option, index)
            return
        title = QStyleOptionViewItem(option)
        self.initStyleOption(title, index)
        title.rect = QRect(option.rect.left(), option.rect.top(), option.rect.width() - badge.width(),
                           option.rect.height())
        style = self._table.style()
        # The row's background (selection, alternating colour) spans the whole cell.
        whole = QStyleOptionViewItem(option)
        self.initStyleOption(whole, index)
        whole.text = ""
        style.drawControl(QStyle.ControlElement.CE_ItemViewItem, whole, painter, self._table)
        style.drawControl(QStyle.ControlElement.CE_ItemViewItem, title, painter, self._table)
        painter.save()
        selected = bool(option.state & QStyle.StateFlag.State_Selected)
        painter.setPen(option.palette.highlightedText().color() if selected else QColor("#1a5fb4"))
        align = int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        painter.drawText(badge.adjusted(0, 0, -6, 0), align,
                         copies_label(len(index.data(ResultsModel.CopiesRole))))
        painter.restore()

    def editorEvent(self, event: QEvent, model: QAbstractItemModel, option: QStyleOptionViewItem,
                    index: Index) -> bool:
        if event.type() == QEvent.Type.MouseButtonRelease and isinstance(event, QMouseEvent):
            badge = self.badge_rect(option, index)
            if badge is not None and badge.contains(event.position().toPoint()):
                self._table.copies_clicked.emit(index.row(), event.globalPosition().toPoint())
        return super().editorEvent(event, model, option, index)


class ResultsTable(QTableView):
    columns_changed = Signal()
    row_menu_requested = Signal(QPoint)  # global position of a right-click on the rows
    copies_clicked = Signal(int, QPoint)  # row whose "+N copies" was clicked, global position

    def __init__(self, model: ResultsModel, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("results")
        self.setModel(model)
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        # Several rows: export them, edit them together.
        self.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setAlternatingRowColors(True)
        self.setWordWrap(False)
        self.title_delegate = _TitleDelegate(self)
        self.setItemDelegateForColumn(ResultsModel.TITLE, self.title_delegate)
        self.setShowGrid(False)
        self.setSortingEnabled(False)  # sorting is asked of the core or the model, not the view
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
        header.setToolTip("Click a column to sort by it; right-click to choose the columns")
        header.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        header.customContextMenuRequested.connect(self._show_column_menu)
        self.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.customContextMenuRequested.connect(
            lambda pos: self.row_menu_requested.emit(self.viewport().mapToGlobal(pos))
        )
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
        if column != ResultsModel.TITLE and shown != self.column_shown(column):
            self.horizontalHeader().setSectionHidden(column, not shown)
            self.columns_changed.emit()

    def detail_columns_shown(self) -> bool:
        return any(self.column_shown(c) for c in ResultsModel.DETAIL_COLUMNS)

    def other_columns_width(self) -> int:
        """The room every shown column but the title takes."""
        header = self.horizontalHeader()
        return sum(header.sectionSize(c) for c in range(header.count())
                   if c != ResultsModel.TITLE and not header.isSectionHidden(c))

    def restore_header(self, state: object) -> None:
        self.horizontalHeader().restoreState(state)
        # A state saved by a version with fewer columns leaves new ones as they were created.
        self.horizontalHeader().setSectionResizeMode(ResultsModel.TITLE, QHeaderView.ResizeMode.Stretch)
        self.columns_changed.emit()

    def moveCursor(
        self, action: QAbstractItemView.CursorAction, modifiers: Qt.KeyboardModifier
    ) -> QModelIndex:
        index = super().moveCursor(action, modifiers)
        # The row a jump lands on may not be loaded yet: ask for it now, not at the next paint.
        model = self.model()
        if index.isValid() and isinstance(model, ResultsModel):
            model.ensure_loaded(index.row())
        return index

    def _show_column_menu(self, position: QPoint) -> None:
        menu = self.column_menu()
        menu.exec(self.horizontalHeader().mapToGlobal(position))
        menu.deleteLater()
