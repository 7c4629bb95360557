"""More like this: a window listing the articles like the one being read, best first (its copies
left out by the core); activating one shows it in the reader."""

from __future__ import annotations

from newsarchive.gui.qt import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QListWidget,
    QListWidgetItem,
    Qt,
    QVBoxLayout,
    QWidget,
    Signal,
)
from newsarchive.gui.story_links import StoryArticle


def describe(article: StoryArticle) -> str:
    when = f"{article.published.day} {article.published:%b %Y}" if article.published else "undated"
    return f"{article.title}  —  {article.source or 'outlet unknown'}, {when}"


class SimilarWindow(QDialog):
    """One list at a time: asking again for another article replaces it."""

    chosen = Signal(str)  # the id of an article to read

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("similarWindow")
        self.setWindowTitle("More like this")
        self.heading = QLabel(self)
        self.heading.setWordWrap(True)
        self.list = QListWidget(self)
        self.list.setObjectName("similar")
        self.list.setAccessibleName("Articles like this one")
        self.list.itemActivated.connect(self._activated)
        self.list.itemClicked.connect(self._activated)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.close)
        layout = QVBoxLayout(self)
        layout.addWidget(self.heading)
        layout.addWidget(self.list, 1)
        layout.addWidget(buttons)
        self.resize(640, 420)
        self.source_id: str | None = None

    def waiting(self, article_id: str, title: str) -> None:
        self.source_id = article_id
        self.heading.setText(f"Looking for articles like “{title}”…")
        self.list.clear()

    def show_articles(self, article_id: str, title: str, articles: list[StoryArticle]) -> None:
        if article_id != self.source_id:
            return  # an answer for an article asked about before the last one
        self.list.clear()
        if not articles:
            self.heading.setText(f"No other article shares enough key terms with “{title}”.")
            return
        self.heading.setText(f"Articles like “{title}”, by the key terms they share (its copies "
                             "are left out: they are the same story). Click one to read it.")
        for article in articles:
            item = QListWidgetItem(describe(article))
            item.setData(Qt.ItemDataRole.UserRole, article.id)
            item.setToolTip(article.title)
            self.list.addItem(item)

    def ids(self) -> list[str]:
        return [self.list.item(row).data(Qt.ItemDataRole.UserRole) for row in range(self.list.count())]

    def _activated(self, item: QListWidgetItem) -> None:
        self.chosen.emit(item.data(Qt.ItemDataRole.UserRole))
