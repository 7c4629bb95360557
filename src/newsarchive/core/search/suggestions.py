""""Did you mean": a query with each rare word replaced by a common one a typo away, from the index."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from newsarchive.core.index.analysis import index_term
from newsarchive.core.index.schema import DEFAULT_FIELDS, STEMMED_FIELDS
from newsarchive.core.search.query import And, Node, Or, Phrase, Word
from newsarchive.core.search.spelling import document_frequency, one_typo_away

# A query with fewer hits than this gets a suggestion, if a better one exists.
FEW_HITS = 3
# A replacement must be this many times as frequent as the word typed (and in a few articles).
_BETTER_BY = 4
_MIN_FREQUENCY = 1
_TEXT_FIELDS = tuple(f for f in DEFAULT_FIELDS if f in STEMMED_FIELDS)


def suggest(text: str, node: Node | None, reader: Any, total: int) -> str | None:
    """The query with its rare words corrected, or None when it finds enough or nothing is better."""
    if node is None or total >= FEW_HITS:
        return None
    replacements: list[tuple[int, str, str]] = []
    for word in _plain_words(node):
        better = _better_word(word.text, reader)
        if better is not None:
            replacements.append((word.position, word.text, better))
    if not replacements:
        return None
    out = text
    for position, typed, better in sorted(replacements, reverse=True):
        if out[position:position + len(typed)] == typed:
            out = out[:position] + better + out[position + len(typed):]
    return out if out != text else None


def _plain_words(node: Node) -> Iterable[Word]:
    if isinstance(node, Word) and (node.field is None or node.field in STEMMED_FIELDS):
        if node.text.isalpha():
            yield node
    elif isinstance(node, Phrase):
        return
    elif isinstance(node, And | Or):
        for item in node.items:
            yield from _plain_words(item)


def _better_word(typed: str, reader: Any) -> str | None:
    own = index_term(typed)
    frequency = document_frequency(reader, _TEXT_FIELDS, own) if own else 0
    best: tuple[int, str] | None = None
    seen: set[str] = set()
    for candidate in sorted(set(one_typo_away(typed))):
        term = index_term(candidate)
        if term is None or term == own or term in seen:
            continue
        seen.add(term)
        found = document_frequency(reader, _TEXT_FIELDS, term)
        if best is None or found > best[0]:
            best = (found, candidate)
    if best is None or best[0] < max(_MIN_FREQUENCY, _BETTER_BY * frequency):
        return None
    return best[1] if typed.islower() else _same_case(typed, best[1])


def _same_case(typed: str, word: str) -> str:
    if typed.isupper():
        return word.upper()
    if typed[:1].isupper():
        return word[:1].upper() + word[1:]
    return word
