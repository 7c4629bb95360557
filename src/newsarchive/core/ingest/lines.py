"""A page dump as lines, with the cheap facts about each line that every parsing rule asks for."""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

# Rules only ever look at this much of one line: it bounds every regex on hostile input.
SCAN_LIMIT = 400

NUMBER = "#"
_PUNCTUATION_STARTS = frozenset("(*—–-@/+©")
_INVISIBLE = "\u200b\u200c\u200d\u2060\ufeff"
_SENTENCE_END = re.compile(r"[.!?…:;][\"'”’»)\]]*$")
_WORD = re.compile(r"[^\W\d_][\w'’\-]*")
_QUOTES = str.maketrans(dict.fromkeys("\"'“”‘’«»„`´"))

# Words written in lower case inside a Title Case headline (English, Spanish, Portuguese).
MINOR_WORDS = frozenset(
    "a an the and or nor but of in on at to for with by from as vs via into onto over per up off "
    "out than upon amid near de del la las el los y e o da do dos das em no na nos nas um uma "
    "en con por para al se".split()
)


@dataclass(slots=True)
class Line:
    """One non-blank line: text without its indentation and bullet, and where it stands."""

    index: int
    text: str
    bullet: bool
    blank_before: int
    words: int

    @property
    def head(self) -> str:
        """The part of the text rules may scan."""
        return self.text[:SCAN_LIMIT]


def split_lines(text: str) -> list[Line]:
    """Non-blank lines of `text`, each knowing how many blank lines came right before it."""
    result: list[Line] = []
    blanks = 0
    for raw in text.split("\n"):
        stripped = raw.strip()
        if stripped and (stripped[0] in _INVISIBLE or stripped[-1] in _INVISIBLE):
            stripped = stripped.strip(_INVISIBLE).strip()
        if not stripped:
            blanks += 1
            continue
        bullet = False
        if stripped[0] in "•·▪●◦‣∙" and len(stripped) > 1:
            bullet = True
            stripped = stripped[1:].lstrip()
            if not stripped:
                blanks += 1
                continue
        if result and len(result[-1].text) == 1 and not blanks and stripped[0].islower() and (
            _is_drop_capital(result[-1].text)
        ):
            # A drop capital saved on a line of its own: `T` / `he first time…`.
            joined = result[-1].text + (" " if raw[:1] in " \t" else "") + stripped
            result[-1].text, result[-1].words = joined, joined.count(" ") + 1
            continue
        result.append(
            Line(
                index=len(result),
                text=stripped,
                bullet=bullet,
                blank_before=blanks,
                words=stripped.count(" ") + 1,
            )
        )
        blanks = 0
    return result


def _is_drop_capital(text: str) -> bool:
    return len(text) == 1 and text.isupper()


def first_word(text: str) -> str:
    """The first word, lower-cased and cut at a colon; `#` for a number, the character itself
    for a line opening on punctuation. Most line patterns can be told apart by it, so it gates
    them before any regex runs."""
    if text[0] in _PUNCTUATION_STARTS:
        return text[0]
    word = text[:24].split(" ", 1)[0].split(":", 1)[0].lower()
    return NUMBER if word.isdigit() else word


def ends_sentence(text: str) -> bool:
    """Ends like prose does: a full stop, question or exclamation mark, colon, maybe a quote after."""
    return bool(_SENTENCE_END.search(text[-8:]))


def words_of(text: str) -> list[str]:
    return _WORD.findall(text[:SCAN_LIMIT])


def is_title_case(text: str) -> bool:
    """Every significant word capitalised, as teleSUR writes headlines (`Russia Sees No Prospect`)."""
    significant = [w for w in words_of(text) if w.lower() not in MINOR_WORDS]
    if len(significant) < 2:
        return False
    return all(w[0].isupper() for w in significant)


def looks_like_name(text: str) -> bool:
    """Two or three capitalised words and nothing else: a person's name, an image label, a tag."""
    if len(text) > 50 or any(ch.isdigit() or ch in ",:;!?()|/" for ch in text):
        return False
    words = text.split()
    if not 2 <= len(words) <= 5:
        return False
    capitalised = [w for w in words if w[0].isupper()]
    particles = [
        w
        for w in words
        if w.lower()
        in ("da", "de", "del", "di", "do", "dos", "la", "van", "von", "bin", "al", "el")
    ]
    return len(capitalised) + len(particles) == len(words) and 2 <= len(capitalised) <= 3


def comparable(text: str) -> str:
    """A key under which two printings of one headline compare equal (quotes, case, spacing)."""
    folded = unicodedata.normalize("NFKC", text[:SCAN_LIMIT]).translate(_QUOTES).casefold()
    return " ".join(folded.split()).rstrip(".")
