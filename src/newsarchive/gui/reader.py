"""The reader pane: one article with its photo, hits marked, and links that act inside the app.

The view loads no resource but the article's own photo (`loadResource` refuses everything else,
so nothing in an article reaches the network or the disk), follows no link by itself, and opens
only http(s) addresses in the browser, and only when the user clicks them.
"""

from __future__ import annotations

import traceback
from pathlib import Path
from typing import Any

from newsarchive.core.model import SECTION_SEPARATOR, Article
from newsarchive.gui.desktop import open_path
from newsarchive.gui.errors import failure_text
from newsarchive.gui.original_view import has_original
from newsarchive.gui.qt import (
    QColor,
    QDesktopServices,
    QFont,
    QHBoxLayout,
    QImage,
    QImageReader,
    QLabel,
    QPainter,
    QResizeEvent,
    QSize,
    Qt,
    QTextBrowser,
    QTextCharFormat,
    QTextCursor,
    QTextDocument,
    QTextEdit,
    QTimer,
    QToolButton,
    QUrl,
    QVBoxLayout,
    QWidget,
    Signal,
)
from newsarchive.gui.reader_page import (
    COPY_SCHEME,
    FOLDER_URL,
    HIT_ANCHOR,
    ORIGINAL_URL,
    PERSON_SCHEME,
    PHOTO_URL,
    RELATED_SCHEME,
    REVIEW_SCHEME,
    SECTION_SCHEME,
    SIMILAR_URL,
    SPLIT_SCHEME,
    Highlighter,
    article_page,
    is_web_url,
    unsure_tag,
)
from newsarchive.gui.story_links import StoryArticle
from newsarchive.gui.tasks import Failure

# Photos larger than this are decoded scaled down: a 6000-pixel scan would cost memory for nothing.
MAX_PHOTO_SIDE = 1600
# A wide reader (below the results, or a wide window) shows the photo no wider than this, so the
# text starts on the first screen.
MAX_PHOTO_WIDTH = 560
_MARGIN = 24


def placeholder_image(size: QSize, text: str = "Photo unavailable") -> QImage:
    image = QImage(size, QImage.Format.Format_RGB32)
    image.fill(QColor("#eceff1"))
    painter = QPainter(image)
    painter.setPen(QColor("#78909c"))
    font = QFont()
    font.setPointSize(11)
    painter.setFont(font)
    painter.drawText(image.rect(), Qt.AlignmentFlag.AlignCenter, text)
    painter.end()
    return image


def load_photo(path: Path | None) -> QImage | None:
    """The photo, scaled down if huge; None when absent, unreadable or not an image."""
    if path is None or not path.is_file():
        return None
    reader = QImageReader(str(path))
    reader.setAutoTransform(True)
    size = reader.size()
    if size.isValid() and max(size.width(), size.height()) > MAX_PHOTO_SIDE:
        reader.setScaledSize(size.scaled(MAX_PHOTO_SIDE, MAX_PHOTO_SIDE, Qt.AspectRatioMode.KeepAspectRatio))
    image = reader.read()
    return None if image.isNull() else image


class ArticleBrowser(QTextBrowser):
    """A `QTextBrowser` that resolves `photo:main` to the current photo and nothing else."""

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self.setOpenLinks(False)
        self.setOpenExternalLinks(False)
        self.setSearchPaths([])
        self.photo: QImage | None = None
        self.refused: list[str] = []

    def loadResource(self, kind: int, name: QUrl) -> Any:
        if kind == QTextDocument.ResourceType.ImageResource.value and name.toString() == PHOTO_URL:
            return self.photo
        self.refused.append(name.toString())
        # A null image, never None: with None the document would look for the name as a file
        # itself (relative to the working folder).
        return QImage()


class ReaderPane(QWidget):
    """Shows one article; emits what its links ask for instead of acting on the library itself."""

    person_clicked = Signal(str)
    section_clicked = Signal(str)
    related_clicked = Signal(str)
    hit_changed = Signal(int, int)  # current (1-based, 0 = none), total
    # An article that cannot be rendered: the pane says so itself; the window logs and reports it.
    render_failed = Signal(object)  # Failure
    # A review fix was clicked: ("edit", field or ""), ("kind", "tag\tkind") or ("reviewed", "").
    review_action = Signal(str, str)
    original_wanted = Signal()  # "Open original"
    similar_wanted = Signal()  # "More like this"
    copy_clicked = Signal(str)  # the id of a copy of the story, to read it
    split_wanted = Signal(str)  # the id of a copy the user says is not a duplicate

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self.browser = ArticleBrowser(self)
        self.browser.setObjectName("reader")
        self.browser.setAccessibleName("Article")
        self.browser.document().setDocumentMargin(_MARGIN / 2)
        self.previous_hit_button = self._tool("▲", "Previous hit (Shift+F3)", self.previous_hit)
        self.next_hit_button = self._tool("▼", "Next hit (F3)", self.next_hit)
        self.hit_label = QLabel(self)
        self.folder_button = self._tool("Open folder", "Open the article's folder", self.open_folder)
        bar = QHBoxLayout()
        bar.setContentsMargins(4, 2, 4, 2)
        bar.addWidget(self.previous_hit_button)
        bar.addWidget(self.next_hit_button)
        bar.addWidget(self.hit_label)
        bar.addStretch(1)
        bar.addWidget(self.folder_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addLayout(bar)
        layout.addWidget(self.browser, 1)

        self.article: Article | None = None
        self.folder: Path | None = None
        self.has_original = False
        # The other articles of the story, once loaded (see `set_copies`).
        self.copies: list[StoryArticle] = []
        self.can_split = False
        self._highlighter: Highlighter | None = None
        self._hits: list[tuple[int, int]] = []
        self._current = -1
        self._rendered_width = 0
        self._relayout = QTimer(self)
        self._relayout.setSingleShot(True)
        self._relayout.setInterval(120)
        self._relayout.timeout.connect(self._render_keeping_place)
        self.browser.anchorClicked.connect(self._link)
        self.show_message("Select an article to read it.")

    def _tool(self, text: str, tip: str, slot: Any) -> QToolButton:
        button = QToolButton(self)
        button.setText(text)
        button.setToolTip(tip)
        button.setAutoRaise(True)
        button.clicked.connect(slot)
        return button

    # -- showing -----------------------------------------------------------------------------

    def show_message(self, text: str) -> None:
        self.article = None
        self.folder = None
        self.has_original = False
        self.copies = []
        self.browser.photo = None
        self._hits = []
        self._current = -1
        self.browser.clear()
        self.browser.setPlaceholderText(text)
        self._update_bar()

    def show_article(
        self, article: Article, folder: Path | None, highlighter: Highlighter | None = None
    ) -> bool:
        """Show `article`; False (and the reason in the pane, never the last article) when it
        cannot be rendered."""
        if self.article is None or self.article.id != article.id:
            self.copies = []  # the new article's copies come with `set_copies`
        self.article = article
        self.folder = folder
        self._highlighter = highlighter
        self._current = -1
        try:
            self.has_original = has_original(folder)
            self.browser.photo = None
            if article.photos:
                photo = load_photo(folder / article.photos[0] if folder else None)
                self.browser.photo = photo or placeholder_image(QSize(480, 270))
            self._render()
        except Exception as exc:
            self._cannot_show(article, exc)
            return False
        # A new article starts at its top with nothing selected (no leftover hit of the last one).
        self.browser.setTextCursor(QTextCursor(self.browser.document()))
        self.browser.verticalScrollBar().setValue(0)
        self._update_bar()
        return True

    def _cannot_show(self, article: Article, error: Exception) -> None:
        failure = Failure(error, traceback.format_exc())
        self.show_message(
            f"This article cannot be shown ({article.id}).\n\n{failure_text(failure)}\n\n"
            "The details are in the log; the status bar can copy them."
        )
        self.render_failed.emit(failure)

    def set_copies(self, article_id: str, copies: list[StoryArticle], can_split: bool) -> None:
        """The story's other articles, loaded off the GUI thread: shown if still reading it."""
        if self.article is None or self.article.id != article_id:
            return
        if copies == self.copies and can_split == self.can_split:
            return
        self.copies, self.can_split = list(copies), can_split
        self._render_keeping_place()

    @property
    def hit_count(self) -> int:
        return len(self._hits)

    @property
    def current_hit(self) -> int:
        return self._current

    def _photo_width(self) -> int | None:
        photo = self.browser.photo
        if photo is None:
            return None
        room = self.browser.viewport().width() - 2 * _MARGIN
        return max(80, min(photo.width(), room, MAX_PHOTO_WIDTH))

    def _render(self) -> None:
        if self.article is None:
            return
        page = article_page(
            self.article,
            highlighter=self._highlighter,
            photo_width=self._photo_width(),
            has_photo=self.browser.photo is not None,
            has_original=self.has_original,
            copies=self.copies,
            can_split=self.can_split,
        )
        self.browser.document().clear()
        self.browser.setHtml(page.html)
        self._rendered_width = self.browser.viewport().width()
        self._hits = self._find_hits(page.hits)
        if 0 <= self._current < len(self._hits):
            self._select_hit(self._current)

    def _render_keeping_place(self) -> None:
        article = self.article
        if article is None:
            return
        bar = self.browser.verticalScrollBar()
        fraction = bar.value() / bar.maximum() if bar.maximum() else 0.0
        try:
            self._render()
        except Exception as exc:
            self._cannot_show(article, exc)
            return
        bar.setValue(round(fraction * bar.maximum()))

    def _find_hits(self, lengths: tuple[int, ...]) -> list[tuple[int, int]]:
        """(position, length) of the marked words in the document, in reading order."""
        if not lengths:
            return []
        starts: dict[int, int] = {}
        block = self.browser.document().begin()
        while block.isValid():
            it = block.begin()
            while not it.atEnd():
                fragment = it.fragment()
                for name in fragment.charFormat().anchorNames():
                    number = name.removeprefix(HIT_ANCHOR)
                    if name.startswith(HIT_ANCHOR) and number.isdigit():
                        starts.setdefault(int(number), fragment.position())
                it += 1
            block = block.next()
        return [(starts[n], length) for n, length in enumerate(lengths) if n in starts]

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        moved = abs(self.browser.viewport().width() - self._rendered_width) > 8
        if self.article is not None and self.browser.photo is not None and moved:
            self._relayout.start()

    # -- hits --------------------------------------------------------------------------------

    def next_hit(self) -> None:
        if self._hits:
            self._select_hit((self._current + 1) % len(self._hits))

    def previous_hit(self) -> None:
        if self._hits:
            self._select_hit((self._current - 1) % len(self._hits))

    def _select_hit(self, n: int) -> None:
        self._current = n
        position, length = self._hits[n]
        cursor = QTextCursor(self.browser.document())
        cursor.setPosition(position)
        cursor.setPosition(position + length, QTextCursor.MoveMode.KeepAnchor)
        selection = QTextEdit.ExtraSelection()
        selection.cursor = cursor
        fmt = QTextCharFormat()
        fmt.setBackground(QColor("#f9a825"))
        fmt.setForeground(QColor("#000000"))
        selection.format = fmt
        self.browser.setExtraSelections([selection])
        self.browser.setTextCursor(cursor)
        self.browser.ensureCursorVisible()
        self._update_bar()

    def _update_bar(self) -> None:
        total = len(self._hits)
        has = total > 0
        self.previous_hit_button.setEnabled(has)
        self.next_hit_button.setEnabled(has)
        self.folder_button.setEnabled(self.folder is not None)
        if not has:
            self.hit_label.setText("")
            self.browser.setExtraSelections([])
        else:
            current = self._current + 1 if self._current >= 0 else 0
            label = f"hit {current} of {total}" if current else f"{total} hits"
            self.hit_label.setText(label if total != 1 or current else "1 hit")
        self.hit_changed.emit(self._current + 1, total)

    # -- links -------------------------------------------------------------------------------

    def _link(self, url: QUrl) -> None:
        article = self.article
        if article is None:
            return
        text = url.toString()
        scheme, _, rest = text.partition(":")
        if scheme == PERSON_SCHEME and rest.isdigit() and int(rest) < len(article.people):
            self.person_clicked.emit(article.people[int(rest)])
        elif scheme == SECTION_SCHEME and rest.isdigit() and 0 < int(rest) <= len(article.section_path):
            self.section_clicked.emit(SECTION_SEPARATOR.join(article.section_path[: int(rest)]))
        elif scheme == RELATED_SCHEME and rest.isdigit() and int(rest) < len(article.related_headlines):
            self.related_clicked.emit(article.related_headlines[int(rest)])
        elif scheme == REVIEW_SCHEME:
            self._review_link(article, rest)
        elif text == FOLDER_URL:
            self.open_folder()
        elif text == ORIGINAL_URL:
            self.original_wanted.emit()
        elif text == SIMILAR_URL:
            self.similar_wanted.emit()
        elif scheme in (COPY_SCHEME, SPLIT_SCHEME) and rest.isdigit() and int(rest) < len(self.copies):
            chosen = self.copies[int(rest)].id
            (self.copy_clicked if scheme == COPY_SCHEME else self.split_wanted).emit(chosen)
        elif is_web_url(text):
            QDesktopServices.openUrl(QUrl(text))

    def _review_link(self, article: Article, rest: str) -> None:
        action, _, argument = rest.partition(":")
        if action == "edit":
            self.review_action.emit("edit", argument)
        elif action == "reviewed":
            self.review_action.emit("reviewed", "")
        elif action == "kind":
            number, _, kind = argument.partition(":")
            if number.isdigit() and int(number) < len(article.review):
                tag = unsure_tag(article.review[int(number)])
                if tag:
                    self.review_action.emit("kind", f"{tag}\t{kind}")

    def open_folder(self) -> None:
        if self.folder is not None:
            open_path(self, self.folder, "the article's folder")
