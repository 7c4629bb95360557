"""Words one typo away, checked against the index's own terms: fuzzy words and "did you mean"."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from functools import lru_cache
from typing import Any

from newsarchive.core.index.analysis import fold

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


@lru_cache(maxsize=256)
def close_words(word: str, distance: int) -> frozenset[str]:
    """Words within `distance` (1 or 2) typos of `word`, itself included."""
    found = {fold(word)}
    frontier = set(found)
    for _ in range(distance):
        frontier = {near for w in frontier for near in one_typo_away(w)} - found
        found |= frontier
    return frozenset(found)


def document_frequency(reader: Any, fields: Iterable[str], term: str) -> int:
    """How many documents hold `term` in the most frequent of `fields`."""
    best = 0
    for field in fields:
        try:
            best = max(best, reader.doc_frequency(field, term))
        except KeyError:
            continue
    return best
