"""LayerFile: a file of the user's layer read again only when it changes, a damaged one named."""

from __future__ import annotations

from pathlib import Path

import pytest

from newsarchive.core.errors import LibraryError
from newsarchive.core.storage.collections import Collections
from newsarchive.core.storage.user_layer import LayerFile


def test_the_file_is_parsed_again_only_when_it_changed(tmp_path: Path) -> None:
    path = tmp_path / "list.yaml"
    calls: list[object] = []

    def parse(data: object, where: Path) -> tuple[str, ...]:
        calls.append(data)
        return tuple(str(x) for x in data) if isinstance(data, list) else ()

    file = LayerFile(path, parse, ())
    assert file.read() == () and calls == []  # absent: nothing parsed
    path.write_text("[a, b]\n", encoding="utf-8")
    assert file.read() == ("a", "b")
    assert file.read() == ("a", "b")
    assert len(calls) == 1
    path.write_text("[a, b, c]\n", encoding="utf-8")  # another size: read again
    assert file.read() == ("a", "b", "c")
    assert len(calls) == 2


def test_a_damaged_file_reads_as_empty_with_its_reason_until_it_is_gone(tmp_path: Path) -> None:
    collections = Collections(tmp_path)
    collections.path.parent.mkdir(parents=True)
    collections.path.write_text("collections: [unclosed\n", encoding="utf-8")
    assert list(collections.all()) == ["Starred"]
    assert collections.problem is not None and "damaged" in collections.problem
    with pytest.raises(LibraryError):
        collections.write({"Chapter 1": ["a1"]})
    assert "unclosed" in collections.path.read_text(encoding="utf-8")  # the user's file kept
    collections.path.unlink()  # the user removed it: writing is allowed again
    assert collections.all() == {"Starred": ()}
    assert collections.problem is None
    collections.write({"Chapter 1": ["a1"]})
    assert collections.all()["Chapter 1"] == ("a1",)
