"""Qt models over the facet counts the core computed: a flat list (people) and a tree (sections).

Like calibre's tag browser, these models only show `FacetCount`s; they never count. A value the
user selected stays listed even when the current results no longer carry it, so it can be cleared.
Checking a value asks for it to be included; excluded values are shown struck through. The models
say what the user asked for (`selection_requested`); the session answers with new counts.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from newsarchive.core.model import SECTION_SEPARATOR
from newsarchive.core.search.request import FacetCount
from newsarchive.gui.filters import Mode
from newsarchive.gui.qt import (
    QAbstractItemModel,
    QAbstractListModel,
    QBrush,
    QColor,
    QFont,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    Signal,
)

Index = QModelIndex | QPersistentModelIndex

ValueRole = Qt.ItemDataRole.UserRole + 1  # the facet value (a section's full path)
CountRole = Qt.ItemDataRole.UserRole + 2
ModeRole = Qt.ItemDataRole.UserRole + 3  # "include", "exclude" or None

_EXCLUDED_COLOUR = QColor("#b3261e")


def _facet_data(role: int, label: str, facet: FacetCount, mode: Mode | None) -> Any:
    """What a facet row shows for `role` (both models): `label (count)`, its value and count,
    and how its selection is drawn."""
    if role == Qt.ItemDataRole.DisplayRole:
        if _copies_counted(facet):
            return f"{label}  ({facet.count:,} · {facet.stories:,} {_stories(facet.stories)})"
        return f"{label}  ({facet.count:,})"
    if role == Qt.ItemDataRole.ToolTipRole:
        return _tooltip(facet, mode)
    if role == ValueRole:
        return facet.value
    if role == CountRole:
        return facet.count
    if role == ModeRole:
        return mode
    return _selection_data(mode, role)


def _selection_data(mode: Mode | None, role: int) -> Any:
    if role == Qt.ItemDataRole.CheckStateRole:
        return Qt.CheckState.Checked if mode == "include" else Qt.CheckState.Unchecked
    if role == Qt.ItemDataRole.FontRole and mode == "exclude":
        font = QFont()
        font.setStrikeOut(True)
        return font
    if role == Qt.ItemDataRole.ForegroundRole and mode == "exclude":
        return QBrush(_EXCLUDED_COLOUR)
    return None


_FLAGS = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemIsUserCheckable


class FacetListModel(QAbstractListModel):
    """One row per value: `value (count)`, checkable; the order is the core's (most frequent first)."""

    selection_requested = Signal(str, object)  # value, "include" / "exclude" / None

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._rows: list[FacetCount] = []
        self._modes: dict[str, Mode] = {}

    def set_counts(
        self, counts: tuple[FacetCount, ...], included: tuple[str, ...], excluded: tuple[str, ...]
    ) -> None:
        self.beginResetModel()
        self._modes = dict.fromkeys(excluded, "exclude") | dict.fromkeys(included, "include")
        present = {c.value for c in counts}
        pinned = [FacetCount(v, 0) for v in self._modes if v not in present]
        self._rows = [*pinned, *counts]
        self.endResetModel()

    def value_at(self, row: int) -> str | None:
        return self._rows[row].value if 0 <= row < len(self._rows) else None

    def mode_of(self, value: str) -> Mode | None:
        return self._modes.get(value)

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def flags(self, index: Index) -> Qt.ItemFlag:
        return _FLAGS if index.isValid() else Qt.ItemFlag.NoItemFlags

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        entry = self._rows[index.row()]
        return _facet_data(role, entry.value, entry, self._modes.get(entry.value))

    def setData(self, index: Index, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if not index.isValid() or role != Qt.ItemDataRole.CheckStateRole:
            return False
        entry = self._rows[index.row()]
        checked = Qt.CheckState(value) == Qt.CheckState.Checked
        mode: Mode | None = "include" if checked else None
        self._set_mode(entry.value, mode)
        self.dataChanged.emit(index, index)
        self.selection_requested.emit(entry.value, mode)
        return True

    def _set_mode(self, value: str, mode: Mode | None) -> None:
        if mode is None:
            self._modes.pop(value, None)
        else:
            self._modes[value] = mode


def _copies_counted(facet: FacetCount) -> bool:
    """The core counted stories and some articles are copies of others: both counts say something."""
    return facet.stories is not None and facet.stories != facet.count


def _stories(count: int | None) -> str:
    return "story" if count == 1 else "stories"


def _tooltip(entry: FacetCount, mode: Mode | None) -> str:
    state = {"include": " (selected)", "exclude": " (excluded)"}.get(mode or "", "")
    noun = "article" if entry.count == 1 else "articles"
    told = f", {entry.stories:,} {_stories(entry.stories)}" if _copies_counted(entry) else ""
    return f"{entry.value}: {entry.count:,} {noun}{told}{state}"


@dataclass(eq=False)
class _Node:
    name: str
    path: str
    count: int = 0
    stories: int | None = None
    parent: _Node | None = None
    children: list[_Node] = field(default_factory=list)

    def row(self) -> int:
        return self.parent.children.index(self) if self.parent is not None else 0


class SectionTreeModel(QAbstractItemModel):
    """Sections as a tree (`News` > `Russia`); each node's count is the core's count for its path."""

    selection_requested = Signal(str, object)

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._root = _Node("", "")
        self._modes: dict[str, Mode] = {}

    def set_counts(
        self, counts: tuple[FacetCount, ...], included: tuple[str, ...], excluded: tuple[str, ...]
    ) -> None:
        self.beginResetModel()
        self._modes = dict.fromkeys(excluded, "exclude") | dict.fromkeys(included, "include")
        root = _Node("", "")
        nodes: dict[str, _Node] = {}
        for entry in (*counts, *(FacetCount(v, 0) for v in self._modes)):
            parent = root
            parts = entry.value.split(SECTION_SEPARATOR)
            for depth in range(1, len(parts) + 1):
                path = SECTION_SEPARATOR.join(parts[:depth])
                node = nodes.get(path)
                if node is None:
                    node = _Node(parts[depth - 1], path, parent=parent)
                    parent.children.append(node)
                    nodes[path] = node
                parent = node
            if entry.count:
                parent.count = entry.count
                parent.stories = entry.stories
        self._root = root
        self.endResetModel()

    def paths(self) -> list[str]:
        out: list[str] = []
        stack = list(reversed(self._root.children))
        while stack:
            node = stack.pop()
            out.append(node.path)
            stack.extend(reversed(node.children))
        return out

    def index_of(self, path: str) -> QModelIndex:
        parent = QModelIndex()
        node = self._root
        for part in path.split(SECTION_SEPARATOR):
            match = next((c for c in node.children if c.name == part), None)
            if match is None:
                return QModelIndex()
            node = match
            parent = self.index(node.row(), 0, parent)
        return parent

    def _node(self, index: Index) -> _Node:
        return index.internalPointer() if index.isValid() else self._root  # type: ignore[return-value]

    def index(self, row: int, column: int, parent: Index = QModelIndex()) -> QModelIndex:  # noqa: B008
        node = self._node(parent)
        if column != 0 or not 0 <= row < len(node.children):
            return QModelIndex()
        return self.createIndex(row, 0, node.children[row])

    def parent(self, index: Index = QModelIndex()) -> QModelIndex:  # type: ignore[override] # noqa: B008
        if not index.isValid():
            return QModelIndex()
        node = self._node(index).parent
        if node is None or node is self._root:
            return QModelIndex()
        return self.createIndex(node.row(), 0, node)

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        if parent.isValid() and parent.column() != 0:
            return 0
        return len(self._node(parent).children)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 1

    def flags(self, index: Index) -> Qt.ItemFlag:
        return _FLAGS if index.isValid() else Qt.ItemFlag.NoItemFlags

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        node = self._node(index)
        return _facet_data(role, node.name, FacetCount(node.path, node.count, node.stories),
                           self._modes.get(node.path))

    def setData(self, index: Index, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if not index.isValid() or role != Qt.ItemDataRole.CheckStateRole:
            return False
        node = self._node(index)
        checked = Qt.CheckState(value) == Qt.CheckState.Checked
        mode: Mode | None = "include" if checked else None
        if mode is None:
            self._modes.pop(node.path, None)
        else:
            self._modes[node.path] = mode
        self.dataChanged.emit(index, index)
        self.selection_requested.emit(node.path, mode)
        return True
