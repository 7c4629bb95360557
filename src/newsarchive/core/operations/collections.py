"""Keeping articles in collections (a researcher's chapters, a case's exhibits, the Starred ones):
create, rename, delete, add, remove — each change written whole under the library's lock."""

from __future__ import annotations

from collections.abc import Sequence

from newsarchive.core.errors import ArticleNotFound, NewsarchiveError
from newsarchive.core.operations.transaction import WriteTransaction
from newsarchive.core.storage.collections import STARRED, check_name
from newsarchive.core.storage.library import Library


class CollectionError(NewsarchiveError):
    """A collection change that cannot be made as asked."""


def list_collections(library: Library) -> list[tuple[str, int]]:
    """Every collection with how many articles it holds, Starred first."""
    return [(name, len(ids)) for name, ids in library.collections.all().items()]


def create_collection(library: Library, name: str) -> str:
    """Make an empty collection; its name as kept."""
    name = _name(name)
    with WriteTransaction(library, "collection", index=False):
        current = library.collections.all()
        if library.collections.find(name) is not None:
            raise CollectionError(f"There is already a collection named {name!r}.")
        library.collections.write({**current, name: ()})
    return name


def rename_collection(library: Library, old: str, new: str) -> str:
    new = _name(new)
    with WriteTransaction(library, "collection", index=False):
        found = _existing(library, old)
        if found == STARRED:
            raise CollectionError("The Starred collection keeps its name.")
        other = library.collections.find(new)
        if other is not None and other != found:
            raise CollectionError(f"There is already a collection named {new!r}.")
        library.collections.write(
            {(new if name == found else name): ids for name, ids in library.collections.all().items()})
    return new


def delete_collection(library: Library, name: str) -> int:
    """Delete a collection (its articles stay in the library); how many articles it held."""
    with WriteTransaction(library, "collection", index=False):
        found = _existing(library, name)
        if found == STARRED:
            raise CollectionError("The Starred collection cannot be deleted; empty it instead.")
        current = library.collections.all()
        held = len(current.pop(found))
        library.collections.write(current)
    return held


def add_to_collection(library: Library, name: str, ids: Sequence[str]) -> int:
    """Add articles (made if it does not exist yet); how many were not in it already. An
    unknown id raises `ArticleNotFound` before anything changes."""
    name = _name(name)
    wanted = _known_ids(library, ids)
    with WriteTransaction(library, "collection", index=False):
        current = library.collections.all()
        found = library.collections.find(name) or name
        members = current.get(found, ())
        present = set(members)
        added = tuple(i for i in wanted if i not in present)
        current[found] = (*members, *added)
        library.collections.write(current)
    return len(added)


def remove_from_collection(library: Library, name: str, ids: Sequence[str]) -> int:
    """Take articles out of a collection; how many were in it."""
    leaving = {i.strip() for i in ids if i.strip()}
    with WriteTransaction(library, "collection", index=False):
        found = _existing(library, name)
        current = library.collections.all()
        members = current[found]
        current[found] = tuple(i for i in members if i not in leaving)
        library.collections.write(current)
    return len(members) - len(current[found])


def _name(name: str) -> str:
    try:
        return check_name(name)
    except ValueError as exc:
        raise CollectionError(str(exc)) from None


def _existing(library: Library, name: str) -> str:
    found = library.collections.find(name)
    if found is None:
        names = ", ".join(library.collections.all())
        raise CollectionError(f"There is no collection named {name!r}; the collections are {names}.")
    return found


def _known_ids(library: Library, ids: Sequence[str]) -> list[str]:
    wanted = list(dict.fromkeys(i.strip() for i in ids if i.strip()))
    for article_id in wanted:
        if article_id not in library:
            raise ArticleNotFound(f"No article with id {article_id!r} in this library.")
    return wanted
