"""The date facet drawn as a histogram of years or months; click or drag over bars to pick a range."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any

from newsarchive.core.search.dates import month_span
from newsarchive.core.search.request import FacetCount
from newsarchive.gui.qt import (
    QEvent,
    QFontMetrics,
    QHelpEvent,
    QMouseEvent,
    QPainter,
    QPaintEvent,
    QPalette,
    QRectF,
    QSize,
    QSizePolicy,
    Qt,
    QToolTip,
    QWidget,
    Signal,
)

# Up to this many months the histogram shows months; beyond, years.
MONTHS_SHOWN_UP_TO = 36
# Month bars cover whole years when that stays readable (one month alone says little).
MONTHS_WITH_CONTEXT_UP_TO = 48


@dataclass(frozen=True, slots=True)
class Bucket:
    label: str
    start: date
    end: date
    count: int


def _month_end(year: int, month: int) -> date:
    return month_span(year, month)[1]


def _month_index(value: date) -> int:
    return value.year * 12 + value.month - 1


def buckets_for(
    years: tuple[FacetCount, ...],
    months: tuple[FacetCount, ...],
    date_from: date | None = None,
    date_to: date | None = None,
) -> list[Bucket]:
    """Consecutive buckets (empty ones included) covering the years and months the core counted.

    Months when the data, or the selected range, spans few enough of them to read; years otherwise.
    """
    month_counts: dict[int, int] = {}
    for entry in months:
        try:
            y, m = (int(p) for p in entry.value.split("-")[:2])
            month_counts[y * 12 + m - 1] = entry.count
        except ValueError:
            continue
    year_counts: dict[int, int] = {}
    for entry in years:
        if entry.value.isdigit():
            year_counts[int(entry.value)] = entry.count
    if not year_counts and month_counts:
        for key, count in month_counts.items():
            year_counts[key // 12] = year_counts.get(key // 12, 0) + count

    span: tuple[int, int] | None = None
    if date_from and date_to and _month_index(date_to) - _month_index(date_from) < MONTHS_SHOWN_UP_TO:
        # Drilling down: a picked range of a few months shows its years month by month.
        span = (date_from.year * 12, date_to.year * 12 + 11)
    elif month_counts and max(month_counts) - min(month_counts) < MONTHS_SHOWN_UP_TO:
        span = (min(month_counts), max(month_counts))
        whole_years = (span[0] // 12 * 12, span[1] // 12 * 12 + 11)
        if whole_years[1] - whole_years[0] < MONTHS_WITH_CONTEXT_UP_TO:
            span = whole_years
    if span is not None and month_counts:
        out = []
        for key in range(span[0], span[1] + 1):
            y, m = divmod(key, 12)
            out.append(
                Bucket(f"{y}-{m + 1:02d}", date(y, m + 1, 1), _month_end(y, m + 1), month_counts.get(key, 0))
            )
        return out
    if not year_counts:
        return []
    first, last = min(year_counts), max(year_counts)
    return [
        Bucket(str(y), date(y, 1, 1), date(y, 12, 31), year_counts.get(y, 0))
        for y in range(first, last + 1)
    ]


class DateHistogram(QWidget):
    """Bars per bucket; the selected range is highlighted. Emits `range_picked(start, end)`."""

    range_picked = Signal(object, object)  # date, date

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._buckets: list[Bucket] = []
        self._selected: tuple[date | None, date | None] = (None, None)
        self._drag: tuple[int, int] | None = None
        self.setMouseTracking(True)
        self.setMinimumHeight(70)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.setAccessibleName("Articles by date")
        self.setToolTip("Click a bar, or drag over several, to show only those dates")

    def sizeHint(self) -> QSize:
        return QSize(240, 90)

    @property
    def buckets(self) -> list[Bucket]:
        return list(self._buckets)

    def set_counts(
        self,
        years: tuple[FacetCount, ...],
        months: tuple[FacetCount, ...],
        date_from: date | None,
        date_to: date | None,
    ) -> None:
        self._buckets = buckets_for(years, months, date_from, date_to)
        self._selected = (date_from, date_to)
        self.update()

    # -- geometry ----------------------------------------------------------------------------

    def _plot(self) -> QRectF:
        label_height = QFontMetrics(self.font()).height() + 2
        return QRectF(4, 4, max(1, self.width() - 8), max(1, self.height() - 8 - label_height))

    def bucket_at(self, x: float) -> int | None:
        if not self._buckets:
            return None
        plot = self._plot()
        if x < plot.left() or x > plot.right():
            return None
        width = plot.width() / len(self._buckets)
        return min(len(self._buckets) - 1, max(0, int((x - plot.left()) / width)))

    def bucket_centre(self, index: int) -> float:
        plot = self._plot()
        width = plot.width() / len(self._buckets)
        return plot.left() + width * (index + 0.5)

    def _is_selected(self, bucket: Bucket) -> bool:
        start, end = self._selected
        if start is None and end is None:
            return False
        return (start is None or bucket.end >= start) and (end is None or bucket.start <= end)

    # -- painting ----------------------------------------------------------------------------

    def paintEvent(self, _event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, False)
        palette = self.palette()
        plot = self._plot()
        painter.fillRect(self.rect(), palette.color(QPalette.ColorRole.Base))
        if not self._buckets:
            painter.setPen(palette.color(QPalette.ColorRole.PlaceholderText))
            painter.drawText(self.rect(), Qt.AlignmentFlag.AlignCenter, "No dates")
            painter.end()
            return
        top = max(b.count for b in self._buckets) or 1
        width = plot.width() / len(self._buckets)
        gap = 1.0 if width > 4 else 0.0
        base = palette.color(QPalette.ColorRole.Mid)
        chosen = palette.color(QPalette.ColorRole.Highlight)
        drag = sorted(self._drag) if self._drag else None
        for i, bucket in enumerate(self._buckets):
            in_drag = drag is not None and drag[0] <= i <= drag[1]
            colour = chosen if in_drag or (drag is None and self._is_selected(bucket)) else base
            height = plot.height() * bucket.count / top
            if bucket.count and height < 2:
                height = 2
            painter.fillRect(
                QRectF(plot.left() + i * width, plot.bottom() - height, max(1.0, width - gap), height),
                colour,
            )
        painter.setPen(palette.color(QPalette.ColorRole.Text))
        label_rect = QRectF(plot.left(), plot.bottom() + 2, plot.width(), self.height() - plot.bottom() - 2)
        top = Qt.AlignmentFlag.AlignTop
        painter.drawText(label_rect, Qt.AlignmentFlag.AlignLeft | top, self._buckets[0].label)
        if len(self._buckets) > 1:
            painter.drawText(label_rect, Qt.AlignmentFlag.AlignRight | top, self._buckets[-1].label)
        painter.end()

    # -- mouse -------------------------------------------------------------------------------

    def mousePressEvent(self, event: QMouseEvent) -> None:
        index = self.bucket_at(event.position().x())
        if event.button() == Qt.MouseButton.LeftButton and index is not None:
            self._drag = (index, index)
            self.update()

    def mouseMoveEvent(self, event: QMouseEvent) -> None:
        if self._drag is not None:
            index = self.bucket_at(event.position().x())
            if index is not None and index != self._drag[1]:
                self._drag = (self._drag[0], index)
                self.update()

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        if self._drag is None or event.button() != Qt.MouseButton.LeftButton:
            return
        first, last = sorted(self._drag)
        self._drag = None
        self.update()
        self.range_picked.emit(self._buckets[first].start, self._buckets[last].end)

    def event(self, event: QEvent) -> bool:
        if event.type() == QEvent.Type.ToolTip and isinstance(event, QHelpEvent):
            index = self.bucket_at(event.pos().x())
            if index is not None:
                bucket = self._buckets[index]
                noun = "article" if bucket.count == 1 else "articles"
                QToolTip.showText(event.globalPos(), f"{bucket.label}: {bucket.count:,} {noun}", self)
                return True
        return super().event(event)
