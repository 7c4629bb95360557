"""What a reader does with the one article in front of them: copy a citation of it (in any format
the export writes), print it, or save it as a PDF."""

from __future__ import annotations

import io
import json
from pathlib import Path

from newsarchive.core.export.provenance import Provenance
from newsarchive.core.export.registry import FORMATS
from newsarchive.core.export.run import write_articles
from newsarchive.core.model import Article
from newsarchive.core.search.request import SearchRequest
from newsarchive.gui.qt import (
    QGuiApplication,
    QMarginsF,
    QMimeData,
    QPageLayout,
    QPageSize,
    QPdfWriter,
    QPrintDialog,
    QPrinter,
    QTextDocument,
    QUrl,
    QWidget,
)
from newsarchive.gui.reader import ReaderPane
from newsarchive.gui.reader_page import PHOTO_URL

# The order of the Copy citation menu: reference managers first.
CITATION_FORMATS = ("bibtex", "ris", "markdown", "csv", "json", "jsonl", "html")


def citation(article: Article, fmt: str, library_name: str, library_path: str) -> str:
    """One article as the export writes it in `fmt`, without the export's own header (a citation
    pasted into a paper or a reference manager is the entry alone; RIS keeps its note line)."""
    provenance = Provenance.for_request(
        SearchRequest(query=f"id:{article.id}"), library_name=library_name,
        library_path=library_path, count=1, fields="metadata",
    )
    out = io.StringIO(newline="")
    write_articles(fmt, out, [article], provenance)
    text = out.getvalue().lstrip("\ufeff")
    if fmt == "bibtex":
        start = next((i for i, line in enumerate(text.splitlines(keepends=True))
                      if line.startswith("@") and not line.lower().startswith("@comment")), 0)
        return "".join(text.splitlines(keepends=True)[start:]).strip() + "\n"
    if fmt == "markdown":
        _head, rule, entry = text.partition("\n---\n")
        return (entry if rule else text).strip() + "\n"
    if fmt == "json":
        return json.dumps(json.loads(text)["articles"][0], ensure_ascii=False, indent=2) + "\n"
    if fmt == "jsonl":
        return text.strip().splitlines()[-1] + "\n"
    return text


def copy_citation(article: Article, fmt: str, library_name: str, library_path: str) -> str:
    """Put the citation on the clipboard (HTML as rich text, with its source as plain text)."""
    text = citation(article, fmt, library_name, library_path)
    mime = QMimeData()
    if fmt == "html":
        mime.setHtml(text)
    mime.setText(text)
    QGuiApplication.clipboard().setMimeData(mime)
    return text


def citation_label(fmt: str) -> str:
    return FORMATS[fmt].label


def printable(reader: ReaderPane) -> QTextDocument:
    """A copy of the reader's page with its photo: printing lays a copy out on its own pages,
    and a copy cannot ask the reader for `photo:main`."""
    document = reader.browser.document().clone()
    if reader.browser.photo is not None:
        document.addResource(QTextDocument.ResourceType.ImageResource.value, QUrl(PHOTO_URL),
                             reader.browser.photo)
    return document


def save_pdf(reader: ReaderPane, path: Path) -> None:
    """The article as the reader shows it (hits marked), on A4 pages, in a PDF file."""
    article = reader.article
    writer = QPdfWriter(str(path))
    writer.setTitle(article.title if article else "Article")
    writer.setCreator("newsarchive")
    writer.setPageLayout(QPageLayout(QPageSize(QPageSize.PageSizeId.A4), QPageLayout.Orientation.Portrait,
                                     QMarginsF(18, 18, 18, 18), QPageLayout.Unit.Millimeter))
    printable(reader).print_(writer)


def print_article(reader: ReaderPane, parent: QWidget | None) -> None:
    """The system's print dialog, then the article on the chosen printer."""
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    dialog = QPrintDialog(printer, parent)
    dialog.setWindowTitle("Print the article")
    if dialog.exec() == QPrintDialog.DialogCode.Accepted:
        printable(reader).print_(printer)
