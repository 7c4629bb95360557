"""More like this: articles on the same story or subject as one article, its copies left out."""

from __future__ import annotations

from dataclasses import replace

from newsarchive.core.operations.searching import open_searcher
from newsarchive.core.search.request import SearchRequest, SearchResult
from newsarchive.core.storage.library import Library


def similar_articles(library: Library, article_id: str,
                     request: SearchRequest | None = None) -> SearchResult:
    """Articles like `article_id` (`ArticleNotFound` if unknown), ranked by the key terms they
    share with it, within `request`'s filters; the article and its near-duplicate copies are left
    out (they are the same story, not more like it)."""
    article = library.load(article_id)
    request = replace(request or SearchRequest(), query="")
    with open_searcher(library) as searcher:
        return searcher.search_similar(article, request, searcher.copies_of(article_id))
