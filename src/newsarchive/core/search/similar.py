"""More like this: an article's key terms (frequent in it, rare in the library) as a query that
finds articles on the same story or subject, ranked by the terms they share."""

from __future__ import annotations

import math
from collections import Counter
from typing import Any

from whoosh import query as wq

from newsarchive.core.index.analysis import index_term, language_key, words
from newsarchive.core.model import Article
from newsarchive.core.search.matching import CompiledQuery
from newsarchive.core.search.snippets import MarkTerms

# How many key terms make the query: enough to find the same subject, few enough to stay fast.
KEY_TERMS = 25
# A term in more than this share of the library says nothing about the subject.
_COMMON_SHARE = 0.2
# ...unless the library is so small that a few articles are that share.
_FEW = 3
# The title says more about the subject than a paragraph of the body.
_TITLE_WEIGHT = 3
_FIELDS = {"title": 2.0, "lede": 1.5, "body": 1.0}


def key_terms(article: Article, reader: Any, count: int = KEY_TERMS,
              copies: int = 0) -> list[tuple[str, float]]:
    """The article's `count` most telling index terms with their tf-idf weight, best first.

    `copies`: how many near-duplicate copies of the article the library holds. A story saved ten
    times would otherwise make its own words look common (in a small library, more than the common
    share) and leave nothing to find its subject by: the copies are counted as the one story they
    are, in the library's size and in each term's frequency (they share nearly all their words)."""
    lang = language_key(article.language)
    frequencies: Counter[str] = Counter()
    for text, weight in ((article.title, _TITLE_WEIGHT), (article.lede, 1), (article.text, 1)):
        for match in words(text):
            term = index_term(match.group(), lang)
            if term is not None and not term[-1].isdigit():
                frequencies[term] += weight
    documents = max(1, reader.doc_count() - copies)
    scored: list[tuple[str, float]] = []
    for term, frequency in frequencies.items():
        found = max(reader.doc_frequency("body", term), reader.doc_frequency("title", term))
        found = max(1, found - copies)
        if found <= 1 or found > max(_COMMON_SHARE * documents, _FEW):
            continue  # only this article, or a good part of them: neither tells the subject
        scored.append((term, (1 + math.log(frequency)) * math.log(documents / found)))
    scored.sort(key=lambda item: (-item[1], item[0]))
    return scored[:count]


def similar_query(article: Article, reader: Any, copies: int = 0) -> CompiledQuery | None:
    """The query of `article`'s key terms over its text fields (None when it has none); `copies`
    as in `key_terms`."""
    terms = key_terms(article, reader, copies=copies)
    if not terms:
        return None
    top = terms[0][1]
    parts = [wq.Term(field, term, boost=boost * weight / top)
             for term, weight in terms for field, boost in _FIELDS.items()]
    return CompiledQuery(wq.Or(parts), MarkTerms(frozenset(term for term, _ in terms)))
