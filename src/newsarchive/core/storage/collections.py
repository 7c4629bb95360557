"""Collections: named sets of articles a researcher keeps (`user/collections.yaml`), with the
built-in "Starred" always there."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from pathlib import Path

from newsarchive.core.errors import LibraryError
from newsarchive.core.files import write_atomic
from newsarchive.core.storage.user_layer import (
    USER_FOLDER,
    LayerFile,
    LayerStore,
    dump_yaml,
    refuse_overwriting,
)

STARRED = "Starred"
_FILE = "collections.yaml"
MAX_NAME = 80


def check_name(name: str) -> str:
    """A collection name, tidied; `ValueError` saying what is wrong with it."""
    tidy = " ".join(name.split())
    if not tidy:
        raise ValueError("A collection needs a name.")
    if len(tidy) > MAX_NAME:
        raise ValueError(f"A collection name has at most {MAX_NAME} characters.")
    return tidy


class Collections(LayerStore[dict[str, tuple[str, ...]]]):
    """The collections of one library: name -> article ids, in the order they were made.

    Reading is cheap and cached until the file changes; every change rewrites the file whole
    (atomically), so a kill leaves the collections before or after the change, never between.
    """

    def __init__(self, library_path: Path) -> None:
        # Searching goes on without a damaged file; writing is refused (`problem`).
        self._file = LayerFile(
            library_path / USER_FOLDER / _FILE, _parse, {STARRED: ()}
        )

    def all(self) -> dict[str, tuple[str, ...]]:
        """Every collection and its members (Starred first)."""
        return dict(self._file.read())

    def find(self, name: str) -> str | None:
        """The collection's exact name, compared without case ("starred" finds "Starred")."""
        key = name.strip().casefold()
        return next((n for n in self.all() if n.casefold() == key), None)

    def write(self, collections: Mapping[str, Iterable[str]]) -> None:
        refuse_overwriting(self.path, self.problem)
        data = {STARRED: (), **{name: tuple(ids) for name, ids in collections.items()}}
        self.path.parent.mkdir(parents=True, exist_ok=True)
        text = dump_yaml({
            "about": "Collections of articles (ids), kept by the library's users.",
            "collections": {name: list(dict.fromkeys(ids)) for name, ids in data.items()},
        })
        write_atomic(self.path, text, durable=True)


def _parse(data: object, path: Path) -> dict[str, tuple[str, ...]]:
    items = data.get("collections") if isinstance(data, dict) else None
    if not isinstance(items, dict):
        raise LibraryError(f"{path} is damaged: it holds no collections.")
    out: dict[str, tuple[str, ...]] = {STARRED: ()}
    for name, ids in items.items():
        if isinstance(name, str) and name.strip():
            members = ids if isinstance(ids, list) else []
            out[name] = tuple(dict.fromkeys(str(i) for i in members if isinstance(i, str | int)))
    return out
