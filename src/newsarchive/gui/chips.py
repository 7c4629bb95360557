"""Active filters as a row of removable chips that wraps onto more lines when it must."""

from __future__ import annotations

from typing import Any

from newsarchive.gui.filters import Chip
from newsarchive.gui.qt import (
    QLayout,
    QLayoutItem,
    QPoint,
    QRect,
    QSize,
    QSizePolicy,
    Qt,
    QToolButton,
    QWidget,
    Signal,
)


class FlowLayout(QLayout):
    """Lays items left to right and wraps them, like words in a paragraph."""

    def __init__(self, parent: QWidget | None = None, spacing: int = 4) -> None:
        super().__init__(parent)
        self._items: list[QLayoutItem] = []
        self._spacing = spacing
        self.setContentsMargins(0, 0, 0, 0)

    def addItem(self, item: QLayoutItem) -> None:
        self._items.append(item)

    def count(self) -> int:
        return len(self._items)

    def itemAt(self, index: int) -> QLayoutItem | None:
        return self._items[index] if 0 <= index < len(self._items) else None

    def takeAt(self, index: int) -> QLayoutItem | None:
        return self._items.pop(index) if 0 <= index < len(self._items) else None

    def expandingDirections(self) -> Qt.Orientation:
        return Qt.Orientation(0)

    def hasHeightForWidth(self) -> bool:
        return True

    def heightForWidth(self, width: int) -> int:
        return self._arrange(QRect(0, 0, width, 0), apply=False)

    def setGeometry(self, rect: QRect) -> None:
        super().setGeometry(rect)
        self._arrange(rect, apply=True)

    def sizeHint(self) -> QSize:
        return self.minimumSize()

    def minimumSize(self) -> QSize:
        size = QSize()
        for item in self._items:
            size = size.expandedTo(item.minimumSize())
        return size

    def _arrange(self, rect: QRect, *, apply: bool) -> int:
        x, y, line = rect.x(), rect.y(), 0
        for item in self._items:
            hint = item.sizeHint()
            if x + hint.width() > rect.right() + 1 and line > 0:
                x, y, line = rect.x(), y + line + self._spacing, 0
            if apply:
                item.setGeometry(QRect(QPoint(x, y), hint))
            x += hint.width() + self._spacing
            line = max(line, hint.height())
        return y + line - rect.y()


class FilterChips(QWidget):
    """One chip per active filter; clicking a chip's × emits `chip_removed(key)`."""

    chip_removed = Signal(tuple)
    clear_all = Signal()

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._layout = FlowLayout(self)
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Minimum)
        self._chips: list[QToolButton] = []

    def set_chips(self, chips: tuple[Chip, ...]) -> None:
        for button in self._chips:
            self._layout.removeWidget(button)
            # Hidden now: the deletion waits for the event loop, and a chip left showing until then
            # would sit under the new ones.
            button.hide()
            button.deleteLater()
        self._chips = []
        for chip in chips:
            self._chips.append(self._button(f"{chip.label}  ✕", chip.tooltip + " — click to remove",
                                            lambda _=False, key=chip.key: self.chip_removed.emit(key),
                                            "excluded" if chip.excluded else "included"))
        if len(chips) > 1:
            self._chips.append(self._button("Clear all", "Remove every filter",
                                            lambda _=False: self.clear_all.emit(), "clear"))
        self.setVisible(bool(chips))
        self.updateGeometry()

    def labels(self) -> list[str]:
        return [b.text() for b in self._chips]

    def button_for(self, label_start: str) -> QToolButton | None:
        return next((b for b in self._chips if b.text().startswith(label_start)), None)

    def _button(self, text: str, tooltip: str, slot: Any, kind: str) -> QToolButton:
        button = QToolButton(self)
        button.setText(text)
        button.setToolTip(tooltip)
        button.setObjectName("chip")
        button.setProperty("kind", kind)
        button.setAutoRaise(False)
        button.setCursor(Qt.CursorShape.PointingHandCursor)
        button.clicked.connect(slot)
        self._layout.addWidget(button)
        button.show()
        return button
