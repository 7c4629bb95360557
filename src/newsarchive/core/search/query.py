"""The query language: text as the user types it, parsed into a small tree, or a `QueryError`.

    peace talks              both words (AND is implied)
    "peace talks"~3          a phrase; with ~N its words may be up to N words apart
    peace OR truce, NOT war, -war, +peace, ( )
    negotia*  negotiaton~    wildcards and fuzzy words (~2 for two typos)
    title: lede: body: caption: credit: person: tag: section: source: language: id:
    date:2022  date:2022-09  date:[2022-09-01 to 2022-09-30]  date:>2021-06-01  date:<2020

Words side by side must all match, like AND; AND (and side by side) binds tighter than OR, so
`a b OR c` is `(a b) OR c` and `a OR b c` is `a OR (b c)`. NOT, `-` and `+` apply to what follows
them: a word, a phrase, a field with its value (`-section:News`, `-date:>2022-06-01`) or a group.
A field applies to one value or to a parenthesised group. Unquoted `section:News > Russia` is one
value, and so are several words after `person:`/`section:` when they begin a name the library
knows (`person:Dmitry Peskov`). Parentheses nest at most `MAX_DEPTH` deep.

Stop words (`the`, `and`, `de`, ...) are left out of word queries later, by language
(`normalise.py`); the parser keeps every word.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, timedelta

from newsarchive.core.errors import QueryError
from newsarchive.core.index.schema import QUERY_FIELDS
from newsarchive.core.search.dates import DATE_FORMS, date_span

# Answers whether some known value of a facet field (`person`, `section`) begins with these words.
KnownValues = Callable[[str, str], bool]


@dataclass(frozen=True, slots=True)
class Word:
    text: str
    field: str | None  # None: the default text fields
    position: int


@dataclass(frozen=True, slots=True)
class Phrase:
    text: str
    field: str | None
    slop: int  # 0: the words in order and adjacent
    position: int


@dataclass(frozen=True, slots=True)
class Wildcard:
    pattern: str
    field: str | None
    position: int


@dataclass(frozen=True, slots=True)
class Fuzzy:
    text: str
    field: str | None
    distance: int
    position: int


@dataclass(frozen=True, slots=True)
class DateRange:
    start: date | None  # inclusive; None: open
    end: date | None


@dataclass(frozen=True, slots=True)
class And:
    items: tuple[Node, ...]


@dataclass(frozen=True, slots=True)
class Or:
    items: tuple[Node, ...]


@dataclass(frozen=True, slots=True)
class Not:
    item: Node


Node = Word | Phrase | Wildcard | Fuzzy | DateRange | And | Or | Not

_TOKEN = re.compile(
    r"""
    (?P<space>\s+)
  | (?P<lparen>\()
  | (?P<rparen>\))
  | (?P<range>\[[^\]]*\]?)
  | (?P<quote>"[^"]*"?(?:~[^\s()"]*)?)
  | (?P<compare>[<>]=?)
  | (?P<sign>[+-])
  | (?P<field>[A-Za-z_]+:)
  | (?P<word>[^\s()"<>\[\]]+)
    """,
    re.VERBOSE,
)
_OPERATORS = ("AND", "OR", "NOT")
_FUZZY = re.compile(r"^(?P<word>.+?)~(?P<distance>\d*)$")
_MAX_FUZZY = 2
# Parentheses nested deeper than this are refused (deeper trees would exhaust Python's stack).
MAX_DEPTH = 64
# A fuzzy word needs this many letters: `a~` would be every one- and two-letter word.
_MIN_FUZZY_LETTERS = 3
# Fields whose values are matched whole, so wildcards and typos make no sense there.
_WHOLE_VALUE_FIELDS = ("section", "language", "id")
# A wildcard written inside a phrase: `*` touching a word, `?` inside one.
_PHRASE_WILDCARD = re.compile(r"\w\*|\*\w|\w\?\w")


@dataclass(frozen=True, slots=True)
class _Token:
    kind: str
    text: str
    position: int  # 0-based character offset


def _tokens(text: str) -> list[_Token]:
    out: list[_Token] = []
    for match in _TOKEN.finditer(text):
        kind = match.lastgroup or "word"
        if kind == "space":
            continue
        value = match.group()
        if kind == "word" and value in _OPERATORS:
            kind = value.lower()
        elif kind == "sign":
            # `-war`, `-"a b"`, `-section:News`, `- war`: a sign starting a term is an operator;
            # a hyphen inside a word (`cease-fire`) is part of the word.
            kind = "plus" if value == "+" else "minus"
        out.append(_Token(kind, value, match.start()))
    return out


def _where(position: int) -> str:
    return f"at character {position + 1}"


class _Parser:
    def __init__(self, text: str, known: KnownValues | None) -> None:
        self.text = text
        self.known = known
        self.tokens = _tokens(text)
        self.index = 0
        self.depth = 0

    # -- token access --------------------------------------------------------------------

    def peek(self, offset: int = 0) -> _Token | None:
        at = self.index + offset
        return self.tokens[at] if at < len(self.tokens) else None

    def take(self) -> _Token:
        token = self.tokens[self.index]
        self.index += 1
        return token

    # -- grammar -------------------------------------------------------------------------

    def parse(self) -> Node | None:
        if not self.tokens:
            return None
        node = self.or_expr(None)
        token = self.peek()
        if token is not None:
            if token.kind == "rparen":
                raise QueryError(f'The ")" {_where(token.position)} has no "(" before it.',
                                 token.position)
            raise QueryError(f"Unexpected {token.text!r} {_where(token.position)}.", token.position)
        return node

    def or_expr(self, field: str | None) -> Node:
        items = [self.and_expr(field)]
        while (token := self.peek()) is not None and token.kind == "or":
            self.take()
            if self.peek() is None or self.peek().kind in ("rparen", "or", "and"):  # type: ignore[union-attr]
                raise QueryError(f"OR {_where(token.position)} needs a search term after it.",
                                 token.position)
            items.append(self.and_expr(field))
        return items[0] if len(items) == 1 else Or(tuple(items))

    def and_expr(self, field: str | None) -> Node:
        first = self.peek()
        if first is not None and first.kind in ("and", "or"):
            raise QueryError(f"{first.text} {_where(first.position)} needs a search term before it.",
                             first.position)
        items = [self.unary(field)]
        while (token := self.peek()) is not None and token.kind not in ("or", "rparen"):
            if token.kind == "and":
                self.take()
                after = self.peek()
                if after is None or after.kind in ("rparen", "or", "and"):
                    raise QueryError(f"AND {_where(token.position)} needs a search term after it.",
                                     token.position)
            items.append(self.unary(field))
        return items[0] if len(items) == 1 else And(tuple(items))

    def unary(self, field: str | None) -> Node:
        token = self.peek()
        if token is None:
            raise QueryError("The query ends where a search term was expected.", len(self.text))
        # A loop, not recursion: a run of a thousand NOTs is two meanings, not a thousand frames.
        negated = False
        while token is not None and token.kind in ("not", "minus", "plus"):
            self.take()
            after = self.peek()
            if token.kind == "plus":
                if after is None or after.kind in ("rparen", "or", "and"):
                    raise QueryError(f'"+" {_where(token.position)} must be followed by a search '
                                     "term.", token.position)
            else:
                if after is None or after.kind in ("rparen", "or", "and"):
                    label = "NOT" if token.kind == "not" else '"-"'
                    raise QueryError(f"{label} {_where(token.position)} must be followed by what "
                                     "to leave out.", token.position)
                negated = not negated
            token = after
        node = self.primary(field)
        return Not(node) if negated else node

    def primary(self, field: str | None) -> Node:
        token = self.take()
        if token.kind == "lparen":
            if self.peek() is not None and self.peek().kind == "rparen":  # type: ignore[union-attr]
                raise QueryError(f'Empty parentheses {_where(token.position)}.', token.position)
            if self.depth >= MAX_DEPTH:
                raise QueryError(f'The "(" {_where(token.position)} nests groups more than '
                                 f"{MAX_DEPTH} deep; write the query with fewer parentheses.",
                                 token.position)
            self.depth += 1
            node = self.or_expr(field)
            self.depth -= 1
            closing = self.peek()
            if closing is None or closing.kind != "rparen":
                raise QueryError(f'The "(" {_where(token.position)} is never closed.', token.position)
            self.take()
            return node
        if token.kind == "rparen":
            raise QueryError(f'The ")" {_where(token.position)} has no "(" before it.', token.position)
        if token.kind == "field":
            if field is not None:
                raise QueryError(f"{token.text} {_where(token.position)} is inside another field's "
                                 "group; fields do not nest.", token.position)
            return self.field_value(token)
        if token.kind == "quote":
            return self.phrase(token, field)
        if token.kind == "word":
            return self.word(token, field)
        if token.kind == "range":
            raise QueryError(f"A range {_where(token.position)} must follow date:, as in "
                             "date:[2022-09-01 to 2022-09-30].", token.position)
        if token.kind == "compare":
            raise QueryError(f"{token.text!r} {_where(token.position)} must follow date:, as in "
                             "date:>2021-06-01.", token.position)
        raise QueryError(f"Unexpected {token.text!r} {_where(token.position)}.", token.position)

    # -- values --------------------------------------------------------------------------

    def field_value(self, token: _Token) -> Node:
        name = token.text[:-1].lower()
        field = QUERY_FIELDS.get(name)
        if field is None:
            aliases = {"people", "tags", "lang", "outlet"}
            known = ", ".join(f"{f}:" for f in sorted(set(QUERY_FIELDS) - aliases))
            raise QueryError(f"Unknown field {token.text!r} {_where(token.position)}; the fields are "
                             f"{known}.", token.position)
        value = self.peek()
        if value is None or value.kind in ("rparen", "or", "and"):
            raise QueryError(f"{token.text} {_where(token.position)} has no value after it.",
                             token.position)
        if field == "date":
            return self.date_value(token)
        if value.kind == "lparen":
            return self.primary(field)
        if value.kind in ("compare", "range"):
            raise QueryError(f"Ranges and comparisons {_where(value.position)} only work on date:.",
                             value.position)
        if value.kind not in ("word", "quote"):
            raise QueryError(f"{token.text} {_where(token.position)} has no value after it.",
                             token.position)
        self.take()
        if value.kind == "quote":
            return self.phrase(value, field)
        if field in ("section", "person", "tag", "source"):
            return self.multiword_value(value, field)
        return self.word(value, field)

    def multiword_value(self, first: _Token, field: str) -> Node:
        words = [first.text]
        while True:
            token = self.peek()
            if token is None:
                break
            if field == "section" and token.kind == "compare" and token.text == ">":
                following = self.peek(1)
                if following is None or following.kind != "word":
                    raise QueryError(f'The ">" {_where(token.position)} needs a subsection after it.',
                                     token.position)
                self.index += 2
                words += [">", following.text]
                continue
            if token.kind != "word" or self.known is None:
                break
            candidate = " ".join([*words, token.text])
            if not self.known(field, candidate):
                break
            self.take()
            words.append(token.text)
        text = " ".join(words)
        if len(words) == 1 and not _is_plain(text):
            return self.word(first, field)
        return Phrase(text, field, 0, first.position) if len(words) > 1 else Word(text, field,
                                                                                   first.position)

    def phrase(self, token: _Token, field: str | None) -> Node:
        raw = token.text
        closing = raw.find('"', 1)
        if closing < 0:
            raise QueryError(f"The quote {_where(token.position)} is never closed.", token.position)
        inner = raw[1:closing].strip()
        suffix = raw[closing + 1:]
        if not inner:
            raise QueryError(f"Empty quotes {_where(token.position)}: put words between them.",
                             token.position)
        if _PHRASE_WILDCARD.search(inner):
            raise QueryError(f"The phrase {_where(token.position)} holds a wildcard: a phrase "
                             "matches its words exactly, so write the words out, or search the "
                             "wildcard outside the quotes.", token.position)
        slop = 0
        if suffix:
            digits = suffix[1:]
            if not digits.isdigit():
                raise QueryError(f'"~" after a phrase {_where(token.position)} takes a number of '
                                 'words, as in "peace talks"~5.', token.position)
            slop = int(digits)
        return Phrase(inner, field, slop, token.position)

    def word(self, token: _Token, field: str | None) -> Node:
        text = token.text
        if field in _WHOLE_VALUE_FIELDS and ("~" in text or "*" in text or "?" in text):
            raise QueryError(f"{text!r} {_where(token.position)}: {field}: matches whole values, "
                             "without wildcards or fuzzy words.", token.position)
        if "~" in text:
            match = _FUZZY.match(text)
            if match is None or (not match["distance"] and text.count("~") > 1):
                raise QueryError(f"{text!r} {_where(token.position)}: a fuzzy word is written "
                                 "word~ or word~2.", token.position)
            if match["distance"] and not match["distance"].isdigit():
                raise QueryError(f"{text!r} {_where(token.position)}: a fuzzy word is written "
                                 "word~ or word~2.", token.position)
            distance = int(match["distance"] or 1)
            if not 1 <= distance <= _MAX_FUZZY or "~" in match["word"]:
                raise QueryError(f"{text!r} {_where(token.position)}: a fuzzy word allows 1 or 2 "
                                 "typos (word~ or word~2).", token.position)
            if "*" in match["word"] or "?" in match["word"]:
                raise QueryError(f"{text!r} {_where(token.position)}: a word cannot be both fuzzy "
                                 "and a wildcard.", token.position)
            if sum(c.isalnum() for c in match["word"]) < _MIN_FUZZY_LETTERS:
                raise QueryError(f"{text!r} {_where(token.position)} matches too much: a fuzzy "
                                 f"word needs at least {_MIN_FUZZY_LETTERS} letters.",
                                 token.position)
            return Fuzzy(match["word"], field, distance, token.position)
        if "*" in text or "?" in text:
            literal = text.replace("*", "").replace("?", "")
            if len(literal) < 2:
                raise QueryError(f"{text!r} {_where(token.position)} matches too much: give at "
                                 "least two letters with a wildcard.", token.position)
            return Wildcard(text, field, token.position)
        return Word(text, field, token.position)

    def date_value(self, field_token: _Token) -> Node:
        token = self.take()
        if token.kind == "word":
            start, end = date_span(token.text, token.position)
            return DateRange(start, end)
        if token.kind == "compare":
            value = self.peek()
            if value is None or value.kind != "word":
                raise QueryError(f"{token.text!r} {_where(token.position)} needs a date after it, "
                                 "as in date:>2021-06-01.", token.position)
            self.take()
            first, last = date_span(value.text, value.position)
            if token.text == ">":
                return DateRange(last + timedelta(days=1), None)
            if token.text == ">=":
                return DateRange(first, None)
            if token.text == "<":
                return DateRange(None, first - timedelta(days=1))
            return DateRange(None, last)
        if token.kind == "range":
            return self.date_range(token)
        raise QueryError(f"date: {_where(field_token.position)} needs a date ({DATE_FORMS}), a "
                         "range like [2022-09-01 to 2022-09-30], or >DATE / <DATE.",
                         field_token.position)

    def date_range(self, token: _Token) -> Node:
        raw = token.text
        if not raw.endswith("]"):
            raise QueryError(f"The range {_where(token.position)} is never closed with ']'.",
                             token.position)
        parts = re.split(r"\s+to\s+", raw[1:-1].strip(), flags=re.IGNORECASE)
        if len(parts) != 2 or not all(p.strip() for p in parts):
            raise QueryError(f"The range {_where(token.position)} needs two dates: "
                             "date:[2022-09-01 to 2022-09-30] (use * for an open end).",
                             token.position)
        low, high = (p.strip() for p in parts)
        start = None if low == "*" else date_span(low, token.position)[0]
        end = None if high == "*" else date_span(high, token.position)[1]
        if start and end and start > end:
            raise QueryError(f"The range {_where(token.position)} starts after it ends.",
                             token.position)
        return DateRange(start, end)


def _is_plain(text: str) -> bool:
    return not any(c in text for c in "*?~")


def parse_query(text: str, known: KnownValues | None = None) -> Node | None:
    """The tree of a query; None for an empty query (it matches everything)."""
    return _Parser(text, known).parse()


def typed_words(node: Node | None) -> tuple[str, ...]:
    """The words of a query as typed, without those it excludes, in order and without repeats; a
    phrase (without `~N`) stays one entry (`grain exports`), as it is marked as one hit."""
    out: list[str] = []

    def add(text: str) -> None:
        if text not in out:
            out.append(text)

    def walk(item: Node | None) -> None:
        if isinstance(item, Word | Wildcard | Fuzzy):
            if item.field not in ("id", "language", "section"):
                add(item.pattern if isinstance(item, Wildcard) else item.text)
        elif isinstance(item, Phrase):
            if item.field not in ("id", "language", "section"):
                if item.slop:
                    for part in item.text.split():
                        add(part)
                else:
                    add(" ".join(item.text.split()))
        elif isinstance(item, And | Or):
            for child in item.items:
                walk(child)

    walk(node)
    return tuple(out)
