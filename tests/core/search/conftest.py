"""One indexed fixture library for the whole search test module set (searching never writes)."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from newsarchive.core.storage.library import Library
from newsarchive.core.search.searcher import ArchiveSearcher
from tests.core.search.fixture_library import make_library


@pytest.fixture(scope="session")
def fixture_library(tmp_path_factory: pytest.TempPathFactory) -> Library:
    return make_library(tmp_path_factory.mktemp("search") / "library")


@pytest.fixture(scope="session")
def searcher(fixture_library: Library) -> Iterator[ArchiveSearcher]:
    with ArchiveSearcher(fixture_library.index_dir) as opened:
        yield opened
