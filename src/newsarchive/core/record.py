"""Articles to and from plain data: the `record.yaml` file and the `--json` output share this shape."""

from __future__ import annotations

from dataclasses import fields
from datetime import date, datetime
from typing import Any

import yaml

from newsarchive.core.errors import LibraryError
from newsarchive.core.model import Article

RECORD_VERSION = 1

_TUPLE_FIELDS = frozenset(
    f.name for f in fields(Article) if f.type.startswith("tuple")  # type: ignore[union-attr]
)
_FIELD_NAMES = tuple(f.name for f in fields(Article))

try:  # libyaml is ~10x faster; the pure-Python classes are the fallback.
    from yaml import CSafeDumper as _Dumper
    from yaml import CSafeLoader as _Loader
except ImportError:  # pragma: no cover - depends on how PyYAML was built
    from yaml import SafeDumper as _Dumper  # type: ignore[assignment]
    from yaml import SafeLoader as _Loader  # type: ignore[assignment]


def article_to_dict(article: Article) -> dict[str, Any]:
    """Plain data for YAML and JSON: dates as ISO strings, tuples as lists, fields in a stable order."""
    data: dict[str, Any] = {}
    for name in _FIELD_NAMES:
        value = getattr(article, name)
        if isinstance(value, tuple):
            value = list(value)
        elif isinstance(value, datetime):
            value = value.isoformat(timespec="seconds")
        elif isinstance(value, date):
            value = value.isoformat()
        elif name == "extra":
            value = dict(value)
        data[name] = value
    return data


def article_from_dict(data: dict[str, Any]) -> Article:
    """The inverse of `article_to_dict`; unknown keys are ignored, missing ones take defaults."""
    kwargs: dict[str, Any] = {}
    for name in _FIELD_NAMES:
        if name not in data or data[name] is None:
            continue
        value = data[name]
        if name in _TUPLE_FIELDS:
            value = tuple(str(v) for v in value)
        elif name == "published":
            value = value if isinstance(value, date) else date.fromisoformat(str(value))
        elif name in ("imported_at", "updated_at"):
            value = value if isinstance(value, datetime) else datetime.fromisoformat(str(value))
        elif name == "comment_count":
            value = int(value)
        elif name == "extra":
            value = dict(value)
        kwargs[name] = value
    return Article(**kwargs)


def dump_record(article: Article) -> str:
    """The text of a `record.yaml`."""
    data = {"record_version": RECORD_VERSION, **article_to_dict(article)}
    return yaml.dump(data, Dumper=_Dumper, allow_unicode=True, sort_keys=False, width=100)


def load_record(text: str, where: str = "record") -> Article:
    """Parse a `record.yaml`; a damaged one raises `LibraryError` naming `where`."""
    try:
        data = yaml.load(text, Loader=_Loader)
        if not isinstance(data, dict) or "id" not in data or "title" not in data:
            raise ValueError("not an article record")
        return article_from_dict(data)
    except (yaml.YAMLError, ValueError, TypeError) as exc:
        raise LibraryError(f"The record {where} is damaged: {exc}") from exc
