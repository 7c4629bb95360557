"""Turning a parsed query into a Whoosh query over the index fields, and the terms it marks.

A query is compiled once per language of the library (`normalise.for_language`: stop words of
that language left out) and each compilation is limited to that language's articles, so every
article is searched with the words as its own language reads them.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from whoosh import query as wq
from whoosh.reading import TermNotFound

from newsarchive.core.index.analysis import fold, index_term, language_key, words
from newsarchive.core.index.schema import (
    DEFAULT_FIELDS,
    NAME_FIELDS,
    STEMMED_FIELDS,
    date_number,
)
from newsarchive.core.languages import language_code
from newsarchive.core.model import SECTION_SEPARATOR, split_section
from newsarchive.core.search.expansion import (
    fuzzy_terms,
    literal_start,
    name_terms,
    pattern_terms,
)
from newsarchive.core.search.normalise import for_language, require_something
from newsarchive.core.search.query import (
    And,
    DateRange,
    Fuzzy,
    Node,
    Not,
    Or,
    Phrase,
    Wildcard,
    Word,
)
from newsarchive.core.search.snippets import MarkTerms

_FIRST_DAY, _LAST_DAY = 10101, 99991231
_LANGUAGE_FIELD = "language"
_LANGUAGE_FREE_FIELDS = ("section", "source", "language", "id", *sorted(NAME_FIELDS))


@dataclass(frozen=True, slots=True)
class CompiledQuery:
    """A Whoosh query and what a snippet should mark for it."""

    query: Any
    marks: MarkTerms = field(default_factory=MarkTerms)


@dataclass(slots=True)
class _Marks:
    terms: set[str] = field(default_factory=set)
    prefixes: set[str] = field(default_factory=set)
    phrases: set[tuple[str, ...]] = field(default_factory=set)

    def build(self) -> MarkTerms:
        return MarkTerms(frozenset(self.terms), tuple(sorted(self.prefixes)),
                         frozenset(self.phrases))


class QueryCompiler:
    """Compiles query trees against one index: `languages` are those its articles are written in
    (as `analysis.language_key` gives them)."""

    def __init__(self, reader: Any, languages: Iterable[str], *, notes: bool = False) -> None:
        self.reader = reader
        self.languages = tuple(languages) or ("en",)
        # Plain words search the user's notes too when asked (`SearchRequest.include_notes`).
        self.default_fields = {**DEFAULT_FIELDS, "note": 1.0} if notes else DEFAULT_FIELDS
        self._frequencies: dict[str, int] | None = None

    def compile(self, node: Node) -> CompiledQuery:
        """Raises `QueryError` when the query has nothing to search for in any language."""
        require_something(node, self.languages)
        marks = _Marks()
        if _same_in_every_language(node):
            # Dates, sections, languages, ids and named name fields (no stop words there)
            # mean the same in every language: one compilation, no limits.
            built = _LanguageCompiler(self.reader, self.languages[0], marks,
                                      self.default_fields).node(node, True)
            return CompiledQuery(built, marks.build())
        parts = []
        for lang in self.languages:
            tree = for_language(node, lang)
            if tree is None:
                continue
            built = _LanguageCompiler(self.reader, lang, marks,
                                      self.default_fields).node(tree, marking=True)
            parts.append(built if len(self.languages) == 1 else self._only(lang, built))
        return CompiledQuery(parts[0] if len(parts) == 1 else wq.Or(parts), marks.build())

    def _only(self, lang: str, built: Any) -> Any:
        """`built` limited to the articles whose language code is analysed as `lang`."""
        frequencies = self._codes()
        own = [code for code in frequencies if language_key(code) == lang]
        others = [code for code in frequencies if language_key(code) != lang]
        if not others:
            return built
        if sum(frequencies[c] for c in own) <= sum(frequencies[c] for c in others):
            # Keep the (fewer) articles of the language: a filter that adds nothing to scores.
            return wq.And([built, wq.ConstantScoreQuery(_any_term(_LANGUAGE_FIELD, own, 1.0),
                                                        0.0)])
        # Leave out the (fewer) others. AndNot keeps the scores of its first part.
        return wq.AndNot(built, _any_term(_LANGUAGE_FIELD, others, 1.0))

    def _codes(self) -> dict[str, int]:
        """The language codes in the index, with how many articles have each."""
        if self._frequencies is None:
            try:
                self._frequencies = {
                    key.decode("utf-8"): self.reader.doc_frequency(_LANGUAGE_FIELD, key)
                    for key in self.reader.lexicon(_LANGUAGE_FIELD)}
            except (KeyError, TermNotFound):
                self._frequencies = {}
        return self._frequencies


class _LanguageCompiler:
    def __init__(self, reader: Any, lang: str, marks: _Marks,
                 default_fields: dict[str, float]) -> None:
        self.reader = reader
        self.lang = lang
        self.marks = marks
        self.default_fields = default_fields

    # -- structure -----------------------------------------------------------------------

    def node(self, node: Node, marking: bool) -> Any:
        if isinstance(node, And):
            return self._and(node.items, marking)
        if isinstance(node, Or):
            return wq.Or([self.node(item, marking) for item in node.items])
        if isinstance(node, Not):
            return wq.AndNot(wq.Every(), self.node(node.item, False))
        if isinstance(node, DateRange):
            # An open end is closed at the far past or future, which every date lies within.
            return wq.NumericRange(
                "date",
                date_number(node.start) if node.start else _FIRST_DAY,
                date_number(node.end) if node.end else _LAST_DAY,
            )
        fields = self.default_fields if node.field is None else {node.field: 1.0}
        parts = [self._leaf(node, name, boost, marking, node.field is None)
                 for name, boost in fields.items()]
        parts = [p for p in parts if p is not wq.NullQuery]
        if not parts:
            return wq.NullQuery
        return parts[0] if len(parts) == 1 else wq.Or(parts)

    def _and(self, items: tuple[Node, ...], marking: bool) -> Any:
        positive = [self.node(i, marking) for i in items if not isinstance(i, Not)]
        negative = [self.node(i.item, False) for i in items if isinstance(i, Not)]
        included = wq.And(positive) if len(positive) > 1 else (positive[0] if positive else wq.Every())
        if not negative:
            return included
        return wq.AndNot(included, wq.Or(negative) if len(negative) > 1 else negative[0])

    # -- one field -----------------------------------------------------------------------

    def _leaf(self, node: Node, name: str, boost: float, marking: bool, unfielded: bool) -> Any:
        if isinstance(node, Wildcard):
            return self._wildcard(node, name, boost, marking, unfielded)
        if isinstance(node, Fuzzy):
            terms = fuzzy_terms(self.reader, name, node.text, node.distance, self.lang,
                                unfielded, name not in NAME_FIELDS)
            if marking:
                self.marks.terms.update(terms if name not in NAME_FIELDS else
                                        self._as_text_terms(sorted(terms)))
            return _any_term(name, terms, boost)
        assert isinstance(node, Word | Phrase)
        if name == "section":
            return wq.Term("section", fold(SECTION_SEPARATOR.join(split_section(node.text))))
        if name == "source":
            return wq.Term("source", fold(" ".join(node.text.split())))
        if name == _LANGUAGE_FIELD:
            return wq.Term(_LANGUAGE_FIELD, language_code(node.text))
        if name == "id":
            # Ids are lower-case hexadecimal; `id:4F1C...` is the same id.
            return wq.Term("id", node.text.strip().lower())
        tokens = [m.group() for m in words(node.text)]
        if name in NAME_FIELDS:
            sequence = [fold(t) for t in tokens]
        else:
            sequence = [t for t in (index_term(w, self.lang) for w in tokens) if t is not None]
        slop = node.slop if isinstance(node, Phrase) else 0
        if marking:
            self._mark(name, sequence, slop)
        return _sequence(name, sequence, slop, boost)

    def _mark(self, name: str, sequence: list[str], slop: int) -> None:
        text_terms = sequence if name in STEMMED_FIELDS else self._as_text_terms(sequence)
        if len(text_terms) > 1 and not slop:
            self.marks.phrases.add(tuple(text_terms))
        else:
            self.marks.terms.update(text_terms)

    def _as_text_terms(self, folded_words: list[str]) -> list[str]:
        # A person's name also shows in the article text, stemmed like any word there.
        return [t for t in (index_term(w, self.lang) for w in folded_words) if t is not None]

    def _wildcard(self, node: Wildcard, name: str, boost: float, marking: bool,
                  unfielded: bool) -> Any:
        pattern = fold(node.pattern)
        if name in NAME_FIELDS:
            terms = name_terms(self.reader, name, pattern, self.lang, unfielded)
            if marking:
                self.marks.terms.update(self._as_text_terms(sorted(terms)))
        else:
            terms = pattern_terms(self.reader, name, pattern, self.lang, True)
            if marking:
                self.marks.terms.update(terms)
        if marking and pattern.endswith("*") and literal_start(pattern) == pattern[:-1]:
            self.marks.prefixes.add(pattern[:-1])
        return _any_term(name, terms, boost)


def _same_in_every_language(node: Node) -> bool:
    stack = [node]
    while stack:
        item = stack.pop()
        if isinstance(item, And | Or):
            stack.extend(item.items)
        elif isinstance(item, Not):
            stack.append(item.item)
        elif not isinstance(item, DateRange) and item.field not in _LANGUAGE_FREE_FIELDS:
            return False
    return True


def _any_term(name: str, terms: Iterable[str], boost: float) -> Any:
    parts = [wq.Term(name, t, boost=boost) for t in sorted(terms)]
    if not parts:
        return wq.NullQuery
    return parts[0] if len(parts) == 1 else wq.Or(parts)


def _sequence(name: str, sequence: list[str], slop: int, boost: float) -> Any:
    if not sequence:
        return wq.NullQuery
    if len(sequence) == 1:
        return wq.Term(name, sequence[0], boost=boost)
    if slop:
        # Proximity: each word within `slop` words of those before it, in any order.
        near = wq.SpanNear2([wq.Term(name, t) for t in sequence], slop=slop + 1, ordered=False)
        near.boost = boost
        return near
    return wq.Phrase(name, sequence, slop=1, boost=boost)
