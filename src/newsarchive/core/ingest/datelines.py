"""Agency datelines opening a story (`CARACAS, Sept. 23 (teleSUR) —`) and dates in a page's address."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

from newsarchive.core.ingest.calendar_names import is_weekday, month_number
from newsarchive.core.ingest.dates import MONTH_WORD, WEEKDAY_WORD, YEAR, make_date
from newsarchive.core.ingest.lines import SCAN_LIMIT

_DATELINE = re.compile(
    rf"^(?P<city>[^\W\d_][\w'’.\- ]{{1,40}}?),\s*(?:(?P<weekday>{WEEKDAY_WORD}),?\s+)?"
    rf"(?:(?P<m1>{MONTH_WORD})\s+(?P<d1>\d{{1,2}})|(?P<d2>\d{{1,2}})\s+(?:de\s+)?(?P<m2>{MONTH_WORD}))"
    rf"(?:,?\s+(?:de\s+)?(?P<year>{YEAR}))?"
    r"\s*(?:\((?P<agency>[^()]{1,40})\)\s*(?:—|–|-{1,2}|:)?|(?:—|–|-{1,2}))",
    re.IGNORECASE,
)
_URL_DATE = re.compile(
    r"/(20\d{2})/(\d{1,2})/(\d{1,2})/|[-_/](20\d{2})(\d{2})(\d{2})(?:[-_/.]|$)|(20\d{2})-(\d{2})-(\d{2})"
)


@dataclass(frozen=True, slots=True)
class Dateline:
    """An agency dateline opening a paragraph (`CARACAS, Sept. 23 (teleSUR) —`); the year may be absent."""

    text: str
    month: int
    day: int
    year: int | None


def read_dateline(text: str) -> Dateline | None:
    match = _DATELINE.match(text[:120])
    if not match:
        return None
    month_word = match.group("m1") or match.group("m2")
    day = int(match.group("d1") or match.group("d2"))
    weekday = match.group("weekday")
    if weekday and not is_weekday(weekday):
        return None
    month = month_number(month_word)
    if month is None or not 1 <= day <= 31:
        return None
    year = int(match.group("year")) if match.group("year") else None
    if year is not None and make_date(year, month, day) is None:
        return None
    return Dateline(text=match.group(0).rstrip(" —–-:"), month=month, day=day, year=year)


def year_for_dateline(dateline: Dateline, others: list[date]) -> int | None:
    """A year for a dateline without one, when a full date on the page falls in the month before it.

    A photo taken two days before the story or a report dated the same day makes the year
    trustworthy; anything farther away, or pointing at two different years, does not.
    """
    years = set()
    for other in others:
        for year in (other.year, other.year + 1):
            try:
                candidate = date(year, dateline.month, dateline.day)
            except ValueError:
                continue
            if 0 <= (candidate - other).days <= 31:
                years.add(year)
    return years.pop() if len(years) == 1 else None


def date_in_url(url: str) -> date | None:
    match = _URL_DATE.search(url[:SCAN_LIMIT])
    if not match:
        return None
    g = [x for x in match.groups() if x is not None]
    return make_date(int(g[0]), int(g[1]), int(g[2]))
