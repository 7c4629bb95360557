"""Help ▸ Query syntax and Help ▸ About: static text, shown in the app's own windows."""

from __future__ import annotations

import html

from newsarchive import __version__
from newsarchive.gui.qt import (
    BINDING_VERSION,
    QDialog,
    QDialogButtonBox,
    QMessageBox,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
    qVersion,
)

# (what you type, what it finds)
QUERY_SYNTAX: tuple[tuple[str, str], ...] = (
    ("peskov talks", "articles with both words (stemmed: talks finds talk, talking; accents "
     "optional: vacunacion finds vacunación)"),
    ('"partial mobilization"', "the exact phrase"),
    ('"peace talks"~3', "the words within three words of each other, in any order"),
    ("putin OR peskov", "either word"),
    ("ukraine NOT referendum", "the first without the second; -referendum does the same"),
    ("drought -section:News", "a sign applies to a field too: -person:\"X\", -date:>2022"),
    ("(kremlin OR moscow) talks", "brackets group"),
    ("negotiat*", "every word that begins so, in all its forms (negotiate, negotiations); "
     "? stands for one letter"),
    ("mobilisation~", "fuzzy: close spellings (mobilization); ~2 allows two typos"),
    ("title:referendum", "in the headline only; also body:, lede:, caption:, credit:"),
    ('person:"Dmitry Peskov"', "articles tagged with that person"),
    ('section:"News > Russia"', "that section and its subsections"),
    ("date:2022-09", "published in September 2022 (also date:2022, date:2022-09-23)"),
    ("date:[2022-09-01 to 2022-09-30]", "a date range, ends included"),
    ("date:>2021", "after 2021 (also date:<2020-06, date:>=2022-01-01)"),
)


def query_syntax_html() -> str:
    rows = "".join(
        f"<tr><td><code>{html.escape(q)}</code></td><td>{html.escape(d)}</td></tr>"
        for q, d in QUERY_SYNTAX
    )
    return (
        "<h2>Searching</h2>"
        "<p>Type in the search box: results follow as you type; Enter searches at once. An empty "
        "box lists the whole library, newest first. AND, OR and NOT must be written in capitals.</p>"
        f'<table cellspacing="0" cellpadding="4">{rows}</table>'
        "<h3>How words combine</h3>"
        "<p>Words side by side must all be there, as with AND. AND binds tighter than OR: "
        "<code>a b OR c</code> means <code>(a b) OR c</code>, and <code>a OR b c</code> means "
        "<code>a OR (b c)</code>; use brackets for anything else. NOT, - and + apply to the one "
        "thing after them: a word, a phrase, a field with its value, or a bracket.</p>"
        "<h3>Stop words</h3>"
        "<p>Very common words (the, and, of; in Spanish and Portuguese articles de, la, que, "
        "não…) are not indexed, so they are left out of a search: <code>the war</code> finds "
        "what <code>war</code> finds, and lower-case <code>and</code> / <code>or</code> are such "
        "words, not operators. Inside quotes they still keep the other words apart. A search "
        "made only of such words says so instead of finding nothing.</p>"
        "<h3>Filters</h3>"
        "<p>Tick a section or a person to show only those; tick several to allow any of them. "
        "Right-click (or Ctrl+click) a value to exclude it. Drag over the date histogram to pick a "
        "range. Active filters appear as chips above the results: click a chip to remove it.</p>"
        "<h3>Keys</h3>"
        "<p>Ctrl+F or Ctrl+L: search box · Ctrl+J / Ctrl+K: next / previous result · "
        "F3 / Shift+F3: next / previous hit in the article (a phrase is one hit) · Ctrl+I: import · "
        "Ctrl+E: export</p>"
    )


class QuerySyntaxDialog(QDialog):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Query syntax")
        self.resize(640, 600)
        view = QTextBrowser(self)
        view.setOpenLinks(False)
        view.setHtml(query_syntax_html())
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(view)
        layout.addWidget(buttons)


def show_about(parent: QWidget | None) -> None:
    QMessageBox.about(
        parent,
        "About newsarchive",
        f"<h3>newsarchive {html.escape(__version__)}</h3>"
        "<p>An offline archive for saved news articles: import, search with facets, read, export.</p>"
        "<p>Your library is a plain folder: copy it anywhere and it still works.</p>"
        f"<p><small>Qt {html.escape(qVersion())}, PySide6 {html.escape(BINDING_VERSION)}</small></p>",
    )
