"""What an article's own text says about a tag's kind: the cues around each mention of the tag
(titles, verbs of saying, prepositions and nouns of place, nouns for organisations), counted."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass
from functools import lru_cache

from newsarchive.core.ingest import tag_cues
from newsarchive.core.ingest.tag_text import tag_key

# Case is kept (a surname alone must be capitalised); accents, typographic quotes and spacing
# are not, so the text lines up character for character with the tags' keys.
_PLAIN_PUNCTUATION = {
    "\u2019": "'", "\u2018": "'", "\u02bc": "'", "\u2010": "-", "\u2011": "-", "\u2013": "-",
    "\u2014": "-", "\u00df": "s",
}
_MARKS = re.compile("[\u0300-\u036f\u1ab0-\u1aff\u1dc0-\u1dff\u20d0-\u20ff\ufe20-\ufe2f]+")
# Only the (few) non-ASCII runs of a text are folded: NFKD over a whole text costs ~0.2 ms.
_NON_ASCII = re.compile(r"[^\x00-\x7f]+")


@lru_cache(maxsize=4096)
def _plain_run(run: str) -> str:
    run = "".join(_PLAIN_PUNCTUATION.get(c, c) for c in run)
    return _MARKS.sub("", unicodedata.normalize("NFKD", run))


def _plain_letters(match: re.Match[str]) -> str:
    return _plain_run(match.group())


_TOKEN = re.compile(r"[^\W_]+(?:['-][^\W_]+)*|'s\b|[,.;:!?()\"]")
_PUNCTUATION = frozenset(",.;:!?()\"")
_SENTENCE_END = frozenset(".!?\"")
# How far around a mention cues are looked for, in characters.
_LEFT = 70
_RIGHT = 100
# An apposition ("X, a farmer from Konongo,") is read up to this many words.
_APPOSITION_WORDS = 8
# How far back from a noun before a comma its determiner may be ("the board's chief executive,").
_DETERMINER_REACH = 3
# Each mention by surname alone counts, up to this many.
_SURNAME_MENTIONS = 2
_NEIGHBOUR_WORDS = 4
# Shorter words of a tag may be particles or names' parts ("de", "Nu", "Ka").
_COMMON_WORD_LENGTH = 4

# Points per cue. A noun saying what the name is, right before it ("the village of Hawzen",
# "President Lai", "la ONG Amal Atlas"), counts most; the same noun in an apposition less; a
# preposition, a verb of saying or a neighbour of known kind least.
CATEGORY = 3.0
APPOSITION = 2.0
CUE = 1.0
WEAK_CUE = 0.5

# Tells what a neighbouring name is ("Kisumu" -> "place"), or None.
NeighbourKind = Callable[[str], "str | None"]


@dataclass(frozen=True, slots=True)
class Evidence:
    """Points for each kind from the cues around a tag's mentions; how often the tag is written
    in lower case in running text (`common`) and capitalised inside a sentence (`proper`)."""

    person: float = 0.0
    place: float = 0.0
    organisation: float = 0.0
    mentions: int = 0
    common: int = 0
    proper: int = 0

    def points(self, kind: str) -> float:
        if kind == "person":
            return self.person
        if kind == "place":
            return self.place
        return self.organisation if kind == "organisation" else 0.0


NO_EVIDENCE = Evidence()


class _Tally:
    __slots__ = ("common", "organisation", "person", "place", "proper")

    def __init__(self) -> None:
        self.person = self.place = self.organisation = 0.0
        self.common = self.proper = 0


class ArticleText:
    """An article's text made ready once for looking up any number of tags in it."""

    __slots__ = ("_folded", "_plain")

    def __init__(self, text: str) -> None:
        plain = " ".join(text.split())
        if not plain.isascii():
            plain = _NON_ASCII.sub(_plain_letters, plain)
        folded = plain.lower()
        if len(folded) != len(plain):  # a few letters lower-case to two characters ("İ")
            folded = "".join(c.lower()[:1] or c for c in plain)
        self._plain = plain
        self._folded = folded

    def evidence(
        self,
        tag: str,
        surnames: tuple[tuple[str, bool], ...] = (),
        neighbour_kind: NeighbourKind | None = None,
    ) -> Evidence:
        """The cues around each mention of `tag` (compared as keys), and around each later
        mention of one of `surnames` (keys of the tag's words) standing alone; such a mention
        counts by itself too when its flag is set."""
        key = tag_key(tag)
        if not key:
            return NO_EVIDENCE
        tally = _Tally()
        spans = self._mentions(key)
        for start, end in spans:
            # "mobile money transfers": a mention in lower case is the common words, whose
            # surroundings say nothing about a name.
            if self._count_case(start, tally):
                self._read(start, end, tally, neighbour_kind, whole=True)
        if not spans and " " in key:
            tally.common += self._common_words(key)
        if spans and surnames:
            for surname, counts in surnames:
                alone = 0
                for start, end in self._mentions(surname, after=spans[0][1]):
                    if alone == _SURNAME_MENTIONS:
                        break
                    if any(s <= start < e for s, e in spans) or not self._stands_alone(start, end):
                        continue
                    alone += 1
                    if counts:
                        tally.person += CUE
                    self._read(start, end, tally, None, whole=False)
        return Evidence(
            tally.person, tally.place, tally.organisation, len(spans), tally.common, tally.proper
        )

    def _mentions(self, key: str, after: int = 0) -> list[tuple[int, int]]:
        folded = self._folded
        found: list[tuple[int, int]] = []
        at = folded.find(key, after)
        while at != -1:
            end = at + len(key)
            if (at == 0 or not folded[at - 1].isalnum()) and (
                end == len(folded) or not folded[end].isalnum()
            ):
                found.append((at, end))
            at = folded.find(key, end)
        return found

    def _count_case(self, start: int, tally: _Tally) -> bool:
        """Count a mention as written in lower case or capitalised inside a sentence; False if
        it is in lower case."""
        if self._plain[start].islower():
            tally.common += 1
            return False
        before = self._plain[max(0, start - 3) : start].rstrip(" \"'(")
        if before and before[-1] not in _SENTENCE_END:
            tally.proper += 1
        return True

    def _common_words(self, key: str) -> int:
        """How many of a tag's longer words the text writes in lower case ("Bread Subsidy" and
        "subsidised bread"): words, not a name."""
        found = 0
        for word in key.split():
            if len(word) < _COMMON_WORD_LENGTH:
                continue
            for start, _ in self._mentions(word):
                if self._plain[start].islower():
                    found += 1
                    break
        return found

    def _stands_alone(self, start: int, end: int) -> bool:
        """A surname on its own: capitalised, not within a run of capitalised words (titles
        aside), so "Atlas" in "Alto Atlas" or "Diop" in "Aminata Diop" does not count."""
        plain = self._plain
        if not plain[start].isupper():
            return False
        before = _TOKEN.findall(plain[max(0, start - 25) : start])
        after = _TOKEN.findall(plain[end : end + 25])
        if before and before[-1][:1].isupper():
            word = tag_key(before[-1])
            opens_sentence = len(before) == 1 or before[-2] in _SENTENCE_END
            if not (opens_sentence or word in tag_cues.PERSON_NOUNS or word in tag_cues.ACCORDING):
                return False
        return not (after and after[0][:1].isupper())

    def _read(
        self, start: int, end: int, tally: _Tally, neighbour_kind: NeighbourKind | None,
        *, whole: bool,
    ) -> None:
        plain = self._plain
        left = _TOKEN.findall(plain[max(0, start - _LEFT) : start])
        right = _TOKEN.findall(plain[end : end + _RIGHT])
        folded_left = [t.lower() for t in left]
        _left_cues(folded_left, tally)
        located = bool(folded_left) and folded_left[-1] in tag_cues.PLACE_PREPOSITIONS
        _right_cues([t.lower() for t in right], tally, whole=whole, located=located)
        if neighbour_kind is not None:
            _neighbour_cues(left, right, tally, neighbour_kind)


def _noun_kind(word: str) -> str | None:
    """The kind a noun names ("farmer" -> person, "village" -> place), plural or not."""
    for form in (word, word[:-1] if word.endswith("s") else "", word[:-2] if word.endswith("es") else ""):
        if not form:
            continue
        if form in tag_cues.PERSON_NOUNS:
            return "person"
        if form in tag_cues.PLACE_NOUNS:
            return "place"
        if form in tag_cues.ORGANISATION_NOUNS:
            return "organisation"
    return None


def _add(tally: _Tally, kind: str | None, points: float) -> None:
    if kind == "person":
        tally.person += points
    elif kind == "place":
        tally.place += points
    elif kind == "organisation":
        tally.organisation += points


def _left_cues(left: list[str], tally: _Tally) -> None:
    if not left:
        return
    if left[-1] == ",":
        # "the capital, Monrovia", "His manager, Fatmata Bangura": a noun with its determiner
        # before the comma. ("In Bayankhongor province, Batbayar ..." has none.)
        words = left[:-1]
        if words and _has_determiner(words):
            _add(tally, _noun_kind(words[-1]), APPOSITION)
        return
    article = left[-1] in tag_cues.ARTICLES
    words = left[:-1] if article else left
    last = words[-1] if words else ""
    before = words[-2] if len(words) > 1 else ""
    kind = _noun_kind(last) if last else None
    if kind == "place" and last not in tag_cues.PLACE_NOUNS_BEFORE_NAMES:
        kind = None  # "ministro de Estado Adão de Almeida": "the state of X", not "state X"
    if kind is not None and not (article and kind == "person"):
        _add(tally, kind, CATEGORY)
    elif last in tag_cues.PLACE_PREPOSITIONS or last in tag_cues.PLACE_ADJECTIVES:
        tally.place += CUE
    elif not article and (
        (last in tag_cues.ATTRIBUTION_BEFORE and (before in _PUNCTUATION or before in ("", "'")))
        or last in tag_cues.ACCORDING
        or (last == "to" and before == "according")
    ):
        # "..., said Mamadou Ndiaye", "según Traoré" (not "said M-Pesa now carries ...")
        tally.person += CUE
    elif last in tag_cues.WEAK_PLACE_PREPOSITIONS:
        of_kind = _noun_kind(before) if before else None
        if of_kind == "place" or before in tag_cues.PLACE_OF:
            tally.place += CATEGORY
        elif of_kind == "organisation":
            tally.organisation += CUE
        elif before in ("cerca", "perto", "near"):
            tally.place += CUE
        elif of_kind == "person":
            # "the governor of Oyo", "portavoz de la UNRWA": a place or an organisation.
            tally.place += WEAK_CUE
            tally.organisation += WEAK_CUE
        else:
            tally.place += WEAK_CUE
    elif article:
        # "the Tigris", "el Chapare", "o Ibama": not a person, most likely.
        tally.place += WEAK_CUE
        tally.organisation += WEAK_CUE


def _has_determiner(words: list[str]) -> bool:
    for word in reversed(words[-1 - _DETERMINER_REACH : -1]):
        if word in _PUNCTUATION:
            return False
        if word in tag_cues.DETERMINERS or word.endswith("'s"):
            return True
    return False


def _right_cues(right: list[str], tally: _Tally, *, whole: bool, located: bool) -> None:
    if not right:
        return
    first = right[0]
    if first == "'s":
        if len(right) > 1 and right[1] in tag_cues.ORGANISATION_AFTER:
            tally.organisation += CUE
        return
    if first in tag_cues.REPORTING_VERBS:
        tally.person += CUE
        return
    if whole and _noun_kind(first) == "place":
        tally.place += CATEGORY  # "Dadu district", "Zaatari camp"
        return
    if first == "(" and len(right) > 1 and right[1].isdigit():
        tally.person += APPOSITION  # "Kwame Asante (45)"
        return
    if first != "," or len(right) < 2 or located:
        # After "In Mayagüez," comes the sentence, not an apposition about Mayagüez.
        return
    # An apposition or a clause: "X, who ...", "X, 45, ...", "X, a farmer, said", "X, the capital".
    head = right[1]
    # "X, who ...", "X, 45, ...", "X, de 30 años, ..."
    if head in tag_cues.PERSON_CLAUSE or head.isdigit() or (
        head == "de" and len(right) > 2 and right[2].isdigit()
    ):
        tally.person += APPOSITION
        return
    if head not in tag_cues.DETERMINERS:
        return
    words: list[str] = []
    for word in right[2 : 2 + _APPOSITION_WORDS]:
        if word in _PUNCTUATION:
            break
        words.append(word)
    _add(tally, _phrase_kind(words), APPOSITION)
    rest = right[2 + len(words) :]
    # "Kwame Asante, a cocoa farmer, said": the verb after the apposition.
    if len(rest) > 1 and rest[0] == "," and rest[1] in tag_cues.REPORTING_VERBS:
        tally.person += CUE


def _phrase_kind(words: list[str]) -> str | None:
    """What a noun phrase names, read up to its first preposition: a person if any noun is one
    ("a union leader", "el portavoz del partido"), else its last noun ("a mining town")."""
    kinds: list[str] = []
    start = 0
    # "una de las líderes", "one of the leaders": the noun comes after "of the".
    while start < len(words) and (
        words[start] in tag_cues.PHRASE_PREPOSITIONS or words[start] in tag_cues.DETERMINERS
    ):
        start += 1
    for word in words[start:]:
        if word in tag_cues.PHRASE_PREPOSITIONS:
            break
        kind = _noun_kind(word)
        if kind is not None:
            kinds.append(kind)
    if "person" in kinds:
        return "person"
    return kinds[-1] if kinds else None


def _neighbour_cues(
    left: list[str], right: list[str], tally: _Tally, neighbour_kind: NeighbourKind
) -> None:
    """A name joined to this one by "and"/"y"/"e" is likely of the same kind ("Kisumu and
    Nakuru", "entre Oruro y Potosí")."""
    for neighbour in (_name_before(left), _name_after(right)):
        if neighbour:
            _add(tally, neighbour_kind(neighbour), CUE)


def _name_before(left: list[str]) -> str:
    if len(left) < 2 or left[-1].lower() not in tag_cues.AND_WORDS:
        return ""
    words: list[str] = []
    for word in reversed(left[:-1]):
        if word[:1].isupper() or (words and word in tag_cues.NAME_PARTICLES):
            words.append(word)
            if len(words) == _NEIGHBOUR_WORDS:
                break
        else:
            break
    while words and not words[-1][:1].isupper():
        words.pop()
    return " ".join(reversed(words))


def _name_after(right: list[str]) -> str:
    if len(right) < 2 or right[0].lower() not in tag_cues.AND_WORDS:
        return ""
    words: list[str] = []
    for word in right[1 : 1 + _NEIGHBOUR_WORDS]:
        if word[:1].isupper() or (words and word in tag_cues.NAME_PARTICLES):
            words.append(word)
        else:
            break
    while words and not words[-1][:1].isupper():
        words.pop()
    return " ".join(words)
