"""Dates as users type them in queries and filters: `2022`, `2022-09`, `2022-09-23`, as day ranges."""

from __future__ import annotations

import calendar
import re
from datetime import date

from newsarchive.core.errors import QueryError

_DATE = re.compile(r"^(\d{4})(?:-(\d{1,2})(?:-(\d{1,2}))?)?$")
DATE_FORMS = "YYYY, YYYY-MM or YYYY-MM-DD"


def date_span(text: str, position: int | None = None) -> tuple[date, date]:
    """The first and last day a date of any precision covers: `2022-09` -> Sep 1 .. Sep 30."""
    match = _DATE.match(text.strip())
    if match is None:
        raise QueryError(f"{text!r} is not a date: write it as {DATE_FORMS}.", position)
    year = int(match[1])
    month = int(match[2]) if match[2] else None
    day = int(match[3]) if match[3] else None
    try:
        if month is None:
            return date(year, 1, 1), date(year, 12, 31)
        if day is None:
            return month_span(year, month)
        single = date(year, month, day)
        return single, single
    except ValueError:
        raise QueryError(f"{text!r} is not a real date: write it as {DATE_FORMS}.", position) from None


def month_span(year: int, month: int) -> tuple[date, date]:
    """The first and last day of a month."""
    return date(year, month, 1), date(year, month, calendar.monthrange(year, month)[1])


def check_range(start: date | None, end: date | None) -> None:
    """The one rule for a date range typed by a user (command line or app): from after to is a
    mistake to point out, never silently swapped. Raises `QueryError`."""
    if start is not None and end is not None and start > end:
        raise QueryError(
            f"The date range is empty: from {start.isoformat()} is after to {end.isoformat()}."
        )


def parse_bound(text: str, *, end: bool = False) -> date:
    """A `--from` (first day) or `--to` (last day, `end=True`) date of any precision."""
    first, last = date_span(text)
    return last if end else first
