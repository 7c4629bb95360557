"""The Library menu over the real window: statistics, check, rebuild, correcting a tag's kind."""

from __future__ import annotations

from newsarchive.core.storage.library import Library
from newsarchive.gui.facet_models import ValueRole
from newsarchive.gui.library_dialogs import correct_tag_kind
from newsarchive.gui.main_window import MainWindow
from newsarchive.gui.menus import WindowActions
from tests.gui.conftest import wait_for_result
from tests.gui.fixture_library import ARTICLES


def _people(window: MainWindow) -> list[str]:
    model = window.facets.people
    return [model.index(r).data(ValueRole) for r in range(model.rowCount())]


def test_statistics_count_the_library(qtbot, window_and_actions, library: Library) -> None:
    window, actions = window_and_actions
    window.open_library(library.path)
    wait_for_result(qtbot, window)
    actions.statistics.trigger()
    dialog = actions.dialogs[-1]
    qtbot.waitUntil(lambda: dialog.stats is not None, timeout=10_000)
    assert dialog.stats.articles == len(ARTICLES)
    assert dialog.stats.indexed == len(ARTICLES)
    assert dialog.stats.undated == 1
    text = dialog.view.toPlainText()
    assert "Test archive" in text and "2021–2022" in text


def test_check_finds_no_problem_then_an_unindexed_article(
    qtbot, window_and_actions, library: Library
) -> None:
    window, actions = window_and_actions
    window.open_library(library.path)
    wait_for_result(qtbot, window)
    actions.check.trigger()
    dialog = actions.dialogs[-1]
    qtbot.waitUntil(lambda: not dialog.running, timeout=10_000)
    assert dialog.result_value.ok
    assert dialog.message.text().startswith(f"No problems: {len(ARTICLES)} articles")


def test_rebuild_runs_with_progress_and_refreshes(qtbot, window_and_actions, library: Library) -> None:
    window, actions = window_and_actions
    window.open_library(library.path)
    wait_for_result(qtbot, window)
    actions.rebuild.trigger()
    dialog = actions.dialogs[-1]
    qtbot.waitUntil(lambda: not dialog.running, timeout=30_000)
    assert dialog.failure is None
    assert dialog.result_value.indexed == len(ARTICLES)
    assert "rebuilt from 12 articles" in dialog.message.text()
    result = wait_for_result(qtbot, window)
    assert result.total == len(ARTICLES)


def test_correcting_a_tag_kind_fixes_the_person_facet(qtbot, window_and_actions, library: Library) -> None:
    window, _actions = window_and_actions
    window.open_library(library.path)
    wait_for_result(qtbot, window)
    assert "Gustavo Petro" in _people(window)
    dialog = correct_tag_kind(window, "Gustavo Petro", "organisation")
    qtbot.waitUntil(lambda: not dialog.running, timeout=30_000)
    assert dialog.failure is None, dialog.failure and dialog.failure.details
    assert dialog.result_value == 3
    assert "3 articles were updated" in dialog.message.text()
    qtbot.waitUntil(lambda: "Gustavo Petro" not in _people(window), timeout=10_000)
    assert library.load(next(a.id for a in ARTICLES if a.title.startswith("Elections"))).people == ()


def test_read_only_library_disables_writes(qtbot, window_and_actions, library: Library) -> None:
    window, actions = window_and_actions
    assert isinstance(actions, WindowActions)
    window.open_library(library.path, read_only=True)
    wait_for_result(qtbot, window)
    assert "(read-only)" in window.windowTitle()
    for action in (actions.import_folder, actions.import_files, actions.rebuild, actions.tag_kind):
        assert not action.isEnabled()
    assert actions.export.isEnabled() and actions.check.isEnabled()
