"""The query language: text as the user types it, parsed into a small tree, or a `QueryError`.

    peace talks              both words (AND is implied)
    "peace talks"~3          a phrase; with ~N its words may be up to N words apart
    peace OR truce, NOT war, -war, +peace, ( )
    negotia*  negotiaton~    wildcards and fuzzy words (~2 for two typos)
    title: lede: body: caption: credit: person: tag: section: source: language: id:
    date:2022  date:2022-09  date:[2022-09-01 to 2022-09-30]  date:>2021-06-01  date:<2020

AND binds tighter than OR. A field applies to one value or to a parenthesised group. Unquoted
`section:News > Russia` is one value, and so are several words after `person:`/`section:` when
they begin a name the library knows (`person:Dmitry Peskov`).
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
  | (?P<quote>"[^"]*"?(?:~\S*)?)
  | (?P<compare>[<>]=?)
  | (?P<field>[A-Za-z_]+:)
  | (?P<word>[^\s()"<>\[\]]+)
    """,
    re.VERBOSE,
)
_OPERATORS = ("AND", "OR", "NOT")
_FUZZY = re.compile(r"^(?P<word>.+?)~(?P<distance>\d*)$")
_MAX_FUZZY = 2


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
        elif kind == "word" and value[0] in "+-" and len(value) == 1:
            kind = "plus" if value == "+" else "minus"
        out.append(_Token(kind, value, match.start()))
    return out


def _where(position: int) -> str:
    return f"at character {position + 1}"


class _Parser:
    def __init__(self, text: str, known: KnownValues | None) -> None:
        self.text = text
        self.known = known
        self.tokens = _split_signs(_tokens(text))
        self.index = 0

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
        if token.kind in ("not", "minus"):
            self.take()
            if self.peek() is None or self.peek().kind in ("rparen", "or", "and"):  # type: ignore[union-attr]
                label = "NOT" if token.kind == "not" else '"-"'
                raise QueryError(f"{label} {_where(token.position)} must be followed by what to "
                                 "leave out.", token.position)
            return Not(self.unary(field))
        if token.kind == "plus":
            self.take()
            if self.peek() is None:
                raise QueryError(f'"+" {_where(token.position)} must be followed by a search term.',
                                 token.position)
            return self.unary(field)
        return self.primary(field)

    def primary(self, field: str | None) -> Node:
        token = self.take()
        if token.kind == "lparen":
            if self.peek() is not None and self.peek().kind == "rparen":  # type: ignore[union-attr]
                raise QueryError(f'Empty parentheses {_where(token.position)}.', token.position)
            node = self.or_expr(field)
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
            known = ", ".join(f"{f}:" for f in sorted(set(QUERY_FIELDS) - {"people", "tags", "lang", "outlet"}))
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


def _split_signs(tokens: list[_Token]) -> list[_Token]:
    # `-war`, `+peace`, `-"a b"`, `-title:x`: a sign glued to what follows is an operator, but a
    # hyphen inside a word (`cease-fire`) is not.
    out: list[_Token] = []
    for token in tokens:
        if token.kind == "word" and token.text[0] in "+-" and len(token.text) > 1:
            sign = "plus" if token.text[0] == "+" else "minus"
            out.append(_Token(sign, token.text[0], token.position))
            out.append(_Token("word", token.text[1:], token.position + 1))
        else:
            out.append(token)
    # A sign directly before a quote, field or parenthesis is tokenised alone already.
    return out


def parse_query(text: str, known: KnownValues | None = None) -> Node | None:
    """The tree of a query; None for an empty query (it matches everything)."""
    return _Parser(text, known).parse()


def typed_words(node: Node | None) -> tuple[str, ...]:
    """The words of a query as typed, without those it excludes, in order and without repeats."""
    out: list[str] = []

    def walk(item: Node | None) -> None:
        if isinstance(item, Word | Wildcard | Fuzzy):
            text = item.pattern if isinstance(item, Wildcard) else item.text
            if item.field not in ("id", "language", "section") and text not in out:
                out.append(text)
        elif isinstance(item, Phrase):
            if item.field not in ("id", "language", "section"):
                for part in item.text.split():
                    if part not in out:
                        out.append(part)
        elif isinstance(item, And | Or):
            for child in item.items:
                walk(child)

    walk(node)
    return tuple(out)
