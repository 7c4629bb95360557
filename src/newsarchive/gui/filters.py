"""The user's facet selection as a `SearchRequest`: adding, excluding and removing filter values.

The GUI keeps no filter state of its own kind: the current `SearchRequest` is the state, and these
functions return a new one. The core decides what the selection means (OR within a facet, AND
across facets, NOT for excluded values).
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date
from typing import Literal

from newsarchive.core.search.request import SearchRequest

Facet = Literal["section", "person", "source", "collection"]
Mode = Literal["include", "exclude"]

_FIELDS: dict[tuple[str, str], str] = {
    ("section", "include"): "sections",
    ("section", "exclude"): "exclude_sections",
    ("person", "include"): "people",
    ("person", "exclude"): "exclude_people",
    ("source", "include"): "sources",
    ("source", "exclude"): "exclude_sources",
    ("collection", "include"): "collections",
    ("collection", "exclude"): "exclude_collections",
}
_TITLES = (("section", "Section"), ("person", "Person"), ("source", "Outlet"), ("collection", "Collection"))


def mode_of(request: SearchRequest, facet: Facet, value: str) -> Mode | None:
    """Whether `value` of `facet` is included, excluded or not selected."""
    for mode in ("include", "exclude"):
        if value in getattr(request, _FIELDS[(facet, mode)]):
            return mode  # type: ignore[return-value]
    return None


def with_value(request: SearchRequest, facet: Facet, value: str, mode: Mode | None) -> SearchRequest:
    """`request` with `value` of `facet` set to `mode` (None removes it); paging starts over."""
    changes: dict[str, tuple[str, ...]] = {}
    for m in ("include", "exclude"):
        name = _FIELDS[(facet, m)]
        values = tuple(v for v in getattr(request, name) if v != value)
        if m == mode:
            values = (*values, value)
        changes[name] = values
    return replace(request, offset=0, **changes)


def toggled(request: SearchRequest, facet: Facet, value: str, mode: Mode) -> SearchRequest:
    """Select `value` in `mode`, or clear it when it already is in that mode."""
    current = mode_of(request, facet, value)
    return with_value(request, facet, value, None if current == mode else mode)


def with_dates(request: SearchRequest, start: date | None, end: date | None) -> SearchRequest:
    """The request with this date range (checked by the caller: `core.search.dates.check_range`)."""
    return replace(request, date_from=start, date_to=end, offset=0)


def with_needs_review(request: SearchRequest, needs_review: bool) -> SearchRequest:
    """Only articles whose record has something to review (a guessed title, no date…), or all."""
    return replace(request, needs_review=needs_review, offset=0)


def cleared(request: SearchRequest) -> SearchRequest:
    """The same query, sort and notes option with no filters."""
    return SearchRequest(query=request.query, sort=request.sort, limit=request.limit,
                         include_notes=request.include_notes)


@dataclass(frozen=True, slots=True)
class Chip:
    """One active filter as the chip row shows it; `key` says what removing it undoes."""

    label: str
    tooltip: str
    key: tuple[str, ...]
    excluded: bool = False


def chips(request: SearchRequest) -> tuple[Chip, ...]:
    out: list[Chip] = []
    if request.needs_review:
        out.append(Chip("Needs review", "Only articles with something to review", ("review",)))
    for facet, title in _TITLES:
        for mode in ("include", "exclude"):
            for value in getattr(request, _FIELDS[(facet, mode)]):
                excluded = mode == "exclude"
                label = f"{'not ' if excluded else ''}{value}"
                verb = "Excluding" if excluded else "Only"
                out.append(
                    Chip(label, f"{verb} {title.lower()} {value}", (facet, value), excluded)
                )
    if request.date_from or request.date_to:
        start = request.date_from.isoformat() if request.date_from else "…"
        end = request.date_to.isoformat() if request.date_to else "…"
        out.append(Chip(f"{start} – {end}", "Published between these dates", ("dates",)))
    return tuple(out)


def without_chip(request: SearchRequest, key: tuple[str, ...]) -> SearchRequest:
    if key == ("dates",):
        return with_dates(request, None, None)
    if key == ("review",):
        return with_needs_review(request, False)
    facet, value = key
    return with_value(request, facet, value, None)  # type: ignore[arg-type]
