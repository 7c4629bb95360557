"""Dates on a saved page: date lines and their labels, agency datelines, caption dates, decoys."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date, datetime

from newsarchive.core.ingest.lines import NUMBER, SCAN_LIMIT, first_word

_MONTHS: dict[str, int] = {}
for _number, _names in enumerate(
    (
        "january jan enero ene janeiro janvier",
        "february feb febrero fevereiro fev février",
        "march mar marzo março marco mars",
        "april apr abril avril",
        "may mayo maio mai",
        "june jun junio junho juin",
        "july jul julio julho juillet",
        "august aug agosto ago août",
        "september sep sept septiembre setiembre setembro set septembre",
        "october oct octubre outubro out octobre",
        "november nov noviembre novembro novembre",
        "december dec diciembre dic dezembro dez décembre",
    ),
    start=1,
):
    for _name in _names.split():
        _MONTHS[_name] = _number

_MONTH = "(?:" + "|".join(sorted(_MONTHS, key=len, reverse=True)) + r")\b\.?"
_WEEKDAY = (
    r"(?:(?:mon|tues?|wed(?:nes)?|thu(?:rs)?|fri|sat(?:ur)?|sun)(?:day)?|lunes|martes|miércoles|"
    r"jueves|viernes|sábado|domingo|(?:segunda|terça|quarta|quinta|sexta)(?:-feira)?)\b\.?"
)
_YEAR = r"(?:19|20)\d{2}"
_TIME = (
    r"\d{1,2}[:h.]\d{2}(?::\d{2})?(?:\s*[ap]\.?\s?m\b\.?)?(?:\s*(?:hrs?\b|h\b))?"
    r"(?:\s*(?:UTC|GMT|[A-Z]{2,4}T|[+-]\d{2}:?\d{2}))?"
)

# Any word stands where the month goes, and `_make_date` checks it is one: a 60-name alternation
# tried at every word made this pattern ten times slower.
_MONTH_WORD = r"[^\W\d_]{3,10}\b\.?"
_DATE = re.compile(
    rf"\b(\d{{1,2}})(?:st|nd|rd|th|º)?\s+(?:de\s+)?({_MONTH_WORD}),?\s+(?:de\s+|del\s+)?({_YEAR})\b"
    rf"|\b({_MONTH_WORD})\s+(\d{{1,2}})(?:st|nd|rd|th)?,?\s+({_YEAR})\b"
    rf"|\b({_YEAR})-(\d{{2}})-(\d{{2}})\b",
    re.IGNORECASE,
)

_LABEL = re.compile(
    r"^(?:categor(?:y|ía|ia):.{0,40}?\s)?"
    r"(?:(?P<updated>(?:last\s+)?updated|actualizad[oa]|atualizad[oa]|modified|modificado)"
    r"|published|posted|publicad[oa]|fecha(?:\s+de\s+publicaci[oó]n)?|"
    r"data(?:\s+de\s+publica[cç][aã]o)?|date|publication\s+date|created|creado)"
    r"(?:\s+(?:on|el|em|en|at))?\s*:?$",
    re.IGNORECASE,
)
_LABEL_ALONE = re.compile(
    r"^(?:fecha(?:\s+de\s+publicaci[oó]n)?|publicado(?:\s+em)?|published(?:\s+on)?|date|"
    r"publication date|data(?:\s+de\s+publica[cç][aã]o)?|posted(?:\s+on)?)\s*:?$",
    re.IGNORECASE,
)
_LEADING_TIME = re.compile(rf"^{_TIME}\s*[–—-]\s*", re.IGNORECASE)
_TRAILING_WEEKDAY = re.compile(rf"\s*{_WEEKDAY}\s*,?$", re.IGNORECASE)
_CITY_PREFIX = re.compile(r"^[^\W\d_][\w'’.\- ]{0,40},$")
_SOURCE_PREFIX = re.compile(r"^[^|]{1,60}\|$")
_SUFFIX = re.compile(
    rf"^[,\-–—|]?\s*(?:(?:at|a\s+las|às|hour:)\s*)*(?:{_TIME})?\s*"
    r"(?:\((?P<relative>[^()]{1,60})\))?\s*(?:hits:\s*\d+)?\.?$",
    re.IGNORECASE,
)
_RELATIVE = re.compile(
    r"^(?:(?:published|updated|posted|publicado|actualizado)\s*:?\s*)?"
    r"(?P<value>(?:\d+|an?|one)\s+(?:second|minute|hour|day|week|month|year)s?"
    r"(?:,?\s+(?:and\s+)?\d+\s+\w+)?\s+ago|hace\s+\d+\s+\w+|há\s+\d+\s+\w+)\.?$",
    re.IGNORECASE,
)
_EMPTY_FIELD = re.compile(
    r"\b(?:creado|actualizado|created|updated|published|publicado|modified)\s*:\s*(?=$|[^\W\d_]+\s*:)",
    re.IGNORECASE,
)
_DATELINE = re.compile(
    rf"^(?P<city>[^\W\d_][\w'’.\- ]{{1,40}}?),\s*(?:{_WEEKDAY},?\s+)?"
    rf"(?:(?P<m1>{_MONTH})\s+(?P<d1>\d{{1,2}})|(?P<d2>\d{{1,2}})\s+(?:de\s+)?(?P<m2>{_MONTH}))"
    rf"(?:,?\s+(?:de\s+)?(?P<year>{_YEAR}))?"
    r"\s*(?:\((?P<agency>[^()]{1,40})\)\s*(?:—|–|-{1,2}|:)?|(?:—|–|-{1,2}))",
    re.IGNORECASE,
)
_URL_DATE = re.compile(
    r"/(20\d{2})/(\d{1,2})/(\d{1,2})/|[-_/](20\d{2})(\d{2})(\d{2})(?:[-_/.]|$)|(20\d{2})-(\d{2})-(\d{2})"
)

# The first words (see `lines.first_word`) of a label alone and of a relative date.
DATE_LABEL_FIRST_WORDS = frozenset("fecha publicado published date publication data posted".split())
RELATIVE_FIRST_WORDS = frozenset(
    f"{NUMBER} a an one published updated posted publicado actualizado hace há".split()
)

_FIRST_YEAR = 1900
# Every full date we read has a four-digit year: a cheap gate before the month-name
# alternation, which is slow to try at every word (an ASCII class is faster than `\d`).
_FOUR_DIGITS = re.compile(r"[0-9]{4}")
_ANY_DIGIT = re.compile(r"[0-9]")


@dataclass(frozen=True, slots=True)
class DateLine:
    """A line that states a date: the date, and whether a label says it is the publication date."""

    value: date
    labelled: bool = False
    updated: bool = False
    prefix: str = ""


@dataclass(frozen=True, slots=True)
class Dateline:
    """An agency dateline opening a paragraph (`CARACAS, Sept. 23 (teleSUR) —`); the year may be absent."""

    text: str
    month: int
    day: int
    year: int | None


def _make_date(year: str, month: str, day: str) -> date | None:
    number = int(month) if month.isdigit() else _MONTHS.get(month.rstrip(".").lower())
    if number is None:
        return None
    try:
        value = date(int(year), number, int(day))
    except ValueError:
        return None
    if value.year < _FIRST_YEAR or value.year > date.today().year + 1:
        return None
    return value


def _match_date(match: re.Match[str]) -> date | None:
    g = match.groups()
    if g[0]:
        return _make_date(g[2], g[1], g[0])
    if g[3]:
        return _make_date(g[5], g[3], g[4])
    return _make_date(g[6], g[7], g[8])


def _dates_in(text: str, start: int = 0) -> Iterator[tuple[re.Match[str], date]]:
    """Each date written in `text` with its match; a word that is no month is stepped over, not
    swallowed with what follows it."""
    match = _DATE.search(text, start)
    while match:
        value = _match_date(match)
        if value is not None:
            yield match, value
            match = _DATE.search(text, match.end())
        else:
            match = _DATE.search(text, match.start() + 1)


def find_dates(text: str) -> list[date]:
    """Every full date written in `text` (day, month and year), in order."""
    return [value for _, value in _dates_in(text[:SCAN_LIMIT])]


def read_date_line(text: str) -> DateLine | None:
    """The date a short line states (`Published 23 September 2022`), else None."""
    if len(text) > 160 or not _ANY_DIGIT.search(text) or not _FOUR_DIGITS.search(text):
        return None
    for match, value in _dates_in(text):
        if not _SUFFIX.match(text[match.end() :].strip()):
            return None
        prefix = _LEADING_TIME.sub("", text[: match.start()].strip())
        prefix = _TRAILING_WEEKDAY.sub("", prefix).strip()
        if not prefix or _CITY_PREFIX.match(prefix) or _SOURCE_PREFIX.match(prefix):
            return DateLine(value, prefix=prefix)
        label = _LABEL.match(prefix)
        if label:
            return DateLine(
                value, labelled=True, updated=bool(label.group("updated")), prefix=prefix
            )
        return None
    return _read_labelled_other(text)


def _read_labelled_other(text: str) -> DateLine | None:
    """Labelled values in forms the fast patterns do not read (`Published: 23.09.2022`)."""
    head, sep, value = text.partition(":")
    if not sep or not any(ch.isdigit() for ch in value) or len(value) > 40:
        return None
    label = _LABEL.match(head.strip())
    if not label:
        return None
    parsed = _parse_with_dateutil(value.strip())
    if parsed is None:
        return None
    return DateLine(
        parsed, labelled=True, updated=bool(label.group("updated")), prefix=head.strip()
    )


def _parse_with_dateutil(value: str) -> date | None:
    """Day-first, and only when day, month and year are all written (two defaults must agree)."""
    from dateutil import parser

    try:
        first = parser.parse(value, dayfirst=True, default=datetime(1904, 2, 2))
        second = parser.parse(value, dayfirst=True, default=datetime(1908, 3, 3))
    except (ValueError, OverflowError):
        return None
    if first.date() != second.date() or first.year < _FIRST_YEAR:
        return None
    return first.date()


def is_date_label(text: str) -> bool:
    """A label whose value is on the next line (`Fecha de publicación:`)."""
    return (
        len(text) <= 40
        and first_word(text) in DATE_LABEL_FIRST_WORDS
        and bool(_LABEL_ALONE.match(text))
    )


def relative_date(text: str) -> str | None:
    """`3 months ago` (or `Published 2 hours ago`): a date we cannot place without the save date."""
    if len(text) > 60 or first_word(text) not in RELATIVE_FIRST_WORDS:
        return None
    match = _RELATIVE.match(text)
    return match.group("value") if match else None


def has_empty_date_fields(text: str) -> bool:
    """`Publicado por EFE Creado: Actualizado:`: the page had date fields, but they are empty."""
    if len(text) > 160 or ":" not in text:
        return False
    if not text.rstrip().endswith(":") and text.count(":") < 2:
        return False  # an empty field is a label with nothing after it, or another label
    return bool(_EMPTY_FIELD.search(text)) and not find_dates(text)


def ends_with_caption_date(text: str) -> bool:
    """A caption closing on the photo's date (`…Dmitry Peskov. Sep. 23, 2022.`), not prose (`…on May 5, 2022.`)."""
    if len(text) > SCAN_LIMIT or not _FOUR_DIGITS.search(text, max(0, len(text) - 8)):
        return False
    tail_start = max(0, len(text) - 40)
    for match, _ in _dates_in(text, tail_start):
        if text[match.end() :].strip(" .)"):
            continue
        before = text[: match.start()].rstrip()
        return before.endswith((",", ".", "|", "-", "–", "—"))
    return False


def read_dateline(text: str) -> Dateline | None:
    match = _DATELINE.match(text[:120])
    if not match:
        return None
    month_word = match.group("m1") or match.group("m2")
    day = int(match.group("d1") or match.group("d2"))
    month = _MONTHS.get(month_word.rstrip(".").lower())
    if month is None or not 1 <= day <= 31:
        return None
    year = int(match.group("year")) if match.group("year") else None
    if year is not None and _make_date(str(year), str(month), str(day)) is None:
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
    return _make_date(g[0], g[1], g[2])
