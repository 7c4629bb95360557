"""How the window shares its room: facets | results | reader, and the reader moving below the
results when the window is too narrow for a readable title column beside a readable article."""

from __future__ import annotations

from newsarchive.gui.facet_panel import FacetPanel
from newsarchive.gui.qt import QEvent, QMainWindow, QObject, QSplitter, Qt, QWidget
from newsarchive.gui.reader import ReaderPane
from newsarchive.gui.results_pane import ResultsPane
from newsarchive.gui.results_view import TITLE_MIN_WIDTH
from newsarchive.gui.settings import AppSettings

# Below this width the reader's lines get too short to read comfortably (~45 characters).
READER_MIN_WIDTH = 360
FACETS_WIDTH = 240
# Room the table needs beyond its columns: frame and vertical scroll bar.
_TABLE_CHROME = 24
# Height shares of results and reader when the reader is below the results.
_STACKED = (45, 55)


class WindowLayout(QObject):
    """Owns the two splitters and re-checks, whenever the window is resized or columns change,
    that the title column keeps `TITLE_MIN_WIDTH` (the reader yields: first narrower, then
    below the results)."""

    def __init__(self, facets: FacetPanel, results: ResultsPane, reader: ReaderPane, parent: QWidget) -> None:
        super().__init__(parent)
        self.facets = facets
        self.results = results
        self.right_splitter = QSplitter(Qt.Orientation.Horizontal, parent)
        self.right_splitter.addWidget(results)
        self.right_splitter.addWidget(reader)
        self.right_splitter.setStretchFactor(0, 5)
        self.right_splitter.setStretchFactor(1, 4)
        self.main_splitter = QSplitter(Qt.Orientation.Horizontal, parent)
        self.main_splitter.addWidget(facets)
        self.main_splitter.addWidget(self.right_splitter)
        self.main_splitter.setStretchFactor(0, 0)
        self.main_splitter.setStretchFactor(1, 1)
        for splitter in (self.main_splitter, self.right_splitter):
            splitter.setChildrenCollapsible(False)
        self.main_splitter.installEventFilter(self)
        self.main_splitter.splitterMoved.connect(lambda _pos, _index: self.fit())
        results.table.columns_changed.connect(self.fit)

    def start(self, width: int) -> None:
        """Sizes for a window `width` pixels wide that has no saved layout."""
        self.main_splitter.setSizes([FACETS_WIDTH, max(1, width - FACETS_WIDTH)])
        right = width - FACETS_WIDTH
        self.right_splitter.setSizes([right - right * 4 // 10, right * 4 // 10])
        self.fit(right)

    def results_min_width(self) -> int:
        return TITLE_MIN_WIDTH + self.results.table.other_columns_width() + _TABLE_CHROME

    @property
    def stacked(self) -> bool:
        return self.right_splitter.orientation() == Qt.Orientation.Vertical

    def fit(self, right: int | None = None) -> None:
        """Put the reader beside the results when both fit, else below them."""
        sizes = self.main_splitter.sizes()
        if right is None:
            right = sizes[1] if len(sizes) > 1 and sizes[1] > 0 else self.right_splitter.width()
        if right <= 0:
            return
        needed = self.results_min_width()
        if right >= needed + READER_MIN_WIDTH + self.right_splitter.handleWidth():
            if self.stacked:
                self.right_splitter.setOrientation(Qt.Orientation.Horizontal)
                self.right_splitter.setSizes([right - right * 4 // 10, right * 4 // 10])
            results, reader = self.right_splitter.sizes()
            if results < needed:
                self.right_splitter.setSizes([needed, max(READER_MIN_WIDTH, results + reader - needed)])
        elif not self.stacked:
            self.right_splitter.setOrientation(Qt.Orientation.Vertical)
            height = max(self.right_splitter.height(), 200)
            self.right_splitter.setSizes([height * _STACKED[0] // 100, height * _STACKED[1] // 100])

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.main_splitter and event.type() == QEvent.Type.Resize:
            # The splitter has not shared out its new width yet: the facets keep theirs.
            facets = self.main_splitter.sizes()[0]
            self.fit(event.size().width() - facets - self.main_splitter.handleWidth())  # type: ignore[attr-defined]
        return False

    def save(self, window: QMainWindow, settings: AppSettings) -> None:
        """The window's geometry, splitters and columns, in the state file (not the settings)."""
        settings.set_state("window/geometry", window.saveGeometry())
        settings.set_state("window/state", window.saveState())
        settings.set_state("splitter/main", self.main_splitter.saveState())
        settings.set_state("splitter/right", self.right_splitter.saveState())
        settings.set_state("splitter/side", self.facets.splitter.saveState())
        settings.set_state("results/header", self.results.table.horizontalHeader().saveState())
        settings.sync()

    def restore(self, window: QMainWindow, settings: AppSettings) -> None:
        for key, restore in (
            ("window/geometry", window.restoreGeometry),
            ("window/state", window.restoreState),
            ("splitter/side", self.facets.splitter.restoreState),
            ("results/header", self.results.table.restore_header),
            ("splitter/main", self.main_splitter.restoreState),
            ("splitter/right", self.right_splitter.restoreState),
        ):
            if (value := settings.state(key)) is not None:
                restore(value)
        self.fit()
