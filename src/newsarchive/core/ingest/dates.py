"""Dates on a saved page: date lines and their labels, agency datelines, caption dates, decoys."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date, datetime

from newsarchive.core.ingest.calendar_names import is_weekday, month_number
from newsarchive.core.ingest.lines import NUMBER, SCAN_LIMIT, first_word

YEAR = r"(?:19|20)\d{2}"
# Any word stands where the month goes, and `month_number` checks it is one (CLDR names of six
# languages): an alternation of a hundred names tried at every word made the pattern ten times slower.
MONTH_WORD = r"[^\W\d_]{3,10}\b\.?"
_DATE = re.compile(
    # 5 March 2024, 05 mar. 2024, 3.mai.2023, 4 de mayo de 2019, 5-Mar-2024, 5th March 2024
    rf"\b(\d{{1,2}})(?:st|nd|rd|th|º|°)?(?:\s*[./-]\s*|\s+)(?:de\s+)?({MONTH_WORD})"
    rf"(?:\s*[.,/-]\s*|,?\s+)(?:de\s+|del\s+)?({YEAR})(?![0-9])"
    # March 5, 2024; Sept. 23, 2022; March 5th 2024
    rf"|\b({MONTH_WORD})\s+(\d{{1,2}})(?:st|nd|rd|th)?,?\s+({YEAR})(?![0-9])"
    # 2024-03-05 (and 2024-03-05T09:15:00Z), 2024/03/05
    rf"|\b({YEAR})([-/])(\d{{1,2}})\8(\d{{1,2}})(?![0-9])"
    # 05/03/2024, 14.03.2024, 3-14-2024: day and month in either order
    rf"|\b(\d{{1,2}})([./-])(\d{{1,2}})\12({YEAR})(?![0-9])",
    re.IGNORECASE,
)
_TIME = re.compile(
    r"T?\d{1,2}[:h.]\d{2}(?::\d{2}(?:\.\d+)?)?(?:\s*[ap]\.?\s?m\b\.?)?(?:\s*(?:hrs?\b|h\b))?"
    r"(?:\s*(?:Z\b|UTC|GMT|[A-Z]{2,4}T\b|[+-]\d{2}:?\d{2}))?",
    re.IGNORECASE,
)
_WORDS_AROUND = re.compile(r"[^\W_]+(?:['’-][^\W_]+)*|[+-]\d{2}:?\d{2}|\S")
# Words a date line may hold besides its dates, times and weekdays: labels, connectors, units of
# a relative time, page counters. Any other word means the line is prose, a caption or a headline.
_PUBLISHED_WORDS = frozenset(
    "published posted publicado publicada publicados publié publie pubblicato veröffentlicht "
    "date fecha data created creado criado".split()
)
_UPDATED_WORDS = frozenset(
    "updated modified actualizado actualizada atualizado atualizada modificado modificada "
    "aggiornato aktualisiert".split()
)
_CONNECTORS = frozenset(
    "on el em en at às as a al las los the de del do da le il am um ao à last first hour hora hits "
    "time ago hace há second seconds minute minutes mins min hour hours hrs hr h day days minuto "
    "minutos horas hora día días dia dias publication publicación publicação lúc".split()
)
_PUNCTUATION = frozenset("|,-–—·:()/;•.*")
_RELATIVE_IN_BRACKETS = re.compile(r"\([^()]{1,60}\)")
# `3 min read`, `5 minutos de lectura` beside the date.
_READING_TIME = re.compile(
    r"\b\d{1,3}\s*(?:min(?:ute)?s?|minutos?)\.?\s+(?:read|reading|de\s+lectura|de\s+leitura|lectura|leitura)\b",
    re.IGNORECASE,
)
# A year glued to the time after it (`March 6, 20249:41 AM`), as some sites' text comes out when
# copied; a time or zone glued to the label after it (`08h15Atualizada`, `UTCUpdated`) needs no
# help, the time pattern takes it whole.
_GLUED_YEAR = re.compile(r"(?<=(?:19|20)\d\d)(?=\d{1,2}[:h.]\d\d)")
_FIVE_DIGITS = re.compile(r"[0-9]{5}")
# `Posted on April 4, 2024 by Site Editor`: the account that posted the page, after its date.
_POSTED_BY = re.compile(r"^(?P<filler>.*?)\s(?:by|por)\s+[^\W\d_].{0,60}$", re.IGNORECASE)
_POSTER = re.compile(r"\s(?:by|por)\s+(?P<name>[^\W\d_].{0,60})$", re.IGNORECASE)
# Dates the page was printed, saved or read on, never the story's.
_DECOY_LABEL = re.compile(
    r"^(?:printed|impreso|impresso|imprimido|accessed|retrieved|consultad[oa]|downloaded|"
    r"descargad[oa]|saved|guardad[oa]|salvo)\b(?:\s+(?:on|el|em|at|a\s+las|às))?\s*:?\s*(?=\S)",
    re.IGNORECASE,
)
_CATEGORY_LABEL = re.compile(r"^categor(?:y|ía|ia)\s*:", re.IGNORECASE)
# What may stand before the first date: a place (`Montevideo,`, `Buenos Aires -`) or a source
# (`The Northern Ledger |`).
_CITY_PREFIX = re.compile(r"^[^\W\d_][\w'’.\- ]{0,40}(?:,|\s[-–—·/])$")
_SOURCE_PREFIX = re.compile(r"^[^|]{1,60}\|$")
_LEADING_TIME = re.compile(rf"^{_TIME.pattern}\s*[–—-]\s*", re.IGNORECASE)
WEEKDAY_WORD = r"[^\W\d_]{2,13}(?:-feira)?\.?"
_TRAILING_WORD = re.compile(rf"\s*({WEEKDAY_WORD})\s*,?$")
_LABEL_ALONE = re.compile(
    r"^(?:fecha(?:\s+de\s+publicaci[oó]n)?|publicado(?:\s+em)?|published(?:\s+on)?|date|"
    r"publication date|data(?:\s+de\s+publica[cç][aã]o)?|posted(?:\s+on)?|"
    r"(?P<updated>(?:last\s+)?(?:updated|modified)(?:\s+on)?|actualizad[oa](?:\s+el)?|"
    r"atualizad[oa](?:\s+em)?))\s*:?$",
    re.IGNORECASE,
)
_RELATIVE = re.compile(
    r"^(?:(?:published|updated|posted|publicado|actualizado|atualizado)\s*:?\s*)?"
    r"(?P<value>(?:\d+|an?|one)\s+(?:second|minute|hour|day|week|month|year)s?"
    r"(?:,?\s+(?:and\s+)?\d+\s+\w+)?\s+ago|hace\s+\d+\s+\w+|há\s+\d+\s+\w+)\.?$",
    re.IGNORECASE,
)
_EMPTY_FIELD = re.compile(
    r"\b(?:creado|actualizado|created|updated|published|publicado|modified)\s*:\s*(?=$|[^\W\d_]+\s*:)",
    re.IGNORECASE,
)

# The first words (see `lines.first_word`) of a label alone and of a relative date.
DATE_LABEL_FIRST_WORDS = frozenset(
    "fecha publicado published date publication data posted updated modified last actualizado "
    "actualizada atualizado atualizada".split()
)
DECOY_FIRST_WORDS = frozenset(
    "printed impreso impresso imprimido accessed retrieved consultado consultada downloaded "
    "descargado descargada saved guardado guardada salvo".split()
)
RELATIVE_FIRST_WORDS = frozenset(
    f"{NUMBER} a an one published updated posted publicado actualizado atualizado hace há".split()
)

_FIRST_YEAR = 1900
# Every full date we read has a four-digit year: a cheap gate before the date pattern.
_FOUR_DIGITS = re.compile(r"[0-9]{4}")
_ANY_DIGIT = re.compile(r"[0-9]")
_MAX_DATE_LINE = 160
# A place or source and a label before the first date, a time, zone and update note after the last.
_MAX_PREFIX = 90
_MAX_SUFFIX = 90
_PREFIX_CUT = re.compile(r"[,|·–—/-](?=\s|$)")
_LAST_YEAR = date.today().year + 1


@dataclass(frozen=True, slots=True)
class DateLine:
    """A line that states a date: the date, and whether a label says it is the publication date.

    `updated` is true when the line gives only an update date. A numeric date whose day and month
    could be read either way (`05/03/2024`) is read day first, and `month_first` holds the other
    reading, for the page to decide between them.
    """

    value: date
    labelled: bool = False
    updated: bool = False
    prefix: str = ""
    month_first: date | None = None


def make_date(year: int, month: int | None, day: int) -> date | None:
    if month is None:
        return None
    try:
        value = date(year, month, day)
    except ValueError:
        return None
    if value.year < _FIRST_YEAR or value.year > _LAST_YEAR:
        return None
    return value


def _match_date(match: re.Match[str]) -> tuple[date | None, date | None]:
    """The date a match spells, and its month-first reading when day and month are ambiguous."""
    g = match.groups()
    if g[0]:
        return make_date(int(g[2]), month_number(g[1]), int(g[0])), None
    if g[3]:
        return make_date(int(g[5]), month_number(g[3]), int(g[4])), None
    if g[6]:
        return make_date(int(g[6]), int(g[8]), int(g[9])), None
    first, second, year = int(g[10]), int(g[12]), int(g[13])
    day_first = make_date(year, second, first) if second <= 12 else None
    month_first = make_date(year, first, second) if first <= 12 else None
    if day_first and month_first and day_first != month_first:
        return day_first, month_first
    return day_first or month_first, None


def _dates_in(text: str, start: int = 0) -> Iterator[tuple[re.Match[str], date, date | None]]:
    """Each date written in `text` with its match; a word that is no month is stepped over, not
    swallowed with what follows it."""
    match = _DATE.search(text, start)
    while match:
        value, other = _match_date(match)
        if value is not None:
            yield match, value, other
            match = _DATE.search(text, match.end())
        else:
            match = _DATE.search(text, match.start() + 1)


def find_dates(text: str) -> list[date]:
    """Every full date written in `text` (day, month and year), in order."""
    return [value for _, value, _ in _dates_in(text[:SCAN_LIMIT])]


def _label_of(words: list[str]) -> str | None:
    """`published` or `updated`, as the label words before a date say, else None."""
    label = None
    for word in words:
        key = word.lower()
        if key in _UPDATED_WORDS:
            label = "updated"
        elif key in _PUBLISHED_WORDS:
            label = label or "published"
    return label


def _filler(text: str) -> list[str] | None:
    """The words of a stretch of a date line, or None when one of them is not date-line filler."""
    text = _TIME.sub(" ", _RELATIVE_IN_BRACKETS.sub(" ", text))
    if "min" in text:
        text = _READING_TIME.sub(" ", text)
    words = []
    for token in _WORDS_AROUND.findall(text):
        key = token.lower()
        if token in _PUNCTUATION or token.isdigit() or key in _CONNECTORS:
            continue
        if key in _PUBLISHED_WORDS or key in _UPDATED_WORDS:
            words.append(token)
        elif is_weekday(key) or (token.isupper() and 2 <= len(token) <= 5) or token[0] in "+-":
            continue  # a weekday or a time zone
        else:
            return None
    return words


def read_date_line(text: str) -> DateLine | None:
    """The date a short line states (`Published 23 September 2022`, `Actualizado: 12/03/2024 09:10
    | Publicado: 11/03/2024 10:42`, `3.mai.2023 às 10h42`), else None.

    Besides its dates, the line may hold only labels, times, weekdays, time zones, relative times,
    and before the first date a place or a source; the publication date is the one a `published`
    label (or no label) stands before, an update date only when there is no other.
    """
    if len(text) > _MAX_DATE_LINE or not _FOUR_DIGITS.search(text):
        return None
    if _FIVE_DIGITS.search(text):
        text = _GLUED_YEAR.sub(" ", text)
    found = list(_dates_in(text))
    if not found:
        return _read_labelled_other(text)
    if found[0][0].start() > _MAX_PREFIX or len(text) - found[-1][0].end() > _MAX_SUFFIX:
        return None  # prose around a date, not a date line
    prefix = text[: found[0][0].start()].strip()
    lead = _category_tail(prefix) if _CATEGORY_LABEL.match(prefix) else _leading_part(prefix)
    if lead is None:
        return None
    chosen: tuple[date, date | None, str | None] | None = None
    update: tuple[date, date | None] | None = None
    previous_end = 0
    for index, (match, value, other) in enumerate(found):
        words = _filler(lead if index == 0 else text[previous_end : match.start()])
        if words is None:
            return None
        label = _label_of(words)
        if label == "updated":
            update = update or (value, other)
        elif chosen is None or (label == "published" and chosen[2] != "published"):
            chosen = (value, other, label)
        previous_end = match.end()
    if _filler(text[previous_end:]) is None and not _posted_by(text[previous_end:]):
        return None
    clean_prefix = _clean_prefix(prefix)
    if chosen is not None:
        value, other, label = chosen
        return DateLine(value, label == "published", False, clean_prefix, other)
    assert update is not None
    return DateLine(update[0], True, True, clean_prefix, update[1])


def _posted_by(suffix: str) -> bool:
    """` by Site Editor` after the date: who posted the page (an account, not the author)."""
    match = _POSTED_BY.match(suffix) if " by " in suffix or " por " in suffix else None
    return match is not None and _filler(match.group("filler")) is not None


def posted_by(text: str) -> str | None:
    """`Posted on May 2, 2024 by Ana Souza` -> `Ana Souza`: who posted the page, a person or an
    account (`Site Editor`); the caller tells which. Only for a line read as a date line."""
    match = _POSTER.search(text)
    return match.group("name").strip() if match else None


def is_decoy_date_line(text: str) -> bool:
    """`Printed on March 22, 2024`, `Accessed 3 May 2024`: when the page was printed or read."""
    if len(text) > _MAX_DATE_LINE or first_word(text) not in DECOY_FIRST_WORDS:
        return False
    match = _DECOY_LABEL.match(text)
    return match is not None and read_date_line(text[match.end() :]) is not None


def _leading_part(prefix: str) -> str | None:
    """The filler part of the text before a line's first date, once a place or source is cut off;
    None when what is left is not filler."""
    if _filler(prefix) is not None:
        return prefix
    for cut in reversed(list(_PREFIX_CUT.finditer(prefix))):
        head, tail = prefix[: cut.end()].strip(), prefix[cut.end() :]
        if (_CITY_PREFIX.match(head) or _SOURCE_PREFIX.match(head)) and _filler(tail) is not None:
            return tail
    return None


def _category_tail(prefix: str) -> str | None:
    """`Category: Economy Published on` -> `Published on`: the label after the category's name."""
    words = prefix.split()
    for i, word in enumerate(words):
        if word.lower() in _PUBLISHED_WORDS or word.lower() in _UPDATED_WORDS:
            return " ".join(words[i:])
    return None


def _clean_prefix(prefix: str) -> str:
    prefix = _LEADING_TIME.sub("", prefix)
    trailing = _TRAILING_WORD.search(prefix)
    if trailing and is_weekday(trailing.group(1)):
        prefix = prefix[: trailing.start()]
    return prefix.strip().rstrip(":").strip()


def _read_labelled_other(text: str) -> DateLine | None:
    """Labelled values in forms the date pattern does not read (`Published: 2022 Sep 23`)."""
    head, sep, value = text.partition(":")
    if not sep or not any(ch.isdigit() for ch in value) or len(value) > 40 or len(head) > 30:
        return None
    words = _filler(head)
    if not words:
        return None
    label = _label_of(words)
    parsed = _parse_with_dateutil(value.strip())
    if parsed is None or label is None:
        return None
    return DateLine(parsed, labelled=True, updated=label == "updated", prefix=head.strip())


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
    """A label whose value is on the next line (`Fecha de publicación:`, `Updated`)."""
    return (
        len(text) <= 40
        and first_word(text) in DATE_LABEL_FIRST_WORDS
        and bool(_LABEL_ALONE.match(text))
    )


def is_update_label(text: str) -> bool:
    """A label alone whose value, on the next line, is an update date."""
    match = _LABEL_ALONE.match(text) if len(text) <= 40 else None
    return match is not None and match.group("updated") is not None


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
    """A caption closing on the photo's date (`…Dmitry Peskov. Sep. 23, 2022.`), not prose
    (`…on May 5, 2022.`)."""
    if len(text) > SCAN_LIMIT or not _FOUR_DIGITS.search(text, max(0, len(text) - 8)):
        return False
    tail_start = max(0, len(text) - 40)
    for match, _, _ in _dates_in(text, tail_start):
        if text[match.end() :].strip(" .)"):
            continue
        before = text[: match.start()].rstrip()
        return before.endswith((",", ".", "|", "-", "–", "—"))
    return False
