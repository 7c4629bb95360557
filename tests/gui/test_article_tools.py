"""Issue 12.9 and 12.10: a citation of one article in every export format (read back by the
formats' own parsers), the article as a PDF (read back by pypdf), opening a folder with no file
manager, and a new library in a folder that does not exist yet."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import bibtexparser
import pypdf
import pytest
import rispy
from markdown_it import MarkdownIt

from newsarchive.core.storage.library import Library
from newsarchive.gui.article_tools import CITATION_FORMATS, citation
from newsarchive.gui.qt import QDesktopServices, QFileDialog, QGuiApplication, QMessageBox, Qt
from tests.gui.conftest import wait_for_result
from tests.gui.fixture_library import ARTICLES, by_title

ARTICLE = by_title("Open to Talks")  # photo, caption, credit, people


@pytest.fixture
def reading(qtbot, window_and_actions, library: Library):
    window, actions = window_and_actions
    window.open_library(library.path)
    wait_for_result(qtbot, window)
    window.select_row(window.results.row_of(ARTICLE.id))
    assert window.reader.article.id == ARTICLE.id
    return window, actions


def test_a_citation_in_each_format_is_one_entry_its_parser_reads(reading) -> None:
    window, actions = reading
    copied = {fmt: actions.articles.copy_citation(fmt) for fmt in CITATION_FORMATS}
    assert QGuiApplication.clipboard().text() == copied["html"]
    assert "Copied a HTML report citation" in window.statusBar().currentMessage()

    library = bibtexparser.parse_string(copied["bibtex"])
    assert len(library.entries) == 1 and not library.comments  # the entry alone, no export header
    assert library.entries[0]["title"] == ARTICLE.title
    ris = rispy.loads(copied["ris"])
    assert len(ris) == 1 and ris[0]["type_of_reference"] == "NEWS" and ris[0]["title"] == ARTICLE.title
    rows = list(csv.DictReader(io.StringIO(copied["csv"])))
    assert [r["title"] for r in rows] == [ARTICLE.title]
    assert json.loads(copied["json"])["title"] == ARTICLE.title
    assert json.loads(copied["jsonl"])["id"] == ARTICLE.id
    tokens = MarkdownIt().parse(copied["markdown"])
    headings = [t for t in tokens if t.type == "heading_open"]
    assert len(headings) == 1 and "newsarchive export" not in copied["markdown"]
    assert ARTICLE.title in copied["markdown"]
    assert copied["html"].lstrip().lower().startswith("<!doctype html>")


def test_every_article_of_the_fixture_cites_in_bibtex(library: Library) -> None:
    for article in ARTICLES:
        parsed = bibtexparser.parse_string(citation(article, "bibtex", library.name, str(library.path)))
        assert [e["title"] for e in parsed.entries] == [article.title], article.title


def test_save_the_article_as_pdf(reading, tmp_path: Path) -> None:
    _window, actions = reading
    target = tmp_path / "talks.pdf"
    assert actions.articles.write_pdf(target)
    reader = pypdf.PdfReader(str(target))
    text = " ".join(" ".join((page.extract_text() or "").split()) for page in reader.pages)
    for expected in (ARTICLE.title, "Kremlin Press Secretary Dmitry Peskov.", "Photo: Twitter/@example",
                     ARTICLE.body[0]):
        assert " ".join(expected.split()) in text, expected
    assert reader.metadata.title == ARTICLE.title
    images = [image for page in reader.pages for image in page.images]
    assert len(images) == 1  # the photo came along


def test_a_pdf_that_cannot_be_written_is_a_sentence(qtbot, reading, tmp_path: Path) -> None:
    _window, actions = reading
    from newsarchive.gui.qt import QApplication

    assert not actions.articles.write_pdf(tmp_path / "missing" / "talks.pdf")
    box = next(w for w in QApplication.topLevelWidgets()
               if isinstance(w, QMessageBox) and w.windowTitle() == "Cannot save the PDF" and w.isVisible())
    assert box.text() == f"The folder {tmp_path / 'missing'} does not exist; choose an existing folder."
    box.close()


def test_open_folder_without_a_file_manager_says_so_and_copies_the_path(
    qtbot, reading, monkeypatch
) -> None:
    window, _actions = reading
    monkeypatch.setattr(QDesktopServices, "openUrl", lambda _url: False)
    qtbot.mouseClick(window.reader.folder_button, Qt.MouseButton.LeftButton)
    box = window.reader.findChild(QMessageBox, "cannotOpen")
    assert box is not None and box.isVisible()
    folder = str(window.library.article_dir(ARTICLE.id))
    assert "No program on this computer opened" in box.text() and box.informativeText() == folder
    copy = next(b for b in box.buttons() if b.text() == "Copy path")
    copy.click()
    assert QGuiApplication.clipboard().text() == folder
    assert box.isVisible()  # copying did not close it
    box.close()


def test_a_new_library_in_a_folder_that_does_not_exist_yet(qtbot, window_and_actions, tmp_path: Path) -> None:
    window, actions = window_and_actions
    dialog = actions.create_library()
    assert isinstance(dialog, QFileDialog)
    assert dialog.fileMode() == QFileDialog.FileMode.AnyFile  # a typed name is welcome
    assert dialog.acceptMode() == QFileDialog.AcceptMode.AcceptSave
    target = tmp_path / "Archives" / "My new archive"
    (tmp_path / "Archives").mkdir()
    dialog.fileSelected.emit(str(target))  # what the dialog says when the user types a new name
    assert window.library is not None and window.library.path == target
    assert (target / "library.yaml").is_file()
    dialog.close()
    assert wait_for_result(qtbot, window).total == 0
    assert window.count_label.text() == "This library is empty."
