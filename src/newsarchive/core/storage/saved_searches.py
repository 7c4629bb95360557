"""Saved searches: a query, its filters and sort under a name, and when its results were last seen
(`user/saved_searches.yaml`), so the app and `saved run --new` can tell what is new since."""

from __future__ import annotations

from dataclasses import dataclass, fields, replace
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any

from newsarchive.core.errors import LibraryError
from newsarchive.core.files import write_atomic
from newsarchive.core.search.request import SORTS, SearchRequest
from newsarchive.core.storage.user_layer import (
    USER_FOLDER,
    LayerFile,
    LayerStore,
    dump_yaml,
    refuse_overwriting,
)

_FILE = "saved_searches.yaml"
_LISTS = ("sections", "exclude_sections", "people", "exclude_people", "sources",
          "exclude_sources", "collections", "exclude_collections")


@dataclass(frozen=True, slots=True)
class SavedSearch:
    """A search kept under a name; `seen_at` is when its results were last looked at."""

    name: str
    request: SearchRequest
    created: datetime
    seen_at: datetime

    def to_data(self) -> dict[str, Any]:
        return {
            "name": self.name,
            "query": self.request.query,
            "filters": request_filters(self.request),
            "sort": self.request.sort,
            "created": self.created.isoformat(timespec="milliseconds"),
            "seen_at": self.seen_at.isoformat(timespec="milliseconds"),
        }


def request_filters(request: SearchRequest) -> dict[str, Any]:
    """The filters of a request as plain data (only those set)."""
    out: dict[str, Any] = {}
    for name in _LISTS:
        value = getattr(request, name, ())
        if value:
            out[name] = list(value)
    for name in ("date_from", "date_to"):
        value = getattr(request, name)
        if value is not None:
            out[name] = value.isoformat()
    if request.needs_review:
        out["needs_review"] = True
    return out


def request_from(query: str, filters: object, sort: object) -> SearchRequest:
    """The request plain data describes (unknown or malformed parts are left out)."""
    known = {f.name for f in fields(SearchRequest)}
    values: dict[str, Any] = {"query": query if isinstance(query, str) else ""}
    if isinstance(filters, dict):
        for name in _LISTS:
            items = filters.get(name)
            if name in known and isinstance(items, list):
                values[name] = tuple(str(i) for i in items if isinstance(i, str))
        for name in ("date_from", "date_to"):
            value = filters.get(name)
            if isinstance(value, date):
                values[name] = value
            elif isinstance(value, str):
                try:
                    values[name] = date.fromisoformat(value)
                except ValueError:
                    pass
        if filters.get("needs_review") is True:
            values["needs_review"] = True
    if sort in SORTS:
        values["sort"] = sort
    return SearchRequest(**values)


def _when(value: object) -> datetime:
    if isinstance(value, datetime):
        return value if value.tzinfo else value.replace(tzinfo=UTC)
    if isinstance(value, str):
        try:
            return _when(datetime.fromisoformat(value))
        except ValueError:
            pass
    return datetime.now(UTC)


class SavedSearches(LayerStore[tuple[SavedSearch, ...]]):
    """The saved searches of one library, in the order they were saved."""

    def __init__(self, library_path: Path) -> None:
        self._file = LayerFile(
            library_path / USER_FOLDER / _FILE, _parse, ()
        )

    def all(self) -> tuple[SavedSearch, ...]:
        return self._file.read()

    def find(self, name: str) -> SavedSearch | None:
        key = name.strip().casefold()
        return next((s for s in self.all() if s.name.casefold() == key), None)

    def write(self, searches: tuple[SavedSearch, ...]) -> None:
        refuse_overwriting(self.path, self.problem)
        self.path.parent.mkdir(parents=True, exist_ok=True)
        text = dump_yaml({
            "about": "Searches saved by the library's users, with when each was last seen.",
            "saved": [s.to_data() for s in searches],
        })
        write_atomic(self.path, text, durable=True)

    def replaced(self, search: SavedSearch) -> tuple[SavedSearch, ...]:
        """Every saved search, `search` in place of the one of its name (or added at the end)."""
        key = search.name.casefold()
        out = [search if s.name.casefold() == key else s for s in self.all()]
        if all(s.name.casefold() != key for s in self.all()):
            out.append(search)
        return tuple(out)


def _parse(data: object, path: Path) -> tuple[SavedSearch, ...]:
    items = data.get("saved") if isinstance(data, dict) else None
    if not isinstance(items, list):
        raise LibraryError(f"{path} is damaged: it holds no saved searches.")
    out: list[SavedSearch] = []
    for item in items:
        if not isinstance(item, dict) or not isinstance(item.get("name"), str):
            continue
        request = request_from(item.get("query", ""), item.get("filters"), item.get("sort"))
        out.append(SavedSearch(item["name"], request, _when(item.get("created")),
                               _when(item.get("seen_at"))))
    return tuple(out)


def seen_now(search: SavedSearch) -> SavedSearch:
    return replace(search, seen_at=now_to_the_millisecond())


def now_to_the_millisecond() -> datetime:
    """Now, to the millisecond (how records keep import times)."""
    now = datetime.now(UTC)
    return now.replace(microsecond=now.microsecond // 1000 * 1000)
