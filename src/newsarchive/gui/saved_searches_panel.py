"""The Saved searches box of the side panel: each saved search with how many articles are new
since it was last opened (counted off the GUI thread after every import or change), opened with a
click, deleted from its context menu."""

from __future__ import annotations

import html
from collections.abc import Sequence
from typing import Any

from newsarchive.core.operations.saved_searches import SavedSearchStatus
from newsarchive.gui.qt import (
    QAbstractItemView,
    QFont,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMenu,
    QPoint,
    QSize,
    Qt,
    QToolButton,
    QVBoxLayout,
    Signal,
)

NameRole = Qt.ItemDataRole.UserRole + 1
NewRole = Qt.ItemDataRole.UserRole + 2


def status_label(status: SavedSearchStatus) -> str:
    """`Name — 3 new` (or the number of matches when nothing is new)."""
    if status.new:
        return f"{status.search.name} — {status.new:,} new"
    noun = "article" if status.total == 1 else "articles"
    return f"{status.search.name} ({status.total:,} {noun})"


def status_tooltip(status: SavedSearchStatus) -> str:
    request = status.search.request
    query = html.escape(request.query) if request.query.strip() else "<i>everything</i>"
    lines = [f"<b>{html.escape(status.search.name)}</b>", f"Query: {query}"]
    for name, value in request.filters().items():
        shown = ", ".join(value) if isinstance(value, list) else str(value)
        lines.append(f"{html.escape(name.replace('_', ' ').capitalize())}: {html.escape(shown)}")
    lines.append(f"Sort: {request.sort}")
    seen = status.search.seen_at.astimezone().strftime("%Y-%m-%d %H:%M")
    lines.append(f"{status.total:,} matching, {status.new:,} new since {seen}")
    lines.append("Click to open it (what is new then counts as seen)")
    return "<br>".join(lines)


class _ShortList(QListWidget):
    def sizeHint(self) -> QSize:
        # A few rows: the side panel's sections and people keep most of its height.
        return QSize(super().sizeHint().width(), 64)


class SavedSearchesPanel(QGroupBox):
    """Lists saved searches; `open_wanted(name)`, `delete_wanted(name)`, `save_wanted()`."""

    open_wanted = Signal(str)
    delete_wanted = Signal(str)
    save_wanted = Signal()

    def __init__(self, parent: Any = None) -> None:
        super().__init__("Saved searches", parent)
        self.setFlat(True)
        self.setObjectName("savedSearches")
        self.list = _ShortList(self)
        self.list.setObjectName("savedSearchList")
        self.list.setAccessibleName("Saved searches")
        self.list.setUniformItemSizes(True)
        self.list.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.list.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.empty = QLabel("None yet (Ctrl+Shift+S saves a search).", self)
        self.empty.setWordWrap(True)
        self.empty.setStyleSheet("color: #5f6368; font-size: 8pt;")
        self.save_button = QToolButton(self)
        self.save_button.setText("Save this search…")
        self.save_button.setAutoRaise(True)
        self.save_button.clicked.connect(self.save_wanted)
        row = QHBoxLayout()
        row.setContentsMargins(0, 0, 0, 0)
        row.addStretch(1)
        row.addWidget(self.save_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.setSpacing(2)
        layout.addWidget(self.list, 1)
        layout.addWidget(self.empty)
        layout.addLayout(row)
        self._read_only: str | None = None
        self.list.itemClicked.connect(lambda item: self.open_wanted.emit(item.data(NameRole)))
        self.list.itemActivated.connect(lambda item: self.open_wanted.emit(item.data(NameRole)))
        self.list.customContextMenuRequested.connect(self.show_menu)
        self.show_statuses(())

    def show_statuses(self, statuses: Sequence[SavedSearchStatus]) -> None:
        current = self.list.currentItem()
        chosen = current.data(NameRole) if current is not None else None
        self.list.clear()
        for status in statuses:
            item = QListWidgetItem(status_label(status))
            item.setData(NameRole, status.search.name)
            item.setData(NewRole, status.new)
            item.setToolTip(status_tooltip(status))
            if status.new:
                font = QFont(self.list.font())
                font.setBold(True)
                item.setFont(font)
            self.list.addItem(item)
            if status.search.name == chosen:
                self.list.setCurrentItem(item)
        self.empty.setVisible(not statuses)
        self.list.setVisible(bool(statuses))

    def set_read_only(self, reason: str | None) -> None:
        self._read_only = reason
        self.save_button.setEnabled(reason is None)
        self.save_button.setToolTip(reason or "Keep the query, filters and sort under a name (Ctrl+Shift+S)")

    def labels(self) -> list[str]:
        return [self.list.item(r).text() for r in range(self.list.count())]

    def item_named(self, name: str) -> QListWidgetItem | None:
        for row in range(self.list.count()):
            item = self.list.item(row)
            if item.data(NameRole) == name:
                return item
        return None

    def menu_for(self, item: QListWidgetItem | None) -> QMenu:
        menu = QMenu(self.list)
        menu.setToolTipsVisible(True)
        if item is not None:
            name = item.data(NameRole)
            menu.addAction("Open").triggered.connect(lambda: self.open_wanted.emit(name))
            delete = menu.addAction("Delete…")
            delete.triggered.connect(lambda: self.delete_wanted.emit(name))
            delete.setEnabled(self._read_only is None)
            delete.setToolTip(self._read_only or "")
            menu.addSeparator()
        save = menu.addAction("Save this search…")
        save.triggered.connect(self.save_wanted)
        save.setEnabled(self._read_only is None)
        return menu

    def show_menu(self, pos: QPoint) -> None:
        menu = self.menu_for(self.list.itemAt(pos))
        menu.exec(self.list.viewport().mapToGlobal(pos))
        menu.deleteLater()
