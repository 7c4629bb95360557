"""The research workspace in the real window, on a library made by the real importer: copies folded
under one row per story (and listed), articles and stories counted, the reader's copies with "Not a
duplicate" (which stays split), More like this without copies, and Open original offline."""

from __future__ import annotations

import json
import shutil
import socket
from pathlib import Path

import pytest

from newsarchive.core.operations.rebuild import rebuild_index
from newsarchive.core.operations.searching import open_searcher
from newsarchive.core.storage.library import Library
from newsarchive.gui import desktop
from newsarchive.gui.qt import QImage, QMessageBox, QPoint, Qt, QTextDocument, QUrl
from newsarchive.gui.results_model import ResultsModel
from tests.gui.conftest import wait_for_result
from tests.gui.story_library import REMOTE_IMAGE, StoryLibrary, build_story_library


@pytest.fixture(scope="module")
def _stories(tmp_path_factory: pytest.TempPathFactory) -> StoryLibrary:
    return build_story_library(tmp_path_factory.mktemp("research"))


@pytest.fixture
def stories(_stories: StoryLibrary, tmp_path: Path) -> StoryLibrary:
    """A fresh copy for each test (a split writes into the library)."""
    shutil.copytree(_stories.path, tmp_path / "lib")
    return StoryLibrary(tmp_path / "lib", dict(_stories.group_of), dict(_stories.kind_of),
                        dict(_stories.web), _stories.mhtml_photo_url)


@pytest.fixture(autouse=True)
def _no_network(monkeypatch: pytest.MonkeyPatch) -> list[object]:
    """Any attempt to open a network connection from this process fails the test."""
    attempts: list[object] = []

    def refuse(*args: object, **_kwargs: object) -> None:
        attempts.append(args)
        raise AssertionError(f"a network connection was attempted: {args}")

    monkeypatch.setattr(socket.socket, "connect", refuse)
    monkeypatch.setattr(socket, "create_connection", refuse)
    return attempts


def _open(qtbot, window, path: Path, *, fold: bool):
    window.fold_box.setChecked(fold)
    window.open_library(path)
    return wait_for_result(qtbot, window)


def _row_with_copies(window) -> int:
    """The row of the biggest story (a split leaves it more than one copy)."""
    model = window.results
    return max(range(model.rowCount()), key=lambda r: len(model.hit(r).copies))


def test_folding_shows_one_row_per_story_and_lists_the_copies(qtbot, qtmodeltester, window_and_actions,
                                                               stories: StoryLibrary) -> None:
    window = window_and_actions[0]
    result = _open(qtbot, window, stories.path, fold=False)
    articles = len(Library.open(stories.path).ids())
    expected_stories = articles - sum(len(g) - 1 for g in stories.groups())
    assert result.total == articles and result.stories == expected_stories
    assert window.count_label.text().startswith(f"{articles} articles, {expected_stories} stories")
    assert not any(window.results.hit(r).copies for r in range(window.results.rowCount()))

    window.search_bar.set_query("")
    window.fold_action.trigger()  # the menu's entry and the checkbox are one choice
    result = wait_for_result(qtbot, window)
    assert window.fold_box.isChecked() and window.settings.get("search/fold_copies") is True
    assert result.request.collapse and result.total == expected_stories == window.results.rowCount()
    assert window.count_label.text().startswith(f"{articles} articles, {expected_stories} stories")
    qtmodeltester.check(window.results)
    # Each folded row carries exactly the other articles of its true story (the oracle: the set).
    for row in range(window.results.rowCount()):
        hit = window.results.hit(row)
        assert set(hit.copies) == stories.copies_of(hit.id), hit.title
    # Facets count articles and stories.
    sections = result.facets["section"]
    assert any(f.stories is not None and f.stories < f.count for f in sections)
    label = window.facets.sections.data(window.facets.sections.index(0, 0))
    assert "stor" in label, label

    # Expand a folded row: a click on its "+N copies" lists them; picking one reads it.
    row = _row_with_copies(window)
    hit = window.results.hit(row)
    table = window.table
    index = window.results.index(row, ResultsModel.TITLE)
    table.scrollTo(index)
    rect = table.visualRect(index)
    badge = QPoint(rect.right() - 8, rect.center().y())
    qtbot.mouseClick(table.viewport(), Qt.MouseButton.LeftButton, pos=badge)
    qtbot.waitUntil(lambda: window.results_pane.copies_menu is not None, timeout=5000)
    menu = window.results_pane.copies_menu
    entries = [a for a in menu.actions() if a.isEnabled()]
    assert len(entries) == len(hit.copies)
    entries[0].trigger()
    qtbot.waitUntil(lambda: window.reader.article is not None and window.reader.article.id in hit.copies)
    menu.close()
    # Without the mouse: the row's context menu lists them too.
    window.select_row(row)
    row_menu = window_and_actions[1].articles.row_menu()
    listing = next(a for a in row_menu.actions() if a.text().startswith("List the"))
    assert listing.text() == f"List the {len(hit.copies)} copies of this story"
    listing.trigger()
    qtbot.waitUntil(lambda: window.results_pane.copies_menu is not menu, timeout=5000)
    window.results_pane.copies_menu.close()

    window.fold_box.setChecked(False)
    assert wait_for_result(qtbot, window).total == articles
    assert window.fold_action.isChecked() is False


def test_the_reader_lists_the_copies_and_a_split_stays_split(qtbot, window, stories: StoryLibrary) -> None:
    _open(qtbot, window, stories.path, fold=True)
    row = _row_with_copies(window)
    window.select_row(row)
    article = window.results.hit(row)
    qtbot.waitUntil(lambda: window.reader.article is not None and window.reader.article.id == article.id)
    qtbot.waitUntil(lambda: len(window.reader.copies) == len(stories.copies_of(article.id)), timeout=5000)
    assert {c.id for c in window.reader.copies} == stories.copies_of(article.id)
    text = window.reader.browser.toPlainText()
    assert "Copies of this story" in text and "Not a duplicate" in text
    first_copy = window.reader.copies[0]
    assert first_copy.title[:40] in text and first_copy.source in text

    stories_before = window.result.total
    window.reader._link(QUrl("split:0"))
    qtbot.waitUntil(lambda: window.reader.article is not None
                    and first_copy.id not in {c.id for c in window.reader.copies}, timeout=10_000)
    result = wait_for_result(qtbot, window)
    assert result.total == stories_before + 1  # the split-off copy is a story of its own now
    library = Library.open(stories.path)
    with open_searcher(library) as searcher:
        rest = set(searcher.copies_of(article.id))
    # The copy went (with whichever copies the core found closer to it than to the article).
    assert first_copy.id not in rest and rest < stories.copies_of(article.id)
    qtbot.waitUntil(lambda: {c.id for c in window.reader.copies} == rest, timeout=5000)
    rebuild_index(library)
    with open_searcher(library) as searcher:
        assert set(searcher.copies_of(article.id)) == rest

    # The split-off copy keeps the rest of its story; clicking one of them in the reader reads it.
    window.show_article_id(first_copy.id)
    qtbot.waitUntil(lambda: bool(window.reader.copies) and window.reader.article.id == first_copy.id)
    assert article.id not in {c.id for c in window.reader.copies}
    other = window.reader.copies[0]
    window.reader._link(QUrl("copy:0"))
    qtbot.waitUntil(lambda: window.reader.article is not None and window.reader.article.id == other.id)


def test_more_like_this_opens_a_similar_article_and_never_lists_a_copy(qtbot, window,
                                                                       window_and_actions,
                                                                       stories: StoryLibrary) -> None:
    _open(qtbot, window, stories.path, fold=False)
    actions = window_and_actions[1].articles
    original = next(i for i, k in stories.kind_of.items()
                    if k == "original" and stories.group_of[i] == "en01")
    window.show_article_id(original)
    qtbot.waitUntil(lambda: window.reader.article is not None and window.reader.article.id == original)
    assert actions.more_like_this.isEnabled()
    actions.more_like_this.trigger()
    panel = window.stories.similar_window
    qtbot.waitUntil(lambda: panel.list.count() > 0, timeout=10_000)
    ids = panel.ids()
    assert original not in ids and not set(ids) & stories.copies_of(original)
    same_topic = next(i for i, k in stories.kind_of.items() if k == "same_topic"
                      and stories.group_of[i].startswith("en01"))
    assert same_topic in ids[:3]
    panel.list.itemClicked.emit(panel.list.item(0))
    qtbot.waitUntil(lambda: window.reader.article is not None and window.reader.article.id == ids[0])


def test_open_original_shows_html_and_mhtml_offline_and_hands_a_pdf_to_the_viewer(
        qtbot, window, window_and_actions, stories: StoryLibrary, monkeypatch, _no_network) -> None:
    _open(qtbot, window, stories.path, fold=False)
    actions = window_and_actions[1].articles

    # A text dump has no original: no link, the menu entry is off.
    dump = next(iter(stories.group_of))
    window.show_article_id(dump)
    qtbot.waitUntil(lambda: window.reader.article is not None and window.reader.article.id == dump)
    assert not actions.open_original.isEnabled()
    assert "Open original" not in window.reader.browser.toPlainText()

    for kind in ("html", "mhtml"):
        article_id = stories.web[kind]
        window.show_article_id(article_id)
        qtbot.waitUntil(lambda i=article_id: window.reader.article is not None
                        and window.reader.article.id == i)
        assert actions.open_original.isEnabled() and "Open original" in window.reader.browser.toPlainText()
        if kind == "html":
            actions.open_original.trigger()
        else:
            window.reader._link(QUrl("original:open"))  # the reader's link does the same
        qtbot.waitUntil(lambda i=article_id: any(w.article.id == i
                                                 for w in window.stories.original_windows()),
                        timeout=10_000)
        viewer = next(w for w in window.stories.original_windows() if w.article.id == article_id)
        qtbot.waitUntil(lambda v=viewer: v.isVisible())
        qtbot.waitUntil(lambda v=viewer: bool(v.browser.served), timeout=5000)
        browser = viewer.browser
        assert window.reader.article.title in browser.toPlainText()
        if kind == "html":
            assert any("_files/" in s for s in browser.served), browser.served
        else:
            assert stories.mhtml_photo_url in browser.served
            assert REMOTE_IMAGE in browser.page.html
            # Images are asked for as they are painted: scroll to the end, where it is.
            browser.verticalScrollBar().setValue(browser.verticalScrollBar().maximum())
            qtbot.waitUntil(lambda b=browser: REMOTE_IMAGE in b.refused, timeout=5000)
            assert REMOTE_IMAGE not in browser.served
        # Asked directly for any web address it did not save, it gives a null image (never None,
        # which would let Qt look for a file) and the page still shows.
        for url in ("http://example.com/a.png", "https://evil.example/track.gif", "file:///etc/passwd"):
            image = browser.loadResource(QTextDocument.ResourceType.ImageResource.value, QUrl(url))
            assert isinstance(image, QImage) and image.isNull()
        assert browser.toPlainText().strip()
        # A web link asks before anything opens.
        opened: list[str] = []
        monkeypatch.setattr("newsarchive.gui.original_view.QDesktopServices.openUrl",
                            lambda url, o=opened: o.append(url.toString()) or True)
        box = viewer.ask_to_open("https://example.com/story")
        assert opened == [] and box.isVisible()
        next(b for b in box.buttons() if box.buttonRole(b) == QMessageBox.ButtonRole.AcceptRole).click()
        assert opened == ["https://example.com/story"]
        # A link of the site's own menus is read against the page's address, and asks too.
        viewer._link(QUrl("/politics/"))
        assert viewer.asked is not box and viewer.asked.informativeText().startswith(
            f"Open {QUrl(viewer.base).resolved(QUrl('/politics/')).toString()}")
        viewer.asked.close()
        viewer.close()
    assert _no_network == []

    opened_paths: list[str] = []
    monkeypatch.setattr(desktop.QDesktopServices, "openUrl",
                        lambda url: opened_paths.append(url.toLocalFile()) or True)
    pdf = stories.web["pdf"]
    window.show_article_id(pdf)
    qtbot.waitUntil(lambda: window.reader.article is not None and window.reader.article.id == pdf)
    assert actions.open_original.isEnabled()
    actions.open_original.trigger()
    qtbot.waitUntil(lambda: bool(opened_paths), timeout=5000)
    assert opened_paths == [str(Library.open(stories.path).article_dir(pdf) / "original.pdf")]
    assert "PDF viewer" in window.statusBar().currentMessage()


def test_export_can_take_one_article_per_story(qtbot, window_and_actions, stories: StoryLibrary,
                                                tmp_path: Path) -> None:
    window, actions = window_and_actions
    result = _open(qtbot, window, stories.path, fold=True)
    dialog = actions.export_results()
    assert dialog.one_per_story.isChecked()  # as the results are shown
    dialog.format.setCurrentIndex(dialog.format.findData("jsonl"))
    target = tmp_path / "stories.jsonl"
    dialog.destination.setText(str(target))
    qtbot.mouseClick(dialog.export_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.running is None, timeout=30_000)
    assert dialog.failure is None, dialog.failure and dialog.failure.details
    lines = [json.loads(line) for line in target.read_text(encoding="utf-8").splitlines()]
    ids = [line["id"] for line in lines if "id" in line]  # the first line is the provenance
    assert len(ids) == result.total == result.stories
    # One per story: no two exported articles are copies of each other (the oracle: the set).
    assert not any(stories.copies_of(i) & set(ids) for i in ids)

    dialog.one_per_story.setChecked(False)
    everything = tmp_path / "all.jsonl"
    dialog.destination.setText(str(everything))
    qtbot.mouseClick(dialog.export_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.running is None, timeout=30_000)
    assert len(everything.read_text(encoding="utf-8").splitlines()) == 1 + result.articles
    dialog.close()


def test_the_fold_choice_is_remembered(qtbot, window, settings) -> None:
    window.fold_box.setChecked(True)
    from newsarchive.gui.settings import AppSettings

    settings.sync()
    again = AppSettings(Path(settings._settings.fileName()).parent)
    assert again.get("search/fold_copies") is True
    window.fold_action.setChecked(False)
    settings.sync()
    assert AppSettings(Path(settings._settings.fileName()).parent).get("search/fold_copies") is False


def test_a_new_user_imports_a_folder_of_every_format_and_opens_an_original(
        qtbot, window_and_actions, tmp_path: Path, _no_network) -> None:
    """As a new user would: an empty library, a folder mixing text dumps and saved web pages
    imported through the import dialog (with progress), the reader showing text and photo, and
    "Open original" offline."""
    from tests.core.ingest.web.saved_files import (
        article_html,
        article_pdf,
        jpeg,
        mhtml_bytes,
        save_page_as,
        singlefile_html,
        text_dump,
    )
    from tests.core.ingest.web.saved_files import stories as web_stories

    window, actions = window_and_actions
    first, second, third, fourth, fifth = web_stories()[5:10]
    folder = tmp_path / "Saved articles"
    (folder / "web").mkdir(parents=True)
    (folder / "dump.txt").write_text(text_dump(first), encoding="utf-8")
    save_page_as(folder / "web", second)
    html = article_html(third, "wordpress", 2)
    (folder / "web" / "third.mhtml").write_bytes(mhtml_bytes(html, third.url, third.image_url, jpeg(4)))
    (folder / "web" / "fourth.html").write_bytes(singlefile_html(fourth))
    (folder / "fifth.pdf").write_bytes(article_pdf(fifth))
    library = Library.create(tmp_path / "New library")
    window.open_library(library.path)
    wait_for_result(qtbot, window)

    progress: list[int] = []
    dialog = actions.import_paths([folder])
    dialog.bar.valueChanged.connect(progress.append)
    qtbot.waitUntil(lambda: not dialog.running, timeout=60_000)
    assert dialog.failure is None and dialog.result_value.imported == 5
    assert progress  # the bar moved while it ran
    result = wait_for_result(qtbot, window)
    assert result.total == 5
    dialog.accept()

    # The Save-Page-As article: its text and its photo in the reader, then its original.
    row = next(r for r in range(window.results.rowCount()) if window.results.hit(r).title == second.title)
    window.select_row(row)
    qtbot.waitUntil(lambda: window.reader.article is not None and window.reader.article.title == second.title)
    assert window.reader.browser.photo is not None and not window.reader.browser.photo.isNull()
    assert second.paragraphs[0][:60] in window.reader.browser.toPlainText()
    assert actions.articles.open_original.isEnabled()
    actions.articles.open_original.trigger()
    qtbot.waitUntil(lambda: bool(window.stories.original_windows()), timeout=10_000)
    viewer = window.stories.original_windows()[-1]
    qtbot.waitUntil(lambda: bool(viewer.browser.served), timeout=5000)
    assert second.title in viewer.browser.toPlainText()
    viewer.close()
    assert _no_network == []
