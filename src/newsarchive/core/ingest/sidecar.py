"""An article's `article.yaml` sidecar: read safely and within limits into `Article` field values.

A sidecar is the user's word on an article, so it is used whole or not at all: any problem (not
YAML, not a mapping, a value that cannot be used, an impossible date, a photo path leaving the
folder) ignores the whole file with a warning naming it and the problem. Nothing here raises for
bad content.
"""

from __future__ import annotations

import codecs
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from newsarchive.core.ingest import sidecar_fields as fields
from newsarchive.core.ingest.sidecar_fields import FieldProblem

try:  # libyaml is much faster, and bounds flow nesting itself; SafeLoader is the fallback.
    from yaml import CSafeLoader as _Loader
except ImportError:  # pragma: no cover - depends on how PyYAML was built
    from yaml import SafeLoader as _Loader  # type: ignore[assignment]

MAX_SIDECAR_BYTES = 256 * 1024
# A sidecar is a flat mapping with a few lists: anything deeper, or alias-heavy ("billion
# laughs"), is not one, and is refused before it is built.
MAX_DEPTH = 20
MAX_ALIASES = 100
_MAX_NAMES_SHOWN = 10


@dataclass(frozen=True, slots=True)
class Sidecar:
    """What an `article.yaml` says.

    `overrides` maps names from `model.SIDECAR_FIELDS` to values of the `Article` field types; a
    field the sidecar leaves empty is absent (the parsed value stands), while an explicit empty
    list (`people: []`) sets an empty tuple. `extra` keeps the unknown fields with plain values.
    `photo` is the file name (in the article's folder) of the photo the sidecar names, if any.
    """

    overrides: dict[str, Any] = field(default_factory=dict)
    extra: dict[str, Any] = field(default_factory=dict)
    warnings: tuple[str, ...] = ()
    photo: str | None = None


class _Ignored(Exception):
    """The whole sidecar is unusable; the message completes "The sidecar … was ignored: "."""


def read_sidecar(path: Path) -> Sidecar:
    """Read the sidecar at `path`; every problem becomes a warning, never an exception."""
    path = Path(path)
    notes: list[str] = []
    try:
        return _read(path, notes)
    except _Ignored as exc:
        return Sidecar(warnings=(*notes, f"The sidecar {path} was ignored: {exc}"))
    except Exception as exc:
        return Sidecar(
            warnings=(
                *notes,
                f"The sidecar {path} was ignored: it could not be read (internal error "
                f"{type(exc).__name__}: {exc}); please report it.",
            )
        )


def _read(path: Path, notes: list[str]) -> Sidecar:
    text = _decode(_read_bytes(path), path, notes)
    data = _load(text)
    if data is None:
        return Sidecar(warnings=(*notes, f"The sidecar {path} is empty; nothing in it was used."))
    if not isinstance(data, dict):
        what = "a list" if isinstance(data, list) else "a single value"
        raise _Ignored(
            f"it must be a mapping of field names to values (like `title: ...`), not {what}."
        )

    by_field: dict[str, list[tuple[str, Any]]] = defaultdict(list)
    unknown: list[tuple[str, Any]] = []
    for key, value in data.items():
        name = fields.field_name(key)
        target = fields.FIELD_ALIASES.get(name)
        if target is None:
            unknown.append((str(key).strip(), value))
        else:
            by_field[target].append((name, value))

    overrides: dict[str, Any] = {}
    photo: str | None = None
    for target, given in by_field.items():
        name, value = next(((n, v) for n, v in given if n == target), given[0])
        if len(given) > 1:
            spelled = " and ".join(f"'{n}'" for n, _ in given)
            notes.append(
                f"The sidecar {path} sets {target} more than once ({spelled}); '{name}' was used."
            )
        try:
            if target == "photo":
                photo = fields.photo(value, name, path.parent)
                continue
            normalised = fields.NORMALISERS[target](value, name)
        except FieldProblem as exc:
            raise _Ignored(str(exc)) from None
        if normalised is not None:
            overrides[target] = normalised

    extra = _extra(unknown, path, notes)
    return Sidecar(overrides, extra, tuple(notes), photo)


def _read_bytes(path: Path) -> bytes:
    try:
        with path.open("rb") as handle:
            data = handle.read(MAX_SIDECAR_BYTES + 1)  # never more, however large the file
    except OSError as exc:
        raise _Ignored(f"it cannot be read ({exc.strerror or exc}).") from None
    if len(data) > MAX_SIDECAR_BYTES:
        limit = MAX_SIDECAR_BYTES // 1024
        raise _Ignored(f"it is larger than {limit} KB, too large for a sidecar.")
    return data


def _decode(data: bytes, path: Path, notes: list[str]) -> str:
    """UTF-8 (with or without BOM) or BOM-marked UTF-16, as YAML allows; Windows-1252 as the
    fallback editors on Windows produce."""
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        try:
            text = data.decode("utf-16")
        except UnicodeDecodeError:
            raise _Ignored("it starts like UTF-16 text but is not.") from None
    elif b"\0" in data:
        raise _Ignored("it contains NUL bytes, so it is not a text file.")
    else:
        try:
            text = data.decode("utf-8-sig")
        except UnicodeDecodeError:
            try:
                text = data.decode("cp1252")
            except UnicodeDecodeError:
                raise _Ignored("it is not text (neither UTF-8 nor Windows-1252).") from None
            notes.append(
                f"The sidecar {path} is not UTF-8; it was read as Windows-1252 "
                "(save it as UTF-8 to be sure its accented letters are right)."
            )
    if "\0" in text:
        raise _Ignored("it contains NUL characters, so it is not a text file.")
    return text


def _load(text: str) -> Any:
    """The YAML document, safely: its shape is checked on the event stream before it is built."""
    try:
        depth = aliases = 0
        for event in yaml.parse(text, Loader=_Loader):
            if isinstance(event, yaml.MappingStartEvent | yaml.SequenceStartEvent):
                depth += 1
                if depth > MAX_DEPTH:
                    raise _Ignored(f"it is nested more than {MAX_DEPTH} levels deep.")
            elif isinstance(event, yaml.MappingEndEvent | yaml.SequenceEndEvent):
                depth -= 1
            elif isinstance(event, yaml.AliasEvent):
                aliases += 1
                if aliases > MAX_ALIASES:
                    raise _Ignored(f"it uses more than {MAX_ALIASES} YAML aliases (*name).")
        return yaml.load(text, Loader=_Loader)
    except yaml.MarkedYAMLError as exc:
        where = ""
        if exc.problem_mark is not None:
            where = f" (line {exc.problem_mark.line + 1}, column {exc.problem_mark.column + 1})"
        raise _Ignored(f"it is not valid YAML: {exc.problem or exc.context}{where}.") from None
    except yaml.YAMLError as exc:
        raise _Ignored(f"it is not valid YAML: {exc}.") from None
    except RecursionError:
        raise _Ignored("it is nested too deeply.") from None
    except (ValueError, TypeError, OverflowError) as exc:
        # SafeConstructor's own errors, such as an impossible date (2022-13-45).
        raise _Ignored(f"it holds a value that cannot be read ({exc}).") from None


def _extra(unknown: list[tuple[str, Any]], path: Path, notes: list[str]) -> dict[str, Any]:
    extra: dict[str, Any] = {}
    dropped: list[str] = []
    size = 0
    for key, value in unknown:
        if value is None or value == "":
            continue
        kept = fields.extra_value(value)
        cost = len(str(kept))
        too_many = len(extra) >= fields.MAX_EXTRA_KEYS or size + cost > fields.MAX_EXTRA_CHARS
        if kept is None or not key or len(key) > 100 or too_many:
            dropped.append(key)
        else:
            extra[key] = kept
            size += cost
    if extra:
        notes.append(
            f"The sidecar {path} has fields newsarchive does not use; they were kept as extra "
            f"data: {_listing(list(extra))}."
        )
    if dropped:
        notes.append(
            f"The sidecar {path} has fields that were not kept (only text, numbers, dates and "
            f"short lists of them are): {_listing(dropped)}."
        )
    return extra


def _listing(names: list[str]) -> str:
    shown = ", ".join(repr(n[:40]) for n in names[:_MAX_NAMES_SHOWN])
    more = len(names) - _MAX_NAMES_SHOWN
    return f"{shown} and {more} more" if more > 0 else shown
