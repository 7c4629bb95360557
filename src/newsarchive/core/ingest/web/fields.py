"""Field values as pages write them -> the record's: author names, dates, sections, tags, languages."""

from __future__ import annotations

import re
from datetime import date, datetime

from dateutil import parser as date_parser

from newsarchive.core.ingest.bylines import read_byline
from newsarchive.core.ingest.calendar_names import is_weekday, month_number
from newsarchive.core.ingest.dates import read_date_line

# The words a byline opens with, in the languages we meet (`Escribe:`, `Texto:`, `Story by:`).
_BY_LABEL = (
    r"(?:by|por|de|written\s+by|story\s+by|words\s+by|text\s+by|reporting\s+by|posted\s+by|"
    r"publicado\s+por|publicada\s+por|escrito\s+por|escrita\s+por|escribe|escreve|"
    r"texto(?:\s+(?:de|por))?|reportagem(?:\s+de)?|reportaje(?:\s+de)?|authors?|autor(?:a|es)?)"
)
_BY_PREFIX = re.compile(rf"^\s*{_BY_LABEL}\s*:?\s+", re.IGNORECASE)
# A byline line: its label word first (`de` alone opens too many sentences to count here).
_BYLINE_START = re.compile(rf"^\s*(?!de\b){_BY_LABEL}\s*:?\s+\S", re.IGNORECASE)
_NAME_SPLIT = re.compile(
    r"\s*(?:,|;|\s&\s|\s+and\s+|\s+y\s+|\s+e\s+|\s+with\s+|\s+con\s+|\s+com\s+|\||·|•)\s*"
)
# Credits beside the author's that name someone else's work (`· Photographs by …`).
_OTHER_CREDIT = re.compile(
    r"^(?:photos?|photographs?|photography|fotos?|fotograf[ií]as?|images?|imagens?|im[aá]genes|"
    r"illustrations?|ilustraci[oó]n(?:es)?|ilustra[cç][aã]o|v[ií]deos?|edited|editing|editor|edici[oó]n|"
    r"edi[cç][aã]o|additional\s+reporting)\b",
    re.IGNORECASE,
)
_CHUNK_END = re.compile(r"\s*[,·•|;]\s*")
_NAME_JOINERS = frozenset("and y e & de da do dos das del la le van von der den di du bin al el".split())
_ROLE_WORDS = frozenset(
    "staff writer writers reporter reporters correspondent correspondents editor contributor columnist "
    "redacción redação repórter reportera reportero corresponsal colaborador colaboradora".split()
)
_NOT_NAME = re.compile(r"\d|https?:|www\.|@|\.com\b", re.IGNORECASE)
_TRAILING_DATE = re.compile(r"\s*(?:[|·—–-]|\bon\b|\bel\b|\bem\b)\s*.*\d{4}.*$", re.IGNORECASE)
_ISO_DAY = re.compile(r"^(\d{4})-(\d{2})-(\d{2})")
_LANGUAGE = re.compile(r"^([a-z]{2})(?:[-_][a-z]{2,4})?$", re.IGNORECASE)
_MAX_NAMES = 8


def author_names(text: str) -> list[str]:
    """`By Ana Ruiz and Tom Lee` -> [`Ana Ruiz`, `Tom Lee`]; empty when the text names no person.
    `Por Ana Ruiz e Tom Lee, Outlet` names two people: the outlet after them is not one."""
    text = _without_trailing_date(_TRAILING_DATE.sub("", text.strip()))
    byline = read_byline(text)
    if byline is not None and byline.names:
        return list(byline.names)[:_MAX_NAMES]
    text = _BY_PREFIX.sub("", text)
    names = []
    for part in _NAME_SPLIT.split(text):
        if _OTHER_CREDIT.match(part.strip()):
            continue
        part = _BY_PREFIX.sub("", part).strip(" .·|-–—")
        if not part or _NOT_NAME.search(part) or len(part) > 60 or len(part.split()) > 5:
            continue
        if not part[0].isupper():
            continue
        names.append(part)
    return list(dict.fromkeys(names))[:_MAX_NAMES]


def _without_trailing_date(text: str) -> str:
    """`By Ana Ruiz February 25, 2022` -> `By Ana Ruiz`: a date printed on the byline's line."""
    words = text.split()
    if len(words) > 24 or not any(ch.isdigit() for ch in text):
        return text
    for index in range(1, len(words)):
        word = words[index].strip(",.").lower()
        if not (word[:1].isdigit() or month_number(word) is not None or is_weekday(word)):
            continue
        if read_date_line(" ".join(words[index:])) is not None:
            return " ".join(words[:index]).rstrip(" |·•—–-,:")
    return text


def is_byline(text: str) -> bool:
    """`By Ana Ruiz`, `Escribe: Ana Ruiz`, `Por Ana Ruiz e Rui Lima, Outlet`: a line naming the author
    after a byline word, its names capitalised up to the first comma (`By contrast, Smith said`
    is a sentence)."""
    if len(text) > 120 or not _BYLINE_START.match(text):
        return False
    rest = _BY_PREFIX.sub("", _without_trailing_date(text.strip()), count=1)
    words = _CHUNK_END.split(rest, maxsplit=1)[0].split()
    while words and words[-1].lower() in _ROLE_WORDS:
        words.pop()  # `By Ana Ruiz, staff writer`, `By Ana Ruiz Record staff`
    return (
        0 < len(words) <= 12
        and words[0][0].isupper()
        and all(w[0].isupper() or w.lower() in _NAME_JOINERS for w in words)
        and bool(author_names(text))
    )


def joined_authors(names: list[str]) -> str | None:
    unique = list(dict.fromkeys(n for n in names if n))
    return "; ".join(unique) if unique else None


def machine_date(value: str | None) -> date | None:
    """A date written for machines (`2024-03-14T08:30:00Z`, `2024-03-14`, RFC 2822 in meta tags)."""
    if not value:
        return None
    value = value.strip()
    match = _ISO_DAY.match(value)
    if match:
        try:
            return date(int(match.group(1)), int(match.group(2)), int(match.group(3)))
        except ValueError:
            return None
    if len(value) > 60 or not any(ch.isdigit() for ch in value):
        return None
    try:
        parsed = date_parser.parse(value, fuzzy=False, default=datetime(1900, 1, 1))
    except (ValueError, OverflowError):
        return None
    return parsed.date() if parsed.year > 1900 else None


def human_date(text: str) -> date | None:
    """A date as a page prints it near the headline (`March 14, 2024`, `14 de março de 2024`)."""
    line = read_date_line(text[:200])
    return line.value if line is not None else None


def language_code(value: str | None) -> str | None:
    """`pt-BR` -> `pt`; None for anything that is not a language tag."""
    if not value:
        return None
    match = _LANGUAGE.match(value.strip())
    return match.group(1).lower() if match else None


def clean_label(text: str) -> str:
    return " ".join(text.split()).strip(" ,;|#·")
