"""The values of an `article.yaml` as `Article` field values, or why they cannot be used."""

from __future__ import annotations

import math
import re
import unicodedata
from collections.abc import Callable
from datetime import date, datetime
from pathlib import Path
from typing import Any

from dateutil import parser as dateparser

from newsarchive.core.ingest import calendar_names
from newsarchive.core.ingest.tag_text import tag_key
from newsarchive.core.model import split_section

# Names a sidecar may give a field (after lower-casing, with spaces and dashes as underscores).
FIELD_ALIASES = {
    "title": "title", "headline": "title",
    "section_path": "section_path", "section": "section_path", "sections": "section_path",
    "category": "section_path",
    "published": "published", "date": "published", "published_on": "published",
    "publication_date": "published",
    "people": "people", "person": "people", "persons": "people",
    "tags": "tags", "tag": "tags", "keywords": "tags",
    "photo_caption": "photo_caption", "caption": "photo_caption",
    "photo_credit": "photo_credit", "credit": "photo_credit",
    "lede": "lede", "lead": "lede", "standfirst": "lede",
    "language": "language", "lang": "language",
    "url": "url", "link": "url",
    "source": "source", "outlet": "source",
    "author": "author", "byline": "author",
    "photo": "photo", "image": "photo",
}

# A URL scheme (`https:`, `javascript:`); a host name with a port (`example.org:80`) has a dot.
_SCHEME = re.compile(r"([a-zA-Z][a-zA-Z0-9+-]*):")

MAX_EXTRA_KEYS = 50
MAX_EXTRA_TEXT = 2000
MAX_EXTRA_ITEMS = 100
# All extra values together, as text: YAML aliases could otherwise repeat one long list.
MAX_EXTRA_CHARS = 20_000


class FieldProblem(ValueError):
    """A sidecar value that cannot be used; the message completes "The sidecar … was ignored: "."""


def field_name(key: object) -> str:
    """`"Photo Credit"` -> `"photo_credit"`: the form field names and aliases are compared in."""
    return re.sub(r"[\s-]+", "_", str(key).strip().lower())


def text(value: Any, name: str) -> str | None:
    """One line of text; numbers and dates are written out; empty means not set (None)."""
    if value is None:
        return None
    if isinstance(value, bool):
        raise FieldProblem(
            f"'{name}' is {str(value).lower()}, not text (YAML reads yes/no/on/off as true or "
            "false: put the text in quotes)."
        )
    if isinstance(value, datetime | date):
        value = value.isoformat()
    elif isinstance(value, int | float):
        value = str(value)
    elif not isinstance(value, str):
        raise FieldProblem(f"'{name}' must be text, not {_kind(value)}.")
    return " ".join(value.split()) or None


def names(value: Any, name: str) -> tuple[str, ...] | None:
    """A list of names, or one text separated by commas (semicolons if it has any)."""
    if value is None:
        return None
    if isinstance(value, str):
        if not value.strip():
            return None
        separator = ";" if ";" in value else ","
        items: list[Any] = value.split(separator)
    elif isinstance(value, list):
        items = value
    else:
        raise FieldProblem(
            f"'{name}' must be a list or a comma-separated text, not {_kind(value)}."
        )
    found: dict[str, str] = {}
    for item in items:
        if isinstance(item, list | dict):
            raise FieldProblem(f"'{name}' must list names, not {_kind(item)}s.")
        one = text(item, name)
        if one:
            found.setdefault(tag_key(one), one)
    return tuple(found.values())


def section_path(value: Any, name: str) -> tuple[str, ...] | None:
    """`"News > Russia"` or `[News, Russia]` -> `("News", "Russia")`."""
    if isinstance(value, list):
        parts = tuple(p for p in (text(item, name) for item in _scalars(value, name)) if p)
    else:
        one = text(value, name)
        parts = split_section(one) if one else ()
    return parts or None


def language(value: Any, name: str) -> str | None:
    """A language code (`es`, `pt-BR` -> `pt`) or name (`Spanish`, `Español`) -> ISO 639 code."""
    one = text(value, name)
    if one is None:
        return None
    key = tag_key(one)
    if key in _LANGUAGE_NAMES:
        return _LANGUAGE_NAMES[key]
    code = re.split(r"[-_]", key, maxsplit=1)[0]
    # pycountry's language list is loaded only for a language outside the usual ones.
    import pycountry

    for candidate in (code, key):
        try:
            found = pycountry.languages.lookup(candidate)
        except LookupError:
            continue
        return str(getattr(found, "alpha_2", None) or found.alpha_3)
    raise FieldProblem(f"'{name}' is {one!r}, which is not a language name or code (like en, es).")


def url(value: Any, name: str) -> str | None:
    one = text(value, name)
    if one is None:
        return None
    scheme = _SCHEME.match(one)
    if " " in one or (scheme and scheme[1].lower() not in ("http", "https")):
        raise FieldProblem(f"'{name}' is {one!r}, which is not a web address (http or https).")
    return one


def published(value: Any, name: str) -> date | None:
    """A whole date from a YAML date or datetime, or text in a common form; never a guess."""
    if value is None:
        return None
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    if isinstance(value, bool) or not isinstance(value, str | int):
        raise FieldProblem(f"'{name}' must be a date like 2022-09-23, not {_kind(value)}.")
    raw = " ".join(str(value).split())
    if not raw:
        return None
    return _parse_date(raw, name)


def photo(value: Any, name: str, folder: Path) -> str | None:
    """The file name of a photo beside the sidecar: a plain name, never a path out of the folder."""
    one = text(value, name)
    if one is None:
        return None
    if one != Path(one).name or "/" in one or "\\" in one or one.startswith(".") or "\0" in one:
        raise FieldProblem(
            f"'{name}' is {one!r}: it must be the name of a file in the article's folder, "
            "not a path."
        )
    target = folder / one
    try:
        inside = target.resolve().parent == folder.resolve() and target.is_file()
    except (OSError, RuntimeError, ValueError):
        inside = False
    if not inside:
        raise FieldProblem(f"'{name}' names {one!r}, which is not a file in the article's folder.")
    return one


def extra_value(value: Any) -> object | None:
    """A value kept from an unknown field: text, a number, true/false, a date (as ISO text), or a
    short list of those; None when it is none of these (nested data, huge text)."""
    if isinstance(value, list):
        if len(value) > MAX_EXTRA_ITEMS or any(isinstance(v, list | dict) for v in value):
            return None
        items = [_extra_scalar(v) for v in value]
        return None if any(v is None for v in items) else items
    return _extra_scalar(value)


# One value normaliser per `Article` field a sidecar may set.
NORMALISERS: dict[str, Callable[[Any, str], object]] = {
    "title": text,
    "section_path": section_path,
    "published": published,
    "people": names,
    "tags": names,
    "photo_caption": text,
    "photo_credit": text,
    "lede": text,
    "language": language,
    "url": url,
    "source": text,
    "author": text,
}


def _extra_scalar(value: Any) -> object | None:
    if isinstance(value, str):
        return value if 0 < len(value) <= MAX_EXTRA_TEXT else None
    if isinstance(value, float):
        return value if math.isfinite(value) else None
    if isinstance(value, bool | int):
        return value
    if isinstance(value, datetime | date):
        return value.isoformat()  # dates as text, so the record also goes out as JSON
    return None


def _scalars(items: list[Any], name: str) -> list[Any]:
    for item in items:
        if isinstance(item, list | dict):
            raise FieldProblem(f"'{name}' must list plain values, not {_kind(item)}s.")
    return items


def _kind(value: Any) -> str:
    if isinstance(value, dict):
        return "a mapping"
    if isinstance(value, list):
        return "a list"
    if isinstance(value, bool):
        return "true/false"
    if isinstance(value, int | float):
        return "a number"
    return f"a {type(value).__name__}"


# -- dates -----------------------------------------------------------------------------------

class _DateWords(dateparser.parserinfo):
    """dateutil's date words plus every month name of `calendar_names` (the one vocabulary of
    dates: "23 de septiembre de 2022", "sexta-feira, 23 de setembro de 2022"), weekday names and
    Spanish and Portuguese joining words skipped; compared without accents."""

    MONTHS = [  # noqa: RUF012 - dateutil reads these class attributes
        tuple(sorted({*english, *(k for k, n in calendar_names.MONTHS.items() if n == number)}))
        for number, english in enumerate(dateparser.parserinfo.MONTHS, start=1)
    ]
    JUMP = [  # noqa: RUF012 - dateutil reads these class attributes
        *dateparser.parserinfo.JUMP, "de", "del", "do", "el", "feira",
        *sorted(calendar_names.WEEKDAYS - set(calendar_names.MONTHS)),
    ]


_DATE_WORDS = _DateWords()
_NUMERIC_DMY = re.compile(r"(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})")
_PARTIAL = re.compile(r"\d{4}(?:[-/.]\d{1,2})?|\d{1,2}[-/.]\d{4}")
_YEAR = re.compile(r"(?<!\d)\d{4}(?!\d)")
_ISO_DAY = re.compile(r"\d{4}-?\d{2}-?\d{2}")
_LANGUAGE_NAMES = {
    tag_key(n): code
    for code, spellings in {
        "en": "en english inglés inglês",
        "es": "es spanish español castellano espanhol",
        "pt": "pt portuguese português portugués",
        "fr": "fr french français francés francês",
    }.items()
    for n in spellings.split()
}


def _parse_date(raw: str, name: str) -> date:
    bare = "".join(
        c for c in unicodedata.normalize("NFKD", raw.lower()) if not unicodedata.combining(c)
    )
    if _ISO_DAY.fullmatch(bare):
        try:
            return date.fromisoformat(bare)
        except ValueError:
            raise FieldProblem(f"'{name}' is {raw!r}, which is not a date.") from None
    if _PARTIAL.fullmatch(bare) or not _YEAR.search(bare):
        raise FieldProblem(
            f"'{name}' is {raw!r}, which is not a whole date: give day, month and year "
            "(like 2022-09-23)."
        )
    numeric = _NUMERIC_DMY.match(bare)
    if numeric:
        first, second = int(numeric[1]), int(numeric[2])
        if first <= 12 and second <= 12 and first != second:
            raise FieldProblem(
                f"'{name}' is {raw!r}, which could be day/month or month/day: write it as "
                "2022-09-23."
            )
    try:
        # Two different defaults: a part the text does not give shows up as a difference.
        one = dateparser.parse(bare, _DATE_WORDS, default=datetime(2000, 1, 1))
        two = dateparser.parse(bare, _DATE_WORDS, default=datetime(2001, 2, 2))
    except (ValueError, OverflowError) as exc:
        raise FieldProblem(f"'{name}' is {raw!r}, which is not a date ({exc}).") from None
    if one.date() != two.date():
        raise FieldProblem(
            f"'{name}' is {raw!r}, which is not a whole date: give day, month and year "
            "(like 2022-09-23)."
        )
    if not 1700 <= one.year <= 2200:
        raise FieldProblem(f"'{name}' is {raw!r}, which is not a plausible publication date.")
    return one.date()
