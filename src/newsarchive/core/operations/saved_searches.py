"""Saved searches: keep a query with its filters and sort under a name, list them with how many
articles are new since each was last seen, run one, mark it seen."""

from __future__ import annotations

from dataclasses import dataclass, replace

from newsarchive.core.errors import NewsarchiveError
from newsarchive.core.operations.searching import open_searcher
from newsarchive.core.operations.transaction import WriteTransaction
from newsarchive.core.search.request import SearchRequest, SearchResult
from newsarchive.core.search.searcher import ArchiveSearcher
from newsarchive.core.storage.collections import check_name
from newsarchive.core.storage.library import Library
from newsarchive.core.storage.saved_searches import (
    SavedSearch,
    now_to_the_millisecond,
    request_filters,
    seen_now,
)


class SavedSearchError(NewsarchiveError):
    """No saved search of that name, or a name that cannot be used."""


@dataclass(frozen=True, slots=True)
class SavedSearchStatus:
    """A saved search with its number of matches and of those new since it was last seen."""

    search: SavedSearch
    total: int
    new: int

    def to_dict(self) -> dict[str, object]:
        return {"name": self.search.name, "query": self.search.request.query,
                "filters": request_filters(self.search.request), "sort": self.search.request.sort,
                "total": self.total, "new": self.new,
                "seen_at": self.search.seen_at.isoformat(timespec="seconds")}


def save_search(library: Library, name: str, request: SearchRequest) -> SavedSearch:
    """Keep `request` (query, filters, sort) under `name`, replacing one of that name; it counts
    as seen now. The query is checked first (a malformed one raises `QueryError`)."""
    try:
        name = check_name(name)
    except ValueError as exc:
        raise SavedSearchError(str(exc).replace("collection", "saved search")) from None
    kept = replace(request, limit=20, offset=0, added_since=None)
    with open_searcher(library) as searcher:
        searcher.search(replace(kept, limit=0))
    now = now_to_the_millisecond()
    with WriteTransaction(library, "saved search", index=False):
        existing = library.saved_searches.find(name)
        search = SavedSearch(existing.name if existing else name, kept,
                             existing.created if existing else now, now)
        library.saved_searches.write(library.saved_searches.replaced(search))
    return search


def delete_saved(library: Library, name: str) -> None:
    with WriteTransaction(library, "saved search", index=False):
        found = _find(library, name)
        library.saved_searches.write(
            tuple(s for s in library.saved_searches.all() if s.name != found.name))


def mark_seen(library: Library, name: str) -> SavedSearch:
    """Everything the search finds now counts as seen (opening it in the app does this)."""
    with WriteTransaction(library, "saved search", index=False):
        seen = seen_now(_find(library, name))
        library.saved_searches.write(library.saved_searches.replaced(seen))
    return seen


def list_saved(library: Library, searcher: ArchiveSearcher | None = None) -> list[SavedSearchStatus]:
    """Every saved search with its totals (one searcher for all of them)."""
    searches = library.saved_searches.all()
    if not searches:
        return []
    own = searcher is None
    searcher = searcher or open_searcher(library)
    try:
        return [_status(searcher, s) for s in searches]
    finally:
        if own:
            searcher.close()


def _status(searcher: ArchiveSearcher, search: SavedSearch) -> SavedSearchStatus:
    request = replace(search.request, limit=0, offset=0)
    total = searcher.search(request).total
    new = searcher.search(replace(request, added_since=search.seen_at)).total if total else 0
    return SavedSearchStatus(search, total, new)


def saved_request(library: Library, name: str, *, new_only: bool = False, limit: int = 20,
                  offset: int = 0) -> SearchRequest:
    """The request a saved search runs (`new_only`: only what came in since it was last seen)."""
    found = _find(library, name)
    return replace(found.request, limit=limit, offset=offset,
                   added_since=found.seen_at if new_only else None)


def run_saved(library: Library, name: str, *, new_only: bool = False, limit: int = 20,
              offset: int = 0) -> SearchResult:
    request = saved_request(library, name, new_only=new_only, limit=limit, offset=offset)
    with open_searcher(library) as searcher:
        return searcher.search(request)


def _find(library: Library, name: str) -> SavedSearch:
    found = library.saved_searches.find(name)
    if found is None:
        names = ", ".join(s.name for s in library.saved_searches.all()) or "none yet"
        raise SavedSearchError(f"There is no saved search named {name!r} (saved searches: {names}).")
    return found
