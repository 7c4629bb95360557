"""A write transaction's commit leaves every article its journal noted in the index, even when the
work on one was cut short between its files and its index entry (Ctrl+C lands anywhere)."""

from __future__ import annotations

from pathlib import Path

import pytest

from newsarchive.core.operations import import_item
from newsarchive.core.operations.check import check_library
from newsarchive.core.operations.importing import import_paths
from newsarchive.core.search.searcher import ArchiveSearcher
from newsarchive.core.storage.library import Library

SEED = Path(__file__).parents[2] / "data" / "pages" / "seed_telesur.txt"


def _dumps(folder: Path, count: int) -> Path:
    folder.mkdir()
    text = SEED.read_text(encoding="utf-8")
    for number in range(count):
        (folder / f"{number}.txt").write_text(text.replace("Kremlin", f"Kremlin{number}"),
                                              encoding="utf-8")
    return folder


@pytest.mark.parametrize("when", ["after its files", "before its files"])
def test_ctrl_c_in_the_middle_of_an_article_leaves_the_library_consistent(tmp_path, monkeypatch, when):
    library = Library.create(tmp_path / "lib")
    stored = import_item.store_new
    calls = []

    def interrupted_at_the_third(*args, **kwargs):
        calls.append(1)
        if len(calls) == 3 and when == "before its files":
            raise KeyboardInterrupt
        stored(*args, **kwargs)
        if len(calls) == 3:
            raise KeyboardInterrupt

    monkeypatch.setattr(import_item, "store_new", interrupted_at_the_third)
    report = import_paths(library, [_dumps(tmp_path / "in", 5)])
    assert report.interrupted and len(report.items) == 2
    assert check_library(library).problems == ()
    with ArchiveSearcher(library.index_dir) as searcher:
        assert sorted(searcher.indexed_ids()) == library.ids()
    assert len(library.ids()) == (3 if when == "after its files" else 2)
