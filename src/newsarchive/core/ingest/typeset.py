"""How wide a line of typeset text is: a sans-serif face's character widths, in thousandths of an
em. A printout breaks its lines where the next word would not fit the column's width, which
counting characters tells only to a fifth or so (`illicit` and `WWW` differ threefold); these
widths tell it to a few percent, whatever the face, since faces share their proportions."""

from __future__ import annotations

import unicodedata

# Helvetica's widths (Adobe's published metrics of the core fonts), the common sans-serif shape.
_WIDTHS = {
    **dict.fromkeys("ijl", 222),
    **dict.fromkeys("ft", 278),
    "r": 333,
    **dict.fromkeys("ckvxyzs", 500),
    **dict.fromkeys("abdeghnopqu", 556),
    "w": 722,
    "m": 833,
    **dict.fromkeys("I", 278),
    "J": 500,
    "L": 556,
    **dict.fromkeys("FTZ", 611),
    **dict.fromkeys("ABEKPSVXY", 667),
    **dict.fromkeys("CDHNRU", 722),
    **dict.fromkeys("GOQ", 778),
    "M": 833,
    "W": 944,
    **dict.fromkeys("0123456789$", 556),
    **dict.fromkeys(" .,:;!/", 278),
    **dict.fromkeys("'`", 191),
    **dict.fromkeys("’‘", 222),
    **dict.fromkeys("\"“”", 333),
    **dict.fromkeys("()[]-", 333),
    "—": 1000,
    "–": 556,
    "%": 889,
    "&": 667,
    "@": 1015,
    "?": 556,
}
_LOWER = 556
_UPPER = 667
_OTHER = 556


def width(text: str) -> int:
    """The width of `text` in thousandths of an em."""
    total = 0
    for ch in text:
        known = _WIDTHS.get(ch)
        if known is None:
            known = _WIDTHS.get(_base(ch), _UPPER if ch.isupper() else _LOWER if ch.islower() else _OTHER)
        total += known
    return total


def _base(ch: str) -> str:
    """`á` -> `a`: an accented letter is as wide as its letter."""
    decomposed = unicodedata.normalize("NFD", ch)
    return decomposed[0] if decomposed else ch
