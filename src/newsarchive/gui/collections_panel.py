"""The Collections box of the side panel: every collection with its count in the current results,
ticked to filter by it (a facet: OR with each other, AND with the rest), a drop target for dragged
results, and a context menu to make, rename, delete and export collections."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from newsarchive.core.search.request import FacetCount, SearchResult
from newsarchive.core.storage.collections import STARRED
from newsarchive.gui.collection_drag import ARTICLE_IDS_MIME, ids_from
from newsarchive.gui.facet_models import FacetListModel, ModeRole, ValueRole
from newsarchive.gui.qt import (
    QAbstractItemView,
    QDragEnterEvent,
    QDragMoveEvent,
    QDropEvent,
    QGroupBox,
    QGuiApplication,
    QHBoxLayout,
    QLabel,
    QListView,
    QMenu,
    QModelIndex,
    QPoint,
    QSize,
    Qt,
    QToolButton,
    QVBoxLayout,
    Signal,
)


class CollectionView(QListView):
    """The list of collections; dropping dragged results on one asks to add them to it."""

    ids_dropped = Signal(str, list)  # collection, article ids

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self.accepting = True  # False while the library cannot be changed
        self.setAcceptDrops(True)
        self.viewport().setAcceptDrops(True)
        self.setDropIndicatorShown(True)

    def sizeHint(self) -> QSize:
        # A few rows: the side panel's sections and people keep most of its height.
        return QSize(super().sizeHint().width(), 72)

    def _target(self, event: QDropEvent | QDragMoveEvent) -> str | None:
        if not self.accepting or not event.mimeData().hasFormat(ARTICLE_IDS_MIME):
            return None
        index = self.indexAt(event.position().toPoint())
        return index.data(ValueRole) if index.isValid() else None

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        if self.accepting and event.mimeData().hasFormat(ARTICLE_IDS_MIME):
            event.acceptProposedAction()
        else:
            event.ignore()

    def dragMoveEvent(self, event: QDragMoveEvent) -> None:
        name = self._target(event)
        if name is None:
            event.ignore()
            return
        self.setCurrentIndex(self.indexAt(event.position().toPoint()))
        event.acceptProposedAction()

    def dropEvent(self, event: QDropEvent) -> None:
        name = self._target(event)
        ids = ids_from(event.mimeData())
        if name is None or not ids:
            event.ignore()
            return
        event.acceptProposedAction()
        self.ids_dropped.emit(name, ids)


class CollectionsPanel(QGroupBox):
    """Shows the collections with the counts of a result; reports what the user asks for."""

    picked = Signal(str, object)  # collection, "include" / "exclude" / None
    new_wanted = Signal()
    rename_wanted = Signal(str)
    delete_wanted = Signal(str)
    export_wanted = Signal(str)
    ids_dropped = Signal(str, list)

    def __init__(self, parent: Any = None) -> None:
        super().__init__("Collections", parent)
        self.setFlat(True)
        self.setObjectName("collections")
        self.model = FacetListModel(self)
        self.view = CollectionView(self)
        self.view.setObjectName("collectionFacet")
        self.view.setModel(self.model)
        self.view.setUniformItemSizes(True)
        self.view.setAccessibleName("Collections")
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.view.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.view.setToolTip("Tick to show only these; Ctrl+click or right-click to exclude; "
                             "drop selected results on a collection to add them")
        self.new_button = QToolButton(self)
        self.new_button.setText("New…")
        self.new_button.setToolTip("Make a new collection")
        self.new_button.setAutoRaise(True)
        self.new_button.clicked.connect(self.new_wanted)
        self.reason = QLabel(self)
        self.reason.setWordWrap(True)
        self.reason.setObjectName("collectionsReadOnly")
        self.reason.setStyleSheet("color: #5f6368; font-size: 8pt;")
        self.reason.hide()
        row = QHBoxLayout()
        row.setContentsMargins(0, 0, 0, 0)
        row.addStretch(1)
        row.addWidget(self.new_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.setSpacing(2)
        layout.addWidget(self.view, 1)
        layout.addWidget(self.reason)
        layout.addLayout(row)
        self._read_only: str | None = None

        self.model.selection_requested.connect(self.picked)
        self.view.clicked.connect(self._clicked)
        self.view.customContextMenuRequested.connect(self.show_menu)
        self.view.ids_dropped.connect(self.ids_dropped)

    def show_collections(self, collections: Mapping[str, tuple[str, ...]], result: SearchResult | None,
                         read_only: str | None) -> None:
        """List every collection (in the library's order) with its count in `result`."""
        counts = {f.value: f.count for f in result.facets.get("collection", ())} if result else {}
        rows = tuple(FacetCount(name, counts.get(name, 0)) for name in collections)
        request = result.request if result else None
        self.model.set_counts(rows, request.collections if request else (),
                              request.exclude_collections if request else ())
        self._read_only = read_only
        self.view.accepting = read_only is None
        self.new_button.setEnabled(read_only is None)
        self.new_button.setToolTip(read_only or "Make a new collection")
        self.reason.setText(read_only or "")
        self.reason.setVisible(read_only is not None and bool(collections))

    def names(self) -> list[str]:
        return [self.model.value_at(r) or "" for r in range(self.model.rowCount())]

    def row_of(self, name: str) -> QModelIndex:
        for row in range(self.model.rowCount()):
            if self.model.value_at(row) == name:
                return self.model.index(row)
        return QModelIndex()

    def _clicked(self, index: QModelIndex) -> None:
        if QGuiApplication.keyboardModifiers() & Qt.KeyboardModifier.ControlModifier:
            mode = index.data(ModeRole)
            self.picked.emit(index.data(ValueRole), None if mode == "exclude" else "exclude")

    def menu_for(self, index: QModelIndex) -> QMenu:
        """The context menu of a collection (or of the empty list, `index` invalid)."""
        menu = QMenu(self.view)
        writable = self._read_only is None
        if index.isValid():
            name, mode = index.data(ValueRole), index.data(ModeRole)
            include = menu.addAction(f"Only “{name}”")
            include.setCheckable(True)
            include.setChecked(mode == "include")
            include.triggered.connect(
                lambda: self.picked.emit(name, None if mode == "include" else "include"))
            exclude = menu.addAction(f"Exclude “{name}”")
            exclude.setCheckable(True)
            exclude.setChecked(mode == "exclude")
            exclude.triggered.connect(
                lambda: self.picked.emit(name, None if mode == "exclude" else "exclude"))
            clear = menu.addAction("Clear")
            clear.setEnabled(mode is not None)
            clear.triggered.connect(lambda: self.picked.emit(name, None))
            menu.addSeparator()
            export = menu.addAction(f"Export “{name}”…")
            export.triggered.connect(lambda: self.export_wanted.emit(name))
            rename = menu.addAction("Rename…")
            rename.triggered.connect(lambda: self.rename_wanted.emit(name))
            delete = menu.addAction("Delete…")
            delete.triggered.connect(lambda: self.delete_wanted.emit(name))
            built_in = "Starred is built in: it keeps its name and cannot be deleted."
            for action in (rename, delete):
                action.setEnabled(writable and name != STARRED)
                if name == STARRED:
                    action.setToolTip(built_in)
            menu.addSeparator()
        new = menu.addAction("New collection…")
        new.setEnabled(writable)
        new.triggered.connect(self.new_wanted)
        menu.setToolTipsVisible(True)
        if not writable:
            new.setToolTip(self._read_only or "")
        return menu

    def show_menu(self, pos: QPoint) -> None:
        menu = self.menu_for(self.view.indexAt(pos))
        menu.exec(self.view.viewport().mapToGlobal(pos))
        menu.deleteLater()
