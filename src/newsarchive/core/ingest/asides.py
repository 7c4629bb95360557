"""Paragraphs in an article's run that are not its text: pull quotes that repeat a paragraph beside
them, and the author's biography closing the piece."""

from __future__ import annotations

import re

OPENING_QUOTES = "“\"«‘'„"
_WORD = re.compile(r"[^\W_]+")
_CLOSING = re.compile(r"[”\"»’'][.!?…]?$")
_PULL_QUOTE_WORDS = 30
_BIO_WORDS = 45
# `The author is …`, `El autor es …`, `A autora é …`: a biography that does not name the author.
_AUTHOR_IS = re.compile(
    r"^(?:the\s+(?:author|writer)\s+(?:is|was)|(?:el|la)\s+autor[a]?\s+es|(?:o|a)\s+autor[a]?\s+é)\b",
    re.IGNORECASE,
)
_IS_WORDS = (" is ", " was ", " es ", " fue ", " é ", " foi ", " has been ", " teaches ", " writes ")


def is_pull_quote(text: str, beside: list[str]) -> bool:
    """A quotation set apart whose every word is in a paragraph beside it: a pull quote."""
    if not text or text[0] not in OPENING_QUOTES or not _CLOSING.search(text):
        return False
    words = set(_WORD.findall(text.casefold()))
    if not words or len(words) > _PULL_QUOTE_WORDS:
        return False
    return any(words <= set(_WORD.findall(paragraph.casefold())) for paragraph in beside)


def is_author_bio(text: str, authors: list[str]) -> bool:
    """`Name is a staff writer at Outlet.`, `El autor es economista…`: who wrote the piece."""
    if text.count(" ") + 1 > _BIO_WORDS:
        return False
    if _AUTHOR_IS.match(text):
        return True
    for name in authors:
        if name and text.startswith(name) and text[len(name) : len(name) + 11].startswith(_IS_WORDS):
            return True
    return False
