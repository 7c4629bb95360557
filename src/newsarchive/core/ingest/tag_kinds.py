"""Whether a tag names a person, a place, an organisation or a topic: the library's curated list
first, then real knowledge (a gazetteer, given-name lists, organisation and topic words)."""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from functools import lru_cache
from types import MappingProxyType

from newsarchive.core.ingest import tag_words
from newsarchive.core.ingest.tag_knowledge import KeySet, tag_knowledge
from newsarchive.core.ingest.tag_text import tag_key
from newsarchive.core.model import TAG_KINDS

# Spellings a person editing the curated list may use for a kind.
_KIND_SPELLINGS = {"organization": "organisation", "people": "person", "persons": "person"}
_INITIALS = re.compile(r"(?:[A-Z]\.){1,3}|[A-Z]")
_NAME_PUNCTUATION = "'’-."
_MAX_NAME_WORDS = 5


@dataclass(frozen=True)
class TagKinds:
    """The kind of each tag: `curated` (tag -> kind, the library's corrected list) wins, compared
    case- and accent-insensitively; other tags are guessed from the built-in knowledge.

    The knowledge (`tag_knowledge`: ~125,000 place names, ~67,000 given names) is loaded once per
    process, on the first guess, and shared by every `TagKinds`.
    """

    curated: Mapping[str, str] = field(default_factory=dict)
    _by_key: Mapping[str, str] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        by_key: dict[str, str] = {}
        for tag, kind in self.curated.items():
            if not isinstance(tag, str) or not isinstance(kind, str):
                raise ValueError(
                    f"The tag kinds list must map tag names to kinds; {tag!r}: {kind!r} does not."
                )
            normal = kind.strip().lower()
            normal = _KIND_SPELLINGS.get(normal, normal)
            if normal not in TAG_KINDS:
                raise ValueError(
                    f"Unknown tag kind {kind!r} for the tag {tag!r}: use one of "
                    f"{', '.join(TAG_KINDS)}."
                )
            if key := tag_key(tag):
                by_key[key] = normal
        object.__setattr__(self, "_by_key", MappingProxyType(by_key))

    @staticmethod
    def key(tag: str) -> str:
        """The form tags are compared in: `"Nicolás MADURO"` and `"nicolas maduro"` are one tag."""
        return tag_key(tag)

    def kind_of(self, tag: str) -> str:
        """One of `model.TAG_KINDS`: the curated kind if the list has the tag, else `guess(tag)`."""
        if self._by_key:
            curated = self._by_key.get(tag_key(tag))
            if curated is not None:
                return curated
        return _guess(tag)

    def people(self, tags: Iterable[str]) -> tuple[str, ...]:
        """The tags that name persons, in their order, each once (the first spelling kept)."""
        seen: set[str] = set()
        found: list[str] = []
        for tag in tags:
            key = tag_key(tag)
            if key and key not in seen and self.kind_of(tag) == "person":
                seen.add(key)
                found.append(tag.strip())
        return tuple(found)

    @staticmethod
    def guess(tag: str) -> str:
        """The kind from the built-in knowledge alone, ignoring the curated list."""
        return _guess(tag)


@lru_cache(maxsize=65536)
def _guess(tag: str) -> str:
    key = tag_key(tag)
    if not key:
        return "topic"
    bare = tag.strip()
    if key in tag_words.KNOWN_ORGANISATIONS or _is_acronym(bare):
        return "organisation"
    knowledge = tag_knowledge()
    dotless = key.replace(".", "")
    if key in knowledge.places or dotless in knowledge.places:
        return "place"
    word_keys = [w.strip(_NAME_PUNCTUATION + ",()\"") for w in key.split()]
    if any(w in tag_words.ORGANISATION_WORDS for w in word_keys):
        return "organisation"
    if _is_person_name(_uncomma(bare)):
        return "person"
    if key in knowledge.other_places or dotless in knowledge.other_places:
        return "place"
    return "topic"


def _is_acronym(tag: str) -> bool:
    """`NATO`, `U.N.`, `G20`: an organisation's acronym written in capitals."""
    if tag != tag.upper() or " " in tag:
        return False
    return tag in tag_words.ACRONYMS or tag.replace(".", "") in tag_words.ACRONYMS


def _uncomma(tag: str) -> str:
    """`"Maduro, Nicolás"` (catalogue order) -> `"Nicolás Maduro"`; other tags unchanged."""
    surname, comma, given = tag.partition(",")
    if comma and given.strip() and "," not in given:
        return f"{given.strip()} {surname.strip()}"
    return tag


def _is_person_name(tag: str) -> bool:
    """2-5 capitalised words (particles, initials and suffixes allowed) with a known given name
    before the surname; or a personal title and a capitalised name ("Pope Francis")."""
    words = tag.split()
    keys = [tag_key(w) for w in words]
    if any(k in tag_words.TOPIC_WORDS for k in keys):
        return False
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
            return False
        names.append(key)
    while len(names) > 2 and names[-1] in tag_words.SUFFIXES:
        names.pop()
    if not names or len(names) > _MAX_NAME_WORDS:
        return False
    given = tag_knowledge().given_names
    if len(names) == 1:
        personal = title in tag_words.PERSONAL_TITLES
        return title is not None and (personal or _is_given(names[0], given))
    return any(_is_given(name, given) for name in names[:-1])


def _is_name_word(word: str) -> bool:
    if _INITIALS.fullmatch(word):
        return True
    return word[0].isupper() and all(c.isalpha() or c in _NAME_PUNCTUATION for c in word) and any(
        c.isalpha() for c in word[1:]
    )


def _is_given(name: str, given: KeySet) -> bool:
    return name in given or name.split("-", 1)[0] in given
