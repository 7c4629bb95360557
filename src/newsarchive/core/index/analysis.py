"""How article text becomes index terms: words, case and accent folding, stemming per language.

One word pipeline serves the index, the query and the snippets, so a word typed in a query, a word
in an article and a word marked in a snippet always agree: lower-case, fold accents, drop stop words
and stem with the article's language (`Nicolás` -> `nicola`, like `Nicolas`). Every step after the
folding sees only the folded word, so an accented and an unaccented spelling are one term in every
language (`vacunación`, `vacunacion` and `vacunaciones` -> `es:vacun`).

English terms are stored as they come; terms of other stemmed languages carry a prefix (`es:negoci`)
so a Spanish stem never collides with an English one. A query word is looked up in every language.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from functools import lru_cache

from whoosh.analysis import STOP_WORDS, Analyzer
from whoosh.analysis.acore import Token
from whoosh.lang import stemmer_for_language, stopwords_for_language
from whoosh.support.charset import accent_map

from newsarchive.core.languages import language_code

# Whoosh's RegexTokenizer default: words, with inner dots kept (`U.S.`, `3.5`).
WORD_PATTERN = re.compile(r"\w+(?:\.?\w+)*")

# Languages stemmed with their own rules; every other language is analysed as English.
LANGUAGES = ("en", "es", "pt")
_PREFIX = {"en": "", "es": "es:", "pt": "pt:"}
_MIN_LENGTH = 2
_MAX_LENGTH = 40
# Positions left between two names of a list, so a phrase never spans two people.
NAME_GAP = 100

# Folded like the words they are compared with (`más` and `mas`, `não` and `nao` are both stop words).
_STOPS = {
    "en": frozenset(STOP_WORDS),
    "es": frozenset(w.translate(accent_map) for w in stopwords_for_language("es")),
    "pt": frozenset(w.translate(accent_map) for w in stopwords_for_language("pt")),
}
_STEMMERS = {lang: stemmer_for_language(lang) for lang in LANGUAGES}
# Endings the Spanish and Portuguese stemmers strip only when written with their accent. A folded
# word ending so gets the accent back before stemming, so `exportacion` stems like `exportación`
# (and `exportaciones`). Only endings never written without the accent in that language: `-ía`
# is left alone, as `familia`, `historia` and `materia` must keep their `i`.
_ACCENTED_ENDINGS: dict[str, tuple[tuple[str, str], ...]] = {
    "es": (("logias", "logías"), ("logia", "logía"), ("acion", "ación"), ("ucion", "ución")),
    "pt": (("encias", "ências"), ("encia", "ência"), ("ancia", "ância"), ("acoes", "ações"),
           ("acao", "ação"), ("aveis", "áveis"), ("iveis", "íveis"), ("avel", "ável"),
           ("ivel", "ível")),
}


def language_key(language: str | None) -> str:
    """The language an article is analysed in: its own if stemmed here, else English."""
    code = language_code(language)
    return code if code in LANGUAGES else "en"


def fold(text: str) -> str:
    """Lower-case without accents: the form names and sections are matched in."""
    return text.lower().translate(accent_map)


@lru_cache(maxsize=200_000)
def index_term(word: str, lang: str = "en") -> str | None:
    """The index term of one word in language `lang`, or None for stop words and too short words.

    The word is folded first, in every language: an accent would change what a stemmer strips
    (`Élite` must end like `elite`), and a word typed without its accents must be the same term.
    """
    folded = word.lower().translate(accent_map)
    if len(folded) < _MIN_LENGTH or len(folded) > _MAX_LENGTH or folded in _STOPS[lang]:
        return None
    if lang == "en":
        return str(_STEMMERS[lang](folded))
    stem = str(_STEMMERS[lang](_with_accented_ending(folded, lang)))
    return _PREFIX[lang] + stem.translate(accent_map)


def _with_accented_ending(folded: str, lang: str) -> str:
    for plain, accented in _ACCENTED_ENDINGS[lang]:
        if folded.endswith(plain):
            return folded[: -len(plain)] + accented
    return folded


def is_stop_word(word: str, lang: str) -> bool:
    """Whether the index leaves `word` out of text in language `lang` (a stop word, or a word
    too short or too long to index)."""
    return index_term(word, lang) is None


def may_be_rewritten(stem: str, lang: str) -> bool:
    """Whether `stem` (without its language prefix) may end differently from a word it was made
    from: Porter2 turns `happy` into `happi`, `making` into `make`, `possibility` into `possibl`;
    Spanish and Portuguese `-encia` become `-ent(e)`. Every other stem begins each of its words."""
    if lang == "en":
        return stem[-1:] in ("i", "e", "l", "y")
    return stem.endswith(("ent", "ente"))


@lru_cache(maxsize=200_000)
def _vocabulary_entry(word: str, lang: str) -> str | None:
    term = index_term(word, lang)
    if term is None:
        return None
    folded = word.lower().translate(accent_map)
    stem = strip_language(term)[1]
    if stem == folded and not may_be_rewritten(stem, lang):
        # The word is its own term, and its term begins every other word it stands for: the
        # text fields' own terms already say that it occurs.
        return None
    return _PREFIX[lang] + folded


def vocabulary_entries(text: str, lang: str) -> set[str]:
    """The words of `text` that wildcards must see unstemmed, folded, with the language prefix
    (`negotiations` -> `negotiations`, `exportación` -> `es:exportacion`).

    A wildcard finds every word beginning like it, in all its forms: `negotiat*` is `negotiation`
    or `negotiate` or ..., each stemmed (`negoti`). The index holds stems, which can be shorter
    than the typed beginning, so it also keeps these words (per article, without positions). A
    word that is its own stem and begins every word of that stem (`war`, `drought`) is left out:
    the stems beginning like the wildcard cover it (`may_be_rewritten`). About 40% of an
    article's distinct words are kept.
    """
    return vocabulary_of(set(WORD_PATTERN.findall(text)), lang)


def vocabulary_of(words: Iterable[str], lang: str) -> set[str]:
    """`vocabulary_entries` of words already split out of a text (`distinct_words`)."""
    found = (_vocabulary_entry(word, lang) for word in words)
    return {entry for entry in found if entry is not None}


def distinct_words(*texts: str | None) -> set[str]:
    """Every distinct word of `texts`, as written."""
    out: set[str] = set()
    for text in texts:
        if text:
            out.update(WORD_PATTERN.findall(text))
    return out


def query_terms(word: str) -> tuple[str, ...]:
    """Every index term a query word can match: its term in each language, without repeats."""
    out: list[str] = []
    for lang in LANGUAGES:
        term = index_term(word, lang)
        if term is not None and term not in out:
            out.append(term)
    return tuple(out)


def term_positions(text: str, lang: str) -> dict[str, list[int]]:
    """Every index term of `text` with the positions it holds, as `ArticleTextAnalyzer` numbers
    them (stop words take no position)."""
    found: dict[str, list[int]] = {}
    position = 0
    for word in WORD_PATTERN.findall(text):
        term = index_term(word, lang)
        if term is None:
            continue
        held = found.get(term)
        if held is None:
            found[term] = [position]
        else:
            held.append(position)
        position += 1
    return found


def strip_language(term: str) -> tuple[str, str]:
    """`es:negoci` -> (`es`, `negoci`); an English term -> (`en`, term)."""
    head, sep, tail = term.partition(":")
    if sep and head in _PREFIX:
        return head, tail
    return "en", term


def words(text: str) -> Iterator[re.Match[str]]:
    """The words of a text, as the index tokenises them (with their character offsets)."""
    return WORD_PATTERN.finditer(text)


class LanguageText(str):
    """Text that knows its language: Whoosh hands a field's analyzer only the value, so it says."""

    __slots__ = ("language",)
    language: str

    def __new__(cls, text: str, language: str) -> LanguageText:
        self = super().__new__(cls, text)
        self.language = language
        return self

    def __reduce__(self) -> tuple[object, ...]:
        return (LanguageText, (str(self), self.language))


# Separates the names of a list given to `NameListAnalyzer` (Whoosh would index a Python list
# as ready-made terms, skipping the analyzer).
NAME_SEPARATOR = "\n"


# Whoosh ships no type information, so its Analyzer is `Any` to mypy.
class ArticleTextAnalyzer(Analyzer):  # type: ignore[misc]
    """Analyses text into stemmed, folded terms in its language (`LanguageText`; else English).

    Written as one stage instead of Whoosh's chain of filters: with the per-word cache of
    `index_term` it is several times faster, and indexing time is mostly analysis.
    """

    def __call__(
        self,
        value: str,
        positions: bool = False,
        chars: bool = False,
        mode: str = "",
        **kwargs: object,
    ) -> Iterator[Token]:
        lang = getattr(value, "language", "en")
        token = Token(positions, chars, mode=mode)
        token.boost = 1.0
        token.stopped = False
        pos = 0
        for match in WORD_PATTERN.finditer(value):
            term = index_term(match.group(), lang)
            if term is None:
                continue
            token.text = term
            if positions:
                token.pos = pos
            if chars:
                token.startchar, token.endchar = match.span()
            pos += 1
            yield token

    def __eq__(self, other: object) -> bool:
        return type(other) is type(self)

    __hash__ = Analyzer.__hash__


class NameListAnalyzer(Analyzer):  # type: ignore[misc]  # (Whoosh is untyped, as above)
    """Analyses names (people, tags; `NAME_SEPARATOR` between them) into folded, unstemmed words.

    A gap of positions between names keeps a phrase from spanning two people.
    """

    def __call__(
        self,
        value: str,
        positions: bool = False,
        chars: bool = False,
        mode: str = "",
        **kwargs: object,
    ) -> Iterator[Token]:
        token = Token(positions, chars, mode=mode)
        token.boost = 1.0
        token.stopped = False
        pos = 0
        offset = 0
        for name in value.split(NAME_SEPARATOR):
            for match in WORD_PATTERN.finditer(fold(name)):
                token.text = match.group()
                if positions:
                    token.pos = pos
                if chars:
                    token.startchar = offset + match.start()
                    token.endchar = offset + match.end()
                pos += 1
                yield token
            pos += NAME_GAP
            offset += len(name) + 1

    def __eq__(self, other: object) -> bool:
        return type(other) is type(self)

    __hash__ = Analyzer.__hash__
