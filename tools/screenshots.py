"""Screenshots of the real desktop app on the sample archive, for the README.

    .venv/bin/python tools/screenshots.py [--out docs/screenshots]

Imports `sample_archive/` into a fresh library in a temporary folder, drives the real window
(offscreen unless QT_QPA_PLATFORM says otherwise; `xvfb-run` works too) at 1280×800 (and the main
window and the review filter at 1024×700), and saves one PNG per scene (the research workspace:
collections, a note, saved searches with "N new", in `workspace.png`). Dialogs are drawn over the
window they belong to.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))
sys.path.insert(1, str(ROOT))  # the copies and saved pages of the research scenes come from tests/
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from newsarchive.core.operations.importing import import_paths  # noqa: E402
from newsarchive.core.storage.library import Library  # noqa: E402
from newsarchive.gui import filters  # noqa: E402
from newsarchive.gui.app import build_window, make_application  # noqa: E402
from newsarchive.gui.main_window import MainWindow  # noqa: E402
from newsarchive.gui.qt import QApplication, QColor, QPainter, QPixmap, QPoint, QUrl, QWidget  # noqa: E402
from newsarchive.gui.settings import AppSettings  # noqa: E402
from newsarchive.gui.welcome import WelcomeDialog  # noqa: E402

SIZE = (1280, 800)
SMALL = (1024, 700)


def wait(condition: Callable[[], bool], timeout: float = 30.0) -> None:
    deadline = time.monotonic() + timeout
    while not condition():
        if time.monotonic() > deadline:
            raise TimeoutError("the app did not get there in time")
        QApplication.processEvents()
        time.sleep(0.01)
    settle()


def settle(seconds: float = 0.3) -> None:
    """Let delayed layouts (item views lay out on a zero timer) and repaints run."""
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        QApplication.processEvents()
        time.sleep(0.01)


def settled(window: MainWindow) -> bool:
    result = window.result
    return result is not None and result.request == window.request and not window.session.busy


def save(widget: QWidget, path: Path) -> None:
    settle()
    widget.grab().save(str(path))
    print(path.relative_to(ROOT) if path.is_relative_to(ROOT) else path)


def save_over(window: MainWindow, dialog: QWidget, path: Path) -> None:
    """The window, dimmed, with the dialog drawn centred on it (as a user sees a modal dialog)."""
    settle()
    canvas = window.grab()
    painter = QPainter(canvas)
    painter.fillRect(canvas.rect(), QColor(0, 0, 0, 70))
    shot: QPixmap = dialog.grab()
    corner = QPoint((canvas.width() - shot.width()) // 2, (canvas.height() - shot.height()) // 3)
    painter.drawPixmap(corner, shot)
    painter.end()
    canvas.save(str(path))
    print(path.relative_to(ROOT) if path.is_relative_to(ROOT) else path)


def build_library(folder: Path) -> Library:
    library = Library.open(folder, create=True)
    report = import_paths(library, [ROOT / "sample_archive"])
    print(f"sample library: {report.imported} articles imported")
    return library


UNDATED = """Opinion

Why Small Harbours Still Matter

Small harbours keep coastal towns supplied when the roads close, a fishermen's union argues.

The union asked the province to keep dredging three of them this winter, and to publish the
depths it measures so that skippers can plan their trips.
"""


def research_scenes(window: MainWindow, work: Path, out: Path) -> None:
    """Copies folded under one row per story with the reader's copies list; the original viewer;
    More like this. The sample archive has no copies and no saved web pages, so these scenes use
    the near-duplicate set's stories and saved pages made by the tests' builders."""
    from tests.gui.story_library import build_story_library

    stories = build_story_library(work / "research")
    window.fold_box.setChecked(True)
    window.open_library(stories.path)
    wait(lambda: settled(window))
    model = window.results
    row = max(range(model.rowCount()), key=lambda r: len(model.hit(r).copies))
    window.select_row(row)
    wait(lambda: window.reader.article is not None and len(window.reader.copies) > 1)
    # 9. Folded results ("+N copies"), stories counted beside articles, the story's copies in the reader.
    save(window, out / "folded-copies.png")

    # 10. More like this: articles on the same subject, its copies left out.
    original = next(i for i, k in stories.kind_of.items()
                    if k == "original" and stories.group_of[i] == "en01")
    window.show_article_id(original)
    wait(lambda: window.reader.article is not None and window.reader.article.id == original)
    panel = window.stories.show_similar()
    assert panel is not None
    wait(lambda: panel.list.count() > 0)
    save_over(window, panel, out / "more-like-this.png")
    panel.close()

    # 11. Open original: the saved MHTML shown offline (its own photo; the remote pixel refused).
    window.show_article_id(stories.web["mhtml"])
    wait(lambda: window.reader.article is not None and window.reader.article.id == stories.web["mhtml"])
    window.stories.open_original()
    wait(lambda: bool(window.stories.original_windows()))
    viewer = window.stories.original_windows()[-1]
    viewer.resize(900, 680)
    wait(lambda: bool(viewer.browser.served))
    save_over(window, viewer, out / "original-viewer.png")
    viewer.close()
    window.fold_box.setChecked(False)


NEW_PAGES = (
    ("venezuela-oil.txt", """News > Latin America

Venezuela Signs New Oil Contracts With Foreign Partners

Published 12 December 2023

Venezuela signed new contracts with two foreign oil companies, the energy ministry said.

The contracts cover fields in the Orinoco belt that stopped producing during the sanctions.
"""),
    ("venezuela-border.txt", """News > Latin America

Venezuela and Guyana Agree to Keep Talking

Published 15 December 2023

Venezuela and Guyana agreed to keep talking about the Essequibo region after a meeting in the
Caribbean, the foreign ministers said.
"""),
)


def show_workspace(window: MainWindow, actions: object, work: Path) -> None:
    from newsarchive.core.search.request import SearchRequest

    workspace = actions.workspace  # type: ignore[attr-defined]
    changes = workspace.workspace

    def written() -> bool:
        return changes.pending == 0 and not workspace.counting and settled(window)

    window.search(filters.cleared(window.request))
    window.search_bar.set_query("")
    wait(lambda: settled(window) and not window.request.query)
    ids = [window.results.hit(r).id for r in range(12)]
    changes.add_to_collection("Chapter 3: the border", ids[:6])
    wait(written)
    changes.add_to_collection("Exhibits for the talk", ids[4:9])
    wait(written)
    changes.toggle_star(ids[1:4])
    wait(written)
    changes.save_search("Venezuela", SearchRequest(query="Venezuela", sort="newest"))
    wait(written)
    changes.save_search("Exports in the news", SearchRequest(query="exports", sections=("News",)))
    wait(written)
    folder = work / "later"
    folder.mkdir()
    for name, text in NEW_PAGES:
        (folder / name).write_text(text, encoding="utf-8")
    import_paths(window.library, [folder])  # type: ignore[arg-type]
    window.refresh()
    wait(written)
    window.search(filters.with_value(window.request, "collection", "Chapter 3: the border", "include"))
    wait(written)
    window.select_row(1)
    wait(lambda: window.reader.article is not None)
    pane = workspace.note_pane
    pane.editor.setPlainText("Cite in chapter 3, with the customs figures.\n\n"
                             "Ask the archive for the **photo** of the bridge.")
    pane.save_now()
    wait(written)
    wait(lambda: pane.hint.text() == "Saved")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=ROOT / "docs" / "screenshots")
    args = parser.parse_args(argv)
    out: Path = args.out
    out.mkdir(parents=True, exist_ok=True)

    with tempfile.TemporaryDirectory(prefix="newsarchive-shots-") as tmp:
        work = Path(tmp)
        library = build_library(work / "Sample archive")
        app = make_application(["newsarchive"])
        window, actions = build_window(AppSettings(work / "config"))
        window.resize(*SIZE)
        window.show()
        try:
            window.open_library(library.path)
            wait(lambda: settled(window))
            # 1. Opening a library lists it newest first, the first article with a photo in the reader.
            row = next(
                r for r in range(window.results.rowCount())
                if library.load(window.results.hit(r).id).photos
            )
            window.select_row(row)
            wait(lambda: window.reader.article is not None)
            save(window, out / "main-window.png")
            # The same at 1024×700: the reader moves below the results, titles keep their room.
            window.resize(*SMALL)
            settle(0.5)
            save(window, out / "main-window-1024.png")
            window.resize(*SIZE)
            settle(0.5)

            # 2. A query, a section ticked, a person excluded: counts, chips, hits marked.
            window.search_bar.set_query("exports OR harvest OR prices")
            wait(lambda: settled(window) and window.request.query.startswith("exports"))
            window.search(filters.with_value(window.request, "section", "News", "include"))
            wait(lambda: settled(window))
            window.search(filters.with_value(window.request, "person", "Tomás Aguirre", "exclude"))
            wait(lambda: settled(window))
            window.select_row(0)
            window.reader.next_hit()
            wait(lambda: window.reader.article is not None)
            save(window, out / "search-facets-reader.png")

            # 3. A malformed query is marked in the box, with the reason beside it.
            window.search(filters.cleared(window.request))
            wait(lambda: settled(window))
            window.search_bar.set_query('"peace talks AND (lithium')
            wait(lambda: window.search_bar.has_error)
            save(window, out / "query-error.png")
            window.search_bar.set_query("")
            wait(lambda: settled(window))

            # 4. An import with unreadable files and an undated page: counts, reasons, review.
            drop = work / "to-import"
            drop.mkdir()
            (drop / "empty.txt").write_bytes(b"")
            (drop / "scan-of-the-front-page-saved-as-text.txt").write_bytes(bytes(range(256)) * 40)
            (drop / "listing.txt").write_text("Home\nNews\nSport\nContact us\n", encoding="utf-8")
            (drop / "harbours.txt").write_text(UNDATED, encoding="utf-8")
            dialog = actions.import_paths([drop, ROOT / "sample_archive" / "telesur-2022"])
            assert dialog is not None
            wait(lambda: not dialog.running)
            wait(lambda: settled(window) and dialog.review_ids is not None)
            save_over(window, dialog, out / "import-report.png")

            # 5. "Needs review", from the report's link: the reader offers the fixes.
            dialog.review.linkActivated.emit("review")
            dialog.accept()
            wait(lambda: settled(window) and window.request.needs_review)
            harbours = next(r for r in range(window.results.rowCount())
                            if window.results.hit(r).title.startswith("Why Small Harbours"))
            window.select_row(harbours)
            wait(lambda: window.reader.article is not None)
            save(window, out / "review-filter.png")
            window.resize(*SMALL)
            settle(0.5)
            save(window, out / "review-filter-1024.png")
            window.resize(*SIZE)
            settle(0.5)

            # 6. Setting the date from the review note: the edit dialog, the date being typed.
            window.reader.browser.anchorClicked.emit(QUrl("review:edit:published"))
            edit = actions.articles.dialogs[-1]
            edit.inputs["published"].setText("2023-11-2")
            wait(lambda: edit.isVisible())
            save_over(window, edit, out / "edit-dialog.png")
            edit.reject()

            # 7. Export: format, destination and a preview; then "Open file" / "Show in folder".
            window.search(filters.cleared(window.request))
            wait(lambda: settled(window))
            window.search_bar.set_query("Venezuela")
            wait(lambda: settled(window) and window.request.query == "Venezuela")
            export = actions.export_results()
            assert export is not None
            export.format.setCurrentIndex(export.format.findData("markdown"))
            export.destination.setText(str(work / "exports" / "venezuela.md"))
            wait(lambda: not export.preview.toPlainText().startswith("Preparing"))
            export.start_export()
            wait(lambda: export.running is None)
            export.create_button.click()  # the folder did not exist: made, and the export redone
            wait(lambda: export.running is None and export.report is not None)
            save_over(window, export, out / "export-dialog.png")
            export.reject()

            # 8. The research workspace: collections (one ticked), Starred, a note under the
            # reader, saved searches with what is new since they were last opened.
            show_workspace(window, actions, work)
            save(window, out / "workspace.png")

            # 9. First launch without a library.
            welcome = WelcomeDialog(True, window)
            welcome.show()
            wait(lambda: welcome.isVisible())
            window.set_library(None)
            wait(lambda: True)
            save_over(window, welcome, out / "welcome.png")
            welcome.reject()

            research_scenes(window, work, out)
        finally:
            window.close()
            window.runner.shutdown()
            app.processEvents()
    return 0


if __name__ == "__main__":
    sys.exit(main())
