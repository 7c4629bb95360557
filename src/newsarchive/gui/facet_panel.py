"""The facet panel: section tree, person list with a filter box, outlets, the "needs review" filter,
date histogram and from/to dates.

It shows the counts of the current `SearchResult` and reports what the user picked; it keeps no
filter state: the next result (built for the new request) redraws it. A value's context menu also
offers to rename or merge it across the library (`rename_wanted`).
"""

from __future__ import annotations

from datetime import date
from typing import Any

from newsarchive.core.errors import QueryError
from newsarchive.core.model import SECTION_SEPARATOR
from newsarchive.core.search.dates import check_range
from newsarchive.core.search.request import SearchResult
from newsarchive.gui.facet_models import FacetListModel, ModeRole, SectionTreeModel, ValueRole
from newsarchive.gui.histogram import DateHistogram
from newsarchive.gui.qt import (
    QAbstractItemView,
    QCheckBox,
    QDate,
    QDateEdit,
    QFormLayout,
    QGroupBox,
    QGuiApplication,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListView,
    QMenu,
    QModelIndex,
    QPoint,
    QSortFilterProxyModel,
    QSplitter,
    Qt,
    QToolButton,
    QTreeView,
    QVBoxLayout,
    QWidget,
    Signal,
)

# QDateEdit has no empty value: its minimum date stands for "no limit", shown as "any".
NO_DATE = QDate(1000, 1, 1)


def to_qdate(value: date | None) -> QDate:
    return QDate(value.year, value.month, value.day) if value else NO_DATE


def from_qdate(value: QDate) -> date | None:
    if not value.isValid() or value == NO_DATE:
        return None
    return date(value.year(), value.month(), value.day())


class _FacetBox(QGroupBox):
    def __init__(self, title: str, parent: Any = None) -> None:
        super().__init__(title, parent)
        self.setFlat(True)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.setSpacing(4)


class FacetPanel(QWidget):
    """Emits what the user picked; `show_result` redraws every facet from a result's counts."""

    # value, "include" / "exclude" / None (clear)
    section_picked = Signal(str, object)
    person_picked = Signal(str, object)
    source_picked = Signal(str, object)
    dates_picked = Signal(object, object)
    review_picked = Signal(bool)
    rename_wanted = Signal(str, str)  # "section" or "person", the value

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self.sections = SectionTreeModel(self)
        self.people = FacetListModel(self)
        self.people_filter = QSortFilterProxyModel(self)
        self.people_filter.setSourceModel(self.people)
        self.people_filter.setFilterCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.people_filter.setFilterRole(ValueRole)

        self.section_view = QTreeView(self)
        self.section_view.setObjectName("sectionFacet")
        self.section_view.setModel(self.sections)
        self.section_view.setHeaderHidden(True)
        self.section_view.setUniformRowHeights(True)
        self.section_view.setAccessibleName("Sections")

        self.person_box = QLineEdit(self)
        self.person_box.setPlaceholderText("Filter people…")
        self.person_box.setClearButtonEnabled(True)
        self.person_box.setAccessibleName("Filter people")
        self.person_view = QListView(self)
        self.person_view.setObjectName("personFacet")
        self.person_view.setModel(self.people_filter)
        self.person_view.setUniformItemSizes(True)
        self.person_view.setAccessibleName("People")

        self.sources = FacetListModel(self)
        self.source_view = QListView(self)
        self.source_view.setObjectName("sourceFacet")
        self.source_view.setModel(self.sources)
        self.source_view.setUniformItemSizes(True)
        self.source_view.setAccessibleName("Outlets")
        self.needs_review = QCheckBox("Only articles that need review", self)
        self.needs_review.setObjectName("needsReview")
        self.needs_review.setToolTip(
            "Articles whose record has something the importer guessed or could not find "
            "(a date, a title, whether a tag names a person). Open one to fix it."
        )

        self.histogram = DateHistogram(self)
        self.date_from = self._date_edit("From")
        self.date_to = self._date_edit("To")

        for view in (self.section_view, self.person_view, self.source_view):
            view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
            view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
            view.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
            view.setToolTip("Tick to show only these; Ctrl+click or right-click to exclude")

        section_box = _FacetBox("Section", self)
        section_box.layout().addWidget(self.section_view)
        person_box = _FacetBox("People", self)
        person_box.layout().addWidget(self.person_box)
        person_box.layout().addWidget(self.person_view)
        source_box = _FacetBox("Outlet", self)
        source_box.layout().addWidget(self.source_view)
        source_box.layout().addWidget(self.needs_review)
        date_box = _FacetBox("Date", self)
        date_box.layout().addWidget(self.histogram)
        fields = QFormLayout()
        fields.setContentsMargins(0, 0, 0, 0)
        row = QHBoxLayout()
        row.addWidget(self.date_from, 1)
        row.addWidget(QLabel("to", self))
        row.addWidget(self.date_to, 1)
        clear = QToolButton(self)
        clear.setText("✕")
        clear.setToolTip("Any date")
        clear.clicked.connect(lambda: self.dates_picked.emit(None, None))
        row.addWidget(clear)
        fields.addRow(row)
        # A typed range that ends before it starts is pointed out, never silently swapped.
        self.date_error = QLabel(self)
        self.date_error.setObjectName("dateError")
        self.date_error.setWordWrap(True)
        self.date_error.setStyleSheet("color: #b00020;")
        self.date_error.hide()
        fields.addRow(self.date_error)
        date_box.layout().addLayout(fields)

        self.splitter = QSplitter(Qt.Orientation.Vertical, self)
        self.splitter.setChildrenCollapsible(False)
        for box in (section_box, person_box, source_box):
            self.splitter.addWidget(box)
        self.splitter.setStretchFactor(0, 3)
        self.splitter.setStretchFactor(1, 3)
        self.splitter.setStretchFactor(2, 1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.splitter, 1)
        layout.addWidget(date_box)

        self.sections.selection_requested.connect(self.section_picked)
        self.people.selection_requested.connect(self.person_picked)
        self.sources.selection_requested.connect(self.source_picked)
        self.needs_review.toggled.connect(self.review_picked)
        self.source_view.clicked.connect(lambda i: self._clicked(i, self.source_picked))
        self.source_view.customContextMenuRequested.connect(
            lambda pos: self._menu(self.source_view, pos, self.source_picked)
        )
        self.person_box.textChanged.connect(self.people_filter.setFilterFixedString)
        self.section_view.clicked.connect(lambda i: self._clicked(i, self.section_picked))
        self.person_view.clicked.connect(lambda i: self._clicked(i, self.person_picked))
        self.section_view.customContextMenuRequested.connect(
            lambda pos: self._menu(self.section_view, pos, self.section_picked)
        )
        self.person_view.customContextMenuRequested.connect(
            lambda pos: self._menu(self.person_view, pos, self.person_picked)
        )
        self.histogram.range_picked.connect(self.dates_picked)

    def _date_edit(self, name: str) -> QDateEdit:
        edit = QDateEdit(self)
        edit.setCalendarPopup(True)
        edit.setDisplayFormat("yyyy-MM-dd")
        edit.setMinimumDate(NO_DATE)
        edit.setSpecialValueText("any")
        edit.setDate(NO_DATE)
        edit.setAccessibleName(f"{name} date")
        edit.editingFinished.connect(self._dates_edited)
        return edit

    # -- showing a result --------------------------------------------------------------------

    def show_result(self, result: SearchResult) -> None:
        request = result.request
        expanded = self._expanded_sections()
        self.sections.set_counts(
            result.facets.get("section", ()), request.sections, request.exclude_sections
        )
        self._restore_expanded(expanded, request.sections + request.exclude_sections)
        self.people.set_counts(result.facets.get("person", ()), request.people, request.exclude_people)
        self.sources.set_counts(result.facets.get("source", ()), request.sources, request.exclude_sources)
        self.needs_review.blockSignals(True)
        self.needs_review.setChecked(request.needs_review)
        self.needs_review.blockSignals(False)
        self.histogram.set_counts(
            result.facets.get("year", ()), result.facets.get("month", ()), request.date_from, request.date_to
        )
        self.date_error.hide()
        for edit, value in ((self.date_from, request.date_from), (self.date_to, request.date_to)):
            edit.blockSignals(True)
            edit.setDate(to_qdate(value))
            edit.blockSignals(False)

    def _expanded_sections(self) -> set[str]:
        out: set[str] = set()
        for path in self.sections.paths():
            index = self.sections.index_of(path)
            if self.section_view.isExpanded(index):
                out.add(path)
        return out

    def _restore_expanded(self, expanded: set[str], selected: tuple[str, ...]) -> None:
        # Keep what the user opened, and open the way to every selected section.
        wanted = set(expanded)
        for path in selected:
            parts = path.split(SECTION_SEPARATOR)
            wanted.update(SECTION_SEPARATOR.join(parts[:n]) for n in range(1, len(parts)))
        if not expanded and self.sections.rowCount() <= 3:
            top = (self.sections.index(r, 0) for r in range(self.sections.rowCount()))
            wanted.update(self.sections.data(index, ValueRole) for index in top)
        for path in wanted:
            index = self.sections.index_of(path)
            if index.isValid():
                self.section_view.setExpanded(index, True)

    # -- user actions ------------------------------------------------------------------------

    def _clicked(self, index: QModelIndex, signal: Any) -> None:
        modifiers = QGuiApplication.keyboardModifiers()
        if modifiers & Qt.KeyboardModifier.ControlModifier:
            value = index.data(ValueRole)
            mode = index.data(ModeRole)
            signal.emit(value, None if mode == "exclude" else "exclude")

    def _menu(self, view: QAbstractItemView, pos: QPoint, signal: Any) -> None:
        index = view.indexAt(pos)
        if not index.isValid():
            return
        value = index.data(ValueRole)
        mode = index.data(ModeRole)
        menu = QMenu(view)
        include = menu.addAction(f"Only “{value}”")
        include.setCheckable(True)
        include.setChecked(mode == "include")
        exclude = menu.addAction(f"Exclude “{value}”")
        exclude.setCheckable(True)
        exclude.setChecked(mode == "exclude")
        clear = menu.addAction("Clear")
        clear.setEnabled(mode is not None)
        kind = {self.section_view: "section", self.person_view: "person"}.get(view)
        rename = None
        if kind is not None:
            menu.addSeparator()
            rename = menu.addAction(f"Rename or merge “{value}”…")
        chosen = menu.exec(view.viewport().mapToGlobal(pos))
        if chosen is not None and chosen is rename and kind is not None:
            self.rename_wanted.emit(kind, value)
        elif chosen is include:
            signal.emit(value, None if mode == "include" else "include")
        elif chosen is exclude:
            signal.emit(value, None if mode == "exclude" else "exclude")
        elif chosen is clear:
            signal.emit(value, None)

    def _dates_edited(self) -> None:
        start, end = from_qdate(self.date_from.date()), from_qdate(self.date_to.date())
        try:
            check_range(start, end)
        except QueryError as exc:
            self.date_error.setText(str(exc))
            self.date_error.show()
            return
        self.date_error.hide()
        self.dates_picked.emit(start, end)
