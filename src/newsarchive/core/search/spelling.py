"""Words one typo away, checked against the index's own terms: fuzzy words and "did you mean"."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import Any

from newsarchive.core.index.analysis import fold, index_term

_LETTERS = "abcdefghijklmnopqrstuvwxyz"


def one_typo_away(word: str) -> Iterator[str]:
    """Every word one deletion, transposition, replacement or insertion away (with repeats)."""
    word = fold(word)
    letters = sorted(set(_LETTERS) | set(word))
    splits = [(word[:i], word[i:]) for i in range(len(word) + 1)]
    for left, right in splits:
        if right:
            yield left + right[1:]
        if len(right) > 1:
            yield left + right[1] + right[0] + right[2:]
        for letter in letters:
            if right and letter != right[0]:
                yield left + letter + right[1:]
            yield left + letter + right


def close_words(word: str, distance: int) -> set[str]:
    """Words within `distance` (1 or 2) typos of `word`, itself included."""
    found = {fold(word)}
    frontier = set(found)
    for _ in range(distance):
        frontier = {near for w in frontier for near in one_typo_away(w)} - found
        found |= frontier
    return found


def document_frequency(reader: Any, fields: Iterable[str], term: str) -> int:
    """How many documents hold `term` in the most frequent of `fields`."""
    best = 0
    for field in fields:
        try:
            best = max(best, reader.doc_frequency(field, term))
        except KeyError:
            continue
    return best


def existing_terms(reader: Any, fields: Iterable[str], words: Iterable[str],
                   languages: Iterable[str]) -> dict[str, str]:
    """The index terms (of any language) that some of `words` analyse to, each with one such word."""
    fields = tuple(fields)
    out: dict[str, str] = {}
    tried: set[str] = set()
    for word in sorted(words):
        for lang in languages:
            term = index_term(word, lang)
            if term is None or term in tried:
                continue
            tried.add(term)
            if document_frequency(reader, fields, term) > 0:
                out[term] = word
    return out
