"""The reader marks a phrase hit as one hit, and hit navigation steps phrase by phrase."""

from __future__ import annotations

from newsarchive.core.model import Article
from newsarchive.gui.highlight import highlighter_for
from newsarchive.gui.reader import ReaderPane
from tests.gui.conftest import wait_for_result

ARTICLE = Article(
    id="p1", title="Peace Talks Resume",
    lede="The peace talks resumed on Monday; the talks had stalled.",
    body=("Both sides said the peace of the region needs talks.",
          "Peace, talks and patience: the Peace  Talks go on."),
)


def test_a_phrase_is_one_hit(qtbot) -> None:
    reader = ReaderPane()
    qtbot.addWidget(reader)
    reader.show_article(ARTICLE, None, highlighter_for(("peace talks",)))
    # Title, lede and twice in the last paragraph ("Peace, talks": a comma is no word, so the
    # index reads the phrase there too); "peace of the region needs talks" is not the phrase.
    assert reader.hit_count == 4
    assert reader.hit_label.text() == "4 hits"
    reader.next_hit()
    assert reader.browser.textCursor().selectedText() == "Peace Talks"
    reader.next_hit()
    assert reader.browser.textCursor().selectedText() == "peace talks"
    assert reader.hit_label.text() == "hit 2 of 4"


def test_words_and_phrases_together(qtbot) -> None:
    reader = ReaderPane()
    qtbot.addWidget(reader)
    reader.show_article(ARTICLE, None, highlighter_for(("peace talks", "monday")))
    assert reader.hit_count == 5
    words = reader.browser.toPlainText()
    assert "Monday" in words


def test_a_phrase_query_in_the_window_marks_phrases(qtbot, window, library) -> None:
    assert window.open_library(library.path)
    wait_for_result(qtbot, window)
    window.search_bar.set_query('"peace talks"')
    result = wait_for_result(qtbot, window)
    assert result.terms == ("peace talks",)
    assert result.total >= 1
    window.select_row(0)
    reader = window.reader
    text = reader.browser.toPlainText().lower()
    assert reader.hit_count == text.count("peace talks")
