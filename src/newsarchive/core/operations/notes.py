"""A researcher's note on an article: set, appended to or cleared, and searchable at once."""

from __future__ import annotations

from newsarchive.core.model import Article
from newsarchive.core.operations.transaction import WriteTransaction
from newsarchive.core.storage.library import Library


def set_note(library: Library, article_id: str, text: str | None, *, append: bool = False) -> Article:
    """Set the article's note (None or blank clears it; `append` adds a paragraph to what is
    there); the article as now indexed. Raises `ArticleNotFound` for an unknown id."""
    library.load(article_id)  # an unknown id fails before anything is written
    with WriteTransaction(library, "note") as tx:
        if append:
            current = library.notes.note_of(article_id)
            if text and text.strip():
                text = f"{current.rstrip()}\n\n{text.strip()}" if current else text
            else:
                text = current
        tx.journal(article_id)
        library.notes.write(article_id, text)
        article = library.load(article_id)
        tx.index.replace(article)
    return article
