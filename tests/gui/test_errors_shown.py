"""Issue 12.1: a failure the app catches is shown (with "Copy details"), logged to the user's log
file, and leaves no stale view."""

from __future__ import annotations

import newsarchive.gui.reader as reader_module
from newsarchive.core.storage.library import Library
from newsarchive.gui.error_log import log_file
from newsarchive.gui.main_window import MainWindow
from newsarchive.gui.problem_notice import install_excepthook
from newsarchive.gui.qt import QGuiApplication, Qt, QTimer
from tests.gui.conftest import wait_for_result
from tests.gui.fixture_library import by_title


def test_an_article_whose_rendering_raises_is_not_left_unsaid(
    qtbot, window: MainWindow, library: Library, monkeypatch
) -> None:
    bad = by_title("Referendums Held")
    real_page = reader_module.article_page

    def page(article, **kwargs):
        if article.id == bad.id:
            raise KeyError("broken layout")
        return real_page(article, **kwargs)

    monkeypatch.setattr(reader_module, "article_page", page)
    window.open_library(library.path)
    wait_for_result(qtbot, window)
    good = by_title("Kremlin Announces")
    window.select_row(window.results.row_of(good.id))
    assert window.reader.article.id == good.id

    window.select_row(window.results.row_of(bad.id))
    # The reader no longer shows the previous article: it says it cannot show this one, and why.
    assert window.reader.article is None
    said = window.reader.browser.placeholderText()
    assert "cannot be shown" in said and "KeyError" in said and "broken layout" in said
    assert good.title not in window.reader.browser.toPlainText()
    # The status bar says so too, until dismissed, and copies the details.
    assert window.problem.isVisible()
    assert "Cannot show this article" in window.problem.label.text()
    qtbot.mouseClick(window.problem.copy_button, Qt.MouseButton.LeftButton)
    copied = QGuiApplication.clipboard().text()
    assert "Traceback" in copied and "broken layout" in copied
    # And the log file in the user's folder keeps the traceback.
    logged = log_file().read_text(encoding="utf-8")
    assert "Cannot show this article" in logged and "KeyError: 'broken layout'" in logged

    # The next article shows as usual.
    window.select_row(window.results.row_of(good.id))
    assert window.reader.article.id == good.id


def test_an_error_escaping_a_slot_reaches_the_status_bar_and_the_log(qtbot, window: MainWindow) -> None:
    def broken_slot() -> None:
        raise RuntimeError("a slot failed")

    with qtbot.capture_exceptions() as caught:
        uninstall = install_excepthook(window.report)  # as `app.run` does, over the test's hook
        try:
            QTimer.singleShot(0, broken_slot)
            qtbot.waitUntil(window.problem.isVisible, timeout=5000)
        finally:
            uninstall()
    assert [type(e[1]) for e in caught] == [RuntimeError]  # the previous hook still saw it
    assert "a slot failed" in window.problem.label.text()
    assert "RuntimeError: a slot failed" in log_file().read_text(encoding="utf-8")


def test_a_failed_library_opening_is_logged(qtbot, window: MainWindow, tmp_path) -> None:
    assert not window.open_library(tmp_path / "nowhere")
    logged = log_file().read_text(encoding="utf-8")
    assert "Cannot open the library" in logged and str(tmp_path / "nowhere") in logged


def test_a_long_work_that_fails_says_why_and_copies_its_details(qtbot, runner) -> None:
    from newsarchive.gui.qt import QDialogButtonBox
    from newsarchive.gui.work_dialog import WorkDialog

    def work(_progress, _cancel):
        raise ValueError("the index writer gave up")

    dialog: WorkDialog[None] = WorkDialog(runner, "Rebuild index", work, lane="write")
    qtbot.addWidget(dialog)
    dialog.start()
    qtbot.waitUntil(lambda: not dialog.running, timeout=5000)
    assert dialog.message.text() == "Something went wrong: ValueError: the index writer gave up."
    copy = next(b for b in dialog.buttons.buttons() if b.text() == "Copy details")
    assert dialog.buttons.buttonRole(copy) == QDialogButtonBox.ButtonRole.ActionRole
    copy.click()
    assert "Traceback" in QGuiApplication.clipboard().text()
    assert "Rebuild index failed" in log_file().read_text(encoding="utf-8")
    dialog.accept()
