""""Did you mean": a query with each rare word replaced by a common one a typo away, from the index.

Only words the library does not hold are corrected (`war` is a word, however rare, not a typo of
`warn`). A replacement is a word the library holds (not a stem that only looks like one: `groves`
is not corrected to `growes` because `grow` is common), never a stop word (not `was`), and the
corrected query is run: it is offered only when it finds more than the query typed.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import Any

from whoosh.lang import stopwords_for_language

from newsarchive.core.index.analysis import index_term
from newsarchive.core.index.schema import DEFAULT_FIELDS, STEMMED_FIELDS
from newsarchive.core.search.expansion import is_library_word
from newsarchive.core.search.normalise import is_left_out
from newsarchive.core.search.query import And, Node, Or, Phrase, Word
from newsarchive.core.search.spelling import document_frequency, one_typo_away

# A query with fewer hits than this gets a suggestion, if a better one exists.
FEW_HITS = 3
# A replacement must be this many times as frequent as the word typed (and in a few articles).
_BETTER_BY = 4
_MIN_FREQUENCY = 1
_TEXT_FIELDS = tuple(f for f in DEFAULT_FIELDS if f in STEMMED_FIELDS)
# Longer lists than the index's (`was`, `were`, `has` are words there): never offered instead
# of a word a researcher typed.
_NEVER_OFFERED = frozenset(
    word for lang in ("en", "es", "pt") for word in stopwords_for_language(lang))

# Counts the matches of a query text (0 for one that cannot be run).
CountMatches = Callable[[str], int]


def suggest(text: str, node: Node | None, reader: Any, total: int, languages: tuple[str, ...],
            count: CountMatches) -> str | None:
    """The query with its rare words corrected, or None when it finds enough, nothing is better,
    or the corrected query finds no more than `total`."""
    if node is None or total >= FEW_HITS:
        return None
    replacements: list[tuple[int, str, str]] = []
    for word in _plain_words(node):
        if any(is_library_word(reader, word.text, lang) or index_term(word.text, lang) is None
               for lang in languages):
            # A word the library holds is no typo, however rare (`war` is not `warn`), nor is
            # a stop word of one of its languages (`não`).
            continue
        better = _better_word(word.text, reader, languages)
        if better is not None:
            replacements.append((word.position, word.text, better))
    if not replacements:
        return None
    out = text
    for position, typed, better in sorted(replacements, reverse=True):
        if out[position:position + len(typed)] == typed:
            out = out[:position] + better + out[position + len(typed):]
    if out == text or count(out) <= total:
        return None
    return out


def _plain_words(node: Node) -> Iterable[Word]:
    if isinstance(node, Word) and (node.field is None or node.field in STEMMED_FIELDS):
        if node.text.isalpha():
            yield node
    elif isinstance(node, Phrase):
        return
    elif isinstance(node, And | Or):
        for item in node.items:
            yield from _plain_words(item)


def _frequency(reader: Any, word: str, languages: tuple[str, ...]) -> int:
    best = 0
    for lang in languages:
        term = index_term(word, lang)
        if term is not None:
            best = max(best, document_frequency(reader, _TEXT_FIELDS, term))
    return best


def _better_word(typed: str, reader: Any, languages: tuple[str, ...]) -> str | None:
    own = _frequency(reader, typed, languages)
    best: tuple[int, str] | None = None
    for candidate in sorted(set(one_typo_away(typed))):
        if candidate in _NEVER_OFFERED or any(is_left_out(candidate, lang) for lang in languages):
            continue
        if not any(is_library_word(reader, candidate, lang) for lang in languages):
            continue
        found = _frequency(reader, candidate, languages)
        if best is None or found > best[0]:
            best = (found, candidate)
    if best is None or best[0] < max(_MIN_FREQUENCY, _BETTER_BY * own):
        return None
    return best[1] if typed.islower() else _same_case(typed, best[1])


def _same_case(typed: str, word: str) -> str:
    if typed.isupper():
        return word.upper()
    if typed[:1].isupper():
        return word[:1].upper() + word[1:]
    return word
