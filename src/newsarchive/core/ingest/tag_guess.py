"""What the built-in knowledge alone says of a tag: its kind and how far to trust it (known
names of places, persons and organisations; words for them and for topics; how names look)."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from newsarchive.core.ingest import tag_words
from newsarchive.core.ingest.tag_knowledge import KeySet, tag_knowledge
from newsarchive.core.ingest.tag_text import tag_key

_INITIALS = re.compile(r"(?:[A-Z]\.){1,3}|[A-Z]")
_ACRONYM = re.compile(r"[A-Z][A-Z0-9&-]{1,5}")
_NAME_PUNCTUATION = "'’-."
_MAX_NAME_WORDS = 5

# How far an answer is trusted: a `SURE` one stands whatever an article's text says; the text
# may overturn a `LIKELY` one with strong cues and a `WEAK` one with clear cues; a `GUESS` is sure
# only when the text bears it out; `UNKNOWN` means the knowledge has nothing.
SURE, LIKELY, WEAK, GUESS, UNKNOWN = "sure", "likely", "weak", "guess", "unknown"


@dataclass(frozen=True, slots=True)
class Guess:
    """A kind from the knowledge, its `level` of trust and the reason (a few words)."""

    kind: str
    level: str
    reason: str


@lru_cache(maxsize=65536)
def guess(tag: str) -> Guess:
    """What the built-in knowledge says of a tag, and how far to trust it."""
    key = tag_key(tag)
    if not key:
        return Guess("topic", SURE, "an empty tag")
    bare = tag.strip()
    if _starts_with_known_organisation(key):
        return Guess("organisation", SURE, "a known organisation")
    if _is_known_acronym(bare):
        return Guess("organisation", SURE, "an organisation's acronym")
    knowledge = tag_knowledge()
    dotless = key.replace(".", "")
    if key in knowledge.places or dotless in knowledge.places:
        return Guess("place", SURE, "a known place")
    word_keys = [w.strip(_NAME_PUNCTUATION + ",()\"") for w in key.split()]
    by_words = _kind_by_words(word_keys)
    if by_words is not None:
        return by_words
    if _ACRONYM.fullmatch(bare) and any(c.isalpha() for c in bare) and not (
        key in knowledge.given_names or key in knowledge.towns or key in knowledge.other_places
    ):
        return Guess("organisation", LIKELY, "written as an acronym")
    if _is_brand(bare):
        return Guess("organisation", LIKELY, "written as a brand")
    person = _person_reason(uncomma(bare))
    if person == "a personal title":
        return Guess("person", SURE, person)
    if person:
        return Guess("person", LIKELY, person)
    if key in knowledge.towns or dotless in knowledge.towns:
        return Guess("place", LIKELY, "a town's name")
    if key in knowledge.other_places or dotless in knowledge.other_places:
        return Guess("place", WEAK, "another name of a city")
    if _has_known_surname(uncomma(bare)):
        return Guess("person", GUESS, "a known surname")
    return Guess("topic", UNKNOWN, "no known name")


def _kind_by_words(word_keys: list[str]) -> Guess | None:
    """The kind a tag's words give it ("Supreme Court", "Litani River", "Human Rights", "West
    Kowloon"); where they disagree, its head word's ("Gang Violence", "Ministry of Health")."""
    classes: list[str | None] = [_word_class(w) for w in word_keys]
    found = {c for c in classes if c is not None}
    if len(word_keys) > 1 and word_keys[0] in tag_words.COMPASS_WORDS and not found - {"place"}:
        return Guess("place", SURE, "a word for a place")
    if not found:
        return None
    if len(found) == 1:
        kind = found.pop()
    else:
        connected = any(w in tag_words.CONNECTORS for w in word_keys[1:-1])
        head = classes[0] if connected else classes[-1]
        kind = head or next(k for k in ("organisation", "topic", "place") if k in found)
    if kind == "place" and len(word_keys) == 1:
        return None  # "Falls", "Delta": the word alone is no place's name
    return Guess(kind, SURE, f"a word for {'an' if kind == 'organisation' else 'a'} {kind}")


def _word_class(word: str) -> str | None:
    if word in tag_words.ORGANISATION_WORDS:
        return "organisation"
    if word in tag_words.TOPIC_WORDS:
        return "topic"
    if word in tag_words.PLACE_WORDS:
        return "place"
    return None


def _starts_with_known_organisation(key: str) -> bool:
    """`"Red Cross"`, `"Media Luna Roja Palestina"`: a known organisation, or one of its branches."""
    if key in tag_words.KNOWN_ORGANISATIONS:
        return True
    words = key.split()
    return any(" ".join(words[:n]) in tag_words.KNOWN_ORGANISATIONS for n in range(2, len(words)))


def _is_brand(tag: str) -> bool:
    """`"PeruRail"`, `"TotalEnergies"`: one word with a capital inside, as companies write their
    names (not a surname's "McDonald", "DeSantis" or "O'Neill")."""
    if " " in tag or not tag[:1].isupper() or not tag.isalpha() or tag.isupper():
        return False
    inner = [i for i, c in enumerate(tag) if c.isupper() and i > 0]
    return bool(inner) and not tag.lower().startswith(tag_words.SURNAME_PREFIXES)


def _has_known_surname(tag: str) -> bool:
    """Two to four capitalised words ending with a known family name ("Dickon Mitchell")."""
    shape = _name_keys(tag)
    if shape is None or shape[0] is not None or not 2 <= len(shape[1]) <= 4:
        return False
    # Short words before it are more often words than unknown given names ("Me Too").
    if any(len(name) < 3 and not name.endswith(".") for name in shape[1][:-1]):
        return False
    return shape[1][-1] in tag_knowledge().surnames


def _is_known_acronym(tag: str) -> bool:
    """`NATO`, `U.N.`, `G20`: an organisation's acronym written in capitals."""
    if tag != tag.upper() or " " in tag:
        return False
    return tag in tag_words.ACRONYMS or tag.replace(".", "") in tag_words.ACRONYMS


def uncomma(tag: str) -> str:
    """`"Maduro, Nicolás"` (catalogue order) -> `"Nicolás Maduro"`; other tags unchanged."""
    surname, comma, given = tag.partition(",")
    if comma and given.strip() and "," not in given:
        return f"{given.strip()} {surname.strip()}"
    return tag


@lru_cache(maxsize=65536)
def _name_keys(tag: str) -> tuple[str | None, tuple[str, ...]] | None:
    """The title opening a name-shaped tag (or None) and the keys of its name words; None if the
    tag is not 1-5 capitalised words (particles, initials and suffixes allowed)."""
    words = tag.split()
    keys = [tag_key(w) for w in words]
    title = None
    while keys and keys[0] in tag_words.TITLES:
        title = keys[0]
        words, keys = words[1:], keys[1:]
    names: list[str] = []
    for position, (word, key) in enumerate(zip(words, keys, strict=True)):
        if key in tag_words.PARTICLES and 0 < position < len(words) - 1:
            continue
        if key.startswith(tag_words.PARTICLE_PREFIXES) and position > 0:
            names.append(key.split("-", 1)[1])
            continue
        if not _is_name_word(word):
            return None
        names.append(key)
    while len(names) > 2 and names[-1] in tag_words.SUFFIXES:
        names.pop()
    if not names or len(names) > _MAX_NAME_WORDS:
        return None
    return title, tuple(names)


def _person_reason(tag: str) -> str:
    """Why the tag is a person's name ("a known given name", ...), or "" if it is not one."""
    shape = _name_keys(tag)
    if shape is None:
        return ""
    title, names = shape
    if title in tag_words.SAINT_WORDS:
        return ""  # "San Pedro de Atacama", "St Catherine": places named after saints
    knowledge = tag_knowledge()
    given = knowledge.given_names
    if len(names) == 1:
        if title in tag_words.PERSONAL_TITLES:
            return "a personal title"
        return "a known given name" if title is not None and _is_given(names[0], given) else ""
    if any(_is_given(name, given) for name in names[:-1]):
        return "a known given name"
    if len(names) <= 3 and names[0] in knowledge.family_first_names:
        return "a family name written first"
    return ""


def looks_like_name(tag: str) -> bool:
    """Two to five capitalised words, as a person's name is written."""
    shape = _name_keys(uncomma(tag.strip()))
    return shape is not None and len(shape[1]) > 1


@lru_cache(maxsize=65536)
def surnames(tag: str) -> tuple[tuple[str, bool], ...]:
    """Keys of the tag's words that may stand alone for it later in a text (not a given name, a
    title or a particle), each with whether such a mention says "person" by itself: not when the
    word is also a place's name ("Rojas", "Atacama"), whose cues are still read."""
    shape = _name_keys(uncomma(tag.strip()))
    if shape is None or len(shape[1]) < 2:
        return ()
    knowledge = tag_knowledge()
    return tuple(
        (name, name not in knowledge.places and name not in knowledge.towns)
        for name in shape[1]
        if len(name) > 2 and name not in knowledge.given_names and name not in tag_words.TITLES
    )


def _is_name_word(word: str) -> bool:
    if _INITIALS.fullmatch(word):
        return True
    return word[0].isupper() and all(c.isalpha() or c in _NAME_PUNCTUATION for c in word) and any(
        c.isalpha() for c in word[1:]
    )


def _is_given(name: str, given: KeySet) -> bool:
    return name in given or name.split("-", 1)[0] in given
