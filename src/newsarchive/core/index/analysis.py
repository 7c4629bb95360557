"""How article text becomes index terms: words, case and accent folding, stemming per language.

One word pipeline serves the index, the query and the snippets, so a word typed in a query, a word
in an article and a word marked in a snippet always agree: lower-case, drop stop words, fold accents
and stem with the article's language (`Nicolás` -> `nicola`, like `Nicolas`).

English terms are stored as they come; terms of other stemmed languages carry a prefix (`es:negoci`)
so a Spanish stem never collides with an English one. A query word is looked up in every language.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import lru_cache

from whoosh.analysis import STOP_WORDS, Analyzer
from whoosh.analysis.acore import Token
from whoosh.lang import stemmer_for_language, stopwords_for_language
from whoosh.support.charset import accent_map

# Whoosh's RegexTokenizer default: words, with inner dots kept (`U.S.`, `3.5`).
WORD_PATTERN = re.compile(r"\w+(?:\.?\w+)*")

# Languages stemmed with their own rules; every other language is analysed as English.
LANGUAGES = ("en", "es", "pt")
_PREFIX = {"en": "", "es": "es:", "pt": "pt:"}
_MIN_LENGTH = 2
_MAX_LENGTH = 40
# Positions left between two names of a list, so a phrase never spans two people.
NAME_GAP = 100

_STOPS = {
    "en": frozenset(STOP_WORDS),
    "es": frozenset(stopwords_for_language("es")),
    "pt": frozenset(stopwords_for_language("pt")),
}
_STEMMERS = {lang: stemmer_for_language(lang) for lang in LANGUAGES}


_LANGUAGE_NAMES = {"english": "en", "spanish": "es", "espanol": "es", "español": "es",
                   "castellano": "es", "portuguese": "pt", "portugues": "pt", "português": "pt"}


def language_code(language: str | None) -> str:
    """A record's `language` as a lower-case code: `es-ES`, `Spanish` -> `es`; empty -> `en`."""
    code = (language or "").strip().lower().replace("_", "-").split("-")[0]
    return _LANGUAGE_NAMES.get(code, code) or "en"


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

    English words are folded before stemming (an accent would change what the stemmer strips:
    `Élite` must end like `elite`); Spanish and Portuguese after, as their stemmers know accents.
    """
    lower = word.lower()
    if len(lower) < _MIN_LENGTH or len(lower) > _MAX_LENGTH or lower in _STOPS[lang]:
        return None
    if lang == "en":
        return _STEMMERS[lang](lower.translate(accent_map))
    return _PREFIX[lang] + _STEMMERS[lang](lower).translate(accent_map)


def query_terms(word: str) -> tuple[str, ...]:
    """Every index term a query word can match: its term in each language, without repeats."""
    out: list[str] = []
    for lang in LANGUAGES:
        term = index_term(word, lang)
        if term is not None and term not in out:
            out.append(term)
    return tuple(out)


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

    def __new__(cls, text: str, language: str) -> LanguageText:
        self = super().__new__(cls, text)
        self.language = language
        return self

    def __reduce__(self) -> tuple[object, ...]:
        return (LanguageText, (str(self), self.language))


# Separates the names of a list given to `NameListAnalyzer` (Whoosh would index a Python list
# as ready-made terms, skipping the analyzer).
NAME_SEPARATOR = "\n"


class ArticleTextAnalyzer(Analyzer):
    """Analyses text into stemmed, folded terms in its language (`LanguageText`; else English).

    Written as one stage instead of Whoosh's chain of filters: with the per-word cache of
    `index_term` it is several times faster, and indexing time is mostly analysis.
    """

    def __call__(  # type: ignore[override]
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


class NameListAnalyzer(Analyzer):
    """Analyses names (people, tags; `NAME_SEPARATOR` between them) into folded, unstemmed words.

    A gap of positions between names keeps a phrase from spanning two people.
    """

    def __call__(  # type: ignore[override]
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
