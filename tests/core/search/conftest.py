"""One indexed fixture library for the whole search test module set (searching never writes)."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from newsarchive.core.search.searcher import ArchiveSearcher
from newsarchive.core.storage.library import Library
from tests.core.search.fixture_library import make_library


@pytest.fixture(scope="session")
def fixture_library(tmp_path_factory: pytest.TempPathFactory) -> Library:
    return make_library(tmp_path_factory.mktemp("search") / "library")


@pytest.fixture(scope="session")
def searcher(fixture_library: Library) -> Iterator[ArchiveSearcher]:
    with ArchiveSearcher(fixture_library.index_dir) as opened:
        yield opened


def pytest_terminal_summary(terminalreporter: pytest.TerminalReporter) -> None:
    from tests.core.search import differential_counts

    if differential_counts["queries"]:
        terminalreporter.write_line(
            f"differential search tests: {differential_counts['queries']} generated queries over "
            f"{differential_counts['libraries']} generated libraries checked against the oracle "
            f"({differential_counts['hits']} expected hits; {differential_counts['nothing']} "
            "queries with nothing to search for)")
    if differential_counts["whoosh"]:
        terminalreporter.write_line(
            f"plain Whoosh second opinion: {differential_counts['whoosh']} generated queries "
            "compared")


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    # The long differential run takes minutes: `make test` has the short one; the long one runs
    # when slow tests are asked for by name (`pytest -m slow tests/core/search`).
    if "slow" in (config.getoption("markexpr", "") or ""):
        return
    skip = pytest.mark.skip(reason="the long differential run: select it with -m slow")
    for item in items:
        if item.name.startswith("test_generated_queries_find_what_the_oracle_finds_at_length"):
            item.add_marker(skip)
