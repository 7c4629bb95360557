"""The user's "not a duplicate" decisions (`user/not_duplicates.yaml`): pairs of articles that stay
in different stories whatever their texts share."""

from __future__ import annotations

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

_FILE = "not_duplicates.yaml"


class DuplicateSplits(LayerStore[tuple[tuple[str, str], ...]]):
    """The pairs a user split, each as (smaller id, larger id), in the order they were made."""

    def __init__(self, library_path: Path) -> None:
        self._file = LayerFile(
            library_path / USER_FOLDER / _FILE, _parse, ()
        )

    def all(self) -> tuple[tuple[str, str], ...]:
        return self._file.read()

    def write(self, pairs: tuple[tuple[str, str], ...]) -> None:
        refuse_overwriting(self.path, self.problem)
        self.path.parent.mkdir(parents=True, exist_ok=True)
        text = dump_yaml({
            "about": "Articles the library's users said are not copies of each other.",
            "not_duplicates": [list(pair) for pair in dict.fromkeys(pairs)],
        })
        write_atomic(self.path, text, durable=True)


def ordered(a: str, b: str) -> tuple[str, str]:
    return (a, b) if a <= b else (b, a)


def _parse(data: object, path: Path) -> tuple[tuple[str, str], ...]:
    items = data.get("not_duplicates") if isinstance(data, dict) else None
    if not isinstance(items, list):
        raise LibraryError(f"{path} is damaged: it holds no list of articles kept apart.")
    out: list[tuple[str, str]] = []
    for item in items:
        if (isinstance(item, list) and len(item) == 2 and all(isinstance(i, str) for i in item)
                and item[0] != item[1]):
            out.append(ordered(item[0], item[1]))
    return tuple(dict.fromkeys(out))
