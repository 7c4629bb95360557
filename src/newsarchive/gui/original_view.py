"""Open original: an article's saved web page shown offline as it was saved.

HTML and MHTML pages are shown in a `QTextBrowser` (which runs no script) whose `loadResource`
serves only the images the article brought (`core.operations.original`) and refuses everything
else, so nothing is fetched from the network or read from any other file. Links are not followed:
a click on a web address asks before the browser opens it. This PySide6 has no PDF module, so a
saved PDF is handed to the system's viewer (the way the reader opens a folder), and the window says
so; its text is in the reader already.
"""

from __future__ import annotations

import html
from collections.abc import Callable
from pathlib import Path
from typing import Any

from newsarchive.core.model import Article
from newsarchive.core.operations.original import OriginalPage, original_path, read_original
from newsarchive.gui.desktop import open_path
from newsarchive.gui.errors import show_failure
from newsarchive.gui.qt import (
    QDesktopServices,
    QDialog,
    QDialogButtonBox,
    QImage,
    QLabel,
    QMessageBox,
    QObject,
    Qt,
    QTextBrowser,
    QTextDocument,
    QUrl,
    QVBoxLayout,
    QWidget,
)
from newsarchive.gui.reader_page import is_web_url
from newsarchive.gui.tasks import Op, TaskRunner

# Refused resources get a null image, not None: with None, Qt's document would look for the name
# as a file itself (relative to the working folder) — exactly what must not happen.
_REFUSED = QImage()


class OriginalBrowser(QTextBrowser):
    """Shows one `OriginalPage`; resolves only its own images. `refused` lists every address it
    would not load (for the window's note, and for tests)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setOpenLinks(False)
        self.setOpenExternalLinks(False)
        self.setSearchPaths([])
        self.page: OriginalPage | None = None
        self.refused: list[str] = []
        self.served: list[str] = []
        self._images: dict[str, QImage] = {}

    def show_page(self, page: OriginalPage) -> None:
        self.page = page
        self.refused, self.served, self._images = [], [], {}
        self.setHtml(page.html)

    def loadResource(self, kind: int, name: QUrl | str) -> Any:
        address = name.toString() if isinstance(name, QUrl) else str(name)
        if kind == QTextDocument.ResourceType.ImageResource.value and self.page is not None:
            if address in self._images:
                return self._images[address]
            data = self.page.resource(address)
            if data is not None:
                image = QImage.fromData(data)
                if not image.isNull():
                    self._images[address] = image
                    self.served.append(address)
                    return image
        if address not in self.refused:
            self.refused.append(address)
        return _REFUSED


class OriginalWindow(QDialog):
    """A window on one article's original page; a click on a web link asks before leaving."""

    def __init__(self, article: Article, page: OriginalPage, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("originalWindow")
        self.setWindowTitle(f"Original — {article.title}")
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.article = article
        # Where the page's relative links lead: its own address, else the one its record keeps.
        self.base = page.url or article.url
        self.note = QLabel(self)
        self.note.setWordWrap(True)
        self.note.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.browser = OriginalBrowser(self)
        self.browser.setObjectName("original")
        self.browser.setAccessibleName("Original page")
        self.browser.anchorClicked.connect(self._link)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.close)
        layout = QVBoxLayout(self)
        layout.addWidget(self.note)
        layout.addWidget(self.browser, 1)
        layout.addWidget(buttons)
        self.resize(980, 760)
        self.browser.show_page(page)
        self.asked: QMessageBox | None = None
        self._describe()

    def _describe(self) -> None:
        page = self.browser.page
        assert page is not None
        kind = "MHTML archive" if page.kind == "mhtml" else "HTML page"
        where = f" from {html.escape(self.base)}" if self.base else ""
        self.note.setText(
            f"The {kind} as saved{where}, shown offline: nothing is fetched from the network and no "
            "script runs. Its layout is simplified; the article's text is in the reader."
        )

    def blocked(self) -> list[str]:
        """The addresses refused so far (images the page names but did not bring)."""
        return list(self.browser.refused)

    def _link(self, url: QUrl) -> None:
        text = url.toString()
        if text.startswith("#"):
            self.browser.scrollToAnchor(text[1:])
            return
        if url.isRelative() and self.base:
            text = QUrl(self.base).resolved(url).toString()
        if is_web_url(text):
            self.ask_to_open(text)

    def ask_to_open(self, address: str) -> QMessageBox:
        box = QMessageBox(QMessageBox.Icon.Question, "Open in the web browser?",
                          "This link leads to the web, outside the archive.", parent=self)
        box.setInformativeText(f"Open {address} in your web browser?")
        go = box.addButton("Open in browser", QMessageBox.ButtonRole.AcceptRole)
        box.addButton(QMessageBox.StandardButton.Cancel)
        box.buttonClicked.connect(
            lambda button: QDesktopServices.openUrl(QUrl(address)) if button is go else None)
        self.asked = box
        box.open()
        return box


def has_original(folder: Path | None) -> bool:
    return folder is not None and original_path(folder) is not None


class Originals(QObject):
    """Opens originals for the window: read off the GUI thread (read lane), then shown."""

    def __init__(self, runner: TaskRunner, parent: QWidget, status: Callable[[str], None]) -> None:
        super().__init__(parent)
        self._runner = runner
        self._parent = parent
        self._status = status
        self.windows: list[OriginalWindow] = []

    def open(self, article: Article, folder: Path,
             done: Callable[[OriginalWindow | None], None] | None = None) -> None:
        """Show `article`'s original; `done` gets the window (None for a PDF or a failure)."""

        def work(_progress: object, _cancel: object) -> OriginalPage:
            return read_original(folder, article.photos)

        def shown(page: OriginalPage) -> None:
            window: OriginalWindow | None = None
            if page.kind == "pdf":
                if open_path(self._parent, page.path, "the saved PDF"):
                    self._status("The saved PDF opened in your PDF viewer (this app shows no PDF "
                                 "itself); its text is in the reader.")
            else:
                window = OriginalWindow(article, page, self._parent)
                self.windows.append(window)
                window.destroyed.connect(lambda _o=None, w=window: self._forget(w))
                window.show()
            if done is not None:
                done(window)

        def failed(failure: Any) -> None:
            show_failure(self._parent, "Cannot open the original", failure)
            if done is not None:
                done(None)

        Op(self._runner, work, success=shown, failure=failed, lane="read").run_in_background()

    def _forget(self, window: OriginalWindow) -> None:
        if window in self.windows:
            self.windows.remove(window)

    def close_all(self) -> None:
        for window in list(self.windows):
            window.close()
