"""Near-duplicate copies as the user sees them: the stories of several articles, and splitting a
wrong one ("not a duplicate"), which stays split through re-imports and rebuilds."""

from __future__ import annotations

from newsarchive.core.errors import NewsarchiveError
from newsarchive.core.operations.searching import open_searcher
from newsarchive.core.operations.transaction import WriteTransaction
from newsarchive.core.storage.duplicate_splits import ordered
from newsarchive.core.storage.library import Library


def stories_with_copies(library: Library, limit: int | None = None) -> list[tuple[str, ...]]:
    """Every story told by more than one article (their ids), biggest first."""
    with open_searcher(library) as searcher:
        found = searcher.stories()
    return found if limit is None else found[:limit]


def mark_not_duplicate(library: Library, first: str, second: str) -> bool:
    """Keep the two articles in different stories from now on; True when they were in one.
    `ArticleNotFound` names an unknown id."""
    first, second = first.strip(), second.strip()
    if first == second:
        raise NewsarchiveError("Give two different articles: an article is always its own story.")
    for article_id in (first, second):
        library.load(article_id)
    with open_searcher(library) as searcher:
        together = second in searcher.copies_of(first)
    with WriteTransaction(library, "not a duplicate", index=False):
        pairs = library.duplicate_splits.all()
        library.duplicate_splits.write((*pairs, ordered(first, second)))
    return together
