"""The real window over a fixture library: searching, facets, chips, reader, errors."""

from __future__ import annotations

from newsarchive.core.storage.library import Library
from newsarchive.gui.facet_models import ValueRole
from newsarchive.gui.main_window import MainWindow
from newsarchive.gui.qt import Qt
from newsarchive.gui.results_model import ResultsModel
from tests.gui.conftest import wait_for_result
from tests.gui.fixture_library import ARTICLES, by_title


def _titles(window: MainWindow) -> list[str]:
    model = window.results
    return [model.index(r, ResultsModel.TITLE).data() for r in range(model.rowCount())]


def _counts(model) -> dict[str, int]:
    rows = (model.index(r, 0) for r in range(model.rowCount()))
    return {index.data(ValueRole): index.data(ValueRole + 1) for index in rows}


def test_opening_a_library_lists_it_newest_first(qtbot, window: MainWindow, library: Library) -> None:
    assert window.open_library(library.path)
    result = wait_for_result(qtbot, window)
    assert result.total == len(ARTICLES)
    dated = sorted((a for a in ARTICLES if a.published), key=lambda a: a.published, reverse=True)
    assert _titles(window)[: len(dated)] == [a.title for a in dated]
    assert window.count_label.text().startswith(f"{len(ARTICLES)} articles")
    # The first article is shown in the reader at once.
    assert window.reader.article is not None
    assert window.reader.article.title == dated[0].title


def _open(qtbot, window: MainWindow, library: Library):
    assert window.open_library(library.path)
    return wait_for_result(qtbot, window)


def test_typing_a_query_fills_results_and_facets(qtbot, window: MainWindow, library: Library) -> None:
    _open(qtbot, window, library)
    qtbot.keyClicks(window.search_bar.box, "talks")
    # Nothing is searched until typing pauses (the debounce), then once for the whole word.
    assert window.request.query == ""
    qtbot.waitUntil(lambda: window.request.query == "talks", timeout=5000)
    result = wait_for_result(qtbot, window)
    assert result.request.query == "talks"
    expected = {a.title for a in ARTICLES if "talks" in (a.title + a.lede + " ".join(a.body)).lower()}
    assert set(_titles(window)) == expected
    people = _counts(window.facets.people)
    assert people["Dmitry Peskov"] == 1
    assert people["Gustavo Petro"] == 1
    assert "talks" in window.results.index(0, ResultsModel.SNIPPET).data().lower()
    assert "[[" not in window.results.index(0, ResultsModel.SNIPPET).data()


def test_checking_a_facet_value_narrows_results_and_updates_other_counts(
    qtbot, window: MainWindow, library: Library
) -> None:
    _open(qtbot, window, library)
    sections = window.facets.sections
    latin = sections.index_of("News > Latin America")
    assert latin.isValid()
    sections.setData(latin, Qt.CheckState.Checked.value, Qt.ItemDataRole.CheckStateRole)
    result = wait_for_result(qtbot, window)
    assert result.request.sections == ("News > Latin America",)
    latin_articles = [a for a in ARTICLES if a.section_path == ("News", "Latin America")]
    assert result.total == len(latin_articles)
    # The person facet now counts only Latin American articles.
    people = _counts(window.facets.people)
    assert people == {"Nicolás Maduro": 2, "Gustavo Petro": 2}
    # The section facet ignores its own selection, so other sections can be added.
    assert window.facets.sections.index_of("News > Russia").data(ValueRole + 1) == 3
    assert window.chips.labels() == ["News > Latin America  ✕"]


def test_a_chip_removes_its_filter(qtbot, window: MainWindow, library: Library) -> None:
    _open(qtbot, window, library)
    people = window.facets.people
    row = next(r for r in range(people.rowCount()) if people.index(r).data(ValueRole) == "Vladimir Putin")
    people.setData(people.index(row), Qt.CheckState.Checked.value, Qt.ItemDataRole.CheckStateRole)
    result = wait_for_result(qtbot, window)
    assert result.total == sum("Vladimir Putin" in a.people for a in ARTICLES)
    chip = window.chips.button_for("Vladimir Putin")
    assert chip is not None
    qtbot.mouseClick(chip, Qt.MouseButton.LeftButton)
    result = wait_for_result(qtbot, window)
    assert result.request.people == ()
    assert result.total == len(ARTICLES)
    assert not window.chips.isVisible()


def test_excluding_a_person_from_the_context_menu_path(qtbot, window: MainWindow, library: Library) -> None:
    _open(qtbot, window, library)
    window.facets.person_picked.emit("Vladimir Putin", "exclude")
    result = wait_for_result(qtbot, window)
    assert result.request.exclude_people == ("Vladimir Putin",)
    assert result.total == sum("Vladimir Putin" not in a.people for a in ARTICLES)
    assert window.chips.labels() == ["not Vladimir Putin  ✕"]


def test_selecting_a_result_shows_the_article_with_its_photo(
    qtbot, window: MainWindow, library: Library
) -> None:
    _open(qtbot, window, library)
    window.search_bar.set_query("peskov")
    wait_for_result(qtbot, window)
    target = by_title("Open to Talks")
    row = window.results.row_of(target.id)
    assert row is not None
    window.select_row(row)
    reader = window.reader
    assert reader.article is not None and reader.article.id == target.id
    assert reader.browser.photo is not None and not reader.browser.photo.isNull()
    assert reader.browser.photo.width() == 64  # the real photo, not the placeholder
    text = reader.browser.toPlainText()
    assert "Kremlin Press Secretary Dmitry Peskov." in text
    assert "Photo: Twitter/@example" in text
    assert "News › Russia" in text
    # Query terms are marked: "Peskov" in the caption, lede... and the body.
    assert reader.hit_count >= 2
    reader.next_hit()
    assert reader.current_hit == 0
    assert reader.browser.textCursor().selectedText().lower() == "peskov"


def test_a_broken_photo_shows_a_placeholder(qtbot, window: MainWindow, library: Library) -> None:
    _open(qtbot, window, library)
    target = by_title("Venezuela and Colombia")
    window.select_row(window.results.row_of(target.id))
    photo = window.reader.browser.photo
    assert photo is not None and photo.width() == 480  # the placeholder's size
    assert window.reader.article.id == target.id


def test_article_text_cannot_inject_markup_or_load_resources(
    qtbot, window: MainWindow, library: Library
) -> None:
    _open(qtbot, window, library)
    target = by_title("Undated Notes")
    window.select_row(window.results.row_of(target.id))
    browser = window.reader.browser
    assert "<script>alert(1)</script>" in browser.toPlainText()
    assert "<img src='http://example.com/x.png'>" in browser.toPlainText()
    assert browser.refused == []  # nothing was even asked for: the tags are text
    from newsarchive.gui.qt import QUrl

    assert browser.loadResource(2, QUrl("http://example.com/x.png")).isNull()  # refused: no file look-up


def test_a_bad_query_is_shown_inline(qtbot, window: MainWindow, library: Library) -> None:
    _open(qtbot, window, library)
    before = _titles(window)
    window.search_bar.set_query('"unclosed phrase')
    qtbot.waitUntil(lambda: window.search_bar.has_error, timeout=10_000)
    assert window.search_bar.error.isVisible()
    assert window.search_bar.error.text()
    assert _titles(window) == before  # the last good results stay
    window.search_bar.set_query("talks")
    wait_for_result(qtbot, window)
    assert not window.search_bar.has_error
    assert not window.search_bar.error.isVisible()


def test_clicking_a_person_in_the_reader_filters(qtbot, window: MainWindow, library: Library) -> None:
    _open(qtbot, window, library)
    target = by_title("Referendums Held")
    window.select_row(window.results.row_of(target.id))
    window.reader.browser.anchorClicked.emit(__import__("PySide6.QtCore").QtCore.QUrl("person:1"))
    result = wait_for_result(qtbot, window)
    assert result.request.people == ("Vladimir Putin",)


def test_sorting_by_the_date_header_asks_the_core(qtbot, window: MainWindow, library: Library) -> None:
    _open(qtbot, window, library)
    window.table.horizontalHeader().sectionClicked.emit(ResultsModel.DATE)
    result = wait_for_result(qtbot, window)
    assert result.request.sort == "oldest"
    assert _titles(window)[0] == "Why the Blockade Still Matters"
    assert window.search_bar.current_sort() == "oldest"


def test_results_are_loaded_in_pages_and_ctrl_end_goes_to_the_real_end(
    qtbot, window: MainWindow, library: Library
) -> None:
    window.page_size = 5
    result = _open(qtbot, window, library)
    assert len(result.hits) == 5
    # Every match has its row from the start; only the shown pages are loaded.
    assert window.results.rowCount() == len(ARTICLES)
    window.table.setFocus()
    qtbot.keyClick(window.table, Qt.Key.Key_End, Qt.KeyboardModifier.ControlModifier)
    assert window.table.currentIndex().row() == len(ARTICLES) - 1
    # The last article (undated: after every date) is read once its page arrives.
    qtbot.waitUntil(lambda: window.reader.article is not None
                    and window.reader.article.title == "Undated Notes From the Archive", timeout=10_000)
    window.table.scrollToTop()
    qtbot.waitUntil(lambda: "Loading…" not in _titles(window), timeout=10_000)
    dated = sorted((a for a in ARTICLES if a.published), key=lambda a: a.published, reverse=True)
    assert _titles(window) == [a.title for a in dated] + ["Undated Notes From the Archive"]


def test_window_state_and_last_library_are_remembered(
    qtbot, window: MainWindow, library: Library, settings
) -> None:
    _open(qtbot, window, library)
    window.main_splitter.setSizes([300, 980])
    window.save_state()
    assert settings.last_library() == library.path
    assert settings.get("library/recent") == [str(library.path)]
    assert settings.state("splitter/main") is not None


def test_opening_a_library_finishes_what_a_killed_import_left(
    qtbot, window: MainWindow, library: Library
) -> None:
    from newsarchive.core.index.writer import IndexWriter
    from newsarchive.core.storage.journal import PENDING_FILE

    first = library.ids()[0]
    # What a kill between storing an article and the index commit leaves behind.
    with IndexWriter(library.index_dir) as writer:
        writer.remove(first)
    (library.path / PENDING_FILE).write_text(first + "\n", encoding="utf-8")

    assert window.open_library(library.path)
    qtbot.waitUntil(lambda: "indexed now" in window.statusBar().currentMessage(), timeout=30_000)
    qtbot.waitUntil(lambda: window.result is not None and window.result.total == len(ARTICLES),
                    timeout=10_000)
    assert not (library.path / PENDING_FILE).exists()


def test_the_columns_are_chosen_from_the_header_and_remembered(
        qtbot, window: MainWindow, library: Library, settings, runner) -> None:
    from newsarchive.gui.app import build_window

    _open(qtbot, window, library)
    table = window.table
    header = table.horizontalHeader()
    # The title takes the room the others leave; the snippet starts hidden (it is in the tooltip).
    assert header.sectionResizeMode(ResultsModel.TITLE) == header.ResizeMode.Stretch
    assert not table.column_shown(ResultsModel.SNIPPET)
    menu = table.column_menu()
    entries = {action.text(): action for action in menu.actions()}
    assert list(entries) == ["Date", "Section", "Outlet", "People", "Author", "Language", "Imported",
                             "Snippet"]  # never the title
    assert [action.isChecked() for action in entries.values()] == [True, True, True] + [False] * 5
    entries["Outlet"].trigger()
    entries["Snippet"].trigger()
    assert not table.column_shown(ResultsModel.SOURCE) and table.column_shown(ResultsModel.SNIPPET)
    wide = header.sectionSize(ResultsModel.TITLE)
    entries["Section"].trigger()
    assert header.sectionSize(ResultsModel.TITLE) > wide  # the title takes the freed room
    table.set_column_shown(ResultsModel.TITLE, False)
    assert table.column_shown(ResultsModel.TITLE)
    menu.deleteLater()
    window.save_state()

    again, _ = build_window(settings, runner=runner)
    qtbot.addWidget(again)
    assert [again.table.column_shown(c) for c in range(9)] == [True, True, False, False, False, False,
                                                              False, False, True]
    again.close()
