"""Articles to and from plain data, every field with one declared type, checked where records cross
a boundary: made by the importer (`checked`), read from `record.yaml` (`load_record`, which coerces
what an older version, a hand edit or a bug left and says what it changed), shown as `--json`."""

from __future__ import annotations

import math
from collections.abc import Callable, Mapping
from dataclasses import dataclass, fields
from datetime import UTC, date, datetime
from typing import Any

import yaml

from newsarchive.core.errors import LibraryError
from newsarchive.core.model import SIDECAR_FIELDS, Article

RECORD_VERSION = 2  # 2: `review`

try:  # libyaml is ~10x faster; the pure-Python classes are the fallback.
    from yaml import CSafeDumper as _Dumper
    from yaml import CSafeLoader as _Loader
except ImportError:  # pragma: no cover - depends on how PyYAML was built
    from yaml import SafeDumper as _Dumper  # type: ignore[assignment]  # same interface
    from yaml import SafeLoader as _Loader  # type: ignore[assignment]  # same interface

_FIELD_NAMES = tuple(f.name for f in fields(Article))
# Fields from the user's own layer: shown with the record, never written into `record.yaml`.
USER_LAYER_FIELDS = ("edited", "note")


class _Wrong(Exception):
    """A value of the wrong type; `fallback` is what the record holds instead."""

    def __init__(self, message: str, fallback: object) -> None:
        super().__init__(message)
        self.fallback = fallback


# -- the declared type of each field: a function giving the value in that type, or _Wrong --------


def _describe(value: object) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, dict):
        return "a mapping"
    if isinstance(value, list | tuple):
        return "a list"
    if isinstance(value, str):
        return "text"
    return repr(value)[:40]


def _number_text(value: object) -> str | None:
    """Numbers a YAML hand edit turns text into (`title: 1984`) become that text again (silently:
    that is how YAML reads an unquoted number, not a mistake of the editor)."""
    if isinstance(value, int) and not isinstance(value, bool):
        return str(value)
    if isinstance(value, float) and math.isfinite(value):
        return repr(value)
    return None


def _text(value: object) -> str:
    if isinstance(value, str):
        return value
    if value is None:
        return ""
    as_text = _number_text(value)
    if as_text is not None:
        return as_text
    raise _Wrong(f"is {_describe(value)}, not text", "")


def _optional_text(value: object) -> str | None:
    if value is None or isinstance(value, str):
        return value or None
    as_text = _number_text(value)
    if as_text is not None:
        return as_text
    raise _Wrong(f"is {_describe(value)}, not text", None)


def _title(value: object) -> str:
    try:
        text = _text(value)
    except _Wrong as wrong:
        raise _Wrong(str(wrong), "(untitled)") from None
    if not text.strip():
        raise _Wrong("is empty", "(untitled)")
    return text


def _text_list(value: object) -> tuple[str, ...]:
    if value is None:
        return ()
    if isinstance(value, str):
        return (value,) if value else ()
    if not isinstance(value, list | tuple):
        raise _Wrong(f"is {_describe(value)}, not a list of texts", ())
    kept: list[str] = []
    strays: list[str] = []
    for item in value:
        if isinstance(item, str):
            if item:
                kept.append(item)
            continue
        as_text = _number_text(item)
        if as_text is not None:
            kept.append(as_text)
        else:
            strays.append(_describe(item))
    if strays:
        raise _Wrong(f"holds {', '.join(strays[:3])} among its texts", tuple(kept))
    return tuple(kept)


def _day(value: object) -> date | None:
    if value is None:
        return None
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    if isinstance(value, str):
        try:
            return date.fromisoformat(value.strip())
        except ValueError:
            pass
    raise _Wrong(f"is {_describe(value)}, not a date (YYYY-MM-DD)", None)


def _timestamp(value: object) -> datetime | None:
    if value is None:
        return None
    if isinstance(value, datetime):
        # Records keep milliseconds (what `article_to_dict` writes), in a known time zone.
        return value.replace(microsecond=value.microsecond // 1000 * 1000,
                             tzinfo=value.tzinfo or UTC)
    if isinstance(value, str):
        try:
            return _timestamp(datetime.fromisoformat(value.strip()))
        except ValueError:
            pass
    raise _Wrong(f"is {_describe(value)}, not a date and time", None)


def _count(value: object) -> int | None:
    if value is None:
        return None
    if isinstance(value, int) and not isinstance(value, bool) and value >= 0:
        return value
    if isinstance(value, str) and value.strip().isdigit():
        return int(value.strip())
    raise _Wrong(f"is {_describe(value)}, not a number of comments", None)


def _language(value: object) -> str:
    try:
        text = _text(value).strip().lower().replace("_", "-")
    except _Wrong as wrong:
        raise _Wrong(str(wrong), "en") from None
    if not text:
        return "en"
    if len(text) > 16 or not all(c.isalpha() or c == "-" for c in text):
        raise _Wrong(f"is {value!r}, not a language code", "en")
    return text


def _names(value: object, keep: Callable[[str], bool], why: str) -> tuple[str, ...]:
    """A list of texts of which only those `keep` accepts stay (`why` says what the others are)."""
    try:
        names, problem = _text_list(value), None
    except _Wrong as wrong:
        fallback = wrong.fallback
        assert isinstance(fallback, tuple)
        names, problem = fallback, str(wrong)
    kept = tuple(name for name in names if keep(name))
    if problem is not None or len(kept) != len(names):
        raise _Wrong(problem or why, kept)
    return kept


def _file_names(value: object) -> tuple[str, ...]:
    return _names(value, lambda n: "/" not in n and "\\" not in n and not n.startswith("."),
                  "names files outside the article's folder")


def _field_names(value: object) -> tuple[str, ...]:
    return _names(value, lambda n: n in SIDECAR_FIELDS, "names fields a sidecar cannot set")


def _plain(value: object, depth: int = 0) -> object:
    """`value` as JSON-ready data (dates as ISO text, no NaN); `_Wrong` for anything else."""
    if depth > 20:
        raise _Wrong("is nested too deeply", {})
    if isinstance(value, float) and not math.isfinite(value):
        return None
    if value is None or isinstance(value, str | int | float | bool):
        return value
    if isinstance(value, date):  # datetime too
        return value.isoformat()
    if isinstance(value, list | tuple):
        return [_plain(v, depth + 1) for v in value]
    if isinstance(value, dict) and all(isinstance(k, str) for k in value):
        return {k: _plain(v, depth + 1) for k, v in value.items()}
    raise _Wrong(f"holds {_describe(value)}", {})


def _mapping(value: object) -> dict[str, object]:
    if value is None:
        return {}
    if not isinstance(value, dict):
        raise _Wrong(f"is {_describe(value)}, not a mapping of plain values", {})
    plain = _plain(value)
    assert isinstance(plain, dict)
    return plain


def plain_extra(value: Mapping[str, object]) -> dict[str, object]:
    """A sidecar's other fields as a record keeps them (`extra`): JSON-ready, dates as text."""
    try:
        return _mapping(dict(value))
    except _Wrong:
        return {}


def _identifier(value: object) -> str:
    text = _text(value).strip() if isinstance(value, str | int) else ""
    if not text or "/" in text or "\\" in text or text.startswith("."):
        raise _Wrong(f"is {value!r}, not an article id", "")
    return text


# One declaration per field of `Article`: what type its value has (a test checks every field is here).
FIELD_TYPES: dict[str, Callable[[object], object]] = {
    "id": _identifier,
    "title": _title,
    "section_path": _text_list,
    "published": _day,
    "people": _text_list,
    "tags": _text_list,
    "photo_caption": _optional_text,
    "photo_credit": _optional_text,
    "photos": _file_names,
    "lede": _text,
    "body": _text_list,
    "related_headlines": _text_list,
    "comment_count": _count,
    "language": _language,
    "url": _optional_text,
    "source": _optional_text,
    "author": _optional_text,
    "source_path": _optional_text,
    "sidecar_fields": _field_names,
    "review": _text_list,
    "edited": _text_list,
    "note": _optional_text,
    "imported_at": _timestamp,
    "updated_at": _timestamp,
    "captured_at": _timestamp,
    "copy_of": _text_list,
    "extra": _mapping,
}


@dataclass(frozen=True, slots=True)
class RecordProblem:
    """A value a record held that was not of its field's type, and what was kept instead."""

    field: str
    message: str

    def __str__(self) -> str:
        return f"{self.field} {self.message}"


def coerce_record(
    data: Mapping[str, Any], article_id: str | None = None
) -> tuple[Article, tuple[RecordProblem, ...]]:
    """An `Article` from plain data of unknown quality: every field in its declared type.

    A missing field takes its default; a value of the wrong type is coerced (a number becomes
    text, a stray value in a list is dropped, an unreadable date is empty) and reported as a
    `RecordProblem`. Unknown keys are ignored. `article_id` (the folder's name) stands in for
    a missing id.
    """
    values: dict[str, Any] = {}
    problems: list[RecordProblem] = []
    for name in _FIELD_NAMES:
        if name not in data:
            continue
        try:
            values[name] = FIELD_TYPES[name](data[name])
        except _Wrong as wrong:
            values[name] = wrong.fallback
            problems.append(RecordProblem(name, str(wrong)))
    if not values.get("id"):
        if not article_id:
            raise LibraryError("The record has no id.")
        values["id"] = article_id
        if "id" in data:
            problems.append(RecordProblem("id", "is not an article id; the folder's name is used"))
    if "title" not in values:
        values["title"] = "(untitled)"
        problems.append(RecordProblem("title", "is missing"))
    return Article(**values), tuple(problems)


def checked(article: Article) -> Article:
    """`article` itself when every field holds a value of its declared type; a `TypeError` naming
    the field otherwise. Records the importer makes pass through here, so a parser bug (an
    `author` of `True`) fails that one item instead of storing a record no reader can show."""
    for name in _FIELD_NAMES:
        value = getattr(article, name)
        try:
            typed = FIELD_TYPES[name](value)
        except _Wrong as wrong:
            raise TypeError(f"Article {article.id}: the field {name!r} {wrong}.") from None
        if typed != value or type(typed) is not type(value):
            raise TypeError(f"Article {article.id}: the field {name!r} holds {value!r}.")
    return article


def article_to_dict(article: Article) -> dict[str, Any]:
    """Plain data for YAML and JSON: dates as ISO strings, tuples as lists, fields in a stable order."""
    data: dict[str, Any] = {}
    for name in _FIELD_NAMES:
        value = getattr(article, name)
        if isinstance(value, tuple):
            value = list(value)
        elif isinstance(value, datetime):
            value = value.isoformat(timespec="milliseconds")
        elif isinstance(value, date):
            value = value.isoformat()
        elif name == "extra":
            value = dict(value)
        data[name] = value
    return data


def article_from_dict(data: Mapping[str, Any]) -> Article:
    """The inverse of `article_to_dict` (coercing what is not of its type; see `coerce_record`)."""
    return coerce_record(data)[0]


def dump_record(article: Article) -> str:
    """The text of a `record.yaml`: what the importer derived (the user's layer is kept apart)."""
    data = {"record_version": RECORD_VERSION, **article_to_dict(article)}
    for name in USER_LAYER_FIELDS:
        data.pop(name, None)
    return yaml.dump(data, Dumper=_Dumper, allow_unicode=True, sort_keys=False, width=100)


def load_record(text: str, where: str = "record", article_id: str | None = None
                ) -> tuple[Article, tuple[RecordProblem, ...]]:
    """Parse a `record.yaml`: the article and what had to be coerced. Text that is no record at
    all (not YAML, not a mapping, no id and no folder name) raises `LibraryError` naming `where`."""
    try:
        data = yaml.load(text, Loader=_Loader)
    except yaml.YAMLError as exc:
        raise LibraryError(f"The record {where} is damaged: {exc}") from exc
    if not isinstance(data, dict) or ("id" not in data and "title" not in data):
        # Nothing in it says "article": not a record at all, rather than a record with flaws.
        raise LibraryError(f"The record {where} is damaged: it is not an article record.")
    for name in USER_LAYER_FIELDS:  # only the user's layer says what the user corrected
        data.pop(name, None)
    try:
        return coerce_record(data, article_id)
    except LibraryError as exc:
        raise LibraryError(f"The record {where} is damaged: {exc}") from exc
