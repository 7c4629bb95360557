"""Which way a page writes numeric dates (`11/07/2024`: day or month first), decided by what the page
shows: its language, the other dates it prints, the region of its declared locale; or undecided."""

from __future__ import annotations

import re
from typing import Literal

Order = Literal["day", "month"]

# Languages whose pages write numeric dates day first; English pages write both orders.
_DAY_FIRST_LANGUAGES = frozenset({"es", "pt", "fr", "it", "de", "nl", "ca", "gl"})
# Regions of an English locale (`en-GB`) and the order their pages use.
_MONTH_FIRST_REGIONS = frozenset({"us", "ph"})
_DAY_FIRST_REGIONS = frozenset(
    "gb uk ie au nz in za ng ke gh jm tt bb bs sg my pk mt cy hk zw ug tz zm bw lk bd ag lc gd vc dm kn "
    "bz gy".split()
)
_MONTHS = (
    r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|"
    r"sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)"
)
_YEAR = r"(?:19|20)\d{2}"
# `November 14, 2024`: the month before the day, as US pages print dates.
_NAMED_MONTH_FIRST = re.compile(rf"\b{_MONTHS}\.?\s+\d{{1,2}}(?:st|nd|rd|th)?,?\s+{_YEAR}\b", re.IGNORECASE)
# `14 November 2024`: the day before the month.
_NAMED_DAY_FIRST = re.compile(
    rf"\b\d{{1,2}}(?:st|nd|rd|th)?\s+(?:of\s+)?{_MONTHS}\.?,?\s+{_YEAR}\b", re.IGNORECASE
)
_NUMERIC = re.compile(rf"(?<![\d/.-])(\d{{1,2}})([./-])(\d{{1,2}})\2({_YEAR})(?![\d/.-])")


def numeric_order(language: str | None, locales: list[str], shown_text: str) -> Order | None:
    """`day` or `month` first for the page's numeric dates, or None when its evidence cannot settle it.

    The page's language settles it outside English. On an English page, the numeric dates it prints
    that only one order can read (`25/03/2024`) come first, then how it prints dates with month
    names (`March 25, 2024` against `25 March 2024`), then the region of its locale (a template's
    `en-US` is often left unchanged by sites elsewhere, so it counts last).
    """
    if language in _DAY_FIRST_LANGUAGES:
        return "day"
    numeric = _votes_numeric(shown_text)
    if numeric is not None:
        return numeric
    named_month_first = len(_NAMED_MONTH_FIRST.findall(shown_text))
    named_day_first = len(_NAMED_DAY_FIRST.findall(shown_text))
    if named_month_first and not named_day_first:
        return "month"
    if named_day_first and not named_month_first:
        return "day"
    regions = {_region(locale) for locale in locales} - {None}
    if regions and regions <= _MONTH_FIRST_REGIONS:
        return "month"
    if regions and regions <= _DAY_FIRST_REGIONS:
        return "day"
    return None


def _votes_numeric(text: str) -> Order | None:
    day_first = month_first = 0
    for match in _NUMERIC.finditer(text):
        first, second = int(match.group(1)), int(match.group(3))
        if first > 12 and second <= 12:
            day_first += 1
        elif second > 12 and first <= 12:
            month_first += 1
    if day_first and not month_first:
        return "day"
    if month_first and not day_first:
        return "month"
    return None


def _region(locale: str) -> str | None:
    parts = re.split(r"[-_]", locale.strip().lower())
    if len(parts) >= 2 and parts[0] == "en" and len(parts[1]) == 2:
        return parts[1]
    return None
