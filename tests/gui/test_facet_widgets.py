"""The date histogram, the filter chips and the filter functions behind them."""

from __future__ import annotations

from datetime import date

import pytest

from newsarchive.core.search.request import FacetCount, SearchRequest
from newsarchive.gui import filters
from newsarchive.gui.chips import FilterChips
from newsarchive.gui.histogram import DateHistogram, buckets_for
from newsarchive.gui.qt import QPoint, Qt

YEARS = (FacetCount("2019", 4), FacetCount("2021", 7), FacetCount("2022", 9))
MONTHS = (FacetCount("2019-03", 4), FacetCount("2021-05", 7), FacetCount("2022-09", 9))


def test_buckets_are_years_with_gaps_filled_when_the_span_is_long() -> None:
    buckets = buckets_for(YEARS, MONTHS)
    assert [(b.label, b.count) for b in buckets] == [("2019", 4), ("2020", 0), ("2021", 7), ("2022", 9)]
    assert buckets[1].start == date(2020, 1, 1) and buckets[1].end == date(2020, 12, 31)


def test_buckets_are_months_of_whole_years_when_the_span_is_short() -> None:
    buckets = buckets_for((FacetCount("2022", 9),), (FacetCount("2022-02", 2), FacetCount("2022-09", 7)))
    assert len(buckets) == 12
    assert buckets[1].label == "2022-02" and buckets[1].count == 2
    assert buckets[1].end == date(2022, 2, 28)
    # A selected range of a few months drills down into months even when the data spans years.
    drilled = buckets_for(YEARS, MONTHS, date(2021, 5, 1), date(2021, 8, 31))
    assert drilled[0].label == "2021-01" and len(drilled) == 12


@pytest.fixture
def histogram(qtbot) -> DateHistogram:
    """A shown histogram of `YEARS` (2019-2022, one bar a year)."""
    shown = DateHistogram()
    qtbot.addWidget(shown)
    shown.resize(400, 100)
    shown.show()
    shown.set_counts(YEARS, MONTHS, None, None)
    return shown


def test_dragging_over_bars_picks_their_dates(qtbot, histogram) -> None:
    first = QPoint(int(histogram.bucket_centre(1)), 40)
    last = QPoint(int(histogram.bucket_centre(2)), 40)
    with qtbot.waitSignal(histogram.range_picked) as picked:
        qtbot.mousePress(histogram, Qt.MouseButton.LeftButton, pos=first)
        qtbot.mouseMove(histogram, last)
        qtbot.mouseRelease(histogram, Qt.MouseButton.LeftButton, pos=last)
    assert picked.args == [date(2020, 1, 1), date(2021, 12, 31)]
    with qtbot.waitSignal(histogram.range_picked) as clicked:
        at = QPoint(int(histogram.bucket_centre(3)), 40)
        qtbot.mouseClick(histogram, Qt.MouseButton.LeftButton, pos=at)
    assert clicked.args == [date(2022, 1, 1), date(2022, 12, 31)]


def test_chips_describe_and_remove_filters(qtbot) -> None:
    request = SearchRequest(
        query="talks", sections=("News > Russia",), exclude_people=("Dmitry Peskov",),
        date_from=date(2022, 1, 1), date_to=date(2022, 12, 31),
    )
    chips = FilterChips()
    qtbot.addWidget(chips)
    chips.set_chips(filters.chips(request))
    assert chips.labels() == [
        "News > Russia  ✕", "not Dmitry Peskov  ✕", "2022-01-01 – 2022-12-31  ✕", "Clear all",
    ]
    removed: list[tuple[str, ...]] = []
    chips.chip_removed.connect(removed.append)
    qtbot.mouseClick(chips.button_for("not Dmitry"), Qt.MouseButton.LeftButton)
    assert removed == [("person", "Dmitry Peskov")]
    after = filters.without_chip(request, removed[0])
    assert after.exclude_people == () and after.sections == ("News > Russia",)
    assert filters.without_chip(request, ("dates",)).date_from is None
    assert filters.cleared(request) == SearchRequest(query="talks")


def test_filter_values_toggle_between_include_exclude_and_nothing() -> None:
    request = SearchRequest(people=("A",))
    excluded = filters.with_value(request, "person", "A", "exclude")
    assert excluded.people == () and excluded.exclude_people == ("A",)
    assert filters.mode_of(excluded, "person", "A") == "exclude"
    assert filters.toggled(excluded, "person", "A", "exclude").exclude_people == ()


def test_a_typed_range_ending_before_it_starts_is_pointed_out_not_swapped(qtbot) -> None:
    from newsarchive.gui.facet_panel import FacetPanel
    from newsarchive.gui.qt import QDate

    panel = FacetPanel()
    qtbot.addWidget(panel)
    panel.show()
    picked: list[tuple[object, object]] = []
    panel.dates_picked.connect(lambda start, end: picked.append((start, end)))
    panel.date_from.setDate(QDate(2022, 9, 30))
    panel.date_to.setDate(QDate(2022, 9, 1))
    panel.date_to.editingFinished.emit()
    assert picked == []
    assert panel.date_error.isVisibleTo(panel)
    assert "from 2022-09-30 is after to 2022-09-01" in panel.date_error.text()
    panel.date_to.setDate(QDate(2022, 10, 31))
    panel.date_to.editingFinished.emit()
    assert picked == [(date(2022, 9, 30), date(2022, 10, 31))]
    assert not panel.date_error.isVisibleTo(panel)


def test_hovering_a_bar_tells_its_dates_and_count(qtbot, histogram) -> None:
    from newsarchive.gui.qt import QApplication, QEvent, QHelpEvent, QToolTip

    at = QPoint(int(histogram.bucket_centre(2)), 40)
    event = QHelpEvent(QEvent.Type.ToolTip, at, histogram.mapToGlobal(at))
    assert QApplication.sendEvent(histogram, event)
    qtbot.waitUntil(QToolTip.isVisible)
    assert QToolTip.text() == "2021: 7 articles"
    QToolTip.hideText()
