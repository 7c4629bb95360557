"""Which words of an article the reader marks: the core's snippet matching, applied to the whole text."""

from __future__ import annotations

from collections.abc import Sequence

from newsarchive.core.search.snippets import MarkTerms, highlight_spans
from newsarchive.gui.reader_page import Highlighter


def highlighter_for(terms: Sequence[str]) -> Highlighter | None:
    """A highlighter for a `SearchResult`'s terms, matched as the snippets match them.

    The core's own word pipeline decides (the one that built the index and the snippets), so a
    stemmed, accent-folded or wildcard match is marked in the reader exactly when a snippet marks it.
    A phrase (a term of several words) is one span from its first word to its last, so the reader
    counts it, and steps through it, as one hit.
    """
    marks = MarkTerms.from_words(terms)
    if not marks:
        return None

    def spans(text: str, language: str) -> list[tuple[int, int]]:
        return highlight_spans(text, language, marks)

    return spans
