"""Turning a parsed query into a Whoosh query over the index fields, and the terms it marks."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from whoosh import query as wq

from newsarchive.core.index.analysis import (
    fold,
    index_term,
    language_code,
    strip_language,
    words,
)
from newsarchive.core.index.schema import (
    DEFAULT_FIELDS,
    NAME_FIELDS,
    STEMMED_FIELDS,
    date_number,
)
from newsarchive.core.model import SECTION_SEPARATOR, split_section
from newsarchive.core.search.query import (
    And,
    DateRange,
    Fuzzy,
    Node,
    Not,
    Or,
    Phrase,
    Wildcard,
)
from newsarchive.core.search.snippets import MarkTerms
from newsarchive.core.search.spelling import close_words, existing_terms

# Wildcards and fuzzy words expand to at most this many index terms (Whoosh's own default).
MAX_EXPANSION = 128
_FIRST_DAY, _LAST_DAY = 10101, 99991231


@dataclass(frozen=True, slots=True)
class CompiledQuery:
    """A Whoosh query and what a snippet should mark for it."""

    query: Any
    marks: MarkTerms = field(default_factory=MarkTerms)


class QueryCompiler:
    """Compiles query trees against one index: `languages` are those its articles are written in."""

    def __init__(self, reader: Any, languages: Iterable[str], *, notes: bool = False) -> None:
        self.reader = reader
        self.languages = tuple(languages) or ("en",)
        # Plain words search the user's notes too when asked (`SearchRequest.include_notes`).
        self.default_fields = {**DEFAULT_FIELDS, "note": 1.0} if notes else DEFAULT_FIELDS
        self._terms: set[str] = set()
        self._prefixes: set[str] = set()
        self._near: dict[tuple[str, str], dict[str, str]] = {}

    def compile(self, node: Node) -> CompiledQuery:
        self._terms, self._prefixes = set(), set()
        built = self._node(node, marking=True)
        return CompiledQuery(built, MarkTerms(frozenset(self._terms), tuple(sorted(self._prefixes))))

    # -- structure -----------------------------------------------------------------------

    def _node(self, node: Node, marking: bool) -> Any:
        if isinstance(node, And):
            return self._and(node.items, marking)
        if isinstance(node, Or):
            return wq.Or([self._node(item, marking) for item in node.items])
        if isinstance(node, Not):
            return wq.AndNot(wq.Every(), self._node(node.item, False))
        if isinstance(node, DateRange):
            # An open end is closed at the far past or future, which every date lies within.
            return wq.NumericRange(
                "date",
                date_number(node.start) if node.start else _FIRST_DAY,
                date_number(node.end) if node.end else _LAST_DAY,
            )
        fields = self.default_fields if node.field is None else {node.field: 1.0}
        parts = [self._leaf(node, name, boost, marking) for name, boost in fields.items()]
        parts = [p for p in parts if p is not wq.NullQuery]
        if not parts:
            return wq.NullQuery
        return parts[0] if len(parts) == 1 else wq.Or(parts)

    def _and(self, items: tuple[Node, ...], marking: bool) -> Any:
        positive = [self._node(i, marking) for i in items if not isinstance(i, Not)]
        negative = [self._node(i.item, False) for i in items if isinstance(i, Not)]
        included = wq.And(positive) if len(positive) > 1 else (positive[0] if positive else wq.Every())
        if not negative:
            return included
        return wq.AndNot(included, wq.Or(negative) if len(negative) > 1 else negative[0])

    # -- one field -----------------------------------------------------------------------

    def _leaf(self, node: Node, name: str, boost: float, marking: bool) -> Any:
        if name == "section":
            return wq.Term("section", fold(SECTION_SEPARATOR.join(split_section(node_text(node)))))
        if name == "source":
            return wq.Term("source", fold(" ".join(node_text(node).split())))
        if name == "language":
            return wq.Term("language", language_code(node_text(node)))
        if name == "id":
            return wq.Term("id", node_text(node).strip())
        if isinstance(node, Wildcard):
            return self._wildcard(node, name, boost, marking)
        if isinstance(node, Fuzzy):
            return self._fuzzy(node, name, boost, marking)
        slop = node.slop if isinstance(node, Phrase) else 0
        return self._sequences(name, self._term_sequences(name, node_text(node)), slop, boost,
                               marking)

    def _term_sequences(self, name: str, text: str) -> list[list[str]]:
        tokens = [m.group() for m in words(text)]
        if name in NAME_FIELDS:
            folded = [fold(t) for t in tokens]
            return [folded] if folded else []
        out: list[list[str]] = []
        for lang in self.languages:
            seq = [t for t in (index_term(w, lang) for w in tokens) if t is not None]
            if seq and seq not in out:
                out.append(seq)
        return out

    def _sequences(self, name: str, sequences: list[list[str]], slop: int, boost: float,
                   marking: bool) -> Any:
        parts: list[Any] = []
        for seq in sequences:
            if marking:
                self._terms.update(seq if name in STEMMED_FIELDS else self._as_text_terms(seq))
            if len(seq) == 1:
                parts.append(wq.Term(name, seq[0], boost=boost))
            elif slop:
                # Proximity: the words within `slop` words of each other, in any order.
                near = wq.SpanNear2([wq.Term(name, t) for t in seq], slop=slop + 1, ordered=False)
                near.boost = boost
                parts.append(near)
            else:
                parts.append(wq.Phrase(name, seq, slop=1, boost=boost))
        if not parts:
            return wq.NullQuery
        return parts[0] if len(parts) == 1 else wq.Or(parts)

    def _as_text_terms(self, folded_words: list[str]) -> list[str]:
        # A person's name also shows in the article text, stemmed like any word there.
        out = []
        for word in folded_words:
            for lang in self.languages:
                term = index_term(word, lang)
                if term is not None:
                    out.append(term)
        return out

    def _wildcard(self, node: Wildcard, name: str, boost: float, marking: bool) -> Any:
        pattern = fold(node.pattern)
        literal = pattern.split("*")[0].split("?")[0]
        if marking and literal:
            self._prefixes.add(literal)
        if name in NAME_FIELDS:
            return self._expand(name, pattern, boost)
        # The index holds stems, often shorter than the word (`peaceful` -> `peac`, `negotiation`
        # -> `negoti`): `peace*` looks for stems beginning like the stem of `peace` or like `peac`.
        parts = []
        simple_prefix = pattern.endswith("*") and pattern.count("*") == 1 and "?" not in pattern
        for lang in self.languages:
            prefix = "" if lang == "en" else f"{lang}:"
            if not simple_prefix:
                parts.append(self._expand(name, prefix + pattern, boost))
                continue
            stem = index_term(literal, lang)
            starts = {strip_language(stem)[1] if stem else literal}
            if len(literal) >= 4:
                starts.add(literal[:-1])
            for start in sorted(starts):
                if not any(start != other and start.startswith(other) for other in starts):
                    parts.append(self._expand(name, prefix + start + "*", boost))
        return wq.Or(parts) if len(parts) > 1 else parts[0]

    def _expand(self, name: str, pattern: str, boost: float) -> Any:
        if pattern.endswith("*") and pattern.count("*") == 1 and "?" not in pattern:
            return wq.Prefix(name, pattern[:-1], boost=boost)
        return wq.Wildcard(name, pattern, boost=boost)

    def _fuzzy(self, node: Fuzzy, name: str, boost: float, marking: bool) -> Any:
        if name in NAME_FIELDS:
            return wq.FuzzyTerm(name, fold(node.text), boost=boost, maxdist=node.distance,
                                prefixlength=1)
        # The index holds stems, which a typo can change beyond recognition (`negotiaton` keeps
        # its ending, `negotiation` is `negoti`): correct the word first, then stem.
        key = (node.text, name)
        if key not in self._near:
            candidates = close_words(node.text, 1)
            self._near[key] = existing_terms(self.reader, [name], candidates, self.languages)
        terms = sorted(self._near[key])[:MAX_EXPANSION]
        if marking:
            self._terms.update(terms)
        parts: list[Any] = [wq.Term(name, t, boost=boost) for t in terms]
        if node.distance > 1:
            for lang in self.languages:
                stem = index_term(node.text, lang)
                if stem is not None:
                    parts.append(wq.FuzzyTerm(name, stem, boost=boost, maxdist=node.distance,
                                              prefixlength=1))
        if not parts:
            return wq.NullQuery
        return parts[0] if len(parts) == 1 else wq.Or(parts)


def node_text(node: Node) -> str:
    if isinstance(node, Wildcard):
        return node.pattern
    return node.text  # type: ignore[union-attr]
