"""Snippets: the passage of an article that best shows why it matched, matched words marked.

Marks are plain text (`MARK_START`, `MARK_END`): the CLI turns them bold, the GUI into its own
highlight. The core writes no HTML.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from functools import lru_cache

from whoosh.support.charset import accent_map

from newsarchive.core.index.analysis import (
    LANGUAGES,
    WORD_PATTERN,
    fold,
    index_term,
    language_key,
    query_terms,
    strip_language,
    words,
)

MARK_START = "[["
MARK_END = "]]"
SNIPPET_LENGTH = 220
_ELLIPSIS = "…"
_SPACES = re.compile(r"\s+")
# Each plain letter with the accented letters folded to it (`e`: é, É, è, ...).
_ACCENTED: dict[str, set[str]] = {}
for _code, _plain in accent_map.items():
    if isinstance(_plain, str) and len(_plain) == 1:
        _ACCENTED.setdefault(_plain.lower(), set()).add(chr(_code))


@dataclass(frozen=True, slots=True)
class MarkTerms:
    """What to mark: index terms (stemmed, any language), folded word beginnings (wildcards) and
    phrases (index terms in a row, stop words between them skipped), each phrase one mark."""

    terms: frozenset[str] = frozenset()
    prefixes: tuple[str, ...] = ()
    phrases: frozenset[tuple[str, ...]] = frozenset()

    def __bool__(self) -> bool:
        return bool(self.terms or self.prefixes or self.phrases)

    @classmethod
    def from_words(cls, typed: Sequence[str]) -> MarkTerms:
        """The marks for words as typed (`SearchResult.terms`): `peace*` marks words beginning so;
        an entry of several words (`grain exports`) is a phrase, marked where they stand together."""
        terms: set[str] = set()
        prefixes: list[str] = []
        phrases: set[tuple[str, ...]] = set()
        for word in typed:
            if word.endswith("*") and "*" not in word[:-1] and " " not in word:
                prefixes.append(fold(word[:-1]))
                continue
            parts = [m.group() for m in words(word.rstrip("~0123456789") if "~" in word else word)]
            if len(parts) == 1:
                terms.update(query_terms(parts[0]))
                continue
            for lang in LANGUAGES:
                sequence = tuple(t for t in (index_term(p, lang) for p in parts) if t is not None)
                if len(sequence) > 1:
                    phrases.add(sequence)
                elif sequence:
                    terms.add(sequence[0])
        return cls(frozenset(terms), tuple(prefixes), frozenset(phrases))


def _matches(word: str, lang: str, marks: MarkTerms) -> bool:
    term = index_term(word, lang)
    if term is not None and term in marks.terms:
        return True
    if marks.prefixes:
        folded = fold(word)
        return any(folded.startswith(p) for p in marks.prefixes)
    return False


def highlight_spans(text: str, language: str, marks: MarkTerms) -> list[tuple[int, int]]:
    """Character spans of what `marks` match in `text` (for a reader's highlighting): a word, or
    a phrase from its first word to its last, as one span."""
    if not marks:
        return []
    lang = language_key(language)
    phrases = _phrase_spans(text, lang, marks.phrases) if marks.phrases else []
    heads = frozenset({strip_language(t)[1][:2] for t in marks.terms} | {p[:2] for p in marks.prefixes})
    single = [m.span() for m in _candidates(heads).finditer(text) if _matches(m.group(), lang, marks)]
    if not phrases:
        return single
    inside = _covered(phrases)
    return sorted(phrases + [span for span in single if not inside(span)])


def _phrase_spans(text: str, lang: str, phrases: frozenset[tuple[str, ...]]) -> list[tuple[int, int]]:
    # Only words beginning like a phrase's first word are stemmed; from each, the words after it
    # are read as the index read them (stop words skipped) until the phrase matches or fails.
    own = [p for p in phrases if all(strip_language(t)[0] == lang for t in p)]
    if not own:
        return []
    firsts = frozenset(p[0] for p in own)
    heads = frozenset(strip_language(t)[1][:2] for t in firsts)
    out: list[tuple[int, int]] = []
    after = 0
    for start in _candidates(heads).finditer(text):
        if start.start() < after or index_term(start.group(), lang) not in firsts:
            continue
        span = _phrase_at(text, start, lang, own)
        if span is not None:
            out.append(span)
            after = span[1]
    return out


def _phrase_at(text: str, start: re.Match[str], lang: str,
               phrases: list[tuple[str, ...]]) -> tuple[int, int] | None:
    longest = max(len(p) for p in phrases)
    found: list[tuple[str, int]] = [(index_term(start.group(), lang) or "", start.end())]
    for match in WORD_PATTERN.finditer(text, start.end()):
        if len(found) >= longest:
            break
        term = index_term(match.group(), lang)
        if term is not None:
            found.append((term, match.end()))
    best: tuple[int, int] | None = None
    for phrase in phrases:
        if len(phrase) <= len(found) and all(found[i][0] == t for i, t in enumerate(phrase)):
            end = found[len(phrase) - 1][1]
            if best is None or end > best[1]:
                best = (start.start(), end)
    return best


def _covered(spans: list[tuple[int, int]]) -> Callable[[tuple[int, int]], bool]:
    def inside(span: tuple[int, int]) -> bool:
        return any(a <= span[0] and span[1] <= b for a, b in spans)
    return inside


@lru_cache(maxsize=256)
def _candidates(heads: frozenset[str]) -> re.Pattern[str]:
    # Stemming changes only a word's end, so only words beginning with the first two letters of
    # a marked term (in any case, with any accents) can match: the others, most of a text, are
    # never stemmed. The words are `analysis.WORD_PATTERN`'s: never a piece after an inner dot.
    starts = "|".join(sorted("".join(_letter_class(c) for c in head) for head in heads if head))
    return re.compile(rf"(?<!\w)(?<!\w\.)(?:{starts or '(?!)'})\w*(?:\.?\w+)*")


def _letter_class(folded: str) -> str:
    variants = {folded, folded.upper()} | _ACCENTED.get(folded, set())
    return "[" + "".join(re.escape(v) for v in sorted(variants)) + "]"


def make_snippet(text: str, language: str, marks: MarkTerms, length: int = SNIPPET_LENGTH) -> str:
    """About `length` characters of `text` around its densest cluster of matched words, marked.

    Without a match (the query matched the title or a person), the start of the text.
    """
    text = _SPACES.sub(" ", text).strip()
    if not text:
        return ""
    spans = highlight_spans(text, language, marks)
    start = max(0, min(_best_window(text, spans, length), len(text) - length))
    end = min(len(text), start + length)
    if start > 0:
        start = _word_start(text, start)
    if end < len(text):
        end = _word_end(text, end)
    inside = [(a, b) for a, b in spans if a >= start and b <= end]
    pieces = [_ELLIPSIS if start > 0 else ""]
    cursor = start
    for a, b in inside:
        pieces += [text[cursor:a], MARK_START, text[a:b], MARK_END]
        cursor = b
    pieces.append(text[cursor:end])
    if end < len(text):
        pieces.append(_ELLIPSIS)
    return "".join(pieces)


def _best_window(text: str, spans: list[tuple[int, int]], length: int) -> int:
    if not spans:
        return 0
    best_start, best_score = spans[0][0], -1
    lowered = [text[a:b].lower() for a, b in spans]
    right = 0
    for left, (a, _) in enumerate(spans):
        right = max(right, left)
        while right + 1 < len(spans) and spans[right + 1][1] - a <= length - 40:
            right += 1
        window = lowered[left:right + 1]
        # Distinct words count most; repeats of one word count a little.
        score = len(set(window)) * 10 + len(window)
        if score > best_score:
            best_start, best_score = a, score
    # Leave some context before the first marked word.
    return max(0, best_start - 40)


def _word_start(text: str, index: int) -> int:
    space = text.find(" ", index)
    return space + 1 if 0 <= space < index + 20 else index


def _word_end(text: str, index: int) -> int:
    space = text.rfind(" ", 0, index)
    return space if space > index - 20 else index
