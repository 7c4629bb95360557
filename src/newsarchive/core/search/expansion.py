"""Wildcards and fuzzy words: the index terms of every word of the library they stand for.

`negotiat*` means every word of the library beginning with `negotiat`, each searched as if typed
(`negotiation`, `negotiated`, ... -> the stem `negoti`), in every language and in the name fields.
The index holds stems, often shorter than the typed beginning, so the words come from the
`words` field (`analysis.vocabulary_entries`: the words that are not simply their own stem) and
from the text fields' own terms (the words that are).
"""

from __future__ import annotations

import fnmatch
import re
from collections.abc import Iterator
from functools import lru_cache
from typing import Any

from whoosh.reading import TermNotFound

from newsarchive.core.index.analysis import (
    fold,
    index_term,
    may_be_rewritten,
    strip_language,
)
from newsarchive.core.index.schema import STEMMED_FIELDS
from newsarchive.core.search.normalise import is_left_out
from newsarchive.core.search.spelling import close_words

_PREFIX = {"en": "", "es": "es:", "pt": "pt:"}


def literal_start(pattern: str) -> str:
    """The letters a folded wildcard pattern begins with (`negotia*` -> `negotia`)."""
    return re.split(r"[*?]", pattern, maxsplit=1)[0]


@lru_cache(maxsize=1024)
def _matcher(pattern: str) -> re.Pattern[str]:
    return re.compile(fnmatch.translate(pattern))


def pattern_terms(reader: Any, field: str, pattern: str, lang: str, drop_stop_words: bool
                  ) -> set[str]:
    """The terms of stemmed `field` (with their language prefix) that the words of the library
    in `lang` matching `pattern` (folded) stand for."""
    prefix = _PREFIX[lang]
    start = literal_start(pattern)
    matches = _matcher(pattern).match
    out: set[str] = set()
    # Words kept unstemmed because their stem is not simply themselves.
    for entry in _terms_starting(reader, "words", prefix + start):
        if strip_language(entry)[0] != lang:
            continue
        word = strip_language(entry)[1]
        if matches(word) and not (drop_stop_words and is_left_out(word, lang)):
            term = index_term(word, lang)
            if term is not None:
                out.add(term)
    # Words that are their own stem: the stem begins every word it stands for, so a pattern
    # ending in `*` that matches the stem matches those words.
    for term in _terms_starting(reader, field, prefix + start):
        term_lang, stem = strip_language(term)
        if term_lang != lang or may_be_rewritten(stem, lang) or not matches(stem):
            continue
        if not (drop_stop_words and is_left_out(stem, lang)):
            out.add(term)
    return out


def name_terms(reader: Any, field: str, pattern: str, lang: str, drop_stop_words: bool
               ) -> set[str]:
    """The words of name `field` (people, tags: folded, unstemmed) matching `pattern`."""
    matches = _matcher(pattern).match
    return {
        word for word in _terms_starting(reader, field, literal_start(pattern))
        if matches(word) and not (drop_stop_words and is_left_out(word, lang))
    }


def fuzzy_terms(reader: Any, field: str, text: str, distance: int, lang: str,
                drop_stop_words: bool, stemmed: bool) -> set[str]:
    """The terms of `field` in `lang` for the words one typo from `text` (a letter added,
    removed, changed, or two neighbours swapped); with `distance` 2, also the terms within two
    edits of the typed word's own term that share its first letter (Whoosh's fuzzy terms)."""
    prefix = _PREFIX[lang] if stemmed else ""
    out: set[str] = set()
    for word in sorted(close_words(fold(text), 1)):
        if drop_stop_words and is_left_out(word, lang):
            continue
        term = index_term(word, lang) if stemmed else word
        if term is not None and _has_term(reader, field, term):
            out.add(term)
    own = index_term(text, lang) if stemmed else fold(text)
    if distance > 1 and own is not None:
        # Typos can change a stem beyond the one-typo words above; Whoosh's automaton walks
        # the terms within two edits of the stem instead of listing every two-typo word.
        bare = strip_language(own)[1]
        try:
            for found in reader.terms_within(field, own, distance, prefix=len(prefix) + 1):
                term = found.decode("utf-8") if isinstance(found, bytes) else str(found)
                term_lang, stem = strip_language(term)
                if term_lang == lang and stem[:1] == bare[:1]:
                    out.add(term)
        except (KeyError, TermNotFound):
            pass
    return out


def is_library_word(reader: Any, word: str, lang: str) -> bool:
    """Whether some article in `lang` holds `word` (folded) in its text fields."""
    word = fold(word)
    term = index_term(word, lang)
    if term is None:
        return False
    if _has_term(reader, "words", _PREFIX[lang] + word):
        return True
    # A word left out of `words` is its own stem, and such a stem begins all its words.
    stem = strip_language(term)[1]
    return stem == word and not may_be_rewritten(stem, lang) and any(
        _has_term(reader, field, term) for field in STEMMED_FIELDS)


def _has_term(reader: Any, field: str, term: str) -> bool:
    try:
        return bool(reader.doc_frequency(field, term))
    except (KeyError, TermNotFound):
        return False


def _terms_starting(reader: Any, field: str, start: str) -> Iterator[str]:
    seen: set[bytes] = set()
    try:
        for key in reader.expand_prefix(field, start):
            if key not in seen:
                seen.add(key)
                yield key.decode("utf-8")
    except (KeyError, TermNotFound):
        return
