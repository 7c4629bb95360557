"""A brute-force reading of generated queries over article records: the differential tests' truth.

It evaluates the generator's own query trees (`generated.py`), not the parser's, article by
article over the records' text, with the rules the README states and nothing of the search
code: words are compared by their stem in the article's language after folding accents (the
analysis's stemmer is the definition of "the same word"), stop words are dropped per language,
a wildcard is every word of the library matching it, NOT is the complement.
"""

from __future__ import annotations

import fnmatch
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date
from functools import cached_property

from whoosh.support.charset import accent_map

from newsarchive.core.index.analysis import index_term, language_key
from newsarchive.core.languages import language_code
from newsarchive.core.model import SECTION_SEPARATOR, Article, split_section
from tests.core.search.generated import (
    QAnd,
    QDate,
    QNode,
    QNot,
    QOr,
    QPhrase,
    QPrefix,
    QValue,
    QWord,
)

_WORD = re.compile(r"\w+(?:\.?\w+)*")
TEXT_FIELDS = ("title", "lede", "body", "caption")  # what an unfielded word searches, with names
STEMMED = ("title", "lede", "body", "caption", "credit")
NAMES = ("person", "tag")


def fold(text: str) -> str:
    return text.lower().translate(accent_map)


def tokens(text: str) -> list[str]:
    return _WORD.findall(text)


def term(word: str, lang: str) -> str | None:
    # Always from the folded word: a spelling without accents must be the same word.
    return index_term(fold(word), lang)


def left_out(word: str, lang: str) -> bool:
    """A typed word dropped in `lang`: not indexed there, or an English stop word."""
    return term(word, lang) is None or term(word, "en") is None


@dataclass(frozen=True)
class Record:
    """One article as the oracle reads it."""

    article: Article

    @cached_property
    def lang(self) -> str:
        return language_key(self.article.language)

    def text(self, field: str) -> str:
        a = self.article
        return {"title": a.title, "lede": a.lede or "", "body": "\n\n".join(a.body),
                "caption": a.photo_caption or "", "credit": a.photo_credit or ""}[field]

    def terms(self, field: str) -> list[str]:
        """The field's words as the index positions them: stop words of the language skipped."""
        return [t for t in (term(w, self.lang) for w in tokens(self.text(field))) if t is not None]

    def names(self, field: str) -> list[list[str]]:
        values = self.article.people if field == "person" else self.article.tags
        return [[fold(w) for w in tokens(v)] for v in values]


class Oracle:
    def __init__(self, articles: Sequence[Article]) -> None:
        self.records = [Record(a) for a in articles]
        self.languages = sorted({r.lang for r in self.records})
        # The library's words per language: every indexed word of the text fields.
        self.vocabulary: dict[str, set[str]] = {}
        for record in self.records:
            words = self.vocabulary.setdefault(record.lang, set())
            for field in STEMMED:
                for w in tokens(record.text(field)):
                    if term(w, record.lang) is not None:
                        words.add(fold(w))

    def nothing_to_search(self, node: QNode) -> bool:
        """True when the query is left empty in every language of the library."""
        return all(_normalise(node, lang) is None for lang in self.languages)

    def matches(self, node: QNode) -> set[str]:
        out = set()
        for record in self.records:
            tree = _normalise(node, record.lang)
            if tree is not None and self._eval(tree, record):
                out.add(record.article.id)
        return out

    # -- evaluation -------------------------------------------------------------------------

    def _eval(self, node: QNode, r: Record) -> bool:
        if isinstance(node, QAnd):
            return all(self._eval(i, r) for i in node.items)
        if isinstance(node, QOr):
            return any(self._eval(i, r) for i in node.items)
        if isinstance(node, QNot):
            return not self._eval(node.item, r)
        if isinstance(node, QDate):
            day = r.article.published
            return day is not None and (node.start is None or day >= node.start) and (
                node.end is None or day <= node.end)
        if isinstance(node, QValue):
            return _value(node, r)
        fields = (*TEXT_FIELDS, *NAMES) if node.field is None else (node.field,)
        if isinstance(node, QPrefix):
            return any(self._prefix(node, f, r) for f in fields)
        words = node.words if isinstance(node, QPhrase) else (node.text,)
        slop = node.slop if isinstance(node, QPhrase) else 0
        return any(_sequence(words, slop, f, r) for f in fields)

    def _prefix(self, node: QPrefix, field: str, r: Record) -> bool:
        pattern = fold(node.pattern)
        if field in NAMES:
            return any(fnmatch.fnmatchcase(w, pattern) and not (node.field is None and
                                                                 left_out(w, r.lang))
                       for name in r.names(field) for w in name)
        wanted = {term(w, r.lang) for w in self.vocabulary.get(r.lang, ())
                  if fnmatch.fnmatchcase(w, pattern) and not left_out(w, r.lang)}
        return bool(wanted.intersection(r.terms(field)))


def _value(node: QValue, r: Record) -> bool:
    a = r.article
    if node.field == "section":
        wanted = fold(SECTION_SEPARATOR.join(split_section(node.value)))
        levels = {fold(SECTION_SEPARATOR.join(a.section_path[: i + 1]))
                  for i in range(len(a.section_path))}
        return wanted in levels
    if node.field == "language":
        return language_code(a.language) == language_code(node.value)
    assert node.field == "id"
    return a.id == node.value.lower()


def _sequence(words: Iterable[str], slop: int, field: str, r: Record) -> bool:
    typed = [t for w in words for t in tokens(w)]
    if field in NAMES:
        wanted = [fold(t) for t in typed]
        return any(_found(wanted, name, slop) for name in r.names(field))
    wanted = [t for t in (term(w, r.lang) for w in typed) if t is not None]
    return bool(wanted) and _found(wanted, r.terms(field), slop)


def _found(wanted: list[str], text: list[str], slop: int) -> bool:
    if not wanted:
        return False
    if len(wanted) == 1:
        return wanted[0] in text
    if slop == 0:
        n = len(wanted)
        return any(text[i:i + n] == wanted for i in range(len(text) - n + 1))
    # Proximity: each next word lies outside the span matched so far, at most slop + 1
    # positions from it, on either side.
    spans = {(p, p) for p, t in enumerate(text) if t == wanted[0]}
    for word in wanted[1:]:
        places = [p for p, t in enumerate(text) if t == word]
        grown = set()
        for start, end in spans:
            for p in places:
                gap = p - end if p > end else (start - p if p < start else 0)
                if 1 <= gap <= slop + 1:
                    grown.add((min(start, p), max(end, p)))
        spans = grown
    return bool(spans)


def _normalise(node: QNode, lang: str) -> QNode | None:
    """The query in articles of `lang`: dropped words removed, emptied groups and NOTs removed."""
    if isinstance(node, QAnd | QOr):
        kept = tuple(k for k in (_normalise(i, lang) for i in node.items) if k is not None)
        if not kept:
            return None
        return kept[0] if len(kept) == 1 else type(node)(kept)
    if isinstance(node, QNot):
        inner = _normalise(node.item, lang)
        return None if inner is None else QNot(inner)
    if isinstance(node, QWord | QPhrase):
        typed = [t for w in (node.words if isinstance(node, QPhrase) else (node.text,))
                 for t in tokens(w)]
        if node.field in NAMES:
            return node if typed else None
        return node if any(not left_out(t, lang) for t in typed) else None
    return node


def day(text: str) -> date:
    return date.fromisoformat(text)
