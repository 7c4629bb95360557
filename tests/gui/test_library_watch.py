"""Issue 12.4: the app sees what another process changed in the open library, and opening a
library starts clean (fresh searcher, no query or filters of the last one)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from newsarchive.core.storage.library import Library
from newsarchive.gui import filters
from newsarchive.gui.facet_models import CountRole, ValueRole
from newsarchive.gui.main_window import MainWindow
from tests.gui.conftest import wait_for_result
from tests.gui.fixture_library import ARTICLES, build_library

PAGE = """News > Oceania

Quokkas Return to Rottnest Island After the Fires

Published 3 March 2023

Rangers counted more quokkas on Rottnest Island this summer than in any year since the fires.

The marsupials were seen near the lighthouse and the salt lakes, a ranger said on Friday.

Quokkas
"""


def _import_elsewhere(library: Path, folder: Path) -> None:
    """The command line, in a process of its own, imports into the library the window has open."""
    done = subprocess.run(
        [sys.executable, "-m", "newsarchive", "--library", str(library), "import", str(folder)],
        capture_output=True, text=True, timeout=120,
    )
    assert done.returncode == 0, done.stderr


def _sections(window: MainWindow) -> dict[str, int]:
    model = window.facets.sections
    rows = (model.index(r, 0) for r in range(model.rowCount()))
    return {index.data(ValueRole): index.data(CountRole) for index in rows}


def test_an_import_by_the_command_line_shows_up_in_the_open_window(
    qtbot, window: MainWindow, library: Library, tmp_path: Path
) -> None:
    window.watch.setInterval(200)
    window.open_library(library.path)
    wait_for_result(qtbot, window)
    window.search_bar.set_query("quokkas")
    result = wait_for_result(qtbot, window)
    assert result.total == 0

    folder = tmp_path / "new-pages"
    folder.mkdir()
    (folder / "quokkas.txt").write_text(PAGE, encoding="utf-8")
    _import_elsewhere(library.path, folder)

    # Nobody touches the window: it notices, and searches again.
    qtbot.waitUntil(lambda: window.result is not None and window.result.total == 1, timeout=15_000)
    assert window.result.request.query == "quokkas"
    assert window.result.suggestion is None
    assert window.count_label.text().startswith("1 article ")
    assert window.results.index(0, 0).data() == "Quokkas Return to Rottnest Island After the Fires"
    assert window.reader.article is not None and "Rottnest" in window.reader.article.title
    window.search_bar.set_query("")
    result = wait_for_result(qtbot, window)
    assert result.total == len(ARTICLES) + 1
    assert _sections(window)["News"] == sum(a.section_path[:1] == ("News",) for a in ARTICLES) + 1


def test_opening_the_library_again_shows_it_as_it_is_now(
    qtbot, window: MainWindow, library: Library, tmp_path: Path
) -> None:
    window.open_library(library.path)
    wait_for_result(qtbot, window)
    window.watch.stop()  # only the opening itself is under test here
    folder = tmp_path / "new-pages"
    folder.mkdir()
    (folder / "quokkas.txt").write_text(PAGE, encoding="utf-8")
    _import_elsewhere(library.path, folder)
    assert window.open_library(library.path)  # what File ▸ Open recent does
    window.watch.stop()
    result = wait_for_result(qtbot, window)
    assert result.total == len(ARTICLES) + 1


def test_opening_another_library_clears_the_query_and_filters(
    qtbot, window: MainWindow, library: Library, tmp_path: Path
) -> None:
    window.open_library(library.path)
    wait_for_result(qtbot, window)
    window.search_bar.set_query("talks")
    wait_for_result(qtbot, window)
    window.search(filters.with_value(window.request, "person", "Gustavo Petro", "include"))
    window.search(filters.with_needs_review(window.request, False))
    wait_for_result(qtbot, window)
    assert window.chips.labels()

    other = build_library(tmp_path / "other" / "library")
    assert window.open_library(other.path)
    result = wait_for_result(qtbot, window)
    assert window.search_bar.box.text() == ""
    assert result.request.query == "" and result.request.filters() == {}
    assert window.chips.labels() == []
    assert result.total == len(ARTICLES)
